import type { Span } from '../model/index.js';
import { datedAt } from './dated-names.js';
import { ORDINAL_SRC, parseOrdinal } from './ordinal-words.js';
import { isFutureMention } from './future-mention.js';
import { NUMBER_WORD_SRC, parseNumberWords } from '../recognize/time/number-words.js';

export interface AnniversaryYear {
  year: number;
  span: Span;
  reason: string;
}

// "the seventieth anniversary of the Universal Declaration", "our 75th anniversary of the founding of the United Nations".
const ANNIVERSARY = new RegExp(`(?<![\\w-])(${ORDINAL_SRC})\\s+anniversary\\s+of\\s+`, 'giu');

// "Today we mark seventy-five years since our flag was first raised, on 12 August 1948", "it has been 20 years since
// 1995": a count of years since a dated moment, told in the present, dates the text to that year plus the count.
const YEARS_SINCE = new RegExp(`(?<![\\w-])(\\d{1,3}|${NUMBER_WORD_SRC})\\s+years\\s+since\\b`, 'giu');
const TOLD_IN_PAST = /\b(?:was|were|had|did)\b[^.;!?]*$/i;
const YEAR_AFTER = /(?<![\d.,/-])((?:1[5-9]|20)\d{2})(?![\d%]|-\d)/;

const LAST_YEAR = /\blast\s+year\b/i;
const NEXT_YEAR = /\bnext\s+year\b/i;
// Drawing near an anniversary ("on the eve of", "as we approach"): ahead, by days or by months, which cannot be told.
const DRAWING_NEAR = /\b(?:eve\s+of|near(?:ing)?|approach(?:es|ing)?|closer\s+to|run-up\s+to|lead-up\s+to|ahead\s+of|prepar\w*\s+(?:for|to\s+(?:mark|celebrate|commemorate))|upcoming|forthcoming|coming)\s+(?:the\s+)?$/i;

/** How many years the text's own year is from the anniversary's: 1 (marked last year), -1 (next year), 0; undefined when the anniversary lies ahead at an unknown distance. */
function yearsFromAnniversary(text: string, start: number, end: number): number | undefined {
  const clauseBefore = /[^.;!?]*$/.exec(text.slice(Math.max(0, start - 120), start))![0];
  const clauseAfter = /^[^.;!?]*/.exec(text.slice(end, end + 80))![0];
  const clause = clauseBefore + ' ' + clauseAfter;
  if (LAST_YEAR.test(clause)) return 1;
  if (NEXT_YEAR.test(clause)) return -1;
  if (DRAWING_NEAR.test(text.slice(Math.max(0, start - 40), start))) return undefined;
  return isFutureMention(text, start, end) ? undefined : 0;
}

/**
 * The years the anniversaries the text marks fall in, and its counts of years since a year it names, in text order:
 * the Nth anniversary of something that began (or ended, "the end of World War II") in year Y is kept in Y + N.
 * Anniversaries the text looks ahead to ("next year's seventy-fifth anniversary") are left out.
 */
export function anniversaryYears(text: string): AnniversaryYear[] {
  const all: AnniversaryYear[] = [];
  ANNIVERSARY.lastIndex = 0;
  for (let m = ANNIVERSARY.exec(text); m; m = ANNIVERSARY.exec(text)) {
    const n = parseOrdinal(m[1]!);
    const found = n ? datedAt(text, m.index + m[0].length) : undefined;
    if (!n || !found) continue;
    // "Last year we marked the seventieth anniversary", "the seventy-fifth anniversary next year": the anniversary
    // dates the text a year on or a year back; otherwise one the text looks ahead to says nothing of its year.
    const shift = yearsFromAnniversary(text, m.index, found.end);
    if (shift === undefined) continue;
    const year = (found.useEnd ? found.dated.end : found.dated.start) + n + shift;
    all.push({ year, span: { start: m.index, end: found.end }, reason: `"${text.slice(m.index, found.end).replace(/\s+/g, ' ')}": ${found.dated.name} plus ${n} years is ${year}` });
  }
  YEARS_SINCE.lastIndex = 0;
  for (let m = YEARS_SINCE.exec(text); m; m = YEARS_SINCE.exec(text)) {
    const n = parseNumberWords(m[1]!.toLowerCase());
    if (!(n > 0)) continue;
    const clauseBefore = /[^.;!?]*$/.exec(text.slice(Math.max(0, m.index - 120), m.index))![0];
    if (TOLD_IN_PAST.test(clauseBefore) || isFutureMention(text, m.index, m.index + m[0].length)) continue;
    const rest = /^[^.;!?]*/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 160))![0];
    const at = YEAR_AFTER.exec(rest);
    if (!at) continue;
    const year = Number(at[1]) + n;
    const end = m.index + m[0].length + at.index + at[0].length;
    all.push({ year, span: { start: m.index, end }, reason: `"${text.slice(m.index, end).replace(/\s+/g, ' ')}": ${at[1]} plus ${n} years is ${year}` });
  }
  return all.sort((a, b) => a.span.start - b.span.start);
}
