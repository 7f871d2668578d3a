import type { Timex } from '../../model/index.js';
import { candidate, candidateList, type TimexCandidate } from './time-parser.js';

// Rules whose findings TimeML does not mark as TIMEX3: a named event ("since World War II") is an EVENT in
// TimeML, dated only through a link; the report style dates it because a timeline needs the date.
const NOT_TIMEX3 = new Set(['time.named-event', 'time.narrative']);

/** The timexes a TimeML annotator would mark, out of those the time layer found. */
export function timemlTimexes<T extends Pick<Timex, 'rule'>>(timexes: T[]): T[] {
  return timexes.filter((t) => !NOT_TIMEX3.has(t.rule));
}

// "three days later", "a week earlier", "five years afterwards": TimeML marks the count as a DURATION and leaves the
// word after it out as a signal (the report style dates the whole phrase for its timeline). "A year earlier", a
// comparison in earnings news, stays the date TimeML gives it.
const OFFSET_VALUE = /^REL:REF:([DWMY]):(-?\d+)$/;
const OFFSET_WORD = /[ \t]+(?:later|afterwards?|after|earlier|before)$/i;

/** Offsets as TimeML marks them: the count alone, a duration. */
export function timemlOffsets(text: string, candidates: TimexCandidate[]): TimexCandidate[] {
  const out = candidateList();
  for (const c of candidates) {
    const m = c.rule === 'time.offset' ? OFFSET_VALUE.exec(c.value) : null;
    const word = m ? OFFSET_WORD.exec(text.slice(c.start, c.end)) : null;
    if (!m || !word || (m[1] === 'Y' && Number(m[2]) < 0)) {
      out.push(c);
      continue;
    }
    out.push(candidate(c.start, c.end - word[0].length, 'DURATION', `P${Math.abs(Number(m[2]))}${m[1]}`, 'time.duration', c.mod, undefined, c.inferred));
  }
  return out;
}
