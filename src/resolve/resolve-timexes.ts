import type { DocumentWithPeriod, Message, Segmentation, Sentence, Timex } from '../model/index.js';
import { parseRelative, type RelativeValue } from '../recognize/time/relative-value.js';
import { addDays, easterSunday, firstDay, granularity, isoDay, nthWeekday, parseDay, rangeOf, shiftedValue, weekday, type Day } from './time/calendar.js';
import type { Tense } from './time/sentence-tense.js';
import { localTense, type LocalTense } from './time/local-tense.js';
import { newTimex } from '../recognize/time/new-timex.js';
import { durationValue } from '../recognize/time/lexicon.js';

type Msg = Omit<Message, 'doc'>;

/** A date mentioned earlier, for narrative anchoring ("later that month", "the same day"). */
interface Reference {
  index: number;
  value: string;
  /** The whole value, a range included. */
  full: string;
  granularity: string;
  sentence: number;
  /** A relative expression that took its value from a date told before it ("the quarter"): it names nothing new. */
  echo: boolean;
}

// How fine each granularity is; a reference serves a relative expression when it is at least as fine.
const FINENESS: Record<string, number> = { CE: 0, DE: 1, Y: 2, H: 3, SE: 3, Q: 3, M: 4, W: 5, D: 6, T: 7 };
const UNIT_FINENESS: Record<string, number> = { CE: 0, DE: 1, Y: 2, Q: 3, M: 4, W: 5, D: 6 };
const UNKNOWN: Record<string, string> = { CE: 'XX', DE: 'XXX', Y: 'XXXX', Q: 'XXXX-QX', M: 'XXXX-XX', W: 'XXXX-WXX', D: 'XXXX-XX-XX' };

/**
 * What one value resolved to. Every resolver returns this one shape, anchor '' when there is none: a field
 * that is sometimes undefined and sometimes a string changes the object's hidden class, and code V8 had
 * optimised for the first kind was thrown away on meeting the second.
 */
interface Resolved {
  value: string;
  anchor: string;
  inferred: string[];
}

const resolvedAs = (value: string, anchor: string, inferred: string[]): Resolved => ({ value, anchor, inferred });

/**
 * An empty list of strings with the elements kind a filled one has (an empty literal is a list of small integers
 * to V8 until the first push, a map of its own), so that code reading lists of inferred parts meets one map.
 */
function noStrings(): string[] {
  const list = [''];
  list.pop();
  return list;
}

/**
 * Turn recognised values into calendar values the way a careful reader would: a dated text's own
 * date (with the sentence's tense) for "in March" and "yesterday", the report period for a bare
 * month in a report, the last mentioned date of the right granularity for "later that month".
 * Never today's date: what nothing anchors keeps its X's and gets a message.
 */
export function resolveTimexes(doc: DocumentWithPeriod, seg: Segmentation, timexes: Timex[]): { timexes: Timex[]; messages: Msg[] } {
  const r = new TimexResolution(doc, timexes);
  const sentences = seg.sentences;
  const out: Timex[] = [];
  let sentenceCursor = 0;
  for (let i = 0; i < timexes.length; i++) {
    const t = timexes[i]!;
    while (sentenceCursor + 1 < sentences.length && sentences[sentenceCursor + 1]!.start <= t.start) sentenceCursor++;
    const sentence = sentences[sentenceCursor];
    // A set ("each July", "every Monday") names a recurring time, not one to anchor.
    if (t.type === 'SET') {
      out.push(t);
      continue;
    }
    r.moveTo(i, t, sentence && sentence.start <= t.start && t.start < sentence.end ? sentence : undefined);
    out.push(t.type === 'DURATION' && t.value.startsWith('REL:') ? r.resolveOffsetDuration() : r.resolveCurrent());
  }
  timeOnDayAfter(r.text, timexes, out);
  return { timexes: out, messages: r.messages };
}

/*
 * The state of one document's resolution, and the timex being resolved. These were closures made
 * afresh for every timex inside one large function, which V8 compiled (at length) five times a run;
 * as methods and small functions per kind of relative value they are compiled once each, and only
 * the part a new kind of value first reaches is compiled again.
 */
class TimexResolution {
  readonly messages: Msg[] = [];
  readonly text: string;
  readonly dct: Day | null;
  readonly periodStart: Day | null;
  readonly periodEnd: Day | null;
  /**
   * The period is only a guess from the latest year the text mentions (or none at all): an undated narrative
   * ("In 1962 ... that October ... by the end of May") anchors a year-less date on the dates it tells, not on it.
   */
  readonly guessedPeriod: boolean;
  /** Dates mentioned so far, in order. */
  readonly refs: Reference[] = [];
  // The last span of several months mentioned ("the first nine months"): after it, "a year earlier" compares with
  // that span a year back, a year, not with the quarter mentioned before it.
  lastSpan = -1;
  /** Resolving the ends of a range, which run forward. */
  inRange = false;
  /** The timex being resolved, its index, and the sentence it stands in (-1 and undefined outside any). */
  index = -1;
  current: Timex | undefined;
  sentenceIndex = -1;
  sentence: Sentence | undefined;
  private tenseCache: LocalTense | undefined;

  constructor(doc: DocumentWithPeriod, readonly timexes: Timex[]) {
    this.text = doc.text;
    this.dct = doc.period.dct ? parseDay(doc.period.dct) : null;
    this.periodStart = doc.period.start ? parseDay(doc.period.start) : null;
    this.periodEnd = doc.period.end ? parseDay(doc.period.end) : null;
    this.guessedPeriod = doc.period.rule === 'period.latest-year' || doc.period.rule === 'period.none';
  }

  moveTo(index: number, t: Timex, sentence: Sentence | undefined): void {
    this.index = index;
    this.current = t;
    this.sentence = sentence;
    this.sentenceIndex = sentence ? sentence.index : -1;
    this.tenseCache = undefined;
  }

  get t(): Timex {
    return this.current!;
  }

  localOf(): LocalTense {
    const t = this.t;
    const s = this.sentence;
    return (this.tenseCache ??= localTense(this.text, s?.start ?? Math.max(0, t.start - 200), s?.end ?? t.end + 200, t.start, t.end));
  }

  tense(): Tense {
    return this.localOf().tense;
  }

  lastRef(needed: number): Reference | undefined {
    const refs = this.refs;
    for (let k = refs.length - 1; k >= 0; k--) if (FINENESS[refs[k]!.granularity]! >= needed) return refs[k];
    return undefined;
  }

  /** The date last mentioned when it is a month, in this sentence or the one before. */
  recentMonth(): Reference | undefined {
    const last = this.refs[this.refs.length - 1];
    return last && last.granularity === 'M' && this.sentenceIndex >= 0 && this.sentenceIndex - last.sentence <= 1 ? last : undefined;
  }

