import type { LemmaCandidate } from './lemmatise.js';
import { HASH_START, nextHash, wordFormAt, wordFormHashed, type WordForm } from './word-form.js';

export interface Token {
  /** Document offsets. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased, spelling-normalised surface. */
  readonly lower: string;
  readonly lemmas: LemmaCandidate[];
  /** True for punctuation and symbols. */
  readonly punct: boolean;
  /**
   * The surface's shared form (see word-form.ts), whose text, lower and lemmas these are. A token
   * made up with another lower or lemmas must not carry it.
   */
  readonly form?: WordForm;
}

/**
 * A token as tokenise makes it: its offsets and its form, whose fields it reads through. A sentence
 * makes a token per word, the most numerous objects of extraction; holding surface, lower-cased
 * spelling, readings and punctuation again on each made them 80 bytes rather than 48 (and so
 * more scavenges, which copy what is alive, as the tokens of the sentence in hand are).
 */
class FormToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly form: WordForm,
  ) {}

  get text(): string {
    return this.form.surface;
  }

  get lower(): string {
    return this.form.lower;
  }

  get lemmas(): LemmaCandidate[] {
    return this.form.lemmas;
  }

  get punct(): boolean {
    return this.form.punct;
  }
}

// Words keep inner hyphens ("Japan-Russia", "people-to-people"); "'s" and "n't" are tokens of their own
// so that possessives and negation can be seen. This expression defines the tokens; `tokenise` finds the
// same ones with a hand-written scanner (a test holds them equal), which is several times faster.
export const TOKEN = /\p{L}+(?=n['’]t(?!\p{L}))|n['’]t(?!\p{L})|['’]s(?!\p{L})|\p{L}+(?:(?:-|['’](?!s(?!\p{L})))\p{L}+)*|[+-]?\d+(?:[.,]\d+)*%?|\S/gu;

const LETTER = 1;
const SPACE = 2;
const LETTER_OR_NUMBER = 4;
const KNOWN = 8;
// Classes of code units, filled in as they are met (the text's alphabet is small).
const bmpClasses = new Uint8Array(0x10000);

function computeClass(ch: string): number {
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\s/u.test(ch) ? SPACE : 0) | (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_NUMBER : 0);
}

function classOf(cp: number): number {
  if (cp > 0xffff) return computeClass(String.fromCodePoint(cp));
  let c = bmpClasses[cp]!;
  if (c === 0) {
    // A lone surrogate is in no class (as for the expression, which sees it as one unmatched unit).
    c = KNOWN | (cp >= 0xd800 && cp <= 0xdfff ? 0 : computeClass(String.fromCharCode(cp)));
    bmpClasses[cp] = c;
  }
  return c;
}

/** The code point at i, never reading at or beyond `end` (a pair cut by `end` is a lone surrogate). */
function codePointAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function isLetterAt(text: string, i: number, end: number): boolean {
  return i < end && (classOf(codePointAt(text, i, end)) & LETTER) !== 0;
}

/** a-z or A-Z (the only ASCII letters). */
const isAsciiLetter = (c: number): boolean => ((c | 0x20) - 0x61) >>> 0 < 26;

/** End of the run of letters starting at i. */
function letterRunEnd(text: string, i: number, end: number): number {
  while (i < end) {
    // Most letters are ASCII: tested by arithmetic, with no code point or class lookup.
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetter(c)) {
        i++;
        continue;
      }
      break;
    }
    const cp = codePointAt(text, i, end);
    if ((classOf(cp) & LETTER) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

const isApostropheAt = (text: string, i: number, end: number): boolean => i < end && (text.charCodeAt(i) === 0x27 || text.charCodeAt(i) === 0x2019);
const isCharAt = (text: string, i: number, end: number, code: number): boolean => i < end && text.charCodeAt(i) === code;
const isDigitAt = (text: string, i: number, end: number): boolean => {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};
const N = 0x6e;
const T = 0x74;
const S = 0x73;

// Tokens are gathered here and copied out at the sentence's length: a list grown by push is
// reallocated on the way (17, 41, 77 ... slots), each earlier copy garbage.
const scratch: (Token | undefined)[] = [];

/** Tokens of text.slice(start, end), with document offsets. */
export function tokenise(text: string, start: number, end: number): Token[] {
  let n = 0;
  let p = start;
  while (p < end) {
    // Most spaces are plain ones: skipped without a class lookup.
    const c = text.charCodeAt(p);
    if (c === 0x20) {
      p++;
      continue;
    }
    if (isAsciiLetter(c)) {
      // The most common token: ASCII letters up to a character that neither continues a word nor
      // joins one (an ASCII one other than a letter, hyphen or apostrophe), hashed as it is scanned.
      // Any other ending ("don't", "Japan-Russia", "café") is left to the general scanner below.
      let h = nextHash(HASH_START, c);
      let q = p + 1;
      let d = 0;
      while (q < end && isAsciiLetter((d = text.charCodeAt(q)))) {
        h = nextHash(h, d);
        q++;
      }
      if (q === end || (d < 0x80 && d !== 0x2d && d !== 0x27)) {
        scratch[n++] = new FormToken(p, q, wordFormHashed(text, p, q, false, h));
        p = q;
        continue;
      }
    }
    const cp = codePointAt(text, p, end);
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls & SPACE) {
      p += width;
      continue;
    }
    const q = tokenEnd(text, p, end, cp, width, cls);
    scratch[n++] = new FormToken(p, q, wordFormAt(text, p, q, scannedPunct));
    p = q;
  }
  const tokens = scratch.slice(0, n) as Token[];
  // Emptied, so that the long-lived list keeps no token alive (through scavenges) after its sentence.
  scratch.fill(undefined, 0, n);
  return tokens;
}

