import { lemmaCandidates, type LemmaCandidate } from './lemmatise.js';

/**
 * What extraction knows about a surface form regardless of where it occurs: its lower-cased
 * spelling and lemma candidates. One object per distinct surface, shared by its tokens; its `id`
 * (dense, from 0) lets other modules keep facts they derive per form (function-word roles, lexicon
 * entries a form can start) in compact arrays, worked out once per form rather than per token.
 */
export interface WordForm {
  id: number;
  surface: string;
  /** Lower-cased, spelling-normalised surface. */
  lower: string;
  lemmas: LemmaCandidate[];
}

/**
 * Bumped when the table starts again (ids are then given anew): arrays kept by form id must be
 * dropped when it changes.
 */
export let formGeneration = 0;

// An open-addressed table keyed by the surface's characters in the text, so that a form seen before
// is found without cutting the surface out of the text (no string made, none hashed by the engine).
// Slots hold id + 1 (0: empty) beside the full hash, compared before the form itself is read.
const LIMIT = 100_000;
const INITIAL_SLOTS = 1 << 14;
let slotIds = new Int32Array(INITIAL_SLOTS);
let slotHashes = new Int32Array(INITIAL_SLOTS);
let forms: WordForm[] = [];

function hashOf(text: string, p: number, q: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = p; i < q; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameSurface(surface: string, text: string, p: number, q: number): boolean {
  if (surface.length !== q - p) return false;
  for (let i = 0; i < surface.length; i++) if (surface.charCodeAt(i) !== text.charCodeAt(p + i)) return false;
  return true;
}

/**
 * The form of text.slice(p, q). `punct` marks punctuation (its only lemma is itself); a surface is
 * always tokenised the same way, so the first call for a surface decides for every later one.
 */
export function wordFormAt(text: string, p: number, q: number, punct: boolean): WordForm {
  const h = hashOf(text, p, q);
  let mask = slotIds.length - 1;
  let k = h & mask;
  for (let id = slotIds[k]!; id !== 0; id = slotIds[k]!) {
    if (slotHashes[k] === h) {
      const form = forms[id - 1]!;
      if (sameSurface(form.surface, text, p, q)) return form;
    }
    k = (k + 1) & mask;
  }
  // Kept bounded, as a cache: past the limit it starts again (forms are recomputed the same).
  if (forms.length >= LIMIT) {
    slotIds = new Int32Array(INITIAL_SLOTS);
    slotHashes = new Int32Array(INITIAL_SLOTS);
    forms = [];
    formGeneration++;
    mask = slotIds.length - 1;
    k = h & mask;
  }
  const form = newForm(forms.length, text.slice(p, q), punct);
  forms.push(form);
  slotIds[k] = form.id + 1;
  slotHashes[k] = h;
  if (forms.length * 2 > slotIds.length) grow();
  return form;
}

function newForm(id: number, surface: string, punct: boolean): WordForm {
  const lowered = surface.toLowerCase();
  const lower = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
  return { id, surface, lower, lemmas: punct ? [{ lemma: lower, inflection: 'base' }] : lemmaCandidates(surface) };
}

function grow(): void {
  const size = slotIds.length * 2;
  slotIds = new Int32Array(size);
  slotHashes = new Int32Array(size);
  const mask = size - 1;
  for (const form of forms) {
    const h = hashOf(form.surface, 0, form.surface.length);
    let k = h & mask;
    while (slotIds[k] !== 0) k = (k + 1) & mask;
    slotIds[k] = form.id + 1;
    slotHashes[k] = h;
  }
}

/** Facts kept per form id (dense, so reading one is an array access); dropped when the forms start again. */
export class PerForm<T> {
  private values: (T | undefined)[] = [];
  private generation = formGeneration;

  get(id: number): T | undefined {
    if (this.generation !== formGeneration) {
      this.values = [];
      this.generation = formGeneration;
    }
    return this.values[id];
  }

  set(id: number, value: T): void {
    if (this.generation !== formGeneration) {
      this.values = [];
      this.generation = formGeneration;
    }
    // Filled up to id so that the array stays dense.
    while (this.values.length < id) this.values.push(undefined);
    this.values[id] = value;
  }
}
