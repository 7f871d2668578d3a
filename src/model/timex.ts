export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3-style value: `2022`, `2022-09`, `2022-02-24`, `2021-FA`, `2022-Q1`, `P77Y`, `PRESENT_REF`. */
  value: string;
  mod?: 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_AFTER';
  /** For ranges and for calendar values, the ISO dates the value covers (inclusive). */
  range?: { start: string; end: string };
  /** What an underspecified value was anchored on: `period`, `dct`, or `narrative:<timex index>`. */
  anchor?: string;
  /** Which parts were filled in rather than stated: `year`, `month`, ... */
  inferred: string[];
  rule: string;
}