/** Whether the token tokenEnd last found is punctuation (a second result, without an object per token). */
let scannedPunct = false;

/** The end of the token starting at p (not a space), whose code point, width and class the caller has. */
function tokenEnd(text: string, p: number, end: number, cp: number, width: number, cls: number): number {
  // The alternatives of TOKEN, tried in its order.
  let q: number;
  scannedPunct = false;
  if (cls & LETTER) {
    const run = letterRunEnd(text, p + width, end);
    if (run - 1 > p && text.charCodeAt(run - 1) === N && isApostropheAt(text, run, end) && isCharAt(text, run + 1, end, T) && !isLetterAt(text, run + 2, end)) {
      q = run - 1; // "do" of "don't"
    } else if (run === p + 1 && cp === N && isApostropheAt(text, run, end) && isCharAt(text, run + 1, end, T) && !isLetterAt(text, run + 2, end)) {
      q = run + 2; // "n't"
    } else {
      q = run;
      // Hyphens and apostrophes join letter runs, but not an apostrophe starting a final "'s".
      for (;;) {
        const joins = isCharAt(text, q, end, 0x2d) || (isApostropheAt(text, q, end) && !(isCharAt(text, q + 1, end, S) && !isLetterAt(text, q + 2, end)));
        if (!joins || !isLetterAt(text, q + 1, end)) break;
        q = letterRunEnd(text, q + 1, end);
      }
    }
  } else if (isApostropheAt(text, p, end) && isCharAt(text, p + 1, end, S) && !isLetterAt(text, p + 2, end)) {
    q = p + 2; // "'s"
  } else if (isDigitAt(text, p, end) || ((cp === 0x2b || cp === 0x2d) && isDigitAt(text, p + 1, end))) {
    q = p + 1;
    while (isDigitAt(text, q, end)) q++;
    while ((isCharAt(text, q, end, 0x2e) || isCharAt(text, q, end, 0x2c)) && isDigitAt(text, q + 1, end)) {
      q += 2;
      while (isDigitAt(text, q, end)) q++;
    }
    if (isCharAt(text, q, end, 0x25)) q++;
  } else {
    // Any other character is a token of its own: punctuation unless it is a letter or number (e.g. "²").
    q = p + width;
    scannedPunct = (cls & LETTER_OR_NUMBER) === 0;
  }
  return q;
}

/**
 * Run once at load: the scanner meets every kind of token (contractions, "'s", numbers with
 * separators, sign and percent, symbols, a letter outside the basic plane, lone surrogates) before
 * it is optimised. A kind first met after that (a "don't" or "12.5%" deep into a corpus) was an
 * operation the optimised code had no type feedback for: it was thrown away and tokenise (with
 * what it inlines, a large compile) compiled again, five times a run. Only the scanner runs here;
 * no word form is made.
 */
function warmUpScanner(): void {
  const text = "don't n't it's James' 's 1,234.5% 12.5 +3 -4 x-y a’b ² € 𝐀𝐁 \ud800 \udc00 end";
  // Several rounds: V8 records feedback only once a function has run for a while.
  for (let round = 0; round < 8; round++) {
    let p = 0;
    while (p < text.length) {
      const cp = codePointAt(text, p, text.length);
      const width = cp > 0xffff ? 2 : 1;
      const cls = classOf(cp);
      p = cls & SPACE ? p + width : tokenEnd(text, p, text.length, cp, width, cls);
    }
  }
  scannedPunct = false;
}
warmUpScanner();

/**
 * tokens[i], or undefined when i is outside the list, without reading outside it. The same value as
 * tokens[i]; but optimised code that has only read inside a list is thrown away (and compiled again)
 * the first time it reads outside it, as looking one word back from the first word does.
 */
export function tokenAt(tokens: readonly Token[], i: number): Token | undefined {
  return i >= 0 && i < tokens.length ? tokens[i] : undefined;
}

/** Does any reading of the token have this lemma? */
export function hasLemma(token: Token | undefined, lemma: string): boolean {
  return token !== undefined && token.lemmas.some((c) => c.lemma === lemma);
}
