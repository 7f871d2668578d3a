import { COUNT_SRC, parseNumberWords } from './number-words.js';
import { MONTH_SRC, durationValue, unitOf } from './lexicon.js';
import { RELATIVE_UNIT_OF, relative, type RelativeBase } from './relative-value.js';
import type { TimeParser, TimexCandidate } from './time-parser.js';

const UNIT = '(century|decade|year|quarter|month|week|day)';
// "the fiscal year", "the full year", "the calendar year" read like "the year".
const YEAR_KIND = '(?:(?:fiscal|full|calendar)[ \\t]+)?';

// "last year", "this month", "earlier this year", "later that month", "the same day", "the following year",
// "the year before", "the previous week", "the current quarter", "the year".
const DEICTIC = new RegExp(
  `(?<![\\w-])(?:(earlier|later|early|late)[ \\t]+)?(this|last|next|past|coming|that[ \\t]+same|that|the[ \\t]+same|the[ \\t]+previous|the[ \\t]+preceding|the[ \\t]+following|the[ \\t]+next|the[ \\t]+current|the[ \\t]+latest|the[ \\t]+last|the[ \\t]+past|the[ \\t]+coming|the)[ \\t]+${YEAR_KIND}${UNIT}(?:[ \\t]+(before|earlier|after|later))?(?![\\w-])`,
  'gi',
);

const DET: Record<string, [RelativeBase, number]> = {
  this: ['DCT', 0], last: ['DCT', -1], next: ['DCT', 1], that: ['REF', 0], 'that same': ['REF', 0], 'the same': ['REF', 0],
  'the previous': ['REF', -1], 'the preceding': ['REF', -1], 'the following': ['REF', 1], 'the next': ['REF', 1],
  'the current': ['DCT', 0], 'the latest': ['DCT', -1], the: ['REF', 0],
};

// What makes "the year" a span ending on a date: a participle, or "to" and a date ("the year to 30 June", "to March").
const SPAN_END_AFTER = new RegExp(`^[ \\t]+(?:(?:ended|ending|that[ \\t]+ended|which[ \\t]+ended)\\b|to[ \\t]+(?:\\d|${MONTH_SRC}|end-))`, 'i');

// What after "the last day of" is itself a time: a month, a year, or a unit ("of the month", "of March", "of 2019").
const TIME_AFTER_OF = new RegExp(`^[ \\t]+of[ \\t]+(?:(?:the|this|that|last|next)[ \\t]+)?(?:${MONTH_SRC}|(?:1[0-9]|20)\\d{2}\\b|(?:century|decade|year|quarter|month|week)\\b)`);

const YEAR_NAMED_AFTER = /^[ \t]+((?:1[0-9]|20)\d{2})(?![\w%.,-]\d|[\w%-])/;

const CENTURY_PART_BEFORE = /(?:^|[^\w-])(?:beginning|start|middle|end|close|dawn)[ \t]+of[ \t]+$/i;

