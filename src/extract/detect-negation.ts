import { isRole, roleAt } from './function-words.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const COORDINATOR = /^(and|but|or)$/;
const AUXILIARY = /^(has|have|had|is|are|was|were|will|would|can|could|does|do|did)$/;

const WINDOW = 6;

/**
 * The sentence says the act did not happen: "has never condemned", "has not directly condemned",
 * "failed to reach an agreement", "no sanctions were imposed". Only the few words before the
 * trigger in its own clause count, so a "not" elsewhere in the sentence does not flip it.
 */
export function isNegated(view: SentenceView, clause: Clause, first: number): boolean {
  const from = Math.max(clause.first, first - WINDOW);
  for (let i = first - 1; i >= from; i--) {
    const t = view.tokens[i]!;
    if (t.text === ',' || t.text === ';') break;
    // "has never condemned Russia and has opposed sanctions": a conjunct with its own auxiliary is not in scope.
    if (COORDINATOR.test(t.lower) && AUXILIARY.test(view.tokens[i + 1]?.lower ?? '')) break;
    // "not only ... but also" is emphasis, not negation.
    if (t.lower === 'not' && view.tokens[i + 1]?.lower === 'only') continue;
    if (isRole(t, 'negator')) return true;
    const last = roleAt(view.tokens, i, 'negator-phrase', first);
    if (last >= 0) return true;
  }
  return false;
}