  // Comparisons with "a year" ("a year ago", "a year earlier", "the year-ago quarter") in a text about a quarter
  // (earnings reports) mean that quarter a year back.
  // The quarter a report is about is the one it keeps coming back to: a quarter named in this very sentence,
  // else the quarter mentioned most often in the last ten sentences (the first of them on a tie), "after a flat second quarter" aside.
  quarterRef(): Reference | undefined {
    const { refs, sentenceIndex, lastSpan } = this;
    let recent: Reference | undefined;
    for (let k = refs.length - 1; k >= 0; k--) {
      const r = refs[k]!;
      if (sentenceIndex - r.sentence > 5 || r.index < lastSpan) break;
      if (r.granularity === 'Q') {
        recent = r;
        break;
      }
    }
    if (!recent || recent.sentence === sentenceIndex) return recent;
    const counts = new Map<string, { n: number; first: Reference }>();
    for (const r of refs) {
      // "During the quarter" repeats the quarter it was given and casts no vote of its own ("the fiscal first quarter
      // ... the quarter ended Sept. 30 ... during the quarter": the echo must not break the tie for the first).
      if (r.granularity !== 'Q' || r.index < lastSpan || sentenceIndex - r.sentence > 10 || r.echo) continue;
      const c = counts.get(r.value);
      if (c) c.n++;
      else counts.set(r.value, { n: 1, first: r });
    }
    let best: { n: number; first: Reference } | undefined;
    for (const c of counts.values()) if (!best || c.n > best.n) best = c;
    return best?.first ?? recent;
  }

  // The year of a value with no year: stated nearby, the creation time with tense, or the report period.
  anchorYear(partial: string): { value: string; anchor: string } | null {
    const { refs, sentenceIndex, dct, periodStart, periodEnd } = this;
    // "From May 2021 to June": a month or day with its year just before, in the same sentence, lends that year.
    const prev = refs[refs.length - 1];
    const sameSentence = prev && prev.sentence === sentenceIndex && sentenceIndex >= 0 && FINENESS[prev.granularity]! >= 4 ? prev : undefined;
    // "the Agreement adopted on 17 December 2015 and the conference to take place in December": told as still to
    // come in a speech on a stated year, a month is not lent a year before that one.
    const lendsPast = sameSentence && periodStart && !this.guessedPeriod && Number(sameSentence.value.slice(0, 4)) < periodStart.y && this.tense() === 'future';
    // A financial year (July 2022 to June 2023): a month falls in whichever of its two years holds it in the span.
    const month = Number(partial.slice(5, 7));
    const fiscal = periodStart && periodEnd && periodStart.m !== 1 && periodEnd.y === periodStart.y + 1 && periodEnd.m < periodStart.m && month >= 1;
    const fiscalYear = fiscal ? (month >= periodStart.m ? periodStart.y : periodEnd.y) : undefined;
    // "in May and again in February" of a report on 2022–23: each month in its own year of the span, not the first's.
    if (sameSentence && !dct && fiscalYear !== undefined && !this.guessedPeriod) {
      const y = Number(sameSentence.value.slice(0, 4));
      if (y === periodStart!.y || y === periodEnd!.y) return { value: String(fiscalYear) + partial.slice(4), anchor: 'period' };
    }
    if (sameSentence && !dct && !lendsPast) {
      // A narrative runs forward; a speech or report with a stated period names dates in any order in one sentence
      // ("the pre-conference meeting it will host in October, before the summit in December").
      const narrative = this.guessedPeriod || !(periodStart && periodEnd);
      return { value: (narrative ? forwardYear(sameSentence, partial) : sameSentence.value.slice(0, 4)) + partial.slice(4), anchor: `narrative:${sameSentence.index}` };
    }
    if (dct) return { value: String(nearestYear(partial, dct, this.tense())) + partial.slice(4), anchor: 'dct' };
    const told = this.guessedPeriod ? this.lastRef(2) : undefined;
    // A date told in a sentence of its own may look back; the ends of a range run forward (resolveCurrent).
    if (told) return { value: forwardYear(told, partial, !this.inRange) + partial.slice(4), anchor: `narrative:${told.index}` };
    if (periodStart && periodEnd) {
      // A multi-year period: the year of the last date mentioned inside it, else its last year.
      let y = periodStart.y;
      if (fiscalYear !== undefined) {
        y = fiscalYear;
      } else if (periodEnd.y !== periodStart.y) {
        const r = this.lastRef(2);
        const ry = r ? Number(r.value.slice(0, 4)) : NaN;
        y = ry >= periodStart.y && ry <= periodEnd.y ? ry : periodEnd.y;
      }
      return { value: String(y) + partial.slice(4), anchor: 'period' };
    }
    const r = this.lastRef(2);
    if (r) return { value: forwardYear(r, partial, !this.inRange) + partial.slice(4), anchor: `narrative:${r.index}` };
    return null;
  }

  resolveOne(value: string): Resolved | null {
    const rel = parseRelative(value);
    if (rel) return (RELATIVE_RESOLVERS.get(rel.base) ?? resolveByReference)(this, rel);
    if (value.startsWith('XXXX-') && !value.startsWith('XXXX-WXX') && !value.startsWith('XXXX-XX')) {
      const a = this.anchorYear(value);
      return a ? resolvedAs(a.value, a.anchor, ['year']) : null;
    }
    return resolvedAs(value, '', noStrings());
  }

  /** The current timex with its value resolved (or kept with X's and a message), the narrative moved on. */
  resolveCurrent(): Timex {
    const t = this.t;
    const parts = t.type === 'DATE' && t.value.includes('/') && !t.value.startsWith('P') ? t.value.split('/') : undefined;
    const resolved: Array<Resolved | null> = [];
    let failed = false;
    // One value, or the ends of a range "2021-03/2021-05" one by one.
    if (parts) {
      this.inRange = true;
      for (const part of parts) {
        const r = this.resolveOne(part);
        if (!r) failed = true;
        resolved.push(r);
      }
      this.inRange = false;
      const [first, last] = resolved;
      // "fell from July to September" on 14 June: each end alone took the tense's nearest year (July this year,
      // September last); a range runs forward, so a year-less first end takes the year before its second end.
      if (parts.length === 2 && first && last && parts[0]!.startsWith('XXXX')) {
        const a = rangeOf(first.value);
        const b = rangeOf(last.value);
        if (a && b && a.start > b.start) {
          const y = Number(last.value.slice(0, 4));
          const same = String(y) + parts[0]!.slice(4);
          const sameRange = rangeOf(same);
          resolved[0] = { ...first, value: sameRange && sameRange.start <= b.start ? same : String(y - 1) + parts[0]!.slice(4) };
        }
      }
    } else {
      const r = this.resolveOne(t.value);
      if (!r) failed = true;
      resolved.push(r);
    }
    const next = failed ? unanchored(t, parts ?? [t.value], this.messages) : this.anchored(t, resolved as Resolved[]);
    if (t.type === 'DURATION' && /^P(?:[2-9]|1[01])M$/.test(t.value)) this.lastSpan = this.index;
    return next;
  }

