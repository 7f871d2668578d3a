import type { Span } from '../model/index.js';
import { abbreviationClass, sentenceLexicon, type AbbreviationClass, type SentenceLexicon } from './sentence-lexicon.js';

// One lookup table of character flags, so the scan costs one array read per character.
const SPACE = 1;
const TERMINATOR = 2;
const CLOSER = 4;
const OPENER = 8;
/** Full-width stops end a sentence even without a following space. */
const STRONG = 16;
const HARD_BREAK = 32;

const FLAGS = new Uint8Array(0x10000);
// Exactly the characters JavaScript's \s matches, so "trimmed" means the same everywhere.
for (const c of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') FLAGS[c.charCodeAt(0)]! |= SPACE;
for (let c = 0x2000; c <= 0x200a; c++) FLAGS[c]! |= SPACE;
for (const c of '\n\r\u2028\u2029') FLAGS[c.charCodeAt(0)]! |= HARD_BREAK;
for (const c of '.!?\u2026\u203c\u2047\u2048\u2049') FLAGS[c.charCodeAt(0)]! |= TERMINATOR;
for (const c of '\u3002\uff01\uff1f\uff0e') FLAGS[c.charCodeAt(0)]! |= TERMINATOR | STRONG;
for (const c of '"\')]}\u201d\u2019\u00bb\u203a\u300d\u300f\uff09') FLAGS[c.charCodeAt(0)]! |= CLOSER;
for (const c of '"\'([{\u201c\u2018\u201e\u00ab\u2039\u00bf\u00a1\u300c\u300e\uff08') FLAGS[c.charCodeAt(0)]! |= OPENER;

const flagsAt = (text: string, i: number): number => FLAGS[text.charCodeAt(i)]!;

/**
 * Every character with a HARD_BREAK or TERMINATOR flag, as one class: the scan skips the
 * characters between them with one search (the regular expression engine's scan for a class is
 * several times cheaper than reading each character's flags in a loop).
 */
const BREAK_OR_STOP = new RegExp(`[${classOf(HARD_BREAK | TERMINATOR)}]`, 'g');

function classOf(mask: number): string {
  let out = '';
  for (let c = 0; c < FLAGS.length; c++) if (FLAGS[c]! & mask) out += `\\u${c.toString(16).padStart(4, '0')}`;
  return out;
}

/** The first position at or after `from` whose character ends a line or may end a sentence, or `end`. */
function nextBreakOrStop(text: string, from: number, end: number): number {
  BREAK_OR_STOP.lastIndex = from;
  const found = BREAK_OR_STOP.test(text) ? BREAK_OR_STOP.lastIndex - 1 : end;
  BREAK_OR_STOP.lastIndex = 0;
  return Math.min(found, end);
}

/**
 * Split text[start, end) into sentences: trimmed, ordered, non-overlapping spans that together
 * cover every non-whitespace character. Line breaks always end a sentence; full stops are
 * judged by the word before them (abbreviation, initial, list marker) and the word after them.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  const lexicon = sentenceLexicon();
  const spans: Span[] = [];
  let pieceStart = start;
  let i = start;
  while (i < end) {
    const flags = flagsAt(text, i);
    if (flags & HARD_BREAK) {
      pushTrimmed(text, pieceStart, i, spans);
      pieceStart = ++i;
      continue;
    }
    if (!(flags & TERMINATOR)) {
      i = nextBreakOrStop(text, i + 1, end);
      continue;
    }
    // A run of stops ("?!", "...", "etc..") followed by closing quotes and brackets is one ending.
    const runEnd = skipFlagged(text, i, end, TERMINATOR);
    const strong = anyFlagged(text, i, runEnd, STRONG);
    const after = skipFlagged(text, runEnd, end, CLOSER);
    // No space after the stop: a decimal, a URL, an e-mail address or "U.S.-led".
    const spaced = after < end && (flagsAt(text, after) & SPACE) !== 0;
    if (after < end && (strong || (spaced && endsSentence(text, pieceStart, i, runEnd, after, end, lexicon)))) {
      pushTrimmed(text, pieceStart, after, spans);
      pieceStart = after;
    }
    i = after;
  }
  pushTrimmed(text, pieceStart, end, spans);
  return spans;
}

/*
 * V8 optimises splitSentences and endsSentence early, and a loop body or test that had not yet run
 * when it did (a stop followed by a closing quote, an opening bracket after the stop) threw the
 * optimised code away the first time it ran: "insufficient type feedback", 3-7 recompilations a run.
 * Forward scans therefore share these two loops, whose bodies run at every stop, and rare cases are
 * tested with one mask rather than a second test that only they would reach.
 */

/** The first position at or after `from` (before `end`) whose character has none of `mask`'s flags. */
function skipFlagged(text: string, from: number, end: number, mask: number): number {
  let i = from;
  while (i < end && flagsAt(text, i) & mask) i++;
  return i;
}

/** Does any character of text[from, to) have one of `mask`'s flags? */
function anyFlagged(text: string, from: number, to: number, mask: number): boolean {
  for (let i = from; i < to; i++) if (flagsAt(text, i) & mask) return true;
  return false;
}

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  while (from < to && flagsAt(text, from) & SPACE) from++;
  while (to > from && flagsAt(text, to - 1) & SPACE) to--;
  if (from < to) spans.push({ start: from, end: to });
}

