export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/**
 * Every timex carries every field, in this order, from recognition on (mod, range and anchor undefined when
 * absent; see recognize/time/new-timex.ts): code that reads timexes (resolution, extraction, storage) then meets
 * one hidden class instead of a handful, and V8 does not throw its optimised code away at each new shape.
 */
export interface Timex {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3-style value: `2022`, `2022-09`, `2022-02-24`, `2021-FA`, `2022-Q1`, `P77Y`, `PRESENT_REF`. */
  value: string;
  mod?: 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_AFTER';
  /**
   * For ranges and for calendar values, the ISO dates the value covers (inclusive). For a duration counted from a
   * date told ("three days later"), the day, month or year it leads to, inferred (listed in `inferred`).
   */
  range?: { start: string; end: string };
  /** What an underspecified value was anchored on: `period`, `dct`, or `narrative:<timex index>`. */
  anchor?: string;
  /** Which parts were filled in rather than stated: `year`, `month`, ... */
  inferred: string[];
  rule: string;
}