  /**
   * "Three days later" (recognised as the duration "three days" with the point it leads to as a relative value): the
   * duration TimeML gives it, with that point, anchored as the date it once was, as its inferred range. The point
   * stays a reference for the narrative ("Three days later ... The next day"). With nothing to count from, the
   * duration alone: its length is stated, only the point is not.
   */
  resolveOffsetDuration(): Timex {
    const t = this.t;
    const rel = parseRelative(t.value)!;
    const duration = durationValue(Math.abs(rel.offset), DURATION_UNIT[rel.unit] ?? 'day');
    const r = this.presentFrame(rel) ?? this.resolveOne(t.value);
    const range = r ? rangeOf(r.value) : null;
    const g = r ? granularity(r.value) : null;
    if (!r || !range || !g || this.pastTheText(rel, range)) return newTimex(t.doc, t.start, t.end, t.text, t.type, duration, t.mod, t.range, t.anchor, t.inferred, t.rule);
    const inferred = noStrings();
    addNew(inferred, t.inferred);
    addNew(inferred, ['range']);
    this.refs.push({ index: this.index, value: r.value, full: r.value, granularity: g, sentence: this.sentenceIndex, echo: false });
    return newTimex(t.doc, t.start, t.end, t.text, t.type, duration, t.mod, range, r.anchor || t.anchor, inferred, t.rule);
  }

  /**
   * "Today, 70 years later, ...", "A year later, our warning has been fulfilled": a count forward told in a present
   * frame reaches the document's own time, whatever the count from the date told would give (a speech rounds its
   * anniversaries). The point is that time, at the unit's granularity; only with a time of the document's own.
   */
  presentFrame(rel: RelativeValue): Resolved | null {
    if (rel.offset <= 0 || rel.base !== 'REF') return null;
    const own = this.dct ?? (this.periodEnd && !this.guessedPeriod ? this.periodEnd : null);
    if (!own) return null;
    const t = this.t;
    const sentenceEnd = this.sentence?.end ?? t.end + 80;
    const before = this.text.slice(Math.max(this.sentence?.start ?? 0, t.start - 12), t.start);
    const after = this.text.slice(t.end, Math.min(sentenceEnd, t.end + 60));
    const framed = TODAY_BEFORE.test(before) || /^[ \t]+later,?[ \t]+(?:today|now)\b/i.test(after) || PERFECT_AFTER.test(after);
    if (!framed) return null;
    const unit = rel.unit === 'D' || rel.unit === 'W' ? 'D' : rel.unit === 'M' ? 'M' : 'Y';
    if (unit !== 'Y' && !this.dct) return null;
    return resolvedAs(shiftedValue(own, unit, 0), this.dct ? 'dct' : 'period', ['value']);
  }

  /**
   * A count forward that reaches past the document's own time, told in the past or present, counted from the wrong
   * date: "Seventy-one years later, Africa continues to be denied ..." in a speech of 2016 is now, not 71 years after
   * an election due in June 2017. Which date it counts from is not told; the duration stands without a point.
   */
  pastTheText(rel: RelativeValue, range: { start: string; end: string }): boolean {
    if (rel.offset <= 0) return false;
    const own = this.dct ?? (this.periodEnd && !this.guessedPeriod ? this.periodEnd : null);
    return own !== null && range.start > isoDay(own) && this.tense() !== 'future';
  }

  /** A bare year between a determiner and a capitalised name ("the 2030 Agenda for Sustainable Development"). */
  yearInName(t: Timex): boolean {
    if (t.text.length !== 4 || t.rule !== 'time.year') return false;
    const text = this.text;
    const after = NAME_AFTER_YEAR.exec(text.slice(t.end, t.end + 24));
    return after !== null && !NOT_A_NAME.test(after[1]!) && DETERMINER_BEFORE_YEAR.test(text.slice(Math.max(0, t.start - 8), t.start));
  }

  /** A reference that is a year given as a deadline ("by 2025", "until 2030", "before 2020"). */
  isDeadlineYear(ref: Reference): boolean {
    const t = this.timexes[ref.index];
    return !!t && t.rule === 'time.year' && DEADLINE_BEFORE.test(this.text.slice(Math.max(0, t.start - 12), t.start));
  }

  /**
   * A year after "since" ("the sixth elections since 1994") starts a span that runs up to the time told of: it looks
   * back from the narrative, and the dates told after it ("the mission was deployed from 17 April") are not in it.
   */
  afterSince(t: Timex): boolean {
    return t.rule === 'time.year' && SINCE_BEFORE.test(this.text.slice(Math.max(0, t.start - 12), t.start));
  }

  /** The timex with its resolved value; a date or time (not a comparison) becomes the latest reference. */
  anchored(t: Timex, rs: Resolved[]): Timex {
    let value = rs[0]!.value;
    for (let k = 1; k < rs.length; k++) value += `/${rs[k]!.value}`;
    const next = withResolution(t, value, rs);
    // Comparisons ("a year earlier") point back but do not move the narrative; nor does a year naming a programme
    // or an event ("the 2030 Agenda", "the 2015 Paris Agreement"): no time the text goes on to tell of.
    if ((t.type === 'DATE' || t.type === 'TIME') && !/^REL:(?:ADAPT|AGO|CMP|QIN):/.test(t.value) && !this.yearInName(t) && !this.afterSince(t)) {
      const v = rs[rs.length - 1]!.value;
      const g = granularity(v);
      const echo = t.value.startsWith('REL:') && rs[rs.length - 1]!.anchor.startsWith('narrative:');
      if (g) this.refs.push({ index: this.index, value: v, full: value, granularity: g, sentence: this.sentenceIndex, echo });
    }
    return next;
  }
}

/**
 * The year a year-less date takes from the date told before it: that date's year, or the next one when the date
 * would then lie wholly before it, as a narrative runs forward ("on Christmas Day 1911 ... by mid-January": 1912).
 * With `lookBack`, a date much nearer back than on (less than half the distance) is told looking back instead ("the
 * elections were held on 21 May 2019. The mission was deployed from 17 April": five weeks before, not 48 on).
 */
