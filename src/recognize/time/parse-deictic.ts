import { relative } from './relative-value.js';
import type { TimeParser, TimexCandidate } from './time-parser.js';

type Make = (start: number, end: number) => TimexCandidate;
const date = (value: string, rule = 'time.deictic'): Make => (start, end) => ({ start, end, type: 'DATE', value, rule });
const time = (value: string): Make => (start, end) => ({ start, end, type: 'TIME', value, rule: 'time.deictic' });

// Words that point at the document's own time, or at the past and future in general.
const WORDS: Record<string, Make> = {
  today: date(relative('DCT', 'D', 0)),
  'earlier today': date(relative('DCT', 'D', 0)),
  'later today': date(relative('DCT', 'D', 0)),
  yesterday: date(relative('DCT', 'D', -1)),
  'the day before yesterday': date(relative('DCT', 'D', -2)),
  tomorrow: date(relative('DCT', 'D', 1)),
  'the day after tomorrow': date(relative('DCT', 'D', 2)),
  tonight: time(relative('DCT', 'D', 0, 'TNI')),
  'this morning': time(relative('DCT', 'D', 0, 'TMO')),
  'this afternoon': time(relative('DCT', 'D', 0, 'TAF')),
  'this evening': time(relative('DCT', 'D', 0, 'TEV')),
  'last night': time(relative('DCT', 'D', -1, 'TNI')),
  'yesterday morning': time(relative('DCT', 'D', -1, 'TMO')),
  'yesterday afternoon': time(relative('DCT', 'D', -1, 'TAF')),
  'yesterday evening': time(relative('DCT', 'D', -1, 'TEV')),
  'tomorrow morning': time(relative('DCT', 'D', 1, 'TMO')),
  now: date('PRESENT_REF'),
  'right now': date('PRESENT_REF'),
  'just now': date('PAST_REF'),
  currently: date('PRESENT_REF'),
  current: date('PRESENT_REF'),
  'at present': date('PRESENT_REF'),
  'the present': date('PRESENT_REF'),
  presently: date('PRESENT_REF'),
  nowadays: date('PRESENT_REF'),
  'these days': date('PRESENT_REF'),
  'for the time being': date('PRESENT_REF'),
  'to date': date('PRESENT_REF'),
  // "disbursements year to date", "year-to-date sales": the current year up to now, marked as "so far this year"
  // marks "this year".
  'year to date': date(relative('DCT', 'Y', 0)),
  'year-to-date': date(relative('DCT', 'Y', 0)),
  recently: date('PAST_REF'),
  recent: date('PAST_REF'),
  'the past': date('PAST_REF'),
  previously: date('PAST_REF'),
  formerly: date('PAST_REF'),
  once: date('PAST_REF'),
  soon: date('FUTURE_REF'),
  'the future': date('FUTURE_REF'),
  'the near future': date('FUTURE_REF'),
  'the near term': date('FUTURE_REF'),
  'the short term': date('FUTURE_REF'),
  'the long term': date('FUTURE_REF'),
  'a later date': date('FUTURE_REF'),
  'the years ahead': date('FUTURE_REF'),
  'immediately after': date(relative('REF', 'D', 0), 'time.narrative'),
  'immediately afterwards': date(relative('REF', 'D', 0), 'time.narrative'),
  'shortly after': date(relative('REF', 'D', 0), 'time.narrative'),
  'shortly afterwards': date(relative('REF', 'D', 0), 'time.narrative'),
};

// Words that count as time expressions only in some contexts; "once" alone is a numeral adverb too often.
// "previously", "formerly" and "soon" are left alone too: TimeML annotators mark them rarely (about one in four).
// "recent" alone is an adjective ("the recent collapse of the market") that TimeML annotators leave untagged more
// often than not; "recent years" and "recently" stay.
const SKIP = new Set(['once', 'previously', 'formerly', 'soon', 'recent']);
// "today's world", "today's youth": the present in general, not the day of the text.
const GENERIC_AFTER_TODAY = /^['’]s[ \t]+(?:world|society|youth|young|generation|children|economy|dollars|standards|terms|technology|computers|culture|families|politics|market|markets)\b/i;

const PAST_AS_ADJECTIVE = /^[ \t]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|few|several|many|couple)\b|(?:centur(?:y|ies)|decades?|years?|quarters?|months?|weeks?|weekends?|days?|nights?|hours?|summers?|winters?|springs?|falls?|autumns?|seasons?|generations?|term)\b)/i;

// "the Summit of the Future", "Back to the Future", "the Future Investment Initiative": a capitalised "Future", "Past"
// or "Present" inside a title-cased name is part of the name, not a time. A capitalised word joined to it by a
// preposition before it, or a capitalised word right after it, marks the name ("In the Future" at the head of a
// sentence has neither).
const NAME_NOUN = /^the[ \t]+(?:Future|Past|Present)$/;
const NAME_BEFORE = /(?:^|[^\w'-])[A-Z][\w'-]*[ \t]+(?:of|for|to|on|and|from|with|in)[ \t]+$/;
const NAME_AFTER = /^[ \t]+[A-Z][a-z]/;

const keys = Object.keys(WORDS).filter((k) => !SKIP.has(k)).sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(`(?<![\\w-])(?:${keys.map((k) => k.replace(/ /g, '[ \\t]+')).join('|')})(?![\\w-])`, 'gi');

export const deicticParser: TimeParser = {
  name: 'time.deictic',
  pattern: PATTERN,
  extract(m, text) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    const make = WORDS[key];
    if (!make) return null;
    const end = m.index + m[0].length;
    // "the financial year to date" is a fiscal year's part, not the calendar year's: left to "to date" alone.
    if (key.startsWith('year') && /(?:financial|fiscal|tax|school|academic)[ \t]+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) {
      return key === 'year to date' ? WORDS['to date']!(m.index + m[0].search(/to[ \t]+date$/i), end) : null;
    }
    // "immediately after the meeting" is relative to an event, not a date: keep it only when it stands alone.
    if (key.startsWith('immediately after') || key.startsWith('shortly after')) {
      if (key.endsWith('after') && /^[ \t]+(?:the|a|an|his|her|its|their|this|that|[A-Z0-9])/.test(text.slice(end, end + 6))) return null;
    }
    if (NAME_NOUN.test(m[0]) && (NAME_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) || NAME_AFTER.test(text.slice(end, end + 3)))) return null;
    // "in the past" keeps only "the past" as TimeML does; "current" only before a noun ("current account" excepted).
    if (key === 'today' && GENERIC_AFTER_TODAY.test(text.slice(end, end + 16))) return null;
    // "the past century", "the past three summers": "past" is an adjective of the span that follows.
    if (key === 'the past' && PAST_AS_ADJECTIVE.test(text.slice(end, end + 24))) return null;
    if (key === 'current' && /^[ \t]+(?:account|accounts|affairs|events|account[ \t]+deficit|prices|dollars|assets|liabilities|flows?|density|speed|form|version|model|members?)\b/i.test(text.slice(end, end + 16))) return null;
    return make(m.index, end);
  },
};
