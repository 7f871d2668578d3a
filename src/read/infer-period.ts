import path from 'node:path';
import { FUTURE_CLAUSE } from './future-mention.js';
import { yearOfNumberedSessions } from './numbered-session-year.js';
import { anniversaryYears } from './anniversary-year.js';
import { countedYears } from './years-ago-year.js';
import { eventYears } from './this-year-event.js';
import { presidentYears } from './session-president-year.js';
import { newPeriod, type Message, type ReadDocument, type ReportPeriod, type Span } from '../model/index.js';

export interface PeriodOverride {
  /** "2022", "2022-03" or "2022-01-01..2022-06-30". */
  period?: string;
  /** Document creation time, "2022-09-20". */
  dct?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Full names, then the abbreviations newsrooms use in datelines ("Sept. 24", "3 Mar 2021"; May needs none).
const MONTH_RE = `${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?`;
const monthNumber = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

// Annual reviews named by the year they are published in report on the year before.
const EDITION_PREVIOUS_YEAR = /\b(Diplomatic Bluebook|Blue ?book|White Paper|Defen[cs]e of Japan)\s+((?:19|20)\d{2})\b/i;
// Reports that say which year they cover: "Annual Report 2016", "Report on 2019".
const EDITION_SAME_YEAR = /\b(?:Annual Report|Yearbook|Year in Review|Report)\s+(?:on|for|of)?\s*(?:the year\s+)?((?:19|20)\d{2})\b/i;
// And, in a title or heading only, the other ways titles say it: "Country Reports on Terrorism 2019", "Human Rights
// Practices for 2021", "The Year in Review: 2020", "Review of 2018", "2019 in Review".
const TITLE_SAME_YEAR = /\b(?:Annual Reports|Year in Review:|Reports|Review|Survey|Overview|Chronicle)\s+(?:on|for|of)?\s*(?:the year\s+)?((?:19|20)\d{2})\b|\b(?:Reports?|Practices|Developments|Events|Activities)\b[^.!?\n]{0,60}\b(?:for|in|during)\s+(?:the year\s+)?((?:19|20)\d{2})\s*$|^\s*((?:19|20)\d{2})\s+in\s+Review\b|\bReports?\b[^.!?\n\d]{0,60}\s((?:19|20)\d{2})\s*$/i;
// The second year of a financial year right after an edition's year ("2022–23", "2022/23").
const FINANCIAL_YEAR_AFTER = /^[–/-](\d{2})(?![\d\w])/;
const FINANCIAL_YEAR_TITLE = /\b(?:financial|fiscal) year\s+((?:19|20)\d{2})[–/-](\d{2})(?![\d\w])/i;
const DATELINE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE}),?\\s+((?:19|20)\\d{2})|(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})|((?:19|20)\\d{2})[-/](\\d{2})[-/](\\d{2}))\\b`,
);
const YEAR = /(?<![\d.,/-])((?:19|20)\d{2})(?![\d%]|-\d)/g;
const FILENAME_YEAR = /(?<![0-9a-z])((?:19|20)\d{2})(?![0-9a-z])/i;

export interface PeriodResult {
  period: ReportPeriod;
  messages: Omit<Message, 'doc'>[];
}

/** Decide what period a document reports on, and record how it was decided. */
export function inferPeriod(doc: ReadDocument, override: PeriodOverride = {}, now: () => Date = () => new Date()): PeriodResult {
  const messages: Omit<Message, 'doc'>[] = [];
  if (override.dct || override.period) {
    return { period: fromOverride(override), messages };
  }
  const head = doc.blocks.slice(0, 6);
  for (const block of head) {
    const line = doc.text.slice(block.start, block.end);
    const prev = EDITION_PREVIOUS_YEAR.exec(line);
    if (prev) {
      const year = Number(prev[2]) - 1;
      return { period: yearPeriod(year, 'period.edition-year', `"${prev[0]}" is an annual review published in ${prev[2]} on ${year}`, at(block, prev)), messages };
    }
    // "Budget Statement for the financial year 2022–23" as a title or heading: that financial year, July to June.
    const fyTitle = block.kind === 'title' || block.kind === 'heading' ? FINANCIAL_YEAR_TITLE.exec(line) : null;
    if (fyTitle && (Number(fyTitle[2]) - (Number(fyTitle[1]) % 100) + 100) % 100 === 1) {
      const year = Number(fyTitle[1]);
      return { period: financialYearPeriod(doc.text, year, `"${fyTitle[0]}" names the financial year it covers`, at(block, fyTitle)), messages };
    }
    const same = (block.kind !== 'paragraph' || line.length < 120 ? EDITION_SAME_YEAR.exec(line) : null)
      ?? (block.kind === 'title' || block.kind === 'heading' ? TITLE_SAME_YEAR.exec(line) : null);
    if (same) {
      const year = Number(same[1] ?? same[2] ?? same[3] ?? same[4]);
      // "Annual Report 2022–23", "Annual Report 2022-23": an edition on a financial year, taken as July to June (the
      // commonest; a year from April is told no differently in a title).
      const fy = FINANCIAL_YEAR_AFTER.exec(line.slice(same.index + same[0].length));
      if (fy && (Number(fy[1]) - (year % 100) + 100) % 100 === 1) {
        const span = at(block, same);
        span.end += fy[0].length;
        return { period: financialYearPeriod(doc.text, year, `"${same[0].trim()}${fy[0]}" names the financial year it covers`, span), messages };
      }
      return { period: yearPeriod(year, 'period.edition-year', `"${same[0].trim()}" names the year it covers`, at(block, same)), messages };
    }
  }
  for (const block of head.slice(0, 4)) {
    const line = doc.text.slice(block.start, block.end);
    const m = DATELINE.exec(line);
    if (!m || (block.kind === 'paragraph' && !isDatelineShape(line, m))) continue;
    const dct = m[3] ? iso(+m[3], monthNumber(m[2]!), +m[1]!)
      : m[6] ? iso(+m[6], monthNumber(m[4]!), +m[5]!)
        : iso(+m[7]!, +m[8]!, +m[9]!);
    if (!dct) continue;
    return { period: yearPeriod(Number(dct.slice(0, 4)), 'period.dateline', `dated "${m[0]}" at the head of the document`, at(block, m), dct), messages };
  }
  // The publication date of a page's metadata dates it as a dateline would, after one in its text.
  if (doc.published) {
    return { period: yearPeriod(Number(doc.published.slice(0, 4)), 'period.metadata-date', `published ${doc.published}, as the file's metadata says`, undefined, doc.published), messages };
  }
  const fileYear = FILENAME_YEAR.exec(path.basename(doc.source));
  if (fileYear) {
    return { period: yearPeriod(Number(fileYear[1]), 'period.filename-year', `the file name "${path.basename(doc.source)}" carries the year ${fileYear[1]}`), messages };
  }
  const latest = latestYearMentioned(doc.text);
  // A numbered session or an anniversary names the year it is held in: surer than the latest year mentioned,
  // which is as often one the text looks back or ahead to.
  const session = yearOfNumberedSessions(doc.text, latest?.year);
  const cue = yearOfCues(doc.text);
  // The latest session a text names is most often the one it is given at, but a text may name only one before or after
  // it ("the President of the sixty-ninth session", "our candidate for the seventy-first session"): when every other cue
  // names one other year, that year is taken, and the user told (on the speeches the cues were right in 14 of 15 such).
  if (session && cue && 'year' in cue && cue.year !== session.year) {
    messages.push({ rule: cue.rule, severity: 'info', message: `dated ${cue.year} by ${cue.reason.split(':')[0]}, not ${session.year} by the session it names (${session.reason.split(':')[0]}) — pass --period or --dct to set it` });
    return { period: yearPeriod(cue.year, cue.rule, `${cue.reason}; the session it names (${session.reason.split(':')[0]}) says ${session.year}`, cue.span), messages };
  }
  // Cues that disagree among themselves leave the session standing when it agrees with one of them, not otherwise.
  if (session && cue && 'disagree' in cue && !cue.years.includes(session.year)) {
    return undated(`the session it names (${session.reason.split(':')[0]}) and its other cues date it differently; ${cue.disagree}`, messages, now);
  }
  if (session) return { period: yearPeriod(session.year, 'period.numbered-session', session.reason, session.span), messages };
  if (cue && 'year' in cue) return { period: yearPeriod(cue.year, cue.rule, cue.reason, cue.span), messages };
  if (cue) return undated(cue.disagree, messages, now);
  if (latest) {
    // The weakest evidence (about one text in five is given in the latest year it names): the user is told.
    messages.push({ rule: 'period.latest-year', severity: 'warning', message: `no title, dateline, file name, session or anniversary dates this text; guessed ${latest.year}, the latest year it mentions — pass --period or --dct to set it` });
    return { period: yearPeriod(latest.year, 'period.latest-year', `the latest year the text mentions is ${latest.year}`, latest.span), messages };
  }
  return undated('no year found in the title, a dateline, the file name or the text', messages, now);
}

