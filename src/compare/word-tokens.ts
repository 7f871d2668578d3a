/** A word or punctuation mark of a sentence, with the whitespace before it kept for rebuilding the text. */
export interface WordToken {
  /** The token as compared: the word itself, without surrounding space. */
  word: string;
  /** The token with the whitespace before it; the tokens' `raw` joined give back the text. */
  raw: string;
  start: number;
  end: number;
}

// Words keep inner apostrophes, hyphens and dots ("Russia's", "twenty-first", "U.S."); any other
// non-space character is a token of its own.
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Tokens of `text` (offsets relative to `base`, so they can point into a whole document). */
export function wordTokens(text: string, base = 0): WordToken[] {
  const out: WordToken[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    out.push({ word: m[0], raw: text.slice(last, at + m[0].length), start: base + at, end: base + at + m[0].length });
    last = at + m[0].length;
  }
  // Trailing whitespace belongs to no token; the last token absorbs it so that nothing is lost.
  if (out.length && last < text.length) out[out.length - 1]!.raw += text.slice(last);
  return out;
}

/** Lower-cased words only (no punctuation), with curly quotes folded: what similarity is measured on. */
export function contentWords(text: string): string[] {
  return wordTokens(text).map((t) => t.word.toLowerCase().replace(/’/g, "'")).filter((w) => /[\p{L}\p{N}]/u.test(w));
}
