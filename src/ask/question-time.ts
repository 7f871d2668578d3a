import type { DocumentWithPeriod, Segmentation } from '../model/index.js';
import { recognizeTimexes } from '../recognize/recognize-timexes.js';
import { resolveTimexes } from '../resolve/resolve-timexes.js';
import type { QuestionTime } from './answer-types.js';

/**
 * Time expressions of a question, found by the project's own recogniser and resolver run on the
 * question as a one-sentence document. A question has no report period, so "in September" stays
 * `XXXX-09` (that month of any year) and "last year" stays unanchored; both are handled by matching.
 */
export function questionTimes(question: string): Array<QuestionTime & { from: number; to: number }> {
  const doc: DocumentWithPeriod = {
    id: 'question', source: 'question', format: 'text', title: '', text: question,
    blocks: [{ kind: 'paragraph', start: 0, end: question.length }], footnotes: [], messages: [],
    period: { start: '', end: '', rule: 'period.none', reason: 'a question has no report period' },
  };
  const seg: Segmentation = {
    sections: [],
    paragraphs: [{ index: 0, section: null, kind: 'paragraph', start: 0, end: question.length }],
    sentences: [{ index: 0, paragraph: 0, start: 0, end: question.length }],
  };
  const found = recognizeTimexes(doc, seg);
  let timexes = found;
  try {
    timexes = resolveTimexes(doc, seg, found).timexes;
  } catch {
    // Resolution needs a period for some relative values; the recognised values are still usable.
  }
  return timexes
    .filter((t) => t.type === 'DATE' && /^(\d{4}|XXXX)/.test(t.value))
    .map((t) => ({
      text: t.text, value: t.value, from: t.start, to: t.end,
      ...(t.range ? { start: t.range.start, end: t.range.end } : {}),
    }));
}

/** Does a stored date (value and range) fall in the question's time? Undated records never match here. */
export function dateMatches(time: QuestionTime, value: string | null, start: string | null, end: string | null): boolean {
  if (!value && !start) return false;
  // Some records carry only a value ("2022-01/2022-12"); its range follows from the value.
  if ((!start || !end) && value) [start, end] = rangeOfValue(value) ?? [start, end];
  if (time.start && time.end) {
    if (!start || !end) return false;
    // Within, not merely overlapping: an event dated only "2022" is not known to be in September 2022.
    return start >= time.start && end <= time.end;
  }
  // "XXXX-09" or "XXXX-02-24": the same month (and day) in any year.
  const m = /^XXXX(-\d{2}(?:-\d{2})?)$/.exec(time.value);
  if (m) {
    const part = m[1]!;
    if (value && value.slice(4, 4 + part.length) === part) return true;
    // A stored range within one month ("2022-09-01".."2022-09-30") also matches its month.
    return !!start && !!end && start.slice(4, 4 + part.length) === part && end.slice(4, 4 + part.length) === part;
  }
  return false;
}

/**
 * An undated record of a document that reports on a period lies in that period; it answers a
 * question about a time only when the question's time contains the whole period ("in 2022" for an
 * annual review of 2022, but not "in September 2022").
 */
export function periodWithin(time: QuestionTime, periodStart: string, periodEnd: string): boolean {
  if (!time.start || !time.end || !periodStart || !periodEnd) return false;
  return time.start <= periodStart && periodEnd <= time.end;
}

/** First and last day a calendar TIMEX3 value covers (`2022`, `2022-09`, `2022-09-15`, `2022-01/2022-03`); undefined for others. */
export function rangeOfValue(value: string): [string, string] | undefined {
  const [a, b] = value.split('/');
  const from = bound(a ?? '', 'start');
  const to = bound(b ?? a ?? '', 'end');
  return from && to ? [from, to] : undefined;
}

function bound(v: string, side: 'start' | 'end'): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  let m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    if (side === 'start') return `${v}-01`;
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${v}-${String(last).padStart(2, '0')}`;
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return side === 'start' ? `${v}-01-01` : `${v}-12-31`;
  return undefined;
}
