import type { Span } from '../model/index.js';
import { datedNamesIn } from './dated-names.js';
import { isFutureMention } from './future-mention.js';
import { NUMBER_WORD_SRC, parseNumberWords } from '../recognize/time/number-words.js';

export interface CountedYear {
  year: number;
  span: Span;
  reason: string;
}

// "Seventy years ago, the United Nations was founded", "Three years ago, we adopted the 2030 Agenda": a count back
// from the present to a moment of known year dates the text. A rough count ("almost 70 years ago", "some years ago")
// does not.
const AGO = new RegExp(`(?<![\\w-])(?:(almost|nearly|more\\s+than|over|some|about|around|roughly|approximately|less\\s+than|close\\s+to|under|at\\s+least|upwards\\s+of)\\s+)?(\\d{1,3}|${NUMBER_WORD_SRC})\\s+years\\s+ago\\b`, 'giu');
// "Seventy years after the founding of the United Nations", "30 years since the adoption of the Montreal Protocol",
// "Twenty-four years have passed since the signing of the Oslo Accords": a count from a named moment.
const AFTER = new RegExp(`(?<![\\w-])(?:(almost|nearly|more\\s+than|over|some|about|around|roughly|approximately|less\\s+than|close\\s+to|under|at\\s+least|upwards\\s+of)\\s+)?(\\d{1,3}|${NUMBER_WORD_SRC})\\s+(?:long\\s+)?years\\s+(?:have\\s+(?:passed|elapsed|gone\\s+by)\\s+)?(after|since|on\\s+from)\\s+`, 'giu');
// Told of a past moment ("It was ten years after the war that ..."), the count says nothing of the text's own year.
const TOLD_IN_PAST = /\b(?:was|were|had|did)\b[^.;!?]*$/i;
// What may stand between "after" and the name: an article, the act that began it ("the signing of").
const BEFORE_NAME = /^\s*(?:the\s+)?(?:(?:adoption|signing|signature|conclusion|founding|foundation|establishment|creation|birth|end|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?)?$/i;
// An explicit year next to the count: "Twenty-five years ago, in 1994", "in 1994, twenty-five years ago".
const YEAR_NEXT_AFTER = /^,?\s+(?:in|on\s+\d{1,2}\s+\p{L}+|in\s+\p{L}+)\s+((?:1[5-9]|20)\d{2})(?![\d%]|-\d)/u;
const YEAR_NEXT_BEFORE = /\bin\s+((?:1[5-9]|20)\d{2})\s*,?\s*$/i;
// A count that is the end of a longer one: "three score and ten", "Twenty- four" (a number broken at its hyphen).
const LONGER_COUNT = /(?:\b(?:score|hundred|thousand)\s+(?:and\s+)?|\p{L}-\s*)$/iu;

const NEAR_BEFORE = 100;
const NEAR_AFTER = 150;

/** The sentence around [start, end): between the stops before and after it. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - 300), start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  const s = stop >= 0 ? start - before.length + stop + 1 : Math.max(0, start - 300);
  const after = /^[^!?\n]*?(?:\.(?=\s|$)|[!?\n]|$)/.exec(text.slice(end, end + 300))![0];
  return [s, end + after.length];
}

function count(words: string): number {
  const n = parseNumberWords(words.toLowerCase().replace(/\s+/g, ' '));
  return n > 0 ? n : NaN;
}

/**
 * Years the text dates itself by counting from a moment of known year: "N years ago" with that moment named in its
 * sentence (a named event or agreement, data/named-events.tsv and data/agreements.tsv, or a year next to the count),
 * and "N years after/since <named moment>" told in the present. Counts told of the past or looked ahead to are left out,
 * and so is a sentence naming moments of different years.
 */
export function countedYears(text: string): CountedYear[] {
  const out: CountedYear[] = [];
  AGO.lastIndex = 0;
  for (let m = AGO.exec(text); m; m = AGO.exec(text)) {
    const n = count(m[2]!);
    if (m[1] || !n || LONGER_COUNT.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    if (isFutureMention(text, start, end)) continue;
    const after = YEAR_NEXT_AFTER.exec(text.slice(end, end + 40));
    const lead = text.slice(Math.max(0, start - 12), start);
    const before = after ? null : YEAR_NEXT_BEFORE.exec(lead);
    const near = after ?? before;
    if (near) {
      const year = Number(near[1]) + n;
      const span = after ? { start, end: end + after.index + after[0].length } : { start: start - lead.length + before!.index, end };
      out.push({ year, span, reason: `"${text.slice(span.start, span.end).replace(/\s+/g, ' ')}": ${near[1]} plus ${n} years is ${year}` });
      continue;
    }
    // The moment counted to is named near the count, in its sentence: a name further off is as often another moment.
    const [s, e] = sentenceAround(text, start, end);
    const names = datedNamesIn(text, Math.max(s, start - NEAR_BEFORE), Math.min(e, end + NEAR_AFTER));
    const years = new Set(names.map((d) => d.year));
    if (years.size !== 1 || years.has(undefined)) continue;
    const anchor = names[0]!;
    const year = anchor.year! + n;
    const span = { start: Math.min(start, anchor.start), end: Math.max(end, anchor.end) };
    out.push({ year, span, reason: `"${text.slice(start, end)}" with ${anchor.dated.name} (${anchor.year}) named beside it: ${anchor.year} plus ${n} years is ${year}` });
  }
  AFTER.lastIndex = 0;
  for (let m = AFTER.exec(text); m; m = AFTER.exec(text)) {
    const n = count(m[2]!);
    if (m[1] || !n || LONGER_COUNT.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const clauseBefore = /[^.;!?]*$/.exec(text.slice(Math.max(0, start - 120), start))![0];
    if (TOLD_IN_PAST.test(clauseBefore) || isFutureMention(text, start, end)) continue;
    const first = datedNamesIn(text, end, Math.min(text.length, end + 140))[0];
    if (!first || first.year === undefined || !BEFORE_NAME.test(text.slice(end, first.start))) continue;
    // "Seventy years after the war, the country was rebuilt": a count after a moment told in the past.
    const [, e] = sentenceAround(text, start, first.end);
    if (m[3]!.toLowerCase() !== 'since' && /\b(?:was|were|had|did)\b/i.test(text.slice(first.end, e))) continue;
    const year = first.year + n;
    out.push({ year, span: { start, end: first.end }, reason: `"${text.slice(start, first.end).replace(/\s+/g, ' ')}": ${first.year} plus ${n} years is ${year}` });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
