import { normaliseSpelling, type Inflection } from './lemmatise.js';
import type { Token } from './tokenise.js';

/**
 * Patterns are written as lemmas separated by spaces: `lodge * protest`, `summit? telephone|phone call`.
 * `a|b` is a choice, `x?` may be absent, `*` skips up to MAX_GAP words, `**` up to MAX_LONG_GAP (never a clause-ending mark).
 */
interface Slot {
  alts: ReadonlySet<string> | null;
  optional: boolean;
  maxGap?: number;
}

export interface CompiledPattern {
  source: string;
  slots: Slot[];
  /** Number of word slots: a longer pattern wins over a shorter one on the same words. */
  weight: number;
}

export interface PatternMatch {
  /** Token indices (inclusive) of the first and last matched word. */
  first: number;
  last: number;
  /** Sum of lemma-candidate ranks used (0 = every word matched as written). */
  rank: number;
  /** How the first word was inflected (for verb-form checks). */
  inflection: Inflection;
}

const MAX_GAP = 3;
const MAX_LONG_GAP = 8;
const GAP_PUNCT_OK = new Set(['“', '”', '"', "'", '‘', '’', '-', '(', ')']);

export function compilePattern(source: string): CompiledPattern {
  const slots: Slot[] = source
    .trim()
    .split(/\s+/)
    .map((part) => {
      if (part === '*') return { alts: null, optional: true, maxGap: MAX_GAP };
      if (part === '**') return { alts: null, optional: true, maxGap: MAX_LONG_GAP };
      const optional = part.endsWith('?');
      const body = optional ? part.slice(0, -1) : part;
      return { alts: new Set(body.split('|').map((a) => normaliseSpelling(a))), optional } as Slot;
    });
  return { source, slots, weight: slots.filter((s) => s.alts !== null).length };
}

/** The words a pattern can start with (for indexing); null when its first slot is optional. */
export function firstWords(pattern: CompiledPattern): ReadonlySet<string> | null {
  const first = pattern.slots[0];
  return first && first.alts && !first.optional ? first.alts : null;
}

/** Try to match the pattern starting exactly at token i (not beyond `limit`, exclusive). */
export function matchAt(tokens: readonly Token[], i: number, pattern: CompiledPattern, limit = tokens.length): PatternMatch | null {
  let best: PatternMatch | null = null;
  const step = (slot: number, t: number, first: number, last: number, rank: number, inflection: Inflection | null): void => {
    if (slot === pattern.slots.length) {
      if (first < 0 || inflection === null) return;
      const m: PatternMatch = { first, last, rank, inflection };
      if (!best || m.last - m.first < best.last - best.first || (m.last - m.first === best.last - best.first && m.rank < best.rank)) best = m;
      return;
    }
    const s = pattern.slots[slot]!;
    if (s.alts === null) {
      // A gap: skip 0..MAX_GAP tokens that do not end a clause.
      for (let g = 0; g <= (s.maxGap ?? MAX_GAP) && t + g <= limit; g++) {
        if (g > 0) {
          const skipped = tokens[t + g - 1]!;
          if (skipped.punct && !GAP_PUNCT_OK.has(skipped.text)) break;
        }
        step(slot + 1, t + g, first, last, rank, inflection);
      }
      return;
    }
    if (s.optional) step(slot + 1, t, first, last, rank, inflection);
    if (t >= limit) return;
    const tok = tokens[t]!;
    const k = tok.lemmas.findIndex((c) => s.alts!.has(c.lemma));
    if (k < 0) return;
    step(slot + 1, t + 1, first < 0 ? t : first, t, rank + k, inflection ?? tok.lemmas[k]!.inflection);
  };
  step(0, i, -1, -1, 0, null);
  return best;
}

/** All matches of a set of patterns over tokens[from, to). */
export function findMatches<T extends { pattern: CompiledPattern }>(
  tokens: readonly Token[],
  entries: readonly T[],
  from = 0,
  to = tokens.length,
): { entry: T; match: PatternMatch }[] {
  const out: { entry: T; match: PatternMatch }[] = [];
  for (let i = from; i < to; i++) {
    for (const entry of entries) {
      const m = matchAt(tokens, i, entry.pattern, to);
      if (m && m.first === i) out.push({ entry, match: m });
    }
  }
  return out;
}
