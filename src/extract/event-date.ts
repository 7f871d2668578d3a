import type { EventDate, Timex } from '../model/index.js';
import { roleAt } from './function-words.js';
import type { SentenceView, TimexRef } from './sentence-view.js';
import type { Clause } from './split-clauses.js';

const MAX_DATE_DISTANCE = 15;

/** A timex that can date an event: a calendar date or range, not a duration, a set or a name part. */
export function isDatingTimex(view: SentenceView, ref: TimexRef): boolean {
  const t = ref.timex;
  if (t.type !== 'DATE' || /^P/.test(t.value) || t.value === 'PRESENT_REF' || t.value === 'FUTURE_REF' || t.value === 'PAST_REF') return false;
  // "Vostok 2022", "Sakhalin 2": a year inside a name.
  return !view.mentions.some((m) => m.mention.start < t.end && m.mention.end > t.start);
}

export function toEventDate(ref: TimexRef, inferred: boolean, how = `timex:${ref.index}`): EventDate {
  const t: Timex = ref.timex;
  return { value: t.value, start: t.range?.start ?? null, end: t.range?.end ?? null, source: how, inferred };
}

/**
 * The timex of the trigger's own clause, closest to it; failing that, the closest in its sentence.
 * Returns null when the sentence states no date (the caller may inherit one).
 */
export function ownDate(view: SentenceView, clause: Clause, triggerStart: number, triggerEnd: number): EventDate | null {
  const usable = view.timexes.filter((r) => isDatingTimex(view, r));
  const cs = view.tokens[clause.first]!.start;
  const ce = view.tokens[clause.last]!.end;
  const distance = (r: TimexRef): number => (r.timex.end <= triggerStart ? triggerStart - r.timex.end : Math.max(0, r.timex.start - triggerEnd));
  // The opening words of a clause frame all of it ("In September, after ..., X issued ...").
  const clauseFrameEnd = view.tokens[Math.min(clause.last, clause.first + 5)]!.end;
  // A date far from the trigger, or "for 2023" (what the act is about), dates something else.
  const near = (r: TimexRef): boolean => {
    const before = view.tokens.filter((t) => t.end <= r.timex.start).pop();
    if (before && before.lower === 'for' && r.timex.start >= triggerEnd) return false;
    // A date before the trigger frames its clause ("In September, after ..., X issued"); one after it must be close.
    if (r.timex.end <= triggerStart && r.timex.start <= clauseFrameEnd) return true;
    if (r.timex.end <= triggerStart) return view.tokens.filter((t) => t.start >= r.timex.end && t.end <= triggerStart).length <= MAX_DATE_DISTANCE;
    const between = view.tokens.filter((t) => t.start >= triggerEnd && t.end <= r.timex.start);
    return between.length <= MAX_DATE_DISTANCE;
  };
  usable.splice(0, usable.length, ...usable.filter(near));
  const inClause = usable.filter((r) => r.timex.start >= cs && r.timex.end <= ce);
  const pool = inClause.length > 0 ? inClause : usable;
  const best = [...pool].sort((a, b) => distance(a) - distance(b))[0];
  return best ? toEventDate(best, false) : null;
}

/**
 * Does the sentence open with a connective that carries the previous sentence's time forward
 * ("Subsequently", "In response", "As a result")? Only then may an undated event inherit a date.
 */
export function continuesPreviousTime(view: SentenceView): boolean {
  for (let i = 0; i < Math.min(view.tokens.length, 4); i++) {
    if (roleAt(view.tokens, i, 'inherit-date') >= 0) return true;
  }
  return false;
}

/** The last dating timex of a sentence, as an inherited date. */
export function lastDateOf(view: SentenceView): EventDate | null {
  const usable = view.timexes.filter((r) => isDatingTimex(view, r));
  const last = usable[usable.length - 1];
  return last ? toEventDate(last, true, `inherited:timex:${last.index}`) : null;
}