const MONTH_DAY_YEAR = (day: number, month: string, year: number) =>
  new RegExp(`(?<![\\w-])(?:${day}(?:st|th)?[ \\t]+${month},?[ \\t]+${year}|${month}[ \\t]+${day}(?:st|th)?,[ \\t]*${year})(?![\\w-])`, 'i');

/**
 * A financial year written "2022–23" runs July to June (Australia, New Zealand, Pakistan, Egypt...) or April to March
 * (the United Kingdom, India, Japan, Canada...): a text that names the year's last day ("31 March 2023", "June 30,
 * 2023") says which; otherwise July to June is taken and the reason says it was assumed. Year-less months from April
 * to June fall in different years under the two.
 */
function financialYearPeriod(text: string, year: number, reason: string, span: Span): ReportPeriod {
  const endsMarch = MONTH_DAY_YEAR(31, 'March', year + 1).test(text);
  const endsJune = MONTH_DAY_YEAR(30, 'June', year + 1).test(text);
  if (endsMarch && !endsJune) return newPeriod(`${year}-04-01`, `${year + 1}-03-31`, 'period.edition-year', `${reason}, April to March (the text names 31 March ${year + 1})`, undefined, span);
  const told = endsJune && !endsMarch ? ` (the text names 30 June ${year + 1})` : ' (assumed: the text names neither 31 March nor 30 June of its second year)';
  return newPeriod(`${year}-07-01`, `${year + 1}-06-30`, 'period.edition-year', `${reason}, July to June${told}`, undefined, span);
}