function forwardYear(ref: Reference, partial: string, lookBack = false): string {
  const year = ref.value.slice(0, 4);
  // Compared with the whole span told: a day inside a range ("8–10 January ... on 9 January") is not before it.
  const told = rangeOf(ref.full.split('/', 1)[0]!);
  const here = rangeOf(year + partial.slice(4));
  if (!told || !here || here.end >= told.start) return year;
  const next = String(Number(year) + 1).padStart(4, '0');
  if (!lookBack) return next;
  const toldEnd = rangeOf(ref.value)?.end;
  const ahead = rangeOf(next + partial.slice(4));
  if (!toldEnd || !ahead) return next;
  return 2 * daysBetween(here.end, told.start) < daysBetween(toldEnd, ahead.start) ? year : next;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** A copy of the timex with its resolved value, inferred parts, anchor and range. */
function withResolution(t: Timex, value: string, rs: Resolved[]): Timex {
  let anchor = '';
  for (const r of rs) {
    if (r.anchor) {
      anchor = r.anchor;
      break;
    }
  }
  // In first-seen order, each once (as a Set of them would give).
  // One helper for both lists: a loop of its own over the timex's list, usually empty, had no type feedback when
  // V8 compiled this function, and the first timex with a recognised inferred part threw the code away.
  const inferred = noStrings();
  addNew(inferred, t.inferred);
  for (let k = 0; k < rs.length; k++) addNew(inferred, rs[k]!.inferred);
  const range = t.range ?? rangeBetween(rs[0]!.value, rs[rs.length - 1]!.value);
  // Every field set, in the one order of new-timex.ts (a spread of timexes was a slow generic copy).
  return newTimex(t.doc, t.start, t.end, t.text, t.type, value, t.mod, range, anchor || t.anchor, inferred, t.rule);
}

/** The strings of `from` not in `into` yet, appended in order. */
function addNew(into: string[], from: string[]): void {
  for (let k = 0; k < from.length; k++) if (!into.includes(from[k]!)) into.push(from[k]!);
}

function rangeBetween(first: string, last: string): { start: string; end: string } | undefined {
  const a = rangeOf(first);
  const b = rangeOf(last);
  return a && b ? { start: a.start, end: b.end } : undefined;
}

/** The timex kept with X's where nothing anchors it, and a message saying so. */
function unanchored(t: Timex, parts: string[], messages: Msg[]): Timex {
  let value = unknownFor(parts[0]!);
  for (let k = 1; k < parts.length; k++) value += `/${unknownFor(parts[k]!)}`;
  messages.push({ rule: 'time.unanchored', severity: 'info', start: t.start, end: t.end, message: `"${t.text}" could not be anchored: no date in the document to resolve it against; kept as ${value}` });
  return newTimex(t.doc, t.start, t.end, t.text, t.type, value, t.mod, t.range, t.anchor, t.inferred, t.rule);
}

type RelativeResolver = (r: TimexResolution, rel: RelativeValue) => Resolved | null;

function yearBack(ref: Reference, n: number): Resolved {
  const day = firstDay(ref.value)!;
  return resolvedAs(shiftedValue(day, 'Q', n * 4), `narrative:${ref.index}`, ['value']);
}

/** The day last mentioned, for anchoring on the narrative. */
function narrativeDay(r: TimexResolution): { day: Day; anchor: string } | null {
  const ref = r.lastRef(6);
  const d = ref ? parseDay(ref.value) : null;
  return d ? { day: d, anchor: `narrative:${ref!.index}` } : null;
}

const SINCE_BEFORE = /(?:^|[^\w-])since[ \t]+$/i;
const DEADLINE_BEFORE = /(?:^|[^\w-])(?:by|until|till|before|towards?)[ \t]+$/i;

/** A time standing alone in brackets: "(14:06)". */
function isBracketed(text: string, start: number, end: number): boolean {
  return /\([ \t]*$/.test(text.slice(Math.max(0, start - 3), start)) && /^[ \t]*\)/.test(text.slice(end, end + 3));
}
// "at 10:00 a.m. EST the following day", "at noon, Friday": a clock time that took the day last told is on the day
// named right after it, once that day is resolved.
const DAY_JUST_AFTER = /^[ \t]*,?[ \t]*(?:on[ \t]+)?$/;
function timeOnDayAfter(text: string, given: Timex[], out: Timex[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const t = out[i]!;
    const next = out[i + 1]!;
    if (t.type !== 'TIME' || !given[i]!.value.startsWith('REL:REF:D:0:T') || next.type !== 'DATE' || !/^\d{4}-\d{2}-\d{2}$/.test(next.value)) continue;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(t.value) || !DAY_JUST_AFTER.test(text.slice(t.end, next.start))) continue;
    const value = next.value + t.value.slice(10);
    if (value === t.value) continue;
    out[i] = newTimex(t.doc, t.start, t.end, t.text, t.type, value, t.mod, rangeOf(value) ?? t.range, `narrative:${i + 1}`, t.inferred, t.rule);
  }
}

const TODAY_BEFORE = /(?:^|[^\w-])(?:today|now)[ \t]*,?[ \t]*$/i;
// "A year later, our warning has been fulfilled": a present perfect in the count's own clause.
const PERFECT_AFTER = /^[ \t]+(?:later|on|after)\b[ \t]*,?[^.;:!?\n]{0,40}?\b(?:has|have)[ \t]+(?:(?:now|already|finally|still|not|never)[ \t]+)?(?:been|[a-z]+ed|come|become|gone|grown|seen|taken|shown|done|made|given|proven|fallen|risen)\b/i;
const WEEKDAY_NAMED = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const DAY_SHIFT = /^D([+-]\d+)$/;
const WEEK_SHIFT = /^W(-?\d+)$/;

