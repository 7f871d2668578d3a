import type { Inflection } from './lemmatise.js';
import { isRole } from './function-words.js';
import { tokenAt } from './tokenise.js';
import type { SentenceView } from './sentence-view.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const VICTIMS = /^(?:victims?|survivors?)$/;
const LY_ENDING = /ly$/;
const COLLECTIVE_SUBJECT = /^(countries|nations|states|parties|members|governments|sides|leaders|others|community|union|council|assembly|organization|both|all)$/;
const PLURAL_AUXILIARY = /^(?:are|were|have|had|do|did)$/;

/**
 * Is the word at token i used as a verb? Without a tagger we look at its left neighbour: "the
 * attack" and "free visits" are nouns; "Japan condemned", "will visit", "Turkey, ..., supports" are
 * verbs. Past and -ing forms are verbs unless a determiner (or, for past forms, a preposition)
 * comes right before ("the occupied territories", "of occupied areas").
 */
export function isVerbReading(view: SentenceView, i: number, inflection: Inflection): boolean {
  const prev = view.tokens[i - 1];
  if (!prev) return inflection !== 's' && inflection !== 'base';
  // "we further urge": a word both determiner and adverb ("further") after a subject pronoun.
  if (isRole(prev, 'determiner') && isRole(prev, 'modal') && isRole(view.tokens[i - 2], 'subject-pronoun')) return true;
  if (isRole(prev, 'determiner') || prev.lower === "'s") return false;
  if (inflection === 'ed' || inflection === 'irregular') return !isRole(prev, 'preposition');
  // "the policy of concluding a treaty": a gerund after "of" names the act, it does not report it;
  // "paid tribute to bombing victims": an -ing word before "victims" or "survivors" says which ones.
  if (inflection === 'ing') return prev.lower !== 'of' && !VICTIMS.test(tokenAt(view.tokens, i + 1)?.lower ?? '');
  // "the right to criticize": an infinitive after a noun of possibility.
  if (inflection === 'base' && prev.lower === 'to' && isRole(view.tokens[i - 2], 'nominal-infinitive')) return false;
  const afterSubject =
    (view.mentionsAt[i - 1]?.length ?? 0) > 0 ||
    isRole(prev, 'subject-pronoun') ||
    isRole(prev, 'agent-head') ||
    LY_ENDING.test(prev.lower) ||
    COLLECTIVE_SUBJECT.test(prev.lower);
  // "sanctions are not the answer": a plural noun before its verb, not a verb in -s.
  if (inflection === 's' && PLURAL_AUXILIARY.test(view.tokens[i + 1]?.lower ?? '')) return false;
  if (inflection === 's') return afterSubject || prev.text === ',' || isRole(prev, 'modal') || prev.lower === 'and' || prev.lower === 'or';
  return afterSubject || isRole(prev, 'modal') || isRole(prev, 'be') || prev.lower === 'and' || prev.lower === 'or';
}
