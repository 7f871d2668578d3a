import { candidate, candidateList, type TimexCandidate } from './time-parser.js';

// Words before a date that narrow it to part of the period: "late September", "the beginning of May", "mid-2021",
// "late in the year", "early in 1949"; wire style writes "end-2024", "start-June".
const EDGE = /(?:^|[^\w-])((?:the[ \t]+)?(?:very[ \t]+)?(early[ \t]+in|late[ \t]+in|early|late|mid|beginning[ \t]+of|start[ \t]+of|end[ \t]+of|middle[ \t]+of|close[ \t]+of|turn[ \t]+of|dawn[ \t]+of|end(?=-)|start(?=-))(?:[ \t]+|-)(?:the[ \t]+)?)$/i;
const EDGE_MOD: Record<string, TimexCandidate['mod']> = {
  early: 'START', beginning: 'START', start: 'START', dawn: 'START', late: 'END', end: 'END', close: 'END', mid: 'MID', middle: 'MID', turn: 'END',
};
// "the first half of the twentieth century", "the latter half of the 1980s": half of a century or decade, which no
// TIMEX3 value names: the mod of its end (START, END) and, where the digits are stated, the years as its range.
const HALF = /(?:^|[^\w-])((?:the[ \t]+)?(first|second|latter|last)[ \t]+half[ \t]+of[ \t]+(?:the[ \t]+)?)$/i;
const isCenturyOrDecade = (c: TimexCandidate) =>
  c.type === 'DATE' && (c.rule === 'time.century' || c.rule === 'time.decade' || (c.rule === 'time.relative-unit' && /^REL:[A-Z]+:(?:CE|DE):-?\d+$/.test(c.value)));

// "the first week of May", "the last days of 2019", "the final fortnight of the year": a few days at one edge of a month
// or year, which no TIMEX3 value names: the month or year with the mod of that edge, as TimeBank marks "the last half
// of the '80s". ("the second week of May" names no edge: left as it was.)
const EDGE_DAYS = /(?:^|[^\w-])((?:the[ \t]+)?(first|opening|last|final|closing)[ \t]+(?:(?:few|two|three|ten)[ \t]+)?(?:weeks?|days|fortnight)[ \t]+of[ \t]+(?:the[ \t]+)?)$/i;
const isMonthOrYear = (c: TimexCandidate) =>
  c.type === 'DATE' && (/^(?:\d{4}|XXXX)(?:-\d{2})?$/.test(c.value) || /^REL:MON:\d+:-?\d+$/.test(c.value) || /^REL:[A-Z]+:[YM]:-?\d+(?::-\d{2})?$/.test(c.value));

// Words before a duration or date that make it approximate: "about three years", "some 70 years", "nearly a decade".
// "No more than sixty days", "not less than two weeks", "at most two days" bound the count as "at least" does (TimeBank
// marks "no more than sixty days" whole).
const APPROX = /(?:^|[^\w-])((?:about|around|approximately|roughly|some|nearly|almost|over|(?:(?:no|not)[ \t]+)?(?:more|less|fewer)[ \t]+than|at[ \t]+least|at[ \t]+most|up[ \t]+to)[ \t]+)$/i;

/** Extend DATE and DURATION candidates over the words that qualify them, recording the TIMEX3 mod. */
export function refineModifiers(text: string, candidates: TimexCandidate[]): TimexCandidate[] {
  const out = candidateList();
  for (let i = 0; i < candidates.length; i++) out.push(withModifier(text, candidates[i]!));
  return out;
}

/** The candidate extended over a qualifying word before it, or itself. */
function withModifier(text: string, c: TimexCandidate): TimexCandidate {
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  const half = !c.mod && isCenturyOrDecade(c) && /^\d{2,3}$|^REL/.test(c.value) ? HALF.exec(before) : null;
  if (half) {
    const first = half[2]!.toLowerCase() === 'first';
    return candidate(c.start - half[1]!.length, c.end, c.type, c.value, c.rule, first ? 'START' : 'END', halfRange(c.value, first), c.inferred);
  }
  const days = !c.mod && isMonthOrYear(c) ? EDGE_DAYS.exec(before) : null;
  if (days) {
    const first = /^(?:first|opening)$/i.test(days[2]!);
    return candidate(c.start - days[1]!.length, c.end, c.type, c.value, c.rule, first ? 'START' : 'END', c.range, c.inferred);
  }
  if ((c.type === 'DATE' || c.type === 'TIME') && !c.mod) {
    const m = EDGE.exec(before);
    // A day told before ("the end of the day") is no period to narrow; a decade (REL:REF:DE) is: "by the end of the decade".
    if (m && !/^(?:REL:REF:D:|PRESENT_REF|PAST_REF|FUTURE_REF)/.test(c.value)) {
      const key = m[2]!.toLowerCase().split(/[ \t]/)[0]!;
      return candidate(c.start - m[1]!.length, c.end, c.type, c.value, c.rule, EDGE_MOD[key], c.range, c.inferred);
    }
  }
  // "nearly two weeks ago", "more than four decades ago": the qualified count is part of the expression too.
  const counted = c.type === 'DURATION' || (c.rule === 'time.offset' && /^REL:/.test(c.value));
  if (counted && !/^the\b/i.test(text.slice(c.start, c.end))) {
    const m = APPROX.exec(before);
    if (m) {
      const word = m[1]!.trim().toLowerCase();
      const mod: TimexCandidate['mod'] = /^(?:over|more|at|no|not)/.test(word) ? undefined : 'APPROX';
      return candidate(c.start - m[1]!.length, c.end, c.type, c.value, c.rule, mod ?? c.mod, c.range, c.inferred);
    }
  }
  return c;
}

/** The years of one half of a stated century ("19": 1900-1949) or decade ("196": 1960-1964). */
function halfRange(value: string, first: boolean): { start: string; end: string } | undefined {
  if (!/^\d{2,3}$/.test(value)) return undefined;
  const span = value.length === 2 ? 100 : 10;
  const from = Number(value) * span + (first ? 0 : span / 2);
  const year = (y: number) => String(y).padStart(4, '0');
  return { start: `${year(from)}-01-01`, end: `${year(from + span / 2 - 1)}-12-31` };
}
