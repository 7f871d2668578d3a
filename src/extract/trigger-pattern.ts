import { normaliseSpelling, type Inflection, type LemmaCandidate } from './lemmatise.js';
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
  /** Only required words, no gaps (most patterns): matched by a plain loop. */
  plain?: boolean;
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
// Long enough for "declared a consul at the Consulate-General of X in Sapporo as persona non grata".
const MAX_LONG_GAP = 14;
const GAP_PUNCT_OK = new Set(['“', '”', '"', "'", '‘', '’', '-', '(', ')']);

export function compilePattern(source: string): CompiledPattern {
  const slots: Slot[] = source
    .trim()
    .split(/\s+/)
    .map((part) => {
      // Word slots carry a maxGap too (never read): slots of one shape keep step's reads monomorphic.
      if (part === '*') return { alts: null, optional: true, maxGap: MAX_GAP };
      if (part === '**') return { alts: null, optional: true, maxGap: MAX_LONG_GAP };
      const optional = part.endsWith('?');
      const body = optional ? part.slice(0, -1) : part;
      return { alts: new Set(body.split('|').map((a) => normaliseSpelling(a))), optional, maxGap: MAX_GAP };
    });
  return { source, slots, weight: slots.filter((s) => s.alts !== null).length, plain: slots.length > 0 && slots.every((s) => s.alts !== null && !s.optional) };
}

/** The words a pattern can start with (for indexing); null when its first slot is optional. */
export function firstWords(pattern: CompiledPattern): ReadonlySet<string> | null {
  const first = pattern.slots[0];
  return first && first.alts && !first.optional ? first.alts : null;
}

/** Try to match the pattern starting exactly at token i (not beyond `limit`, exclusive). */
export function matchAt(tokens: readonly Token[], i: number, pattern: CompiledPattern, limit = tokens.length): PatternMatch | null {
  if (pattern.plain) return matchPlain(tokens, i, pattern, limit);
  search.tokens = tokens;
  search.pattern = pattern;
  search.limit = limit;
  search.found = false;
  step(0, i, -1, -1, 0, null);
  search.tokens = NO_TOKENS;
  return search.found ? { first: search.first, last: search.last, rank: search.rank, inflection: search.inflection } : null;
}

// What matchAt's search works on and the best match so far: one record for the process (a search
// never starts another), so no closure or match object is made for each way tried.
const NO_TOKENS: readonly Token[] = [];
const search = {
  tokens: NO_TOKENS,
  // Of the shape compilePattern gives (with `plain`), so that the field keeps one type.
  pattern: { source: '', slots: [], weight: 0, plain: false } as CompiledPattern,
  limit: 0,
  found: false,
  first: -1,
  last: -1,
  rank: 0,
  inflection: 'base' as Inflection,
};