/** No period found, or none the text agrees on: the year of ingest is assumed, and the user told. */
function undated(why: string, messages: Omit<Message, 'doc'>[], now: () => Date): PeriodResult {
  const year = now().getUTCFullYear();
  messages.push({ rule: 'period.none', severity: 'warning', message: `${why}; assumed ${year}, the year of ingest — pass --period or --dct to set it` });
  return { period: yearPeriod(year, 'period.none', `${why}; assumed the year of ingest (${year})`), messages };
}

/**
 * The year the text's anniversaries, counts of years from dated moments, moments told as this year or last year and
 * Presidents of numbered sessions agree on. When they name different years
 * the text is not dated by them: a wrong year misdates every relative date in it, an undated text is flagged.
 */
function yearOfCues(text: string): { year: number; rule: ReportPeriod['rule']; reason: string; span: Span } | { disagree: string; years: number[] } | undefined {
  const cues = [
    ...anniversaryYears(text).map((c) => ({ ...c, rule: 'period.anniversary' as const })),
    ...countedYears(text).map((c) => ({ ...c, rule: 'period.years-counted' as const })),
    ...eventYears(text).map((c) => ({ ...c, rule: 'period.event-this-year' as const })),
    ...presidentYears(text).map((c) => ({ ...c, rule: 'period.session-president' as const })),
  ];
  if (!cues.length) return undefined;
  const years = [...new Set(cues.map((c) => c.year))];
  // An anniversary, named and numbered, is the surer evidence of the two when both are there.
  if (years.length === 1) return cues.find((c) => c.rule === 'period.anniversary') ?? cues[0]!;
  return { years, disagree: `the text's anniversaries, counts of years, moments of this or last year and Presidents of sessions date it differently (${cues.map((c) => `${c.reason.split(':')[0]}: ${c.year}`).join('; ')})` };
}

/** The latest year the text mentions, leaving out years it looks ahead to. */
function latestYearMentioned(text: string): { year: number; span: Span } | undefined {
  let latest: { year: number; span: Span } | undefined;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    if (isAheadYear(text, m.index, m.index + m[0].length)) continue;
    const year = Number(m[1]);
    if (!latest || year > latest.year) latest = { year, span: { start: m.index, end: m.index + m[0].length } };
  }
  return latest;
}

