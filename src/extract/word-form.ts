import { lemmaCandidates, type LemmaCandidate } from './lemmatise.js';

/**
 * What extraction knows about a surface form regardless of where it occurs: its lower-cased
 * spelling and lemma candidates, and facts other modules derive from those on first use
 * (function-word roles, lexicon entries the form can start). One object per distinct surface,
 * shared by its tokens, so each fact is worked out once per form rather than once per token.
 */
export interface WordForm {
  id: number;
  surface: string;
  /** Lower-cased, spelling-normalised surface. */
  lower: string;
  lemmas: LemmaCandidate[];
  /** Punctuation or a symbol (a surface is always tokenised the same way, so this is the form's, not the token's). */
  punct: boolean;
  /** Bits of the function-word roles of the form, or -1 until worked out (function-words.ts). */
  roles: number;
  /** Per lexicon slot (trigger-pattern.ts): the entries a match at this form can start, once worked out. */
  starts: (readonly number[] | undefined)[];
  /** Bits of the lexicon slots known to have no entry starting at this form. */
  startsNothing: number;
}

// An open-addressed table keyed by the surface's characters in the text, so that a form seen before
// is found without cutting the surface out of the text (no string made, none hashed by the engine).
// Each slot is four integers: the hash, id + 1 (0: empty), and where the surface's characters are in
// a pool of its own, and how many; a lookup reads only these compact arrays until the form is found.
const LIMIT = 100_000;
const INITIAL_SLOTS = 1 << 14;
const HASH = 0;
const ID = 1;
const AT = 2;
const LENGTH = 3;
let slotData = new Int32Array(INITIAL_SLOTS * 4);
let pool = new Uint16Array(1 << 16);
let pooled = 0;
let forms: WordForm[] = [];

// In front of the table, a small direct-mapped cache of forms by hash: most tokens are a few
// thousand common words, whose entries here stay in the processor's cache, while the table (up to
// a few MB) and its pool are read at random places, often missing it between documents.
const FRONT_SIZE = 1 << 12;
const FRONT_MASK = FRONT_SIZE - 1;
// Bits of the hash the table does not use first, so that words colliding here spread there.
const FRONT_SHIFT = 16;
const frontHash = new Int32Array(FRONT_SIZE);
const NO_FORM: WordForm = { id: -1, surface: '', lower: '', lemmas: [], punct: false, roles: 0, starts: [], startsNothing: 0 };
const front: WordForm[] = new Array<WordForm>(FRONT_SIZE).fill(NO_FORM);

/** The hash of no characters; hashOf adds each with nextHash (a caller that scans a surface can hash it on the way). */
export const HASH_START = 0x811c9dc5 | 0;

export function nextHash(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

function hashOf(text: string, p: number, q: number): number {
  let h = HASH_START;
  for (let i = p; i < q; i++) h = nextHash(h, text.charCodeAt(i));
  return h;
}

function pooledEquals(at: number, text: string, p: number, q: number): boolean {
  for (let i = p; i < q; i++, at++) if (pool[at] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The form of text.slice(p, q). `punct` marks punctuation (its only lemma is itself); a surface is
 * always tokenised the same way, so the first call for a surface decides for every later one.
 */
export function wordFormAt(text: string, p: number, q: number, punct: boolean): WordForm {
  return wordFormHashed(text, p, q, punct, hashOf(text, p, q));
}

/** wordFormAt for a caller that has the surface's hash (hashOf(text, p, q)). */
export function wordFormHashed(text: string, p: number, q: number, punct: boolean, h: number): WordForm {
  const f = (h >>> FRONT_SHIFT) & FRONT_MASK;
  const recent = front[f]!;
  if (frontHash[f] === h && surfaceEquals(recent.surface, text, p, q)) return recent;
  const form = tableLookup(text, p, q, punct, h);
  frontHash[f] = h;
  front[f] = form;
  return form;
}

function tableLookup(text: string, p: number, q: number, punct: boolean, h: number): WordForm {
  const mask = (slotData.length >> 2) - 1;
  let k = h & mask;
  for (let s = k << 2; slotData[s + ID] !== 0; k = (k + 1) & mask, s = k << 2) {
    if (slotData[s + HASH] === h && slotData[s + LENGTH] === q - p && pooledEquals(slotData[s + AT]!, text, p, q)) return forms[slotData[s + ID]! - 1]!;
  }
  return addForm(text, p, q, punct, h, k);
}

function surfaceEquals(surface: string, text: string, p: number, q: number): boolean {
  if (surface.length !== q - p) return false;
  for (let i = 0; i < surface.length; i++) if (surface.charCodeAt(i) !== text.charCodeAt(p + i)) return false;
  return true;
}

// A form seen for the first time, at free slot k. Apart from the lookup above: this path's rare
// branches (a full pool, a table to grow, the limit) would otherwise take the optimised lookup back
// to unoptimised code the first time each is met, to be compiled again.
function addForm(text: string, p: number, q: number, punct: boolean, h: number, free: number): WordForm {
  let k = free;
  // Kept bounded, as a cache: past the limit it starts again (forms are recomputed the same).
  if (forms.length >= LIMIT) {
    slotData = new Int32Array(INITIAL_SLOTS * 4);
    pooled = 0;
    forms = [];
    k = h & ((slotData.length >> 2) - 1);
  }
  if (pooled + (q - p) > pool.length) growPool(q - p);
  const at = pooled;
  for (let i = p; i < q; i++) pool[pooled++] = text.charCodeAt(i);
  // The surface is built from the pool, not sliced from the text: V8 makes a slice of 13 or more
  // characters a view into the whole document, which the cached form would keep alive.
  const form = newForm(forms.length, pooledString(at, q - p), punct);
  forms.push(form);
  place(k, h, form.id, at, q - p);
  if (forms.length * 2 > slotData.length >> 2) grow();
  return form;
}

/** A fresh string of the pooled code units at..at+length (in chunks: apply takes limited arguments). */
function pooledString(at: number, length: number): string {
  let out = '';
  for (let from = at, end = at + length; from < end; from += 4096) {
    out += String.fromCharCode.apply(null, pool.subarray(from, Math.min(end, from + 4096)) as unknown as number[]);
  }
  return out;
}

function growPool(needed: number): void {
  const larger = new Uint16Array(Math.max(pool.length * 2, pooled + needed));
  larger.set(pool.subarray(0, pooled));
  pool = larger;
}

function place(k: number, h: number, id: number, at: number, length: number): void {
  const s = k << 2;
  slotData[s + HASH] = h;
  slotData[s + ID] = id + 1;
  slotData[s + AT] = at;
  slotData[s + LENGTH] = length;
}

function newForm(id: number, surface: string, punct: boolean): WordForm {
  const lowered = surface.toLowerCase();
  const lower = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
  return { id, surface, lower, lemmas: punct ? [{ lemma: lower, inflection: 'base' }] : lemmaCandidates(surface), punct, roles: -1, starts: [], startsNothing: 0 };
}

function grow(): void {
  const old = slotData;
  slotData = new Int32Array(old.length * 2);
  const mask = (slotData.length >> 2) - 1;
  for (let s = 0; s < old.length; s += 4) {
    if (old[s + ID] === 0) continue;
    let k = old[s + HASH]! & mask;
    while (slotData[(k << 2) + ID] !== 0) k = (k + 1) & mask;
    place(k, old[s + HASH]!, old[s + ID]! - 1, old[s + AT]!, old[s + LENGTH]!);
  }
}