function resolveWeekday(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const target = Number(rel.unit);
  // "The previous Friday" (offset -2) and "the following Monday" (2) count from the day last mentioned.
  const anaphoric = Math.abs(rel.offset) === 2;
  // "last Tuesday", "next Friday" count from the writer's day: in a speech on a stated year with no day of its own
  // the best guess is the last day it told inside that year, never a day of another year (a date in 2015).
  const deictic = Math.abs(rel.offset) === 1 && !r.dct && r.periodStart !== null && !r.guessedPeriod;
  let ref = (anaphoric ? narrativeDay(r) : null) ?? (r.dct ? { day: r.dct, anchor: 'dct' } : narrativeDay(r));
  if (ref && deictic && !anaphoric && ref.day.y !== r.periodStart!.y) ref = null;
  if (!ref) return null;
  // "Thursday last week", "Monday next week" (suffix W-1, W1): that weekday of the week named, not the nearest one.
  const inWeek = WEEK_SHIFT.exec(rel.suffix);
  if (inWeek) return resolvedAs(isoDay(addDays(ref.day, 7 * Number(inWeek[1]) + target - weekday(ref.day))), ref.anchor, ['year', 'month', 'day']);
  const diff = target - weekday(ref.day);
  let shift: number;
  // News tells what happened: a bare weekday is the last one unless the sentence speaks of the future.
  // News narrates what happened: a weekday with no cue in its own clause is the last one.
  const lt = r.localOf();
  const tn = rel.offset !== 0 ? '' : lt.from !== 'deadline' && lt.tense === 'present' ? 'past' : lt.tense;
  const direction = rel.offset !== 0 ? rel.offset : possessiveDone(r) ? -1 : tn === 'future' || lt.from === 'postponed' ? 1 : tn === 'past' ? -1 : 0;
  if (direction < 0) shift = diff <= 0 ? diff : diff - 7;
  else if (direction > 0) shift = diff >= 0 ? diff : diff + 7;
  // No tense: the nearest such weekday, either side ("meet separately Monday").
  else shift = diff > 3 ? diff - 7 : diff < -3 ? diff + 7 : diff;
  if (rel.offset < 0 && shift === 0) shift = -7;
  if (rel.offset > 0 && shift === 0) shift = 7;
  // "will report to ministers on Monday" in a text dated a Monday: one says "today" of today, so the weekday still to
  // come is next week's. A part of the day may still be today's ("will speak on Monday evening"), and so may a day
  // of the past ("said on Monday").
  // Only a plain future ("will", "shall") in the weekday's own clause says so: an intent or a vow ("decided to travel
  // on Thursday", "vowed Saturday to ...") is as often told on the day it is made.
  if (rel.offset === 0 && shift === 0 && tn === 'future' && ref.anchor === 'dct' && !rel.suffix && plainFutureAround(r.text, r.t.start, r.t.end)) shift = 7;
  // A plan told day by day past the writer's day ("On Wednesday, January 3, she will meet ... On Friday, she will
  // travel"): a weekday still to come that the writer's day would put before the last day told is the one after that
  // day. Only when that day was told with its weekday, as a schedule is, and as one day, not the end of a span
  // ("from 20 to 23 March ... on Tuesday" is inside the span; "from 1 March ... on Monday" the coming Monday).
  if (rel.offset === 0 && direction > 0 && ref.anchor === 'dct' && !rel.suffix) {
    const told = narrativeDay(r);
    const toldRef = r.lastRef(6);
    const toldTimex = toldRef && !toldRef.full.includes('/') ? r.timexes[toldRef.index] : undefined;
    if (told && toldTimex && WEEKDAY_NAMED.test(toldTimex.text) && isoDay(told.day) > isoDay(addDays(ref.day, shift))) {
      const after = (target - weekday(told.day) + 7) % 7;
      return resolvedAs(isoDay(addDays(told.day, after)), told.anchor, ['year', 'month', 'day']);
    }
  }
  // "the day before last Tuesday" (suffix D-1): the weekday found as any is, then the day beside it.
  const days = DAY_SHIFT.exec(rel.suffix);
  if (days) return resolvedAs(shiftedValue(addDays(ref.day, shift + Number(days[1])), 'D', 0), ref.anchor, ['year', 'month', 'day']);
  return resolvedAs(shiftedValue(addDays(ref.day, shift), 'D', 0) + rel.suffix, ref.anchor, ['year', 'month', 'day']);
}