// What may stand before a dateline's date in its line: a label, a place (with a news agency) and a
// weekday, e.g. "New York, ", "GENEVA (Reuters) - ", "Tokyo, Monday, ", "Date: ", "Date: Tue, " (a mail header).
const DATELINE_BEFORE = /^[\s*_#>]*(?:(?:Date[ds]?|Issued|Published|Released)\s*(?::|on)?\s*)?(?:\p{Lu}[\p{L}.'’ -]{0,40}(?:\s*\([\p{L} ]{1,20}\))?\s*(?:,|[—–-])\s*)?(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?(?:the\s+)?$/u;
// And after it: the end of the line, or a dash, colon or bracket that sets it off from what follows.
// A clock time may follow, with its zone ("Tuesday, 9 July 2019, 10 a.m.", the head of a meeting record;
// "17 Oct 2019 10:32 BST").
const DATELINE_AFTER = /^(?:,?\s*(?:at\s+)?\d{1,2}(?:[.:]\d{2}){0,2}\s*(?:[ap]\.\s?m\.|[ap]m|h|hrs)?(?:\s*(?:[A-Z]{2,4}T?|[+-]\d{4}))*)?[\s*_]*(?:$|[—–:|(\[]|-\s|\.\s*$)/i;

/**
 * A date in a paragraph dates the document only where it stands as a dateline does, at the head of
 * its line and set off from what follows. A date told inside the paragraph's first sentence ("the
 * Organization, born on 24 October 1945, ...") is what the text is about, not when it was written.
 */
function isDatelineShape(line: string, m: RegExpExecArray): boolean {
  return DATELINE_BEFORE.test(line.slice(0, m.index)) && DATELINE_AFTER.test(line.slice(m.index + m[0].length, m.index + m[0].length + 80));
}

// A year the text looks ahead to, which says nothing of when it was written: a deadline ("by 2030",
// "until 2025"), the end of a span ("2016–2030", "from 2016 to 2030") or the name of a programme
// ("the 2030 Agenda", "Vision 2063").
const AHEAD_BEFORE = /(?:\b(?:by|until|till|before|towards?|through|beyond|to|upto|Agenda|Vision|Horizon|vision\s+of)\s+(?:the\s+(?:end\s+of\s+|year\s+)?)?|[–—]\s*|\bpost-\s*|\d{4}\s*-\s*)$/i;
const AHEAD_AFTER = /^(?:\s*(?:Agenda|Vision|Development\s+(?:Agenda|Goals)|Goals?|targets?|Strategy|Plan)\b|[^.;!?]{0,40}\b(?:will|shall)\b|,?\s+and\s+beyond\b|\s+onwards?\b|(?:\s*[-–]\s*\d{4})?\s+term\b|,\s+(?:I|we)\s+hope\b)/i;

function isAheadYear(text: string, start: number, end: number): boolean {
  return AHEAD_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || AHEAD_AFTER.test(text.slice(end, end + 32))
    || FUTURE_CLAUSE.test(text.slice(Math.max(0, start - 160), start));
}

function fromOverride(override: PeriodOverride): ReportPeriod {
  if (override.dct) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(override.dct);
    if (!m || !iso(+m[1]!, +m[2]!, +m[3]!)) throw new RangeError(`--dct must be a date YYYY-MM-DD, got "${override.dct}"`);
    const base = override.period ? fromOverride({ period: override.period }) : yearPeriod(+m[1]!, 'period.override', '');
    return newPeriod(base.start, base.end, 'period.override', `given by the user: document dated ${override.dct}${override.period ? `, period ${override.period}` : ''}`, override.dct, base.evidence);
  }
  const p = override.period!;
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (range) {
    if (range[1]! > range[2]!) throw new RangeError(`--period start ${range[1]} is after its end ${range[2]}`);
    return newPeriod(range[1]!, range[2]!, 'period.override', `given by the user: ${p}`);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(p);
  if (month && +month[2]! >= 1 && +month[2]! <= 12) {
    const last = new Date(Date.UTC(+month[1]!, +month[2]!, 0)).getUTCDate();
    return newPeriod(`${p}-01`, `${p}-${String(last).padStart(2, '0')}`, 'period.override', `given by the user: ${p}`);
  }
  if (/^\d{4}$/.test(p)) return yearPeriod(+p, 'period.override', `given by the user: ${p}`);
  throw new RangeError(`--period must be YYYY, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD, got "${p}"`);
}

function yearPeriod(year: number, rule: ReportPeriod['rule'], reason: string, evidence?: Span, dct?: string): ReportPeriod {
  return newPeriod(`${year}-01-01`, `${year}-12-31`, rule, reason, dct, evidence);
}

function at(block: Span, m: RegExpExecArray): Span {
  return { start: block.start + m.index, end: block.start + m.index + m[0].length };
}

function iso(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