export const deicticUnitParser: TimeParser = {
  name: 'time.relative-unit',
  pattern: DEICTIC,
  extract(m, text) {
    const start = m.index;
    const det = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    // "met last week after talks": "after" belongs to the next phrase unless "the year after" reads as one.
    const after = det === 'the' ? m[4]?.toLowerCase() : undefined;
    const end = start + m[0].length - (m[4] && !after ? m[0].length - m[0].search(new RegExp(`[ \\t]+${m[4]}$`)) : 0);
    const edge = m[1]?.toLowerCase();
    const unit = m[3]!.toLowerCase();
    const code = RELATIVE_UNIT_OF[unit]!;
    // "earlier this year", "later this month": the part of the current unit before or after now, marked as TimeBank
    // does (START 7 times of 8 for "earlier this"); "later that month" in a narrative is the month itself.
    const nowEdge = det === 'this' ? (edge === 'earlier' ? 'START' : edge === 'later' ? 'END' : undefined) : undefined;
    const mod: TimexCandidate['mod'] = edge === 'early' ? 'START' : edge === 'late' ? 'END' : nowEdge;
    const kind = /(?:fiscal|full|calendar)[ \t]/i.test(m[0]);
    if (kind && unit !== 'year') return null;
    // "this century", "the last century": the hundred years named by their first two digits ("19" for the 1900s).
    // "The century" alone is too often a figure of speech to anchor, and "the past century", "the coming century"
    // are as often the hundred years up to or from now as a calendar century.
    // A century is counted from the speaker's own: "the previous century" after "the twentieth century" is still
    // the one before ours, not the one before that.
    if (unit === 'century') {
      // "By the middle of the century", "the end of the century": part of the century last told (or the document's).
      if (det === 'the' && !m[4] && !edge && CENTURY_PART_BEFORE.test(text.slice(Math.max(0, start - 24), start))) {
        return { start, end, type: 'DATE', value: relative('REF', code, 0), rule: 'time.relative-unit' };
      }
      if (det === 'the' || m[4] || /past|coming|that|same/.test(det)) return null;
      const step = /last|previous|preceding/.test(det) ? -1 : /next|following/.test(det) ? 1 : 0;
      return { start, end, type: 'DATE', value: relative('DCT', code, step), ...(mod ? { mod } : {}), rule: 'time.relative-unit' };
    }
    // "the past year", "the last decade": the unit before the document's own (TimeML dates them).
    if (det === 'past' || det === 'the past' || det === 'the last') {
      if (edge) return null;
      // "the last day of the summer term", "the last year of his life": the final one of a span named after it, not
      // the one before now. A span of time after "of" is joined by the compounds ("the last week of March").
      if (det === 'the last' && !m[4] && /^[ \t]+of[ \t]/i.test(text.slice(end, end + 5)) && !TIME_AFTER_OF.test(text.slice(end, end + 24))) return null;
      // "over the past decade": the ten years up to now, as "the past ten years" is, not the calendar decade before
      // ours (which a text names by its digits, "the 2010s"); TimeBank and AQUAINT mark it P10Y.
      if (unit === 'decade' && det !== 'the last') return { start, end, type: 'DURATION', value: durationValue(1, unit), rule: 'time.relative-unit' };
      return { start, end, type: 'DATE', value: relative('DCT', code, -1), rule: 'time.relative-unit' };
    }
    // "over the next decade", "the mill closed in 1931; for the next decade...": the ten years from the time told,
    // as "the past decade" is the ten years up to it; a calendar decade is named by its digits ("the 1940s").
    if (unit === 'decade' && det === 'the next' && !edge && !m[4]) {
      return { start, end, type: 'DURATION', value: durationValue(1, unit), rule: 'time.relative-unit' };
    }
    // "the coming year": a stretch of time ahead.
    if (det === 'the coming' || det === 'coming') {
      if (edge) return null;
      return { start, end, type: 'DURATION', value: durationValue(1, unit), rule: 'time.relative-unit' };
    }
    // "the year ended June 30", "the fiscal year ending in March", "the year to March": a twelve-month span, not a
    // calendar year. "To" makes one only before the date the span runs to: "until the end of the year to act" is
    // the year's end and an infinitive.
    if (det === 'the' && unit === 'year' && SPAN_END_AFTER.test(text.slice(end, end + 24))) {
      return { start, end, type: 'DURATION', value: 'P1Y', rule: 'time.relative-unit' };
    }
    if (after) {
      // "the year before", "the day after": relative to the last date mentioned.
      if (det !== 'the') return null;
      // "Oct. 12, the day before the crash": "before" opens a phrase of its own, and "the day" restates the date;
      // so does a verb in -ing ("later in the day before returning home": no day before anything), and a name or a
      // day of its own ("the week before Christmas", "the year before Brexit", "the day before Tuesday").
      if ((after === 'before' || after === 'after') && /^[ \t]+(?:(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|I|[a-z]+(?:s|ed|ing))\b|[A-Z])/.test(text.slice(end, end + 16))) {
        const dayEnd = start + m[0].length - m[4]!.length - 1;
        // "by the end of the year after bookings fell": a part of the unit names that unit itself, so the clause
        // after it is no offset ("the year before Brexit" alone stays unmarked).
        const partOf = CENTURY_PART_BEFORE.test(text.slice(Math.max(0, start - 24), start));
        return (unit === 'day' && /,[ \t]*$/.test(text.slice(Math.max(0, start - 3), start))) || (partOf && !edge && unit !== 'day')
          ? { start, end: dayEnd, type: 'DATE', value: relative('REF', code, 0), rule: 'time.relative-unit' }
          : null;
      }
      const offset = after === 'before' || after === 'earlier' ? -1 : 1;
      return { start, end, type: 'DATE', value: relative('REF', code, offset), rule: 'time.relative-unit' };
    }
    // "the year 2015", "in the year 2000": the year named.
    const named = det === 'the' && unit === 'year' && !kind && !edge ? YEAR_NAMED_AFTER.exec(text.slice(end, end + 8)) : null;
    if (named) return { start, end: end + named[0].length, type: 'DATE', value: named[1]!, rule: 'time.relative-unit' };
    if (det === 'the') {
      // "the year" and "the day" alone are anchored on the narrative; "the day of the attack" is not a date.
      if (/^[ \t]+(?:of|when|that|in which|on which|before|after)\b/.test(text.slice(end, end + 10))) return null;
      if (isTitleOfUnit(text, start, end)) return null;
      if (edge) return null;
      // "during the day", "late in the day", "the day belonged to them": a stretch of some day, rarely a date.
      if (unit === 'day' && !kind) return null;
    }
    // "the full year", "the fiscal year": the document's own year, as reports use them.
    const [base, offset] = kind && det === 'the' ? (['DCT', 0] as [RelativeBase, number]) : DET[det]!;
    return { start, end, type: 'DATE', value: relative(base, code, offset), ...(mod ? { mod } : {}), rule: 'time.relative-unit' };
  },
};

