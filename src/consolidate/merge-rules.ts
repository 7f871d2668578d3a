/** An event as the merge rules see it. */
export interface MergeCandidate {
  id: string;
  doc: string;
  type: string;
  negated: boolean;
  modality: string;
  actors: string[];
  recipients: string[];
  dateValue: string | null;
}

export interface MergeDecision {
  rule: 'consolidate.same-day' | 'consolidate.day-in-month' | 'consolidate.same-month';
  score: number;
  reason: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Things that happened (asserted or reported), not plans or hypotheses, can be one real event. */
const HAPPENED = new Set(['asserted', 'reported']);

/**
 * Whether two events from different documents are the same event, and by which rule:
 * same PLOVER type, same polarity, both reported as having happened, actors in common, recipients
 * compatible, and dates that pin them down: the same day (strong), a day within the other's month
 * with the same actors and recipients, or the same month with the same actors and recipients.
 * Events dated only by year (or not at all) are never merged: too many things happen in a year.
 */
export function decideMerge(x: MergeCandidate, y: MergeCandidate): MergeDecision | null {
  if (x.doc === y.doc || x.type !== y.type || x.negated !== y.negated) return null;
  if (!HAPPENED.has(x.modality) || !HAPPENED.has(y.modality)) return null;
  if (!x.actors.length || !y.actors.length || !x.dateValue || !y.dateValue) return null;
  const sharedActors = x.actors.filter((a) => y.actors.includes(a));
  if (!sharedActors.length) return null;
  if (x.recipients.length && y.recipients.length && !x.recipients.some((r) => y.recipients.includes(r))) return null;
  const sameSet = (p: string[], q: string[]) => p.length === q.length && p.every((v) => q.includes(v));
  const sameParties = sameSet(x.actors, y.actors) && sameSet(x.recipients, y.recipients);
  const parties = `${x.actors.join('+')}${x.recipients.length ? ` → ${x.recipients.join('+')}` : ''}`;
  const dx = x.dateValue;
  const dy = y.dateValue;
  if (DAY.test(dx) && DAY.test(dy)) {
    if (dx !== dy) return null;
    return {
      rule: 'consolidate.same-day', score: sameParties ? 1 : 0.9,
      reason: `both ${x.type}${x.negated ? ' (negated)' : ''} on ${dx}, ${sameParties ? `same parties ${parties}` : `actors in common ${sharedActors.join('+')}`}`,
    };
  }
  if (!sameParties) return null;
  if ((DAY.test(dx) && MONTH.test(dy) && dx.startsWith(dy)) || (DAY.test(dy) && MONTH.test(dx) && dy.startsWith(dx))) {
    return { rule: 'consolidate.day-in-month', score: 0.75, reason: `both ${x.type} by ${parties}, ${DAY.test(dx) ? dx : dy} falls in ${MONTH.test(dx) ? dx : dy}` };
  }
  if (MONTH.test(dx) && dx === dy) {
    return { rule: 'consolidate.same-month', score: 0.6, reason: `both ${x.type} by ${parties} in ${dx}` };
  }
  return null;
}

/** Dates precise enough to merge on (a month or a day). */
export function mergeableDate(value: string | null): boolean {
  return !!value && (DAY.test(value) || MONTH.test(value));
}
