import type { EventDate, Timex } from '../model/index.js';
import { roleAt } from './function-words.js';
import { firstTokenEndingAfter, firstTokenStartingFrom, tokensWithin, type SentenceView, type TimexRef } from './sentence-view.js';
import type { Clause } from './split-clauses.js';
import { valueOfRange } from '../resolve/time/calendar.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const YEAR_FIRST = /^\d{4}/;
const NUMBER_AND_BRACKET_BEFORE = /\d\s*\($/;
const DATE_PREPOSITION = /^(in|on|since)$/;
const ED_ENDING = /ed$/;
const AUXILIARY = /^(was|were|is|are|been|be|being|has|have|had)$/;
const DEMONSTRATIVE = /^(these|those|such)$/;
const ACT_NOUN = /^(measures|steps|actions|moves|decisions|acts|expulsions)$/;

const MAX_DATE_DISTANCE = 15;

// The word that makes a count a step from a date told: "three days later", "two weeks earlier", "a year after,".
const OFFSET_RELATION = /^[ \t]+(?:later|afterwards?|after|earlier|before)(?![\w-])/i;

/**
 * "Three days later": a duration (as TimeML marks it) that resolution anchored on a date told, its range the day,
 * month or year it leads to. It dates an event as that point would; a duration without one ("for three days") does not.
 */
function isAnchoredOffset(view: SentenceView, ref: TimexRef): boolean {
  return ref.type === 'DURATION' && ref.timex.range !== undefined && OFFSET_RELATION.test(view.doc.text.slice(ref.end, ref.end + 14));
}

/** Where a dating timex's phrase ends: after the relation word of an anchored offset ("Three days later|,"). */
function phraseEnd(view: SentenceView, ref: TimexRef): number {
  if (!isAnchoredOffset(view, ref)) return ref.end;
  return ref.end + OFFSET_RELATION.exec(view.doc.text.slice(ref.end, ref.end + 14))![0].length;
}

/** A timex that can date an event: a calendar date or range, or a duration anchored as a step from one; not a set or a name part. */
export function isDatingTimex(view: SentenceView, ref: TimexRef): boolean {
  if (!(ref.type === 'DATE' && YEAR_FIRST.test(ref.value)) && !isAnchoredOffset(view, ref)) return false;
  // "resolution 2445 (2018)": the year of a numbered text is part of its name, not when anything happened.
  if (NUMBER_AND_BRACKET_BEFORE.test(view.doc.text.slice(Math.max(0, ref.start - 12), ref.start))) return false;
  // "Vostok 2022", "Sakhalin 2": a year inside a name.
  return !view.mentions.some((m) => m.start < ref.end && m.end > ref.start);
}

/**
 * An event date. Every one is made here, with its fields in one order: dates copied by spreading had
 * a shape of their own, and code reading events' dates was deoptimised when one first came by.
 */
export function eventDate(value: string, start: string | null, end: string | null, source: string, inferred: boolean): EventDate {
  return { value, start, end, source, inferred };
}

export function toEventDate(ref: TimexRef, inferred: boolean, how = `timex:${ref.index}`): EventDate {
  const t: Timex = ref.timex;
  // An anchored duration dates by the point it leads to, not by its length.
  const value = t.type === 'DURATION' && t.range ? (valueOfRange(t.range) ?? t.range.start) : t.value;
  return eventDate(value, t.range?.start ?? null, t.range?.end ?? null, how, inferred);
}

/**
 * The timex of the trigger's own clause, closest to it; failing that, the closest in its sentence.
 * Returns null when the sentence states no date (the caller may inherit one).
 */
export function ownDate(view: SentenceView, clause: Clause, triggerStart: number, triggerEnd: number): EventDate | null {
  const usable = view.timexes.filter((r) => isDatingTimex(view, r));
  const cs = view.tokens[clause.first]!.start;
  const ce = view.tokens[clause.last]!.end;
  const distance = (r: TimexRef): number => (r.end <= triggerStart ? triggerStart - r.end : Math.max(0, r.start - triggerEnd));
  // The opening words of a clause frame all of it ("In September, after ..., X issued ...").
  const clauseFrameEnd = view.tokens[Math.min(clause.last, clause.first + 5)]!.end;
  // A date closing an opening phrase ("However, at the summit in September, ...") frames the sentence.
  let openingPhraseEnd = -1;
  for (const r of view.timexes) {
    const end = phraseEnd(view, r);
    const k = firstTokenStartingFrom(view.tokens, end);
    if (k < view.tokens.length && k <= 15 && view.tokens[k]!.text === ',') openingPhraseEnd = Math.max(openingPhraseEnd, end);
  }
  // A date far from the trigger, or "for 2023" (what the act is about), dates something else.
  const near = (r: TimexRef): boolean => {
    // The last token ending at or before the timex starts (tokens are in order).
    const before = view.tokens[firstTokenEndingAfter(view.tokens, r.start) - 1];
    if (before && before.lower === 'for' && r.start >= triggerEnd) return false;
    // "the decisions of the Boundary Commission of 13 April 2002": a date after "of" names the noun before it, unless that noun is the trigger.
    if (before && before.lower === 'of' && r.start >= triggerEnd && before.start > triggerEnd) return false;
    if (attachedToOtherParticiple(view, r, triggerStart, triggerEnd)) return false;
    // "However, at the summit in September, X told Y ..., and asserted": an opening phrase dates the sentence.
    if (r.end <= triggerStart && r.end <= openingPhraseEnd) return true;
    // A date before the trigger frames its clause ("In September, after ..., X issued"); one after it must be close.
    if (r.end <= triggerStart && r.start <= clauseFrameEnd) return true;
    if (r.end <= triggerStart) return tokensWithin(view.tokens, r.end, triggerStart) <= MAX_DATE_DISTANCE;
    return tokensWithin(view.tokens, triggerEnd, r.start) <= MAX_DATE_DISTANCE;
  };
  usable.splice(0, usable.length, ...usable.filter(near));
  const inClause = usable.filter((r) => r.start >= cs && r.end <= ce);
  const pool = inClause.length > 0 ? inClause : usable;
  const best = [...pool].sort((a, b) => distance(a) - distance(b))[0];
  return best ? toEventDate(best, false) : null;
}

/**
 * "the Plan ... proposed in 2016, are on hold": a date right after another past participle (with
 * "in"/"on" between) dates that participle's act, not the trigger's.
 */
function attachedToOtherParticiple(view: SentenceView, r: TimexRef, triggerStart: number, triggerEnd: number): boolean {
  const k = firstTokenStartingFrom(view.tokens, r.start);
  if (k < 2 || k === view.tokens.length) return false;
  const prep = view.tokens[k - 1]!;
  const verb = view.tokens[k - 2]!;
  if (!DATE_PREPOSITION.test(prep.lower)) return false;
  if (verb.start >= triggerStart && verb.end <= triggerEnd) return false;
  if (!ED_ENDING.test(verb.lower) || !verb.lemmas.some((c) => c.inflection === 'ed')) return false;
  // Only a reduced relative closed by a comma before the trigger ("X proposed in 2016, are on hold"),
  // not the clause's own verb ("announced in June it would suspend").
  const after = view.tokens[firstTokenStartingFrom(view.tokens, r.end)];
  if (!after || after.text !== ',' || after.end > triggerStart) return false;
  const before = view.tokens[k - 3];
  return before !== undefined && !AUXILIARY.test(before.lower) && !before.punct;
}

/** How an undated sentence relates in time to the one before it. */
export type Continuation = 'same' | 'after' | null;

/**
 * Does the sentence carry the previous sentence's time forward? A connective near its start does
 * ("In response,", "As a result", "therefore": same time; "Subsequently", "Later": some time after,
 * so only the year carries), and so does a reference back to the acts just reported ("these
 * measures"). "In response to this aggression" names a cause, not a time.
 */
export function continuesPreviousTime(view: SentenceView): Continuation {
  for (let i = 0; i < Math.min(view.tokens.length, 6); i++) {
    if (view.tokens[i - 1]?.lower === 'since') continue;
    const same = roleAt(view.tokens, i, 'inherit-date');
    if (same >= 0 && view.tokens[same + 1]?.lower !== 'to') return 'same';
    if (roleAt(view.tokens, i, 'inherit-date-after') >= 0) return 'after';
  }
  for (let i = 0; i + 1 < view.tokens.length; i++) {
    if (DEMONSTRATIVE.test(view.tokens[i]!.lower) && ACT_NOUN.test(view.tokens[i + 1]!.lower)) return 'same';
  }
  return null;
}

/** A date carried to a later act: the year only ("Subsequently" after January is not January). */
export function coarsenToYear(date: EventDate): EventDate {
  const year = /^(\d{4})/.exec(date.value)?.[1];
  if (!year || year === date.value) return date;
  return eventDate(year, `${year}-01-01`, `${year}-12-31`, date.source, date.inferred);
}

/** The last dating timex of a sentence, as an inherited date. */
export function lastDateOf(view: SentenceView): EventDate | null {
  // The last that can date (looked for from the end, without listing the others).
  for (let k = view.timexes.length - 1; k >= 0; k--) {
    const last = view.timexes[k]!;
    if (isDatingTimex(view, last)) return toEventDate(last, true, `inherited:timex:${last.index}`);
  }
  return null;
}