/** Every way to match the slots from `slot` on at token t; the shortest match, then the lowest rank, is kept. */
function step(slot: number, t: number, first: number, last: number, rank: number, inflection: Inflection | null): void {
  const { tokens, pattern, limit } = search;
  if (slot === pattern.slots.length) {
    if (first < 0 || inflection === null) return;
    if (!search.found || last - first < search.last - search.first || (last - first === search.last - search.first && rank < search.rank)) {
      search.found = true;
      search.first = first;
      search.last = last;
      search.rank = rank;
      search.inflection = inflection;
    }
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
  const lemmas = tokens[t]!.lemmas;
  let k = 0;
  while (k < lemmas.length && !s.alts.has(lemmas[k]!.lemma)) k++;
  if (k === lemmas.length) return;
  step(slot + 1, t + 1, first < 0 ? t : first, t, rank + k, inflection ?? lemmas[k]!.inflection);
}

/** matchAt for a pattern of required words only: one way to match, word after word. */
function matchPlain(tokens: readonly Token[], i: number, pattern: CompiledPattern, limit: number): PatternMatch | null {
  const n = pattern.slots.length;
  if (i + n > limit) return null;
  let rank = 0;
  let inflection: Inflection = 'base';
  for (let j = 0; j < n; j++) {
    const lemmas = tokens[i + j]!.lemmas;
    const alts = pattern.slots[j]!.alts!;
    let k = 0;
    while (k < lemmas.length && !alts.has(lemmas[k]!.lemma)) k++;
    if (k === lemmas.length) return null;
    if (j === 0) inflection = lemmas[k]!.inflection;
    rank += k;
  }
  return { first: i, last: i + n - 1, rank, inflection };
}

/**
 * The lemmas a match can start with: the alternatives of every word slot up to and including the
 * first required one (gaps before it would move the first word past the start token).
 */
const startWordCache = new WeakMap<CompiledPattern, string[]>();

function startWords(pattern: CompiledPattern): string[] {
  let words = startWordCache.get(pattern);
  if (words) return words;
  const set = new Set<string>();
  for (const slot of pattern.slots) {
    if (slot.alts === null) continue;
    for (const a of slot.alts) set.add(a);
    if (!slot.optional) break;
  }
  words = [...set];
  startWordCache.set(pattern, words);
  return words;
}

/**
 * Entry positions by the lemmas they can start with; lists filtered per call are indexed per call.
 * The first indexes made (the lexicons and role lists, kept for the process) also keep, per word
 * form, the entries it can start once worked out.
 */
interface StartIndex {
  byWord: Map<string, number[]>;
  /**
   * The entries' patterns, by position: entries of different lexicons have different shapes, and
   * reading `entry.pattern` in the match loop made its loads polymorphic (a deopt for each new lexicon).
   */
  patterns: CompiledPattern[];
  /** Position in WordForm.starts, or -1 for an index made per call (not remembered by the forms). */
  slot: number;
  /** Bit of the slot in WordForm.startsNothing (0 past 31 slots). */
  bit: number;
}

const startIndexes = new WeakMap<readonly object[], StartIndex>();
// Indexes that keep entries per form: the first ones made, i.e. the lexicons and role lists kept for the process.
const INDEXES_BY_FORM = 64;
let indexesByForm = 0;

function startIndex(entries: readonly { pattern: CompiledPattern }[]): StartIndex {
  let index = startIndexes.get(entries);
  if (index) return index;
  const byWord = new Map<string, number[]>();
  for (let n = 0; n < entries.length; n++) {
    for (const w of startWords(entries[n]!.pattern)) {
      const list = byWord.get(w);
      if (list) list.push(n);
      else byWord.set(w, [n]);
    }
  }
  const slot = indexesByForm < INDEXES_BY_FORM ? indexesByForm++ : -1;
  index = { byWord, patterns: entries.map((e) => e.pattern), slot, bit: slot >= 0 && slot < 31 ? 1 << slot : 0 };
  startIndexes.set(entries, index);
  return index;
}

const NONE: readonly number[] = [];

/** The entries a match at the token can start with: those of any of its readings, in list order, each once. */
function startingEntries(token: Token, index: StartIndex): readonly number[] {
  const form = token.form;
  if (form === undefined || index.slot < 0) return entriesOfReadings(token.lemmas, index.byWord);
  // Most forms start nothing in most lexicons.
  if ((form.startsNothing & index.bit) !== 0) return NONE;
  let found = form.starts[index.slot];
  if (found === undefined) {
    found = entriesOfReadings(token.lemmas, index.byWord);
    // Filled up to the slot so that the list stays dense.
    while (form.starts.length < index.slot) form.starts.push(undefined);
    form.starts[index.slot] = found;
    if (found.length === 0) form.startsNothing |= index.bit;
  }
  return found;
}

function entriesOfReadings(lemmas: readonly LemmaCandidate[], byWord: Map<string, number[]>): readonly number[] {
  // Usually one reading has entries: its list is already in order and without repeats, so it is used as is.
  let first: number[] | undefined;
  let merged: number[] | undefined;
  for (const c of lemmas) {
    const list = byWord.get(c.lemma);
    if (!list) continue;
    if (!first) first = list;
    else {
      merged ??= first.slice();
      for (const n of list) merged.push(n);
    }
  }
  if (!first) return NONE;
  if (!merged) return first;
  merged.sort((a, b) => a - b);
  return merged.filter((n, k) => k === 0 || n !== merged[k - 1]);
}

/** All matches of a set of patterns over tokens[from, to). */
export function findMatches<T extends { pattern: CompiledPattern }>(
  tokens: readonly Token[],
  entries: readonly T[],
  from = 0,
  to = tokens.length,
): { entry: T; match: PatternMatch }[] {
  const out: { entry: T; match: PatternMatch }[] = [];
  const index = startIndex(entries);
  for (let i = from; i < to; i++) collectMatchesAt(tokens, i, entries, index, to, out);
  return out;
}

/**
 * findMatches keeping the matches of the entries `keep` accepts (as passing `entries.filter(keep)`
 * would) while the index of the whole list is reused: a list filtered per call would be indexed
 * anew on every call. Whether an entry matches does not depend on the others, so filtering the
 * matches finds what filtering the entries would. A function apart from findMatches: its few, late
 * callers took the optimised findMatches (and what inlines it) to a branch it had never run, and
 * it was deoptimised and compiled again.
 */
export function findMatchesWhere<T extends { pattern: CompiledPattern }>(
  tokens: readonly Token[],
  entries: readonly T[],
  from: number,
  to: number,
  keep: (entry: T) => boolean,
): { entry: T; match: PatternMatch }[] {
  return findMatches(tokens, entries, from, to).filter((m) => keep(m.entry));
}

/** The matches of a set of patterns that start exactly at token i (none beyond `limit`, exclusive), in list order. */
export function matchesAt<T extends { pattern: CompiledPattern }>(tokens: readonly Token[], i: number, entries: readonly T[], limit = tokens.length): { entry: T; match: PatternMatch }[] {
  const out: { entry: T; match: PatternMatch }[] = [];
  if (entries.length > 0 && i >= 0 && i < limit && i < tokens.length) collectMatchesAt(tokens, i, entries, startIndex(entries), limit, out);
  return out;
}

/** The last token of the longest match of any of the patterns starting exactly at token i (none beyond `limit`, exclusive), or -1. */
export function longestMatchEndAt(tokens: readonly Token[], i: number, entries: readonly { pattern: CompiledPattern }[], limit = tokens.length): number {
  if (entries.length === 0 || i < 0 || i >= limit || i >= tokens.length) return -1;
  const index = startIndex(entries);
  const candidates = startingEntries(tokens[i]!, index);
  let last = -1;
  for (let k = 0; k < candidates.length; k++) {
    const m = matchAt(tokens, i, index.patterns[candidates[k]!]!, limit);
    if (m && m.first === i && m.last > last) last = m.last;
  }
  return last;
}

function collectMatchesAt<T extends { pattern: CompiledPattern }>(
  tokens: readonly Token[],
  i: number,
  entries: readonly T[],
  index: StartIndex,
  limit: number,
  out: { entry: T; match: PatternMatch }[],
): void {
  // Only entries that can start with one of the token's readings are tried (a match must start at i);
  // they are tried in list order, as a scan of every entry would.
  const candidates = startingEntries(tokens[i]!, index);
  for (let k = 0; k < candidates.length; k++) {
    const n = candidates[k]!;
    const m = matchAt(tokens, i, index.patterns[n]!, limit);
    if (m && m.first === i) out.push({ entry: entries[n]!, match: m });
  }
}
