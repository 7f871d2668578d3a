/** One whole code point that is a letter or digit. */
const WORD_CODE_POINT = /^[\p{L}\p{N}]$/u;

/**
 * Where `word` occurs from `from` on with no letter or digit (whole code points, as the u flag
 * reads them) right before or after it, without overlaps: what the global expression
 * /(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])/gu finds. `word` starts with a whole character; an
 * empty word has no occurrences here.
 */
export function wholeWordsFrom(text: string, word: string, from: number): number[] {
  const out: number[] = [];
  if (word === '') return out;
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (isWordCodePointBefore(text, at) || isWordCodePointAt(text, end)) continue;
    out.push(at);
    at = end - 1; // the next search starts after this occurrence
  }
  return out;
}

function isWordCodePointBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const pairStart = low >= 0xdc00 && low <= 0xdfff && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2));
  return WORD_CODE_POINT.test(text.slice(pairStart ? at - 2 : at - 1, at));
}

function isWordCodePointAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const pairEnd = isHighSurrogate(text.charCodeAt(at)) && at + 1 < text.length && isLowSurrogate(text.charCodeAt(at + 1));
  return WORD_CODE_POINT.test(text.slice(at, pairEnd ? at + 2 : at + 1));
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