/**
 * Does the stop run text[runStart, runEnd) (closers up to `after`, then a space) end a sentence?
 */
function endsSentence(text: string, pieceStart: number, runStart: number, runEnd: number, after: number, end: number, lexicon: SentenceLexicon): boolean {
  // The next word, past spaces and opening quotes or brackets.
  let p = after;
  while (p < end && flagsAt(text, p) & SPACE) {
    if (flagsAt(text, p) & HARD_BREAK) return true;
    p++;
  }
  if (p >= end) return true;
  const firstCode = text.charCodeAt(p);
  // ". . ." and "etc. , and" continue the sentence.
  if (firstCode === 0x2e || firstCode === 0x2c || firstCode === 0x3b || firstCode === 0x3a) return false;
  if ((flagsAt(text, p) & (CLOSER | OPENER)) === CLOSER) return false;
  let q = skipFlagged(text, p, end, OPENER);
  if (q >= end || flagsAt(text, q) & SPACE) q = p;
  const next = text[q]!;
  const nextLower = isLower(next);
  const nextUpper = isUpper(next);
  const nextDigit = isDigit(next);

  const singleFullStop = runEnd - runStart === 1 && text.charCodeAt(runStart) === 0x2e;
  if (!singleFullStop) return !nextLower;

  // The word before the stop, without opening quotes or brackets.
  let a = runStart;
  while (a > pieceStart && !(flagsAt(text, a - 1) & SPACE)) a--;
  a = skipFlagged(text, a, runStart, OPENER);
  // "operation”." or an empty word: nothing to look up.
  if (a === runStart || flagsAt(text, runStart - 1) & CLOSER) return !nextLower;
  const word = text.slice(a, runStart);

  const listMarker = isListMarker(word);
  const firstWord = isFirstWord(text, pieceStart, a);
  if (listMarker && firstWord) return false;

  const cls = abbreviationClass(lexicon, word) ?? (looksLikeInitialism(word) ? 'initialism' : undefined);
  if (cls === undefined) return !nextLower;
  // Every class's verdict is worked out (they are cheap) and one is picked by index, rather than
  // each class running its own tests: those would be first reached, and recompiled for, one by one.
  const following = nextWord(text, q, end);
  const numberFollows = nextDigit || text.charCodeAt(p) === 0x28 || isRomanNumeral(following);
  const startsSentence = lexicon.starters.has(following);
  const abbreviationFollows = abbreviationClass(lexicon, following) !== undefined || looksLikeInitialism(following);
  const verdicts = [
    // title: "Mr. Smith"
    false,
    // numbering: "No. 5", "para. (a)", "Art. IV" continue.
    !numberFollows && !nextLower,
    // initialism: "U.S. President" and "J. F. Kennedy" continue; "the U.S. The ..." and "planet B. Our ..." end.
    nextUpper ? startsSentence : !(nextLower || nextDigit),
    // final: "etc. The" ends; "etc. and", "et al. (2019)" and "Co. Ltd." continue.
    nextUpper && !abbreviationFollows,
  ];
  return verdicts[CLASS_INDEX.get(cls)!]!;
}

