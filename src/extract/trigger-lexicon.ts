import { PLOVER_TYPES, type PloverType, type Quad } from '../model/event.js';
import { readDataRows } from './data-files.js';
import { normaliseSpelling } from './lemmatise.js';
import { compilePattern, type CompiledPattern } from './trigger-pattern.js';

/** How a trigger entry may fire: see the header of data/event-triggers.tsv. */
export type TriggerPos = 'verb' | 'phrase' | 'noun' | 'state';

export interface TriggerEntry {
  pattern: CompiledPattern;
  pos: TriggerPos;
  /** 1-based line-order id, cited in rule ids. */
  line: number;
}

export interface EventTriggerEntry extends TriggerEntry {
  type: PloverType;
  mode?: string;
  contexts: string[];
  /** Drop the event when no entity actor is found. */
  needsActor: boolean;
  /** Only when the sentence contains one of these lemmas. */
  contextWords: ReadonlySet<string> | null;
}

export interface PloverTypeScore {
  quad: Quad;
  score: number;
  modes: ReadonlyMap<string, number>;
}

export interface EventLexicon {
  triggers: EventTriggerEntry[];
  types: ReadonlyMap<PloverType, PloverTypeScore>;
}

const POS = new Set<TriggerPos>(['verb', 'phrase', 'noun', 'state']);

export function parseTriggerPos(value: string | undefined, where: string): TriggerPos {
  if (value && POS.has(value as TriggerPos)) return value as TriggerPos;
  throw new Error(`${where}: unknown pos "${value ?? ''}"`);
}

/** Build the event lexicon from TSV rows (exported for tests with hand-made rows). */
export function buildEventLexicon(triggerRows: string[][], typeRows: string[][]): EventLexicon {
  const types = new Map<PloverType, PloverTypeScore>();
  for (const [type, quad, score, modes] of typeRows) {
    if (!PLOVER_TYPES.includes(type as PloverType)) throw new Error(`plover-types.tsv: unknown type ${type}`);
    const modeScores = new Map<string, number>();
    for (const pair of (modes ?? '').split('|').filter(Boolean)) {
      const [m, s] = pair.split('=');
      if (m && s) modeScores.set(m, Number(s));
    }
    types.set(type as PloverType, { quad: Number(quad) as Quad, score: Number(score), modes: modeScores });
  }
  const triggers: EventTriggerEntry[] = triggerRows.map(([pattern, type, mode, contexts, pos, requires], k) => {
    const where = `event-triggers.tsv row ${k + 1}`;
    if (!pattern || !PLOVER_TYPES.includes(type as PloverType)) throw new Error(`${where}: bad pattern or type`);
    const req = (requires ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    const ctx = req.find((r) => r.startsWith('ctx:'));
    return {
      pattern: compilePattern(pattern),
      type: type as PloverType,
      ...(mode ? { mode } : {}),
      contexts: (contexts ?? '').split(/[|,]/).map((c) => c.trim()).filter(Boolean),
      pos: parseTriggerPos(pos, where),
      needsActor: req.includes('actor'),
      contextWords: ctx ? new Set(ctx.slice(4).split('|').map(normaliseSpelling)) : null,
      line: k + 1,
    };
  });
  return { triggers, types };
}

let cached: EventLexicon | undefined;

export function eventLexicon(): EventLexicon {
  cached ??= buildEventLexicon(readDataRows('event-triggers.tsv'), readDataRows('plover-types.tsv'));
  return cached;
}
