import type { DocumentWithPeriod, Message, Segmentation, Timex } from '../model/index.js';
import { parseRelative } from '../recognize/time/relative-value.js';
import { addDays, easterSunday, firstDay, granularity, isoDay, nthWeekday, parseDay, rangeOf, shiftedValue, weekday, type Day } from './time/calendar.js';
import type { Tense } from './time/sentence-tense.js';
import { localTense, type LocalTense } from './time/local-tense.js';

type Msg = Omit<Message, 'doc'>;

/** A date mentioned earlier, for narrative anchoring ("later that month", "the same day"). */
interface Reference {
  index: number;
  value: string;
  /** The whole value, a range included. */
  full: string;
  granularity: string;
  sentence: number;
}

// How fine each granularity is; a reference serves a relative expression when it is at least as fine.
const FINENESS: Record<string, number> = { CE: 0, DE: 1, Y: 2, H: 3, SE: 3, Q: 3, M: 4, W: 5, D: 6, T: 7 };
const UNIT_FINENESS: Record<string, number> = { CE: 0, DE: 1, Y: 2, Q: 3, M: 4, W: 5, D: 6 };
const UNKNOWN: Record<string, string> = { CE: 'XX', DE: 'XXX', Y: 'XXXX', Q: 'XXXX-QX', M: 'XXXX-XX', W: 'XXXX-WXX', D: 'XXXX-XX-XX' };

/**
 * Turn recognised values into calendar values the way a careful reader would: a dated text's own
 * date (with the sentence's tense) for "in March" and "yesterday", the report period for a bare
 * month in a report, the last mentioned date of the right granularity for "later that month".
 * Never today's date: what nothing anchors keeps its X's and gets a message.
 */
