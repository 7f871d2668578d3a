import type { DocumentWithPeriod, Quantity, Segmentation } from '../model/index.js';
import { NUMBER_WORD_SRC, parseNumberWords } from './time/number-words.js';
import { matchesAt } from './all-matches.js';
import { CURRENCY_SIGN, CURRENCY_SIGN_SRC, CURRENCY_WORD, CURRENCY_WORD_SRC } from './quantity/currency.js';

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = '(?:[ \\t]+(thousand|million|billion|trillion))?';
const SIGNED = `([+\\-−]?)(${NUM})`;
// Either case for the first letter: the word may open the sentence.
const cap = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;
const APPROX_SRC = `(?:(${['about', 'around', 'approximately', 'roughly', 'some', 'nearly', 'almost', 'over', 'more[ \\t]+than', 'less[ \\t]+than', 'up[ \\t]+to', 'at[ \\t]+least', 'an[ \\t]+estimated'].map(cap).join('|')})[ \\t]+)?`;
// Labels before a number make it a reference, not an amount ("Section 3", "Chapter 2").
const LABEL_BEFORE = /(?:Section|Chapter|Article|Paragraph|Part|Annex|Table|Figure|Page|Volume|No\.|Resolution|Item|Phase|Stage|Level)[ \t]*$/;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
// Nouns counted after a number: a plural, or one of the words that are plural without an s.
const COUNTED = "([a-z]+s|people|personnel|staff|children|men|women|police|cattle|livestock)";
// Time units are durations, handled by the time layer; "times" is a multiplier.
const NOT_COUNTED = /^(?:years|months|weeks|days|hours|minutes|seconds|decades|centuries|quarters|times|percent|is|was|has|does|yes|this|its|as|us|thus|plus|less|unless|across)$/;

// One pattern, several shapes: money with a sign, percentages, money with a currency word, counts of things.
export const PATTERN = new RegExp(
  `(?<![\\w.,\\-/])${APPROX_SRC}(?:` +
    `(${CURRENCY_SIGN_SRC})[ \\t]?(${NUM})${SCALE}` + // 2 sign, 3 number, 4 scale
    `|${SIGNED}(?:[ \\t]*(?:to|-|–)[ \\t]*([+\\-−]?${NUM}))?[ \\t]*(%|[ \\t]?percent(?:age[ \\t]+points?)?|[ \\t]per[ \\t]cent)` + // 5 sign, 6 n, 7 high, 8 pct
    `|(${NUM}|${NUMBER_WORD_SRC})${SCALE}[ \\t]+(${CURRENCY_WORD_SRC})(?![\\w])` + // 9 n, 10 scale, 11 currency
    `|(hundreds[ \\t]+of[ \\t]+thousands|tens[ \\t]+of[ \\t]+thousands|hundreds|thousands|millions|${NUM}|${NUMBER_WORD_SRC})${SCALE}(?:[ \\t]+of)?[ \\t]+((?:[A-Z][a-z]+|[a-z]+(?:ese|ian|ish|an|al|ic|ive|ed|ary))[ \\t]+)?${COUNTED}(?![\\w-])` + // 12 n, 13 scale, 14 modifier, 15 noun
    ')',
  'g',
);

const PATTERN_AT = new RegExp(PATTERN.source, 'gy');

/*
 * Where a match can start. PATTERN opens with a look-behind, so searching for it tries every
 * position of the text, at a cost; trying it only where a match can start finds the same matches
 * for about half of it. A match starts at its number (a digit, a sign or currency sign before
 * one, or a written number) or at the approximating word before it: a run of letters (two, with
 * blanks between, for "more than") separated from the number by blanks only. The number follows
 * a character the look-behind allows, or a blank, so it starts a word. NUMBER_AT finds digits,
 * currency signs and written numbers at word starts with one cheap search, and possibleStarts
 * lists every place a match can start from them, with some where none does: never fewer.
 */

/** The words NUMBER_WORD_SRC can start with: those that are a written number on their own ("hundred" and "and" are not). */
const ONE_WORD_NUMBER = new RegExp(`^(?:${NUMBER_WORD_SRC})$`);
const NUMBER_FIRST_WORDS = [...new Set([
  ...(NUMBER_WORD_SRC.match(/[a-z]+/g) ?? []).filter((w) => ONE_WORD_NUMBER.test(w)),
  // The vague counts of the last alternative.
  'hundreds', 'thousands', 'millions', 'tens',
])];
const NUMBER_AT = new RegExp(`[0-9]+|[$€£¥]|\\b(?:${NUMBER_FIRST_WORDS.join('|')})`, 'g');

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Code units after which PATTERN cannot start ([\w.,\-/]): 1, ASCII only. */
const BLOCKS = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,-/') BLOCKS[c.charCodeAt(0)] = 1;

/**
 * Pushes `at` and the starts of up to two runs of letters before it, each followed by blanks only;
 * nothing when the code unit before `at` is one the look-behind refuses, as then neither a match
 * nor an approximating word (which blanks end) can come right before the number.
 */