// "country of the year", "named player of the month", "the magazine's book of the year", "Person of the Year": a title
// given for the unit, not a time. The word before "of" is a noun no part of the unit ("the end of the year", "the rest
// of the month", "the first week of the year" stay), and the title is marked as one: a verb of naming or a possessive
// before it, an award noun after it, or "Year" capitalised after a capitalised noun.
const OF_BEFORE = /(?:^|[^\w'’-])([A-Za-z]+)[ \t]+of[ \t]+$/;
const UNIT_PART = /^(?:end|beginning|start|middle|close|dawn|turn|rest|remainder|balance|half|quarter|part|course|portion|bulk|most|much|all|each|some|any|none|first|second|third|fourth|last|months?|weeks?|days?|hours?|time|times|period|season|spring|summer|autumn|fall|winter|anniversary)$/i;
const TITLE_CUE_BEFORE = /(?:^|[^\w-])(?:named|voted|chosen|crowned|elected|declared|picked|selected|awarded|won|wins|winning|win|as)[ \t]+(?:(?:the|a|its|their|his|her|our)[ \t]+)?(?:[A-Za-z-]+[ \t]+){0,2}$|['’]s[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}$/i;
const AWARD_AFTER = /^[ \t]+(?:award|awards|prize|prizes|title|trophy|honou?rs?|accolade|contest|competition)\b/i;

function isTitleOfUnit(text: string, start: number, end: number): boolean {
  const of = OF_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (!of || UNIT_PART.test(of[1]!)) return false;
  const nounStart = start - of[0].length + of[0].indexOf(of[1]!);
  const unitWord = text.slice(start, end).split(/[ \t]+/).pop()!;
  if (/^[A-Z]/.test(of[1]!) && /^[A-Z]/.test(unitWord)) return true;
  return TITLE_CUE_BEFORE.test(text.slice(Math.max(0, nounStart - 40), nounStart)) || AWARD_AFTER.test(text.slice(end, end + 16));
}

// "two years ago", "a year earlier", "three days later", "77 years after", "a week from now", "a fortnight later",
// "a century ago".
const OFFSET = new RegExp(
  `(?<![\\w-])(${COUNT_SRC})[ \\t-]+(centur(?:y|ies)|decades?|years?|quarters?|months?|fortnights?|weeks?|days?)(?:[ \\t]+or[ \\t]+so)?[ \\t]+(ago|earlier|later|before|after|afterwards?|from[ \\t]+now|hence)(?![\\w-])`,
  'gi',
);

const THAN_AFTER = /^[ \t]+than(?![\w-])/i;

const EVENT_AFTER = /^[ \t]+(?!(?:and|or|but|when|while|which|who|in|on|at|to|of|for|with|as|then|that)\b)[a-z]{2,}/;

export const offsetParser: TimeParser = {
  name: 'time.offset',
  pattern: OFFSET,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    const countText = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const count = parseNumberWords(countText === 'a few' ? 'few' : countText === 'a couple of' ? 'two' : countText);
    const n = /fortnight/i.test(m[2]!) && count > 0 ? count * 2 : count;
    const fortnights = unitOf(m[2]!) === 'fortnight';
    // "a fortnight later": two weeks later.
    const unit = fortnights ? 'week' : unitOf(m[2]!);
    const code = RELATIVE_UNIT_OF[unit]!;
    const word = m[3]!.toLowerCase();
    // "several years ago", "a few weeks ago": some unstated time back, the past in general.
    if (n === -1 && word === 'ago') return { start, end, type: 'DATE', value: 'PAST_REF', rule: 'time.offset' };
    if (!(n > 0)) return null;
    // "one year after the aggression" is anchored on an event, not a date: the length alone is a duration.
    // So is one before a clause or a gerund ("a decade after exchanging communist rule", "two days after police
    // arrived"); only a clause break or a conjunction leaves the offset standing alone ("two days after, he quit").
    if ((word === 'after' || word === 'before') && (/^[ \t]+(?:(?:the|a|an|its|his|her|their|our|my|your|these|those|this|that|he|she|it|they|we|I|you)\b|[A-Z0-9])/.test(text.slice(end, end + 7)) || EVENT_AFTER.test(text.slice(end, end + 16)))) {
      const durEnd = start + m[0].length - m[3]!.length;
      // "A decade after the charter, the first dam ...": opening its sentence, before a short noun phrase and a comma,
      // the count moves the story on from the time last told (the event's); the point it reaches anchors what follows.
      const opening = /(?:^|[.!?][ \t]+|\n[ \t]*)$/.test(text.slice(Math.max(0, start - 3), start));
      const shortEvent = /^[ \t]+(?:the|its|their)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?,/i.test(text.slice(end, end + 40));
      if (word === 'after' && opening && shortEvent && code !== 'Q') {
        const years = code === 'DE' ? 10 : code === 'CE' ? 100 : 0;
        return { start, end: durEnd - (text[durEnd - 1] === ' ' ? 1 : 0), type: 'DURATION', value: years ? relative('REF', 'Y', n * years) : relative('REF', code, n), rule: 'time.offset' };
      }
      return { start, end: durEnd - (text[durEnd - 1] === ' ' ? 1 : 0), type: 'DURATION', value: durationValue(n, unit), rule: 'time.duration' };
    }
    const sign = word === 'ago' || word === 'earlier' || word === 'before' ? -1 : 1;
    // "three days later", "five years afterwards", "a week earlier": TimeML (TimeBank 2 of 2 "N days later", 1 of 1 "a
    // day earlier") marks the count alone, a duration, and leaves the word after it out as a signal. The point it
    // leads to is kept in the value, for resolution to give the duration as its range (the report's timeline dates
    // events by it). A count of years back ("a year earlier", TimeBank 24 of 24 dates; "two decades earlier", "five
    // years before") compares with a time told and stays a date, as quarters do; "ago" counts from now.
    if (word !== 'ago' && !word.startsWith('from') && word !== 'hence' && code !== 'Q' && !(sign < 0 && (code === 'Y' || code === 'DE' || code === 'CE'))) {
      let countEnd = start + m[0].length - m[3]!.length;
      while (text[countEnd - 1] === ' ' || text[countEnd - 1] === '\t') countEnd--;
      // "two years later than planned", "a week earlier than expected": a delay measured, no step from a date told.
      if (THAN_AFTER.test(text.slice(end, end + 6))) return { start, end: countEnd, type: 'DURATION', value: durationValue(count, unitOf(m[2]!)), rule: 'time.offset' };
      const years = code === 'DE' ? 10 : code === 'CE' ? 100 : 0;
      return { start, end: countEnd, type: 'DURATION', value: years ? relative('REF', 'Y', sign * n * years) : relative('REF', code, sign * n), rule: 'time.offset' };
    }
    const base: RelativeBase = word === 'ago' || word.startsWith('from') || word === 'hence' ? 'AGO' : word === 'earlier' && unit === 'year' ? 'ADAPT' : 'REF';
    // "a decade ago" is the year ten years back (1989 in 1999), not the decade before this one (the 1980s).
    if (code === 'DE') return { start, end, type: 'DATE', value: relative(base === 'ADAPT' ? 'REF' : base, 'Y', sign * n * 10), rule: 'time.offset' };
    // "a century ago" likewise is the year a hundred years back (1923 in 2023), not the century before ours.
    if (code === 'CE') return { start, end, type: 'DATE', value: relative(base === 'ADAPT' ? 'REF' : base, 'Y', sign * n * 100), rule: 'time.offset' };
    // "two weeks ago", "three weeks ago": a few weeks back from a known day names that day (TimeBank "two weeks ago"
    // and "a week or so ago" are days); a longer count ("six weeks ago", TimeBank and AQUAINT) only the week.
    if (base === 'AGO' && code === 'W' && sign < 0 && n <= 4) return { start, end, type: 'DATE', value: relative(base, 'D', -7 * n), rule: 'time.offset' };
    return { start, end, type: 'DATE', value: relative(base, code, sign * n), rule: 'time.offset' };
  },
};

// "year-earlier", "year-ago": adjectives that compare with the same period a year before; also the periods
// compared that way: "the corresponding period last year", "the quarter a year ago", "last year's quarter".
// Keyword first (fast to scan); the article and adjectives before the match are read in code.
const YEAR_AGO = /\byear[- ](?:earlier|ago)(?:[ \t]+(?:quarter|period|month|level|levels|figure|figures))?(?![\w-])|\b(?:quarter|period)[ \t]+(?:of[ \t]+|in[ \t]+)?(?:a[ \t]+year[ \t]+(?:ago|earlier)|last[ \t]+year|the[ \t]+(?:previous|prior|preceding)[ \t]+year)(?![\w-])|\blast[ \t]+year['’]s[ \t]+(?:quarter|period)(?![\w-])/gi;
const ARTICLE_BEFORE = /(?:^|[^\w-])([Tt]he[ \t]+(?:(?:comparable|corresponding|same)[ \t]+)?)$/;
const ADJECTIVE_BEFORE = /(?:^|[^\w-])([Tt]he[ \t]+(?:comparable|corresponding|same)[ \t]+)$/;

export const yearAgoParser: TimeParser = {
  name: 'time.year-ago',
  pattern: YEAR_AGO,
  extract(m, text) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const value = relative('CMP', 'Y', -1);
    const endAt = m.index + m[0].length;
    if (/^year/i.test(m[0])) {
      // "the year-ago quarter" is one expression; in "the year-ago results" the article belongs to "results",
      // though "the comparable year-ago" keeps its adjective.
      const withNoun = /[ \t]\S+$/.test(m[0]);
      const lead = (withNoun ? ARTICLE_BEFORE : ADJECTIVE_BEFORE).exec(before)?.[1]?.length ?? 0;
      return { start: m.index - lead, end: endAt, type: 'DATE', value, rule: 'time.year-ago' };
    }
    if (/^last/i.test(m[0])) return { start: m.index, end: endAt, type: 'DATE', value, rule: 'time.year-ago' };
    // "the (corresponding) period last year", "the quarter a year ago": the article is part of it, and needed.
    const lead = ARTICLE_BEFORE.exec(before)?.[1]?.length;
    if (!lead) return null;
    return { start: m.index - lead, end: endAt, type: 'DATE', value, rule: 'time.year-ago' };
  },
};

// "the latest period", "the most recent quarter": the reporting period the text is about (an earnings report's
// quarter), else the quarter before the document's own.
const LATEST_PERIOD = /(?<![\w-])the[ \t]+(?:latest|most[ \t]+recent)[ \t]+(?:period|quarter)(?![\w-])/gi;

export const latestPeriodParser: TimeParser = {
  name: 'time.latest-period',
  pattern: LATEST_PERIOD,
  extract(m) {
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('PER', 'Q', 0), rule: 'time.relative-unit' };
  },
};

// "year-end", "year's end", "by year end": the close of the document's year.
const YEAR_END = /(?<![\w-])year(?:-|[ \t]+|'s[ \t]+)end(?![\w-])/gi;

export const yearEndParser: TimeParser = {
  name: 'time.year-end',
  pattern: YEAR_END,
  extract(m, text) {
    // "year-end bonus" is still the year's end; "the year end of the company's fiscal" is rare enough to ignore.
    void text;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('DCT', 'Y', 0), mod: 'END', rule: 'time.year-end' };
  },
};

// "the same period", "that period": the period just mentioned, as a whole ("From January to December 2022 ... the same period").
const SAME_PERIOD = /(?<![\w-])(?:the[ \t]+same|that)[ \t]+period(?![\w-])/gi;

export const samePeriodParser: TimeParser = {
  name: 'time.same-period',
  pattern: SAME_PERIOD,
  extract(m) {
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('SAME', 0 as never, 0), rule: 'time.same-period' };
  },
};

