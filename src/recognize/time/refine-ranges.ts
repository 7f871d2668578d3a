import { candidate, candidateList, type TimexCandidate } from './time-parser.js';

// What may stand between the two ends of a range: "January to March", "2020-2021", "between May and June".
const JOIN = /^[ \t]*(?:to|until|till|through|thru|-|–|—|and)[ \t]*$/i;
const LEAD = /(?:^|[^\w-])(from|between)[ \t]+$/i;

const hasYear = (v: string) => /^\d{4}/.test(v);
const monthOrDay = (v: string) => /^XXXX-\d{2}(?:-\d{2})?$/.test(v);
// A season with no year takes the year of a dated one joined to it ("the summer and autumn of 1950"), never a range.
const yearlessSeason = (v: string) => /^XXXX-(?:SP|SU|FA|WI)$/.test(v);
const CALENDAR = /^\d{4}(?:-\d{2}){0,2}$/;
// A month or day in a year told relatively ("24 May next year": REL:DCT:Y:1:-05-24); group 1 is that year.
const REL_YEAR_OF_DATE = /^(REL:(?:DCT|REF):Y:-?\d+):-\d{2}(?:-\d{2})?$/;

/** A range from `a` to `b`; ends that are ranges themselves ("2022-23 to 2024-25") give their outer ends. */
function spanValue(a: string, b: string): string {
  return `${a.split('/')[0]}/${b.slice(b.lastIndexOf('/') + 1)}`;
}

/** Whether value `a` lies wholly after value `b`: by year, and within a year when both are plain calendar dates. */
export function comesAfter(a: string, b: string): boolean {
  if (!hasYear(a) || !hasYear(b)) return false;
  const ya = a.slice(0, 4);
  const yb = b.slice(0, 4);
  if (ya !== yb) return ya > yb;
  if (!CALENDAR.test(a) || !CALENDAR.test(b)) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

/**
 * Join "from X to Y" into one DATE with a range (when `merge` is set), and in any case carry a stated year from
 * the second end to the first ("January to December 2022": January is 2022-01, its year inferred).
 */
export function refineRanges(text: string, candidates: TimexCandidate[], merge: boolean): TimexCandidate[] {
  const out = candidateList();
  const n = candidates.length;
  for (let i = 0; i < n; i++) {
    const a = candidates[i]!;
    // Most candidates are not followed by a joined one: this loop stays small, the joining is done apart.
    if (i + 1 < n && a.type === 'DATE' && candidates[i + 1]!.type === 'DATE' && JOIN.test(text.slice(a.end, candidates[i + 1]!.start))) {
      if (joinPair(text, a, candidates[i + 1]!, merge, out)) i++;
    } else out.push(a);
  }
  return out;
}

/** Two dates with a join word between them, written to `out` as one range or as the first (its year filled in); true when the second was taken in. */
function joinPair(text: string, first: TimexCandidate, b: TimexCandidate, merge: boolean, out: TimexCandidate[]): boolean {
  let a = first;
  const joinWord = text.slice(a.end, b.start).trim().toLowerCase();
  const lead = LEAD.exec(text.slice(Math.max(0, a.start - 10), a.start));
  const pair = joinWord === 'and' && (lead === null || lead[1]!.toLowerCase() !== 'between');
  // A pair ("May and June 2020") carries the year to its first date too; "the summer and autumn of 1950" as well.
  if ((monthOrDay(a.value) || (yearlessSeason(a.value) && /^\d{4}-(?:SP|SU|FA|WI)$/.test(b.value))) && hasYear(b.value)) {
    const inferred = a.inferred ? a.inferred.slice() : [];
    inferred.push('year');
    // "November to February 2023": the first end lies before the second, so in the year before.
    let year = Number(b.value.slice(0, 4));
    if (comesAfter(String(year) + a.value.slice(4), b.value)) year -= 1;
    a = candidate(a.start, a.end, a.type, String(year).padStart(4, '0') + a.value.slice(4), a.rule, a.mod, a.range, inferred);
  }
  // "from 23 to 24 May next year", "between 1 and 15 July of that year": the first end takes the year told of the second.
  const relYear = monthOrDay(a.value) ? REL_YEAR_OF_DATE.exec(b.value) : null;
  if (relYear) {
    const inferred = a.inferred ? a.inferred.slice() : [];
    inferred.push('year');
    a = candidate(a.start, a.end, a.type, `${relYear[1]}:${a.value.slice(4)}`, a.rule, a.mod, a.range, inferred);
    if (merge && !pair) {
      out.push(candidate(a.start, b.end, 'DATE', spanValue(a.value, b.value), 'time.range', undefined, undefined, a.inferred));
      return true;
    }
  }
  // "and" joins a range only after "between"; otherwise "2020 and 2021" are two dates.
  if (pair) {
    out.push(a);
    return false;
  }
  // A range runs forwards: "2022 — 1991" are two dates (a list, a table row), not a span.
  if (merge && (hasYear(a.value) || monthOrDay(a.value)) && (hasYear(b.value) || monthOrDay(b.value)) && !a.value.startsWith('REL') && !comesAfter(a.value, b.value)) {
    out.push(candidate(a.start, b.end, 'DATE', spanValue(a.value, b.value), 'time.range', undefined, undefined, a.inferred));
    return true;
  }
  out.push(a);
  return false;
}