/** Position of each class's verdict in endsSentence. */
const CLASS_INDEX = new Map<AbbreviationClass, number>([['title', 0], ['numbering', 1], ['initialism', 2], ['final', 3]]);

/** The word starting at `from`, without trailing punctuation ("However," -> "However"). */
function nextWord(text: string, from: number, end: number): string {
  let to = from;
  while (to < end && !(flagsAt(text, to) & SPACE)) to++;
  while (to > from && isTrailingPunctuation(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function isTrailingPunctuation(code: number): boolean {
  return (FLAGS[code]! & (TERMINATOR | CLOSER)) !== 0 || code === 0x2c || code === 0x3b || code === 0x3a;
}

function isFirstWord(text: string, pieceStart: number, wordStart: number): boolean {
  let f = pieceStart;
  while (f < wordStart && flagsAt(text, f) & (SPACE | OPENER)) f++;
  return f === wordStart;
}

/** "1", "2.3", "iv", "IV", "a", "B": what numbers a list item or a heading. */
function isListMarker(word: string): boolean {
  // Worked out before the test, so the rare single-character word reaches no call of its own.
  const letterOrDigit = isLetter(word) || isDigit(word);
  if (word.length === 1) return letterOrDigit;
  if (isRomanNumeral(word) || (word.length <= 4 && /^[ivxlcdm]+$/.test(word))) return true;
  // Digits in dotted groups of at most three.
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // Both worked out at every character: a comparison first reached at the first "1.2" threw away the optimised code.
    const afterDigit = digits > 0;
    const inner = i < word.length - 1;
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 3) return false;
    } else if (c === 0x2e && afterDigit && inner) {
      digits = 0;
    } else {
      return false;
    }
  }
  return digits > 0;
}

function isRomanNumeral(word: string): boolean {
  return word.length > 0 && word.length <= 6 && /^[IVXLCDM]+$/.test(word);
}

/** A single capital ("J", "V") or letters in groups of one or two joined by stops ("U.S", "a.m", "Ph.D"). */
function looksLikeInitialism(word: string): boolean {
  const upper = isUpper(word);
  if (word.length === 1) return upper;
  let group = 0;
  let groups = 0;
  let singleLetterGroup = false;
  for (let i = 0; i <= word.length; i++) {
    if (i === word.length || word.charCodeAt(i) === 0x2e) {
      if (group === 0 || group > 2) return false;
      if (group === 1) singleLetterGroup = true;
      groups++;
      group = 0;
    } else if (isLetter(word[i]!)) {
      group++;
    } else {
      return false;
    }
  }
  return groups >= 2 && singleLetterGroup;
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/*
 * Letter case of each UTF-16 unit, worked out on first sight and kept: ASCII and other characters
 * take the same path, so the first accented capital after a stop is no case V8 has not yet seen.
 */
const LOWER_CASE = 1;
const UPPER_CASE = 2;
const CASE_KNOWN = 4;
const CASES = new Uint8Array(0x10000);

/** Lower and upper case as `ch !== ch.toUpperCase()` and `ch !== ch.toLowerCase()` say, for the first unit of `ch`. */
function caseOf(ch: string): number {
  const c = ch.charCodeAt(0);
  let known = CASES[c]!;
  if (known === 0) known = CASES[c] = caseOfUnit(String.fromCharCode(c));
  return known;
}

function caseOfUnit(unit: string): number {
  return CASE_KNOWN | (unit !== unit.toUpperCase() ? LOWER_CASE : 0) | (unit !== unit.toLowerCase() ? UPPER_CASE : 0);
}

function isLower(ch: string): boolean {
  return (caseOf(ch) & LOWER_CASE) !== 0;
}

function isUpper(ch: string): boolean {
  return (caseOf(ch) & UPPER_CASE) !== 0;
}

function isLetter(ch: string): boolean {
  return (caseOf(ch) & (LOWER_CASE | UPPER_CASE)) !== 0;
}