// "get around Wednesday's ruling", "Friday's trading volume": a weekday in the possessive names the day of a thing
// already done (the ruling, the trading); news names a day still to come so only with a plain future or a word that
// looks ahead ("will vote in Sunday's election", "ahead of Tuesday's summit").
const POSSESSIVE_AFTER = /^['’]s[ \t]+[a-z]/;
const AHEAD_BEFORE = /(?:^|[^\w'’-])(?:ahead[ \t]+of|before|until|till|for|await(?:s|ing)?|prepar(?:e|es|ing)(?:[ \t]+for)?|upcoming|coming)[ \t]+$/i;
function possessiveDone(r: TimexResolution): boolean {
  const t = r.t;
  if (!POSSESSIVE_AFTER.test(r.text.slice(t.end, t.end + 4))) return false;
  return !AHEAD_BEFORE.test(r.text.slice(Math.max(0, t.start - 30), t.start)) && !plainFutureAround(r.text, t.start, t.end);
}

const WILL_BEFORE = /(?:^|[^\w'’-])(?:will|shall)[ \t]+(?!not\b)[^.,;:!?\n]{0,50}$|['’]ll[ \t]+[^.,;:!?\n]{0,50}$/i;
const WILL_AFTER = /^[^.,;:!?\n]{0,30}?[ \t](?:will|shall)[ \t]+(?!not\b)/i;

/** Whether "will" or "shall" stands in the clause around [start, end). */
function plainFutureAround(text: string, start: number, end: number): boolean {
  return WILL_BEFORE.test(text.slice(Math.max(0, start - 60), start)) || WILL_AFTER.test(text.slice(end, end + 40));
}

function resolveSame(r: TimexResolution): Resolved | null {
  const ref = r.refs[r.refs.length - 1];
  return ref ? resolvedAs(ref.full, `narrative:${ref.index}`, ['value']) : null;
}

function resolveQuarterIn(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const q = r.quarterRef();
  return q ? resolvedAs(`${rel.unit}${q.value.slice(4)}`, `narrative:${q.index}`, ['quarter']) : resolvedAs(rel.unit, '', noStrings());
}

// "the week of March 6": the day as any date is anchored, then the ISO week holding it.
function resolveWeekOf(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const stated = /^\d{4}-/.test(rel.unit);
  const a = stated ? { value: rel.unit, anchor: '' } : r.anchorYear(`XXXX-${rel.unit}`);
  const day = a ? parseDay(a.value) : null;
  if (!day) return null;
  return resolvedAs(shiftedValue(day, 'W', 0), a!.anchor, stated ? ['week'] : ['year', 'week']);
}

function resolveNthWeekday(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const month = Number(rel.unit);
  const a = r.anchorYear(`XXXX-${String(month).padStart(2, '0')}`);
  if (!a) return null;
  const [wd, plus] = rel.suffix.split('+');
  const day = addDays(nthWeekday(Number(a.value.slice(0, 4)), month, rel.offset, Number(wd)), Number(plus ?? 0));
  return resolvedAs(isoDay(day), a.anchor, ['year']);
}

function resolveEaster(r: TimexResolution, rel: RelativeValue): Resolved | null {
  // Easter falls in March or April: the year is the one an April date would take here.
  const a = r.anchorYear('XXXX-04');
  if (!a) return null;
  let y = Number(a.value.slice(0, 4));
  const on = (year: number) => addDays(easterSunday(year), Number(rel.unit));
  // Told in the past, a feast still ahead of the document is last year's; in the future, one gone is next year's.
  const dct = r.dct;
  if (dct && a.anchor === 'dct') {
    const t = r.tense();
    // A week is past once it has begun.
    const begins = (year: number) => isoDay(addDays(on(year), rel.suffix === 'W' ? 1 - weekday(on(year)) : 0));
    if (t === 'past' && begins(y) > isoDay(dct)) y--;
    else if (t === 'future' && isoDay(on(y)) < isoDay(dct)) y++;
  }
  const day = on(y);
  return resolvedAs(rel.suffix === 'W' ? shiftedValue(day, 'W', 0) : isoDay(day), a.anchor, ['year']);
}

const THROUGH_BEFORE = /(?:^|[^\w-])(?:through|thru)[ \t]+$/i;
// "was extended through the weekend": a change of term reaches ahead whatever the tense of its report.
const MOVED_BEFORE = /(?:^|[^\w-])(?:extended|prolonged|postponed|delayed|deferred|renewed)\b/i;

function resolveWeekend(r: TimexResolution, rel: RelativeValue): Resolved | null {
  // A weekend belongs to the ISO week of the Monday before it. Past tense on a weekday means the one just gone;
  // offset 2 ("the weekend after next") is the one after the coming one.
  const dct = r.dct;
  const ref = dct ?? (() => {
    const last = r.lastRef(6);
    return last ? parseDay(last.value) : null;
  })();
  if (!ref) return null;
  const wd = weekday(ref);
  // "engineers worked through the weekend": in a past clause "through" spans the weekend gone, not a deadline ahead
  // (local-tense reads "through" as a deadline word and leaves a past clause undecided).
  const lt = r.localOf();
  const spanned = lt.from === 'deadline' && lt.tense === 'present' && THROUGH_BEFORE.test(r.text.slice(Math.max(0, r.t.start - 12), r.t.start)) &&
    !MOVED_BEFORE.test(r.text.slice(Math.max(r.sentence?.start ?? 0, r.t.start - 40), r.t.start));
  const direction = rel.offset !== 0 ? rel.offset : r.tense() === 'past' || spanned ? -1 : 0;
  const weeks = direction < 0 ? (wd >= 6 ? 0 : -1) : direction > 0 ? (wd >= 6 ? 1 : 0) + direction - 1 : 0;
  return resolvedAs(`${shiftedValue(ref, 'W', weeks)}-WE`, dct ? 'dct' : 'narrative', ['value']);
}

function resolveMonth(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const month = Number(rel.unit);
  const partial = `XXXX-${String(month).padStart(2, '0')}`;
  const dct = r.dct;
  if (!dct) {
    const a = r.anchorYear(partial);
    return a ? resolvedAs(a.value, a.anchor, ['year']) : null;
  }
  // "last April": the latest April before the document's month; "next April": the first one after it.
  const y = rel.offset < 0 ? (month < dct.m ? dct.y : dct.y - 1) : rel.offset > 0 ? (month > dct.m ? dct.y : dct.y + 1) : dct.y;
  return resolvedAs(`${y}${partial.slice(4)}`, 'dct', ['year']);
}

function resolveFromCreation(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const { dct, periodStart, periodEnd } = r;
  const suffix = rel.suffix;
  // "compared with a loss of $3 million last year", "a 13% increase from last year's $1.55 billion": in a report on a
  // quarter, a figure set against "last year" is that quarter's a year back, as "a year earlier" is.
  if (rel.unit === 'Y' && rel.offset === -1 && !suffix && COMPARED_LAST_YEAR.test(r.text.slice(Math.max(0, r.t.start - 60), r.t.end))) {
    const q = r.quarterRef();
    if (q) return yearBack(q, -1);
  }
  // "today" in a report with no date of its own is its present, not a day.
  if (!dct && rel.unit === 'D' && rel.offset === 0 && !suffix) return resolvedAs('PRESENT_REF', '', ['value']);
  if (dct) return resolvedAs(shiftedValue(dct, rel.unit, rel.offset) + suffix, 'dct', ['value']);
  // A report without its own date: only year-sized steps can lean on a one-year period.
  if (periodStart && periodEnd && periodStart.y === periodEnd.y && (rel.unit === 'Y' || rel.unit === 'DE' || rel.unit === 'CE')) {
    return resolvedAs(shiftedValue(periodStart, rel.unit, rel.offset) + suffix, 'period', ['value']);
  }
  return null;
}

function resolveAgo(r: TimexResolution, rel: RelativeValue): Resolved | null {
  // "five years ago": that many units before the document's time, at the unit's granularity.
  const q = rel.unit === 'Y' && rel.offset === -1 ? r.quarterRef() : undefined;
  if (q) return yearBack(q, -1);
  if (r.dct) return resolvedAs(shiftedValue(r.dct, rel.unit, rel.offset) + rel.suffix, 'dct', ['value']);
  // A speech or report on a stated year with no day of its own: "five years ago" counts back from that year, not
  // from the last year it happened to name ("by 2030"). Finer steps need the day, which the period does not give.
  const { periodStart, periodEnd } = r;
  if (periodStart && periodEnd && periodStart.y === periodEnd.y && !r.guessedPeriod) {
    if (rel.unit === 'Y' || rel.unit === 'DE' || rel.unit === 'CE') return resolvedAs(shiftedValue(periodStart, rel.unit, rel.offset) + rel.suffix, 'period', ['value']);
    // "A couple of months ago" in such a speech: counted from the last date it told inside its year (the best guess
    // at its day), never from a date in another year (months before 1945).
    const told = r.lastRef(UNIT_FINENESS[rel.unit] ?? 2);
    const day = told && Number(told.value.slice(0, 4)) === periodStart.y ? firstDay(told.value) : null;
    return day ? resolvedAs(shiftedValue(day, rel.unit, rel.offset) + rel.suffix, `narrative:${told!.index}`, ['value']) : null;
  }
  const ref = r.lastRef(UNIT_FINENESS[rel.unit] ?? 2);
  const d = ref ? firstDay(ref.value) : null;
  return ref && d ? resolvedAs(shiftedValue(d, rel.unit, rel.offset) + rel.suffix, `narrative:${ref.index}`, ['value']) : null;
}

function resolveLatestPeriod(r: TimexResolution): Resolved | null {
  // "The latest period": the quarter the text reports on, else the last full quarter before the document.
  const q = r.quarterRef();
  if (q) return resolvedAs(q.value, `narrative:${q.index}`, ['value']);
  if (r.dct) return resolvedAs(shiftedValue(r.dct, 'Q', -1), 'dct', ['value']);
  return null;
}

/** Comparisons (CMP, ADAPT) and references (REF): what the kinds above do not take. */
function resolveByReference(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const { dct } = r;
  const suffix = rel.suffix;
  if (rel.base === 'CMP' && suffix.startsWith('-')) {
    // "the year-ago third quarter": that quarter of the year before the one the text speaks of.
    const a = r.anchorYear(`XXXX${suffix}`);
    if (!a) return null;
    return resolvedAs(`${Number(a.value.slice(0, 4)) + rel.offset}${suffix}`, a.anchor, ['year']);
  }
  if ((rel.base === 'ADAPT' || rel.base === 'CMP') && rel.unit === 'Y') {
    // "A year earlier" after a month is that month a year back; after a day or a year, the year before.
    // "The year-ago results" compare with the year before the document's own.
    // "At the end of the year ... compared with 240 a year earlier": a year named in this very sentence is what is
    // compared, not a quarter mentioned before it.
    const last = r.refs[r.refs.length - 1];
    const yearHere = last && last.granularity === 'Y' && last.sentence === r.sentenceIndex && r.sentenceIndex >= 0 ? last : undefined;
    const q = rel.offset === -1 && !yearHere ? r.quarterRef() : undefined;
    if (q) return yearBack(q, rel.offset);
    const ref = r.lastRef(2);
    if (rel.base === 'CMP' && dct) return resolvedAs(shiftedValue(dct, 'Y', rel.offset), 'dct', ['value']);
    const d = ref ? firstDay(ref.value) : null;
    if (ref && d && ref.granularity === 'M') return resolvedAs(shiftedValue(d, 'M', rel.offset * 12), `narrative:${ref.index}`, ['value']);
    if (ref && d) return resolvedAs(shiftedValue(d, 'Y', rel.offset), `narrative:${ref.index}`, ['value']);
    if (dct) return resolvedAs(shiftedValue(dct, 'Y', rel.offset), 'dct', ['value']);
    return null;
  }
  // "The quarter", "that quarter": the quarter last mentioned, before any finer date inside it.
  if (rel.unit === 'Q' && rel.offset === 0) {
    const quarter = resolveQuarter(r, suffix);
    if (quarter) return quarter;
  }
  // "That same day" right after "last October when ...": the day lies inside the month just named, not on a day
  // mentioned before it; which day is not said.
  if (rel.base === 'REF' && rel.unit === 'D' && rel.offset === 0 && !suffix) {
    const month = r.recentMonth();
    if (month) return resolvedAs(`${month.value}-XX`, `narrative:${month.index}`, ['value']);
  }
  // "It is 9.30 p.m.", "it's now ten o'clock": the speaker's own hour, on the document's day; with no date of the
  // document it is on no day the speech told of (a day in its history is not when it is given).
  if (rel.base === 'REF' && rel.unit === 'D' && rel.offset === 0 && suffix.startsWith('T') && SPEAKERS_NOW.test(r.text.slice(Math.max(0, r.t.start - 30), r.t.start))) {
    return dct ? resolvedAs(shiftedValue(dct, 'D', 0) + suffix, 'dct', ['value']) : null;
  }
  // "(14:06)" at the head of a speaker's turn, a record's time stamp: the time of the sitting, on the document's day,
  // not on a day the speech before it told of ("applications received before Christmas").
  if (dct && rel.base === 'REF' && rel.unit === 'D' && rel.offset === 0 && suffix.startsWith('T') && isBracketed(r.text, r.t.start, r.t.end)) {
    return resolvedAs(shiftedValue(dct, 'D', 0) + suffix, 'dct', ['value']);
  }
  // REF: the last date of at least this granularity; failing that, the document's own date.
  const ref = r.lastRef(UNIT_FINENESS[rel.unit] ?? 6);
  const d = ref ? firstDay(ref.value) : null;
  // What is told in the past is not in a time still ahead of the document: a time of that day ("the meeting closed
  // at 12.45 p.m." after "contributions are due by 30 September"), or "the year" ("since the start of the year prices
  // rose" after "by the end of next year") is the document's own.
  // A verb of its own clause must say so for a year or a month; the sentence's tense at large is too weak a sign
  // ("by 2030 — the same year that the world has pledged ..." after "We have reaffirmed").
  if (d && dct && rel.base === 'REF' && rel.offset === 0 && (rel.unit !== 'D' || suffix.startsWith('T')) && isoDay(d) > isoDay(dct) && r.tense() === 'past' &&
    (rel.unit === 'D' || r.localOf().from !== 'sentence')) {
    return resolvedAs(shiftedValue(dct, rel.unit, 0) + suffix, 'dct', ['value']);
  }
  // And the mirror: what is told as still to come is not in a month or year already over at the document's date.
  // "would be laid before the House by the end of the month" in the minutes of 4 March, after "the report promised in
  // January", is March. Only "the month", "the year": "that month" points back however far.
  if (d && dct && ref && rel.base === 'REF' && rel.offset === 0 && (rel.unit === 'M' || rel.unit === 'Y') && THE_MONTH_OR_YEAR.test(r.t.text) &&
    r.tense() === 'future') {
    const span = rangeOf(ref.full.slice(ref.full.lastIndexOf('/') + 1));
    const own = shiftedValue(dct, rel.unit, 0);
    if (span && span.end < (rangeOf(own)?.start ?? '')) return resolvedAs(own + suffix, 'dct', ['value']);
  }
  // "before the end of the year" in a dated text (or one on a stated year), with no year told in its sentence or the
  // one before: the document's year, not a year named paragraphs back ("by 2030"). "That year", "the same year" still
  // point back however far.
  // Nor a year the text looks ahead to just before ("agreed to raise it to 2 billion by 2025. ... signed before the end
  // of the year").
  if (ref && d && rel.base === 'REF' && rel.offset === 0 && rel.unit === 'Y' && (r.sentenceIndex - ref.sentence > 1 || r.isDeadlineYear(ref)) && THE_YEAR.test(r.t.text)) {
    const { periodStart, periodEnd } = r;
    if (dct) return resolvedAs(shiftedValue(dct, 'Y', 0) + suffix, 'dct', ['value']);
    if (periodStart && periodEnd && periodStart.y === periodEnd.y && !r.guessedPeriod) return resolvedAs(shiftedValue(periodStart, 'Y', 0) + suffix, 'period', ['value']);
  }
  if (ref && d) return resolvedAs(shiftedValue(d, rel.unit, rel.offset) + suffix, `narrative:${ref.index}`, ['value']);
  if (dct) return resolvedAs(shiftedValue(dct, rel.unit, rel.offset) + suffix, 'dct', ['value']);
  // "Over the year" before any date in a report on one year: that year (as "this year" there is). Not a count away
  // from it: "70 years later" with no date told before has nothing to count from.
  const { periodStart, periodEnd } = r;
  if (rel.base === 'REF' && rel.offset === 0 && periodStart && periodEnd && periodStart.y === periodEnd.y && !r.guessedPeriod && (rel.unit === 'Y' || rel.unit === 'DE' || rel.unit === 'CE')) {
    return resolvedAs(shiftedValue(periodStart, rel.unit, rel.offset) + suffix, 'period', ['value']);
  }
  // "Trade rose on the previous year", "in December of the previous year" before any date in a report on one year: the
  // year before (or after) the one reported on, as a reader of the report counts it.
  // Not a count away from it ("three years later", "a year later": nothing told to count from), nor a year after the
  // report told in the past ("The following year the office moved" follows some year the text has not named).
  if (rel.base === 'REF' && rel.unit === 'Y' && Math.abs(rel.offset) === 1 && NEIGHBOUR_YEAR.test(r.t.text) && periodStart && periodEnd && periodStart.y === periodEnd.y && !r.guessedPeriod &&
    !(rel.offset > 0 && r.tense() === 'past')) {
    return resolvedAs(shiftedValue(periodStart, 'Y', rel.offset) + suffix, 'period', ['value']);
  }
  return null;
}

// The unit of an offset's relative value, as a duration names it (decades and centuries were counted in years).
const DURATION_UNIT: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day' };

// A comparison right before "last year", with at most a figure between: "compared with (a loss of) $3 million last
// year", "up from 12 cents a share last year", "from last year's $1.55 billion", "than last year".
const COMPARED_LAST_YEAR = /(?:^|[^\w-])(?:compared[ \t]+(?:with|to)|from|than|versus|vs\.)[ \t]+(?:(?:a[ \t]+)?(?:loss|profit|earnings|net|income)[ \t]+of[ \t]+)?(?:(?:[A-Z]{0,2}[$#]|US\$)?\d[\d.,]*(?:[ \t]+(?:million|billion))?(?:[ \t]+(?:[A-Za-z]+[ \t]+)?(?:cents?|pence)(?:[ \t]+a[ \t]+share)?)?,?[ \t]+)?last[ \t]+year$/i;
const THE_YEAR = /(?:^|[^\w-])[Tt]he[ \t]+year$/;
const NEIGHBOUR_YEAR = /(?:^|[^\w-])(?:previous|preceding|following|next)[ \t]+year(?![\w-])/i;
const THE_MONTH_OR_YEAR = /(?:^|[^\w-])[Tt]he[ \t]+(?:month|year)$/;
const NAME_AFTER_YEAR = /^[ \t]+([A-Z][a-z]+)/;
const NOT_A_NAME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|And|Or|To)$/;
const DETERMINER_BEFORE_YEAR = /(?:^|[^\w-])(?:the|its|their|our|his|her|this|that)[ \t]+$/i;

// "It is", "it's now", "the time is": a clock time told as the present moment.
const SPEAKERS_NOW = /(?:^|[^\w'-])(?:[Ii]t|[Tt]he[ \t]+time)(?:[ \t]+is|['’]s)[ \t]+(?:(?:now|already|almost|nearly|just|about|past)[ \t]+)*$/;

/** "The quarter": the one ended on a day named right after it, else the quarter the text reports on. */
function resolveQuarter(r: TimexResolution, suffix: string): Resolved | undefined {
  // "The quarter ended July 31": the three months up to that day, named by the calendar quarter that holds
  // most of them (May to July: the second).
  const t = r.t;
  const next = r.timexes[r.index + 1];
  if (next && /^[ \t]+(?:ended|ending|that[ \t]+ended)[ \t]+$/i.test(r.text.slice(t.end, next.start))) {
    const e = r.resolveOne(next.value);
    const d = e && /^\d{4}-\d{2}-\d{2}$/.test(e.value) ? parseDay(e.value) : null;
    if (d) return resolvedAs(shiftedValue(addDays(d, -45), 'Q', 0) + suffix, e!.anchor, ['value']);
  }
  const q = r.quarterRef();
  if (q) return resolvedAs(q.value + suffix, `narrative:${q.index}`, ['value']);
  return undefined;
}

/** "The following March", "the previous winter": the first such month or season after (before) the date last told. */
function resolveFollowing(r: TimexResolution, rel: RelativeValue): Resolved | null {
  const ref = r.lastRef(2);
  const told = ref ? rangeOf(ref.value) : null;
  const dct = r.dct ? isoDay(r.dct) : '';
  const from = told ?? (dct ? { start: dct, end: dct } : null);
  if (!from) return null;
  const y = Number(from.start.slice(0, 4));
  for (let k = 0; k <= 2; k++) {
    const year = String(rel.offset > 0 ? y + k : y - k).padStart(4, '0');
    const here = rangeOf(year + rel.suffix);
    if (here && (rel.offset > 0 ? here.start > from.end : here.end < from.start)) return resolvedAs(year + rel.suffix, ref ? `narrative:${ref.index}` : 'dct', ['year']);
  }
  return null;
}

/** Relative values by base; the others (REF, CMP, ADAPT) go to resolveByReference. */
const RELATIVE_RESOLVERS = new Map<string, RelativeResolver>([
  ['WD', resolveWeekday],
  ['SAME', resolveSame],
  ['QIN', resolveQuarterIn],
  ['WOF', resolveWeekOf],
  ['NWD', resolveNthWeekday],
  ['EAS', resolveEaster],
  ['WE', resolveWeekend],
  ['MON', resolveMonth],
  ['DCT', resolveFromCreation],
  ['AGO', resolveAgo],
  ['PER', resolveLatestPeriod],
  ['FOL', resolveFollowing],
]);

/** What an unresolvable value keeps: its X'd calendar form. */
function unknownFor(value: string): string {
  const rel = parseRelative(value);
  if (!rel) return value;
  if (rel.base === 'WD') return DAY_SHIFT.test(rel.suffix) ? 'XXXX-XX-XX' : `XXXX-WXX-${rel.unit}${rel.suffix}`;
  if (rel.base === 'MON') return `XXXX-${rel.unit.padStart(2, '0')}`;
  if (rel.base === 'QIN') return rel.unit;
  if (rel.base === 'SAME') return 'XXXX';
  if (rel.base === 'PER') return 'XXXX-QX';
  if (rel.base === 'WE') return 'XXXX-WXX-WE';
  if (rel.base === 'EAS') return rel.suffix === 'W' ? 'XXXX-WXX' : 'XXXX-XX-XX';
  if (rel.base === 'NWD') return `XXXX-${rel.unit.padStart(2, '0')}-XX`;
  if (rel.base === 'WOF') return 'XXXX-WXX';
  const unit = rel.base === 'ADAPT' || rel.base === 'CMP' ? 'Y' : rel.unit;
  return `${UNKNOWN[unit] ?? 'XXXX'}${rel.suffix}`;
}

const DAY_MS = 86400000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * The year that puts a year-less value ("Nov. 6", "March", "the third quarter") nearest the creation time,
 * except that a past-tense sentence does not reach more than a few weeks past it, nor a future one before it.
 */
function nearestYear(partial: string, dct: Day, tense: Tense): number {
  const now = dayNumber(`${String(dct.y).padStart(4, '0')}-${String(dct.m).padStart(2, '0')}-${String(dct.d).padStart(2, '0')}`);
  // Quarters and halves are reporting periods: news speaks of the latest one that has begun, even in the future
  // tense ("will report third-quarter results"); "next year's first quarter" is written out.
  if (/^XXXX-[QH]\d$/.test(partial)) {
    for (const y of [dct.y, dct.y - 1]) {
      const r = rangeOf(String(y) + partial.slice(4));
      if (r && dayNumber(r.start) <= now) return y;
    }
  }
  let best = dct.y;
  let bestDistance = Infinity;
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const r = rangeOf(String(y) + partial.slice(4));
    if (!r) continue;
    const s = dayNumber(r.start);
    const e = dayNumber(r.end);
    // A fortnight's slack: a date just past the creation time in a past-tense clause is far likelier this year's
    // (a deadline, a dateline written a few days late) than a year back.
    if (tense === 'past' && s > now + 31) continue;
    // A day keeps a fortnight's slack too (a dateline written late); a month or season already over when the text
    // was written holds nothing still to come ("will rise in December" on 3 January is next December).
    if (tense === 'future' && e < now - (/^XXXX-\d{2}-\d{2}/.test(partial) ? 14 : 0)) continue;
    const distance = now < s ? s - now : now > e ? now - e : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = y;
    }
  }
  return best;
}

