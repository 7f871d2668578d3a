import { readDataRows } from './data-files.js';

/**
 * How a word form relates to its lemma; verb-form checks use it to tell "visits" (plural noun or
 * third person verb) from "visited" (past) and "visiting" (gerund).
 */
export type Inflection = 'base' | 's' | 'ed' | 'ing' | 'irregular';

export interface LemmaCandidate {
  lemma: string;
  inflection: Inflection;
}

let irregular: Map<string, string> | undefined;

function irregularForms(): Map<string, string> {
  irregular ??= new Map(readDataRows('irregular-forms.tsv').flatMap(([form, lemma]) => (form && lemma ? [[form, lemma] as [string, string]] : [])));
  return irregular;
}

/**
 * Fold spelling variants so that lexicon entries and text meet: British -ise/-isation to -ize/-ization,
 * -programme to -program, -our to -or is left alone (too many false friends), curly apostrophes to straight.
 */
export function normaliseSpelling(word: string): string {
  let w = word.toLowerCase();
  // Each rewrite only where its letters occur: most words have none, and the expressions cost more than the tests.
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.length > 5 && w.includes('is')) {
    w = w.replace(/isation(s?)$/, 'ization$1').replace(/is(e|es|ed|ing)$/, 'iz$1');
  }
  if (w.includes('programme')) w = w.replace(/programme/, 'program');
  if (w.includes('defence')) w = w.replace(/defence/, 'defense');
  if (w.includes('favour')) w = w.replace(/favour/, 'favor');
  return w;
}

/**
 * Every lemma a word form could have, most literal first. Generating candidates (rather than
 * choosing one) keeps the lemmatiser small: "visits" yields visit (noun plural or verb), and the
 * lexicon decides which reading it wants.
 */
export function lemmaCandidates(word: string): LemmaCandidate[] {
  const w = normaliseSpelling(word);
  const out: LemmaCandidate[] = [{ lemma: w, inflection: 'base' }];
  const add = (lemma: string, inflection: Inflection): void => {
    if (lemma.length >= 2 && !out.some((c) => c.lemma === lemma)) out.push({ lemma, inflection });
  };
  const irr = irregularForms().get(w);
  // "put", "cut", "set": the same form is also the past participle.
  if (irr === w) out.push({ lemma: w, inflection: 'irregular' });
  else if (irr) add(irr, 'irregular');
  if (w.length < 4 || !/^[a-z]/.test(w)) return out;

  if (w.endsWith('ies')) add(w.slice(0, -3) + 'y', 's');
  else if (/(ches|shes|sses|xes|zes|oes)$/.test(w)) add(w.slice(0, -2), 's');
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) add(w.slice(0, -1), 's');

  if (w.endsWith('ied')) add(w.slice(0, -3) + 'y', 'ed');
  else if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    add(stem, 'ed');
    add(stem + 'e', 'ed');
    if (/([bdgklmnprt])\1$/.test(stem)) add(stem.slice(0, -1), 'ed');
  }
  if (w.endsWith('ing') && w.length >= 5) {
    const stem = w.slice(0, -3);
    add(stem, 'ing');
    add(stem + 'e', 'ing');
    if (/([bdgklmnprt])\1$/.test(stem)) add(stem.slice(0, -1), 'ing');
    if (stem.endsWith('y')) add(stem, 'ing');
  }
  return out;
}
