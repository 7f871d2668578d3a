import { lemmaCandidates, type LemmaCandidate } from './lemmatise.js';

export interface Token {
  /** Document offsets. */
  start: number;
  end: number;
  text: string;
  /** Lower-cased, spelling-normalised surface. */
  lower: string;
  lemmas: LemmaCandidate[];
  /** True for punctuation and symbols. */
  punct: boolean;
}

// Words keep inner hyphens ("Japan-Russia", "people-to-people"); "'s" and "n't" are tokens of their own
// so that possessives and negation can be seen.
const TOKEN = /\p{L}+(?=n['’]t(?!\p{L}))|n['’]t(?!\p{L})|['’]s(?!\p{L})|\p{L}+(?:(?:-|['’](?!s(?!\p{L})))\p{L}+)*|[+-]?\d+(?:[.,]\d+)*%?|\S/gu;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Tokens of text.slice(start, end), with document offsets. */
export function tokenise(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    const surface = m[0];
    // Tokens longer than one code point come from the word and number patterns: never punctuation.
    const punct = surface.length <= 2 && !LETTER_OR_NUMBER.test(surface);
    const lowered = surface.toLowerCase();
    const lower = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
    tokens.push({
      start: s,
      end: s + surface.length,
      text: surface,
      lower,
      lemmas: lemmasOf(surface, lower, punct),
      punct,
    });
  }
  return tokens;
}

// Lemma candidates depend only on the surface: computed once per word form (callers never edit them).
const lemmaCache = new Map<string, LemmaCandidate[]>();
const LEMMA_CACHE_LIMIT = 100_000;

function lemmasOf(surface: string, lower: string, punct: boolean): LemmaCandidate[] {
  const key = punct ? `\u0000${lower}` : surface;
  let lemmas = lemmaCache.get(key);
  if (!lemmas) {
    lemmas = punct ? [{ lemma: lower, inflection: 'base' }] : lemmaCandidates(surface);
    if (lemmaCache.size >= LEMMA_CACHE_LIMIT) lemmaCache.clear();
    lemmaCache.set(key, lemmas);
  }
  return lemmas;
}

/** Does any reading of the token have this lemma? */
export function hasLemma(token: Token | undefined, lemma: string): boolean {
  return token !== undefined && token.lemmas.some((c) => c.lemma === lemma);
}
