import type { Timex } from '../../model/index.js';

// Rules whose findings TimeML does not mark as TIMEX3: a named event ("since World War II") is an EVENT in
// TimeML, dated only through a link; the report style dates it because a timeline needs the date.
const NOT_TIMEX3 = new Set(['time.named-event', 'time.narrative']);

/** The timexes a TimeML annotator would mark, out of those the time layer found. */
export function timemlTimexes<T extends Pick<Timex, 'rule'>>(timexes: T[]): T[] {
  return timexes.filter((t) => !NOT_TIMEX3.has(t.rule));
}
