import type { PloverType, Quad } from '../model/event.js';
import type { EventLexicon } from './trigger-lexicon.js';

/** Quad class and intensity of a type (and mode, where PLOVER scores modes separately). */
export function scoreEvent(lexicon: EventLexicon, type: PloverType, mode?: string): { quad: Quad; intensity: number } {
  const t = lexicon.types.get(type);
  if (!t) throw new Error(`plover-types.tsv has no row for ${type}`);
  const modeScore = mode ? t.modes.get(mode) : undefined;
  return { quad: t.quad, intensity: modeScore ?? t.score };
}