function pushWithWordsBefore(text: string, at: number, out: number[]): void {
  if (at > 0) {
    const before = text.charCodeAt(at - 1);
    if (before < 128 && BLOCKS[before] === 1) return;
  }
  let word2 = -1;
  let word1 = -1;
  let from = at;
  for (let words = 0; words < 2; words++) {
    let blank = from;
    while (blank > 0 && isBlank(text.charCodeAt(blank - 1))) blank--;
    if (blank === from) break;
    let word = blank;
    while (word > 0 && isAsciiLetter(text.charCodeAt(word - 1))) word--;
    if (word === blank) break;
    if (words === 0) word1 = word;
    else word2 = word;
    from = word;
  }
  if (word2 >= 0) out.push(word2);
  if (word1 >= 0) out.push(word1);
  out.push(at);
}

/** Every place a match of PATTERN can start (see above), ascending, each once. */
export function possibleStarts(text: string): number[] {
  const out: number[] = [];
  NUMBER_AT.lastIndex = 0;
  for (let m = NUMBER_AT.exec(text); m; m = NUMBER_AT.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === 36) {
      // $, or the A$, C$ or US$ it ends.
      if (at >= 2 && text.charCodeAt(at - 2) === 85 && text.charCodeAt(at - 1) === 83) pushWithWordsBefore(text, at - 2, out);
      else if (at >= 1 && (text.charCodeAt(at - 1) === 65 || text.charCodeAt(at - 1) === 67)) pushWithWordsBefore(text, at - 1, out);
    } else if (c >= 48 && c <= 57 && at >= 1) {
      // A sign before the digits: + - −.
      const sign = text.charCodeAt(at - 1);
      if (sign === 43 || sign === 45 || sign === 0x2212) pushWithWordsBefore(text, at - 1, out);
    }
    pushWithWordsBefore(text, at, out);
  }
  NUMBER_AT.lastIndex = 0;
  for (let i = 1; i < out.length; i++) {
    if (out[i]! <= out[i - 1]!) return ascendingOnce(out);
  }
  return out;
}

function ascendingOnce(list: number[]): number[] {
  list.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[kept - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
}

/** Every match of PATTERN in `text`, as a search from the start would find them. */
export function quantityMatches(text: string): readonly RegExpExecArray[] {
  return matchesAt(PATTERN_AT, text, possibleStarts(text));
}

const VAGUE: Record<string, number> = {
  hundreds: 100, thousands: 1000, 'tens of thousands': 10000, 'hundreds of thousands': 100000, millions: 1e6,
};

const toNumber = (s: string) => Number(s.replace(/,/g, '').replace('−', '-'));
const MONTH_BEFORE = /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)[ \t]*$/;

/**
 * Numbers with their units: money, percentages and counts of people or things. Vague orders of magnitude
 * ("hundreds of thousands of people") take their lower bound (100000) and are marked approximate;
 * ranges ("70 to 80%") keep the low end in value and the high end in `high`.
 */
export function recognizeQuantities(doc: DocumentWithPeriod, _seg: Segmentation): Quantity[] {
  const text = doc.text;
  const out: Quantity[] = [];
  const found = quantityMatches(text);
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const start = m.index;
    const end = start + m[0].length;
    const approxWord = m[1]?.toLowerCase();
    // An amount after a label ("Section 3") is a reference number.
    if (LABEL_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    let approximate = !!approxWord && !/^(?:over|more|less|up|at)/.test(approxWord);
    let value: number;
    let unit: string;
    let high: number | undefined;
    let rule: string;
    if (m[2]) {
      value = toNumber(m[3]!) * (m[4] ? SCALES[m[4]]! : 1);
      unit = CURRENCY_SIGN[m[2]] ?? 'USD';
      rule = 'quantity.money';
    } else if (m[6]) {
      value = toNumber(`${m[5] ?? ''}${m[6]}`);
      if (m[7]) high = toNumber(m[7]);
      unit = /point/.test(m[8]!) ? 'percentage points' : '%';
      rule = 'quantity.percent';
    } else if (m[11]) {
      const n = /\d/.test(m[9]!) ? toNumber(m[9]!) : parseNumberWords(m[9]!);
      if (!(n >= 0)) continue;
      value = n * (m[10] ? SCALES[m[10]]! : 1);
      unit = CURRENCY_WORD[m[11].toLowerCase().replace(/\s+/g, ' ')] ?? m[11];
      rule = 'quantity.money';
    } else {
      const noun = m[15]!;
      if (NOT_COUNTED.test(noun)) continue;
      const raw = m[12]!.toLowerCase().replace(/\s+/g, ' ');
      // A year or day number before a noun is a date ("2022 elections", "May 9 celebrations"), not a count.
      if (/^\d{4}$/.test(raw) && Number(raw) >= 1900 && Number(raw) <= 2099) continue;
      if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      let n: number;
      if (raw in VAGUE) {
        n = VAGUE[raw]!;
        approximate = true;
      } else n = /\d/.test(raw) ? toNumber(raw) : parseNumberWords(raw);
      if (!(n >= 0)) continue;
      value = n * (m[13] ? SCALES[m[13]]! : 1);
      unit = noun;
      rule = 'quantity.count';
    }
    out.push({ doc: doc.id, start, end, text: text.slice(start, end), value, ...(high !== undefined ? { high } : {}), unit, approximate, rule });
  }
  return out;
}
