import type { Span } from '../model/index.js';
import { datedAt, lastDatedBefore, organizationAt } from './dated-names.js';
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
// "The Universal Declaration, which celebrates its seventieth anniversary this year", "the Organization's seventieth
// anniversary": the anniversary of what the sentence named last.
const ITS_ANNIVERSARY = new RegExp(`(?<![\\w-])(its|\\p{Lu}[\\p{L}-]*['’]s)\\s+(${ORDINAL_SRC})\\s+anniversary(?!\\s+of\\b)`, 'giu');

// "Today we mark seventy-five years since our flag was first raised, on 12 August 1948", "it has been 20 years since
// 1995": a count of years since a dated moment, told in the present, dates the text to that year plus the count.
const YEARS_SINCE = new RegExp(`(?<![\\w-])(\\d{1,3}|${NUMBER_WORD_SRC})\\s+years\\s+since\\b`, 'giu');
const TOLD_IN_PAST = /\b(?:was|were|had|did)\b[^.;!?]*$/i;
// Years that are a measure or a rate, not elapsed time: "life expectancy has increased by 20 years since 2001",
// "elections every five years since 1993".
const MEASURE_OR_RATE = /\b(?:by(?:\s+an?\s+average\s+of)?|every|each)\s+$/i;
// A year that names a programme, not a moment: "the 2030 Agenda".
const PROGRAMME_YEAR = /^\s*(?:Agenda|Vision|Development\s+Agenda|Goals?)\b/i;
const YEAR_AFTER = /(?<![\d.,/-])((?:1[5-9]|20)\d{2})(?![\d%]|-\d)/;

const LAST_YEAR = /\blast\s+year\b/i;
const NEXT_YEAR = /\bnext\s+year\b/i;
// Drawing near an anniversary ("on the eve of", "as we approach"): ahead, by days or by months, which cannot be told.
const DRAWING_NEAR = /\b(?:eve\s+of|near(?:s|ing)?|approach(?:es|ing)?|closer\s+to|run-up\s+to|lead-up\s+to|ahead\s+of|countdown\s+to|look(?:s|ing)?\s+forward\s+to|threshold\s+of(?:\s+celebrating)?|away\s+from|prepar\w*\s+(?:for|to\s+(?:mark|celebrate|commemorate))|upcoming|forthcoming|coming)\s+(?:the\s+)?(?:(?:commemoration|celebration|observance)\s+of\s+(?:the\s+|its\s+)?)?$/i;
// Or with the verb after it: "as the seventy-fifth anniversary of the end of the war approaches".
const DRAWN_NEAR_AFTER = /^[^.;!?]{0,80}?\b(?:approaches|draws\s+near|nears|is\s+approaching)\b/i;
// Told of a past celebration: "The United Nations celebrated its seventieth anniversary at a time of turbulence", "as
// he said on the occasion of the fiftieth anniversary": the anniversary is not the text's year.
const CELEBRATED_THEN = /\b(?:celebrated|commemorated|said|stated|declared)\b/i;
const THIS_YEAR = /\bthis\s+year\b/i;

/** How many years the text's own year is from the anniversary's: 1 (marked last year), -1 (next year), 0; undefined when the anniversary lies ahead at an unknown distance. */
function yearsFromAnniversary(text: string, start: number, end: number): number | undefined {
  const clauseBefore = /[^.;!?]*$/.exec(text.slice(Math.max(0, start - 120), start))![0];
  const clauseAfter = /^[^.;!?]*/.exec(text.slice(end, end + 80))![0];
  const clause = clauseBefore + ' ' + clauseAfter;
  if (LAST_YEAR.test(clause)) return 1;
  if (NEXT_YEAR.test(clause)) return -1;
  if (DRAWING_NEAR.test(text.slice(Math.max(0, start - 60), start)) || DRAWN_NEAR_AFTER.test(text.slice(end, end + 100))) return undefined;
  if (!THIS_YEAR.test(clause) && CELEBRATED_THEN.test(clause)) return undefined;
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
    const found = n ? datedAt(text, m.index + m[0].length) ?? organizationAt(text, m.index + m[0].length) : undefined;
    if (!n || !found) continue;
    // "Last year we marked the seventieth anniversary", "the seventy-fifth anniversary next year": the anniversary
    // dates the text a year on or a year back; otherwise one the text looks ahead to says nothing of its year.
    const shift = yearsFromAnniversary(text, m.index, found.end);
    if (shift === undefined) continue;
    const year = ('useEnd' in found && found.useEnd ? found.dated.end : found.dated.start) + n + shift;
    all.push({ year, span: { start: m.index, end: found.end }, reason: `"${text.slice(m.index, found.end).replace(/\s+/g, ' ')}": ${found.dated.name} plus ${n} years is ${year}` });
  }
  ITS_ANNIVERSARY.lastIndex = 0;
  for (let m = ITS_ANNIVERSARY.exec(text); m; m = ITS_ANNIVERSARY.exec(text)) {
    const n = parseOrdinal(m[2]!);
    if (!n) continue;
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
    const from = m.index - before.length + stop + 1;
    // "its" refers back; "the Organization's" names what it is the anniversary of.
    const to = m[1]!.toLowerCase() === 'its' ? m.index : m.index + m[1]!.length;
    const found = lastDatedBefore(text, from, to);
    // An event of several years ("the war's seventieth anniversary") is not told from its start or its end.
    if (!found || found.dated.start !== found.dated.end) continue;
    const shift = yearsFromAnniversary(text, m.index, m.index + m[0].length);
    if (shift === undefined) continue;
    const year = found.dated.start + n + shift;
    const start = Math.min(found.start, m.index);
    const end = m.index + m[0].length;
    all.push({ year, span: { start, end }, reason: `"${text.slice(m.index, end).replace(/\s+/g, ' ')}" of ${found.dated.name}: ${found.dated.start} plus ${n} years is ${year}` });
  }
  YEARS_SINCE.lastIndex = 0;
  for (let m = YEARS_SINCE.exec(text); m; m = YEARS_SINCE.exec(text)) {
    const n = parseNumberWords(m[1]!.toLowerCase());
    if (!(n > 0)) continue;
    const clauseBefore = /[^.;!?]*$/.exec(text.slice(Math.max(0, m.index - 120), m.index))![0];
    if (TOLD_IN_PAST.test(clauseBefore) || MEASURE_OR_RATE.test(clauseBefore) || isFutureMention(text, m.index, m.index + m[0].length)) continue;
    const rest = /^[^.;!?]*/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 160))![0];
    const at = YEAR_AFTER.exec(rest);
    if (!at) continue;
    const end = m.index + m[0].length + at.index + at[0].length;
    if (PROGRAMME_YEAR.test(text.slice(end, end + 30)) || /\b(?:Agenda|Vision)\s+$/i.test(rest.slice(0, at.index))) continue;
    const year = Number(at[1]) + n;
    all.push({ year, span: { start: m.index, end }, reason: `"${text.slice(m.index, end).replace(/\s+/g, ' ')}": ${at[1]} plus ${n} years is ${year}` });
  }
  return all.sort((a, b) => a.span.start - b.span.start);
}
