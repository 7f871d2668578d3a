import { contentWords } from './word-tokens.js';

// Words too common to say two sentences are about the same thing. A short closed-class list
// written for this purpose: determiners, pronouns, auxiliaries, prepositions, conjunctions.
const STOP = new Set(`a an the this that these those it its it's he she they them their his her our we us you your i my me
is are was were be been being am has have had do does did will would shall should can could may might must
of in on at by for to from with without into onto upon over under about as than then so such and or nor but if
not no yes also all any each every both either neither other another some more most much many very own same
which who whom whose what when where why how there here`.split(/\s+/));

/** The words of a sentence as compared: lower-cased, and without stop words unless too few remain. */
export function comparisonWords(text: string): string[] {
  const all = contentWords(text);
  const content = all.filter((w) => !STOP.has(w));
  return content.length >= 3 ? content : all;
}

/**
 * Dice coefficient of two word multisets (0 nothing shared, 1 the same words): the share of
 * words two sentences have in common, counting repeats.
 */
export function diceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) { shared++; counts.set(w, n - 1); }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Whitespace and quote style do not make a sentence different. */
export function normaliseSentence(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
