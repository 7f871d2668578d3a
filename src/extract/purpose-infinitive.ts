import type { SentenceView } from './sentence-view.js';

// Verbs whose "to"-infinitive is an aim or an effect, not an act that took place:
// "camps where fighters are trained to attack", "measures designed to punish", "cause it to capitulate".
const AIM_VERBS = new Set(['train', 'design', 'cause']);

/**
 * Is the verb at token `first` an infinitive of purpose ("in order to impose", "so as to deter")
 * or the aim of training or design ("trained to attack")? Such a verb names what someone wanted,
 * not an event. Planned acts ("decided to impose", "plans to visit") are not purposes: they keep
 * their event with a planned modality.
 */
export function isPurposeInfinitive(view: SentenceView, first: number): boolean {
  const t = view.tokens;
  if (t[first - 1]?.lower !== 'to') return false;
  const a = t[first - 2]?.lower;
  const b = t[first - 3]?.lower;
  if ((a === 'order' && b === 'in') || (a === 'as' && b === 'so')) return true;
  // The aim verb right before "to", or before its object ("cause it to", "trained fighters to").
  for (let i = first - 2; i >= Math.max(0, first - 4); i--) {
    const tok = t[i]!;
    if (tok.punct) return false;
    if (tok.lemmas.some((c) => AIM_VERBS.has(c.lemma) && c.inflection !== 's')) return true;
  }
  return false;
}
