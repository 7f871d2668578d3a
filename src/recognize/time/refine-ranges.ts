import type { TimexCandidate } from './time-parser.js';

// What may stand between the two ends of a range: "January to March", "2020-2021", "between May and June".
const JOIN = /^[ \t]*(?:to|until|till|through|thru|-|–|—|and)[ \t]*$/i;

const hasYear = (v: string) => /^\d{4}/.test(v);
const monthOrDay = (v: string) => /^XXXX-\d{2}(?:-\d{2})?$/.test(v);

/**
 * Join "from X to Y" into one DATE with a range (when `merge` is set), and in any case carry a stated year from
 * the second end to the first ("January to December 2022": January is 2022-01, its year inferred).
 */
export function refineRanges(text: string, candidates: TimexCandidate[], merge: boolean): TimexCandidate[] {
  const out: TimexCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    let a = candidates[i]!;
    const b = candidates[i + 1];
    if (!b || a.type !== 'DATE' || b.type !== 'DATE' || !JOIN.test(text.slice(a.end, b.start))) {
      out.push(a);
      continue;
    }
    const joinWord = text.slice(a.end, b.start).trim().toLowerCase();
    const lead = /(?:^|[^\w-])(from|between)[ \t]+$/i.exec(text.slice(Math.max(0, a.start - 10), a.start))?.[1]?.toLowerCase();
    // "and" joins a range only after "between"; otherwise "2020 and 2021" are two dates.
    if (joinWord === 'and' && lead !== 'between') {
      out.push(a);
      continue;
    }
    if (monthOrDay(a.value) && hasYear(b.value)) {
      a = { ...a, value: b.value.slice(0, 4) + a.value.slice(4), inferred: [...(a.inferred ?? []), 'year'] };
    }
    if (merge && (hasYear(a.value) || monthOrDay(a.value)) && (hasYear(b.value) || monthOrDay(b.value)) && !a.value.startsWith('REL')) {
      out.push({
        start: a.start,
        end: b.end,
        type: 'DATE',
        value: `${a.value}/${b.value}`,
        ...(a.inferred ? { inferred: a.inferred } : {}),
        rule: 'time.range',
      });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