export function resolveTimexes(doc: DocumentWithPeriod, seg: Segmentation, timexes: Timex[]): { timexes: Timex[]; messages: Msg[] } {
  const messages: Msg[] = [];
  const dct = doc.period.dct ? parseDay(doc.period.dct) : null;
  const periodStart = doc.period.start ? parseDay(doc.period.start) : null;
  const periodEnd = doc.period.end ? parseDay(doc.period.end) : null;
  const refs: Reference[] = [];
  // The last span of several months mentioned ("the first nine months"): after it, "a year earlier" compares with
  // that span a year back, a year, not with the quarter mentioned before it.
  let lastSpan = -1;
  const sentences = seg.sentences;
  const out: Timex[] = [];
  let sentenceCursor = 0;

  for (let i = 0; i < timexes.length; i++) {
    const t = timexes[i]!;
    while (sentenceCursor + 1 < sentences.length && sentences[sentenceCursor + 1]!.start <= t.start) sentenceCursor++;
    const sentence = sentences[sentenceCursor];
    const inSentence = sentence && sentence.start <= t.start && t.start < sentence.end ? sentence : undefined;
    const sentenceIndex = inSentence ? inSentence.index : -1;
    let tenseCache: LocalTense | undefined;
    const localOf = () => (tenseCache ??= localTense(doc.text, inSentence?.start ?? Math.max(0, t.start - 200), inSentence?.end ?? t.end + 200, t.start, t.end));
    const tense = (): Tense => localOf().tense;

    const lastRef = (needed: number): Reference | undefined => {
      for (let k = refs.length - 1; k >= 0; k--) if (FINENESS[refs[k]!.granularity]! >= needed) return refs[k];
      return undefined;
    };

    // Comparisons with "a year" ("a year ago", "a year earlier", "the year-ago quarter") in a text about a quarter
    // (earnings reports) mean that quarter a year back.
    // The quarter a report is about is the one it keeps coming back to: a quarter named in this very sentence,
    // else the quarter mentioned most often in the last ten sentences (the first of them on a tie), "after a flat second quarter" aside.
    const quarterRef = (): Reference | undefined => {
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
        if (r.granularity !== 'Q' || r.index < lastSpan || sentenceIndex - r.sentence > 10) continue;
        const c = counts.get(r.value);
        if (c) c.n++;
        else counts.set(r.value, { n: 1, first: r });
      }
      let best: { n: number; first: Reference } | undefined;
      for (const c of counts.values()) if (!best || c.n > best.n) best = c;
      return best?.first ?? recent;
    };
    const yearBack = (r: Reference, n: number) => {
      const day = firstDay(r.value)!;
      return { value: shiftedValue(day, 'Q', n * 4), anchor: `narrative:${r.index}`, inferred: ['value'] };
    };
    // The year of a value with no year: stated nearby, the creation time with tense, or the report period.
    const anchorYear = (partial: string): { value: string; anchor: string } | null => {
      // "From May 2021 to June": a month or day with its year just before, in the same sentence, lends that year.
      const prev = refs[refs.length - 1];
      const sameSentence = prev && prev.sentence === sentenceIndex && sentenceIndex >= 0 && FINENESS[prev.granularity]! >= 4 ? prev : undefined;
      if (sameSentence && !dct) {
        return { value: sameSentence.value.slice(0, 4) + partial.slice(4), anchor: `narrative:${sameSentence.index}` };
      }
      if (dct) return { value: String(nearestYear(partial, dct, tense())) + partial.slice(4), anchor: 'dct' };
      if (periodStart && periodEnd) {
        // A multi-year period: the year of the last date mentioned inside it, else its last year.
        let y = periodStart.y;
        if (periodEnd.y !== periodStart.y) {
          const r = lastRef(2);
          const ry = r ? Number(r.value.slice(0, 4)) : NaN;
          y = ry >= periodStart.y && ry <= periodEnd.y ? ry : periodEnd.y;
        }
        return { value: String(y) + partial.slice(4), anchor: 'period' };
      }
      const r = lastRef(2);
      if (r) return { value: r.value.slice(0, 4) + partial.slice(4), anchor: `narrative:${r.index}` };
      return null;
    };

    const resolveOne = (value: string): { value: string; anchor?: string; inferred: string[] } | null => {
      const rel = parseRelative(value);
      if (rel) {
        const suffix = rel.suffix;
        const join = (v: string) => (suffix ? (suffix.startsWith('T') ? `${v}${suffix}` : `${v}${suffix}`) : v);
        if (rel.base === 'WD') {
          const target = Number(rel.unit);
          const fromNarrative = () => {
            const r = lastRef(6);
            const d = r ? parseDay(r.value) : null;
            return d ? { day: d, anchor: `narrative:${r!.index}` } : null;
          };
          // "The previous Friday" (offset -2) and "the following Monday" (2) count from the day last mentioned.
          const anaphoric = Math.abs(rel.offset) === 2;
          const ref = (anaphoric ? fromNarrative() : null) ?? (dct ? { day: dct, anchor: 'dct' } : fromNarrative());
          if (!ref) return null;
          const diff = target - weekday(ref.day);
          let shift: number;
          // News tells what happened: a bare weekday is the last one unless the sentence speaks of the future.
          // News narrates what happened: a weekday with no cue in its own clause is the last one.
          const lt = localOf();
          const tn = rel.offset !== 0 ? '' : lt.from !== 'deadline' && lt.tense === 'present' ? 'past' : lt.tense;
          const direction = rel.offset !== 0 ? rel.offset : tn === 'future' ? 1 : tn === 'past' ? -1 : 0;
          if (direction < 0) shift = diff <= 0 ? diff : diff - 7;
          else if (direction > 0) shift = diff >= 0 ? diff : diff + 7;
          // No tense: the nearest such weekday, either side ("meet separately Monday").
          else shift = diff > 3 ? diff - 7 : diff < -3 ? diff + 7 : diff;
          if (rel.offset < 0 && shift === 0) shift = -7;
          if (rel.offset > 0 && shift === 0) shift = 7;
          return { value: join(shiftedValue(addDays(ref.day, shift), 'D', 0)), anchor: ref.anchor, inferred: ['year', 'month', 'day'] };
        }
        if (rel.base === 'SAME') {
          const r = refs[refs.length - 1];
          return r ? { value: r.full, anchor: `narrative:${r.index}`, inferred: ['value'] } : null;
        }
        if (rel.base === 'QIN') {
          const q = quarterRef();
          return { value: q ? `${rel.unit}${q.value.slice(4)}` : rel.unit, ...(q ? { anchor: `narrative:${q.index}` } : {}), inferred: q ? ['quarter'] : [] };
        }
        if (rel.base === 'WOF') {
          // "the week of March 6": the day as any date is anchored, then the ISO week holding it.
          const stated = /^\d{4}-/.test(rel.unit);
          const a = stated ? { value: rel.unit, anchor: undefined } : anchorYear(`XXXX-${rel.unit}`);
          const day = a ? parseDay(a.value) : null;
          if (!day) return null;
          return { value: shiftedValue(day, 'W', 0), ...(a!.anchor ? { anchor: a!.anchor } : {}), inferred: stated ? ['week'] : ['year', 'week'] };
        }
        if (rel.base === 'NWD') {
          const month = Number(rel.unit);
          const a = anchorYear(`XXXX-${String(month).padStart(2, '0')}`);
          if (!a) return null;
          const [wd, plus] = rel.suffix.split('+');
          const day = addDays(nthWeekday(Number(a.value.slice(0, 4)), month, rel.offset, Number(wd)), Number(plus ?? 0));
          return { value: isoDay(day), anchor: a.anchor, inferred: ['year'] };
        }
        if (rel.base === 'EAS') {
          // Easter falls in March or April: the year is the one an April date would take here.
          const a = anchorYear('XXXX-04');
          if (!a) return null;
          let y = Number(a.value.slice(0, 4));
          const on = (year: number) => addDays(easterSunday(year), Number(rel.unit));
          // Told in the past, a feast still ahead of the document is last year's; in the future, one gone is next year's.
          if (dct && a.anchor === 'dct') {
            const t = tense();
            // A week is past once it has begun.
            const begins = (year: number) => isoDay(addDays(on(year), rel.suffix === 'W' ? 1 - weekday(on(year)) : 0));
            if (t === 'past' && begins(y) > isoDay(dct)) y--;
            else if (t === 'future' && isoDay(on(y)) < isoDay(dct)) y++;
          }
          const day = on(y);
          return { value: rel.suffix === 'W' ? shiftedValue(day, 'W', 0) : isoDay(day), anchor: a.anchor, inferred: ['year'] };
        }
        if (rel.base === 'WE') {
          // A weekend belongs to the ISO week of the Monday before it. Past tense on a weekday means the one just gone.
          const ref = dct ?? (() => {
            const r = lastRef(6);
            return r ? parseDay(r.value) : null;
          })();
          if (!ref) return null;
          const wd = weekday(ref);
          const direction = rel.offset !== 0 ? rel.offset : tense() === 'past' ? -1 : 0;
          const weeks = direction < 0 ? (wd >= 6 ? 0 : -1) : direction > 0 ? (wd >= 6 ? 1 : 0) : 0;
          return { value: `${shiftedValue(ref, 'W', weeks)}-WE`, anchor: dct ? 'dct' : 'narrative', inferred: ['value'] };
        }
        if (rel.base === 'MON') {
          const month = Number(rel.unit);
          const partial = `XXXX-${String(month).padStart(2, '0')}`;
          if (!dct) {
            const a = anchorYear(partial);
            return a ? { ...a, inferred: ['year'] } : null;
          }
          // "last April": the latest April before the document's month; "next April": the first one after it.
          const y = rel.offset < 0 ? (month < dct.m ? dct.y : dct.y - 1) : rel.offset > 0 ? (month > dct.m ? dct.y : dct.y + 1) : dct.y;
          return { value: `${y}${partial.slice(4)}`, anchor: 'dct', inferred: ['year'] };
        }
        if (rel.base === 'DCT') {
          // "today" in a report with no date of its own is its present, not a day.
          if (!dct && rel.unit === 'D' && rel.offset === 0 && !suffix) return { value: 'PRESENT_REF', inferred: ['value'] };
          if (dct) return { value: join(shiftedValue(dct, rel.unit, rel.offset)), anchor: 'dct', inferred: ['value'] };
          // A report without its own date: only year-sized steps can lean on a one-year period.
          if (periodStart && periodEnd && periodStart.y === periodEnd.y && (rel.unit === 'Y' || rel.unit === 'DE' || rel.unit === 'CE')) {
            return { value: join(shiftedValue(periodStart, rel.unit, rel.offset)), anchor: 'period', inferred: ['value'] };
          }
          return null;
        }
        if (rel.base === 'AGO') {
          // "five years ago": that many units before the document's time, at the unit's granularity.
          const q = rel.unit === 'Y' && rel.offset === -1 ? quarterRef() : undefined;
          if (q) return yearBack(q, -1);
          if (dct) return { value: join(shiftedValue(dct, rel.unit, rel.offset)), anchor: 'dct', inferred: ['value'] };
          const r = lastRef(UNIT_FINENESS[rel.unit] ?? 2);
          const d = r ? firstDay(r.value) : null;
          return r && d ? { value: join(shiftedValue(d, rel.unit, rel.offset)), anchor: `narrative:${r.index}`, inferred: ['value'] } : null;
        }
        if (rel.base === 'CMP' && suffix.startsWith('-')) {
          // "the year-ago third quarter": that quarter of the year before the one the text speaks of.
          const a = anchorYear(`XXXX${suffix}`);
          if (!a) return null;
          return { value: `${Number(a.value.slice(0, 4)) + rel.offset}${suffix}`, anchor: a.anchor, inferred: ['year'] };
        }
        if ((rel.base === 'ADAPT' || rel.base === 'CMP') && rel.unit === 'Y') {
          // "A year earlier" after a month is that month a year back; after a day or a year, the year before.
          // "The year-ago results" compare with the year before the document's own.
          const q = rel.offset === -1 ? quarterRef() : undefined;
          if (q) return yearBack(q, rel.offset);
          const r = lastRef(2);
          if (rel.base === 'CMP' && dct) return { value: shiftedValue(dct, 'Y', rel.offset), anchor: 'dct', inferred: ['value'] };
          const d = r ? firstDay(r.value) : null;
          if (r && d && r.granularity === 'M') return { value: shiftedValue(d, 'M', rel.offset * 12), anchor: `narrative:${r.index}`, inferred: ['value'] };
          if (r && d) return { value: shiftedValue(d, 'Y', rel.offset), anchor: `narrative:${r.index}`, inferred: ['value'] };
          if (dct) return { value: shiftedValue(dct, 'Y', rel.offset), anchor: 'dct', inferred: ['value'] };
          return null;
        }
        if (rel.base === 'PER') {
          // "The latest period": the quarter the text reports on, else the last full quarter before the document.
          const q = quarterRef();
          if (q) return { value: q.value, anchor: `narrative:${q.index}`, inferred: ['value'] };
          if (dct) return { value: shiftedValue(dct, 'Q', -1), anchor: 'dct', inferred: ['value'] };
          return null;
        }
        // "The quarter", "that quarter": the quarter last mentioned, before any finer date inside it.
        if (rel.unit === 'Q' && rel.offset === 0) {
          // "The quarter ended July 31": the three months up to that day, named by the calendar quarter that holds
          // most of them (May to July: the second).
          const next = timexes[i + 1];
          if (next && /^[ \t]+(?:ended|ending|that[ \t]+ended)[ \t]+$/i.test(doc.text.slice(t.end, next.start))) {
            const e = resolveOne(next.value);
            const d = e && /^\d{4}-\d{2}-\d{2}$/.test(e.value) ? parseDay(e.value) : null;
            if (d) return { value: join(shiftedValue(addDays(d, -45), 'Q', 0)), ...(e!.anchor ? { anchor: e!.anchor } : {}), inferred: ['value'] };
          }
          const q = quarterRef();
          if (q) return { value: join(q.value), anchor: `narrative:${q.index}`, inferred: ['value'] };
        }
        // REF: the last date of at least this granularity; failing that, the document's own date.
        const r = lastRef(UNIT_FINENESS[rel.unit] ?? 6);
        const d = r ? firstDay(r.value) : null;
        if (r && d) return { value: join(shiftedValue(d, rel.unit, rel.offset)), anchor: `narrative:${r.index}`, inferred: ['value'] };
        if (dct) return { value: join(shiftedValue(dct, rel.unit, rel.offset)), anchor: 'dct', inferred: ['value'] };
        return null;
      }
      if (value.startsWith('XXXX-') && !value.startsWith('XXXX-WXX') && !value.startsWith('XXXX-XX')) {
        const a = anchorYear(value);
        return a ? { ...a, inferred: ['year'] } : null;
      }
      return { value, inferred: [] };
    };

    const unknownFor = (value: string): string => {
      const rel = parseRelative(value);
      if (!rel) return value;
      if (rel.base === 'WD') return `XXXX-WXX-${rel.unit}${rel.suffix}`;
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
    };

    // A set ("each July", "every Monday") names a recurring time, not one to anchor.
    if (t.type === 'SET') {
      out.push(t);
      continue;
    }
    const parts = t.type === 'DATE' && t.value.includes('/') && !t.value.startsWith('P') ? t.value.split('/') : [t.value];
    const resolved = parts.map(resolveOne);
    let next: Timex;
    if (resolved.some((r) => !r)) {
      const value = parts.map(unknownFor).join('/');
      messages.push({ rule: 'time.unanchored', severity: 'info', start: t.start, end: t.end, message: `"${t.text}" could not be anchored: no date in the document to resolve it against; kept as ${value}` });
      next = { ...t, value };
    } else {
      const rs = resolved as { value: string; anchor?: string; inferred: string[] }[];
      const value = rs.map((r) => r.value).join('/');
      const anchor = rs.find((r) => r.anchor)?.anchor;
      const inferred = [...new Set([...t.inferred, ...rs.flatMap((r) => r.inferred)])];
      const first = rangeOf(rs[0]!.value);
      const last = rangeOf(rs[rs.length - 1]!.value);
      const range = t.range ?? (first && last ? { start: first.start, end: last.end } : undefined);
      next = { ...t, value, inferred, ...(anchor ? { anchor } : {}), ...(range ? { range } : {}) };
      // Comparisons ("a year earlier") point back but do not move the narrative.
      const comparison = /^REL:(?:ADAPT|AGO|CMP|QIN):/.test(t.value);
      if ((t.type === 'DATE' || t.type === 'TIME') && !comparison) {
        const v = rs[rs.length - 1]!.value;
        const g = granularity(v);
        if (g) refs.push({ index: i, value: v, full: value, granularity: g, sentence: sentenceIndex });
      }
    }
    if (t.type === 'DURATION' && /^P(?:[2-9]|1[01])M$/.test(t.value)) lastSpan = i;
    out.push(next);
  }
  return { timexes: out, messages };
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
    if (tense === 'future' && e < now - 14) continue;
    const distance = now < s ? s - now : now > e ? now - e : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = y;
    }
  }
  return best;
}