// "by mid-century", "midcentury": the middle of the document's century (of the period's, in a report without a date).
// "by mid-decade", "middecade": the middle of the document's decade, as "mid-century" is of its century (202 MID in a
// text of 2023; "the end of the decade" is 202 END there too). It is said of plans and forecasts; a decade told in a
// narrative ("in the 1970s ... by mid-decade") is left to the decade's own rules.
const MID_CENTURY = /(?<![\w-])mid-?(century|decade)(?![\w-])/gi;

export const midCenturyParser: TimeParser = {
  name: 'time.relative-unit',
  pattern: MID_CENTURY,
  extract(m, text) {
    const end = m.index + m[0].length;
    // "mid-century modern", "mid-century architecture": a style, unless a preposition makes it a time ("by mid-century").
    if (!/(?:^|[^\w-])(?:by|until|till|before|after|around|at|in|towards?|from|since|through)[ \t]+$/i.test(text.slice(Math.max(0, m.index - 10), m.index)) && /^[ \t]+[a-z]/.test(text.slice(end, end + 3))) return null;
    return { start: m.index, end, type: 'DATE', value: relative('DCT', m[1]!.toLowerCase() === 'decade' ? 'DE' : 'CE', 0), mod: 'MID', rule: 'time.relative-unit' };
  },
};
