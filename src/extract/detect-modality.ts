import type { Modality } from '../model/event.js';
import { roleAt } from './function-words.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const INTENSIFIER_BEFORE_POSSIBLE = /(est|^every|^all|^best|^worst|^as|^soonest)$/;

const WINDOW = 8;
// Markers that attribute a statement even when they follow it ("..., according to the authorities").
const AFTER_MARKERS = /^(according|reportedly|allegedly|purportedly)$/;

/**
 * Whether the act is stated as having happened (asserted), attributed to a source (reported),
 * announced for the future (planned: "will", "announced it would"), or only possible
 * (hypothetical: "may", "the possibility of"). The nearest marker before the trigger in its clause
 * wins; "according to ..." anywhere in the clause makes an otherwise asserted act reported.
 */
export function detectModality(view: SentenceView, clause: Clause, first: number): Modality {
  const from = Math.max(clause.first, first - WINDOW);
  // "In May, ...": a month name is not the modal.
  const inTimex = (i: number): boolean =>
    (i > 0 && view.tokens[i]!.text === 'May') || view.timexes.some((r) => r.start <= view.tokens[i]!.start && view.tokens[i]!.end <= r.end);
  for (let i = first - 1; i >= from; i--) {
    if (view.tokens[i]!.text === ';') break;
    if (inTimex(i)) continue;
    // "in the strongest possible terms", "every possible effort", "as soon as possible": intensifiers, not doubt.
    if (view.tokens[i]!.lower === 'possible' && INTENSIFIER_BEFORE_POSSIBLE.test(view.tokens[i - 1]?.lower ?? '')) continue;
    if (roleAt(view.tokens, i, 'hypothetical', first) >= 0) return 'hypothetical';
    if (roleAt(view.tokens, i, 'planned', first) >= 0) return 'planned';
    if (roleAt(view.tokens, i, 'reported', first) >= 0) return 'reported';
  }
  for (let i = first + 1; i <= Math.min(clause.last, first + 12); i++) {
    if (!AFTER_MARKERS.test(view.tokens[i]!.lower)) continue;
    if (roleAt(view.tokens, i, 'reported', clause.last + 1) >= 0) return 'reported';
  }
  return 'asserted';
}
