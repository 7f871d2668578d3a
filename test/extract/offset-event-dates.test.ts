import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { makeAnalysedDoc, type MentionSpec, type TimexSpec } from '../helpers/make-analysed-doc.js';

const M: MentionSpec[] = [
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
];

const MAY_3: TimexSpec = { text: 'May 3', value: '2022-05-03', range: { start: '2022-05-03', end: '2022-05-03' } };

interface Case {
  text: string;
  timexes: TimexSpec[];
  /** Each event's type and date value, in order. */
  expect: [string, string | null][];
}

// "Three days later" is the duration "three days" (as TimeML marks it), its range the point resolution reached from
// the date told; events are dated by that point, as they were by the date the report style made of it.
const FAMILIES: Record<string, Case[]> = {
  'an anchored duration dates an event by the point it leads to': [
    { text: 'On May 3, Kenya imposed sanctions on Ethiopia. Three days later, Ethiopia expelled diplomats of Kenya.', timexes: [MAY_3, { text: 'Three days', type: 'DURATION', value: 'P3D', range: { start: '2022-05-06', end: '2022-05-06' } }], expect: [['SANCTION', '2022-05-03'], ['SANCTION', '2022-05-06']] },
    { text: 'On May 3, Kenya imposed sanctions on Ethiopia. Two weeks later Ethiopia expelled diplomats of Kenya.', timexes: [MAY_3, { text: 'Two weeks', type: 'DURATION', value: 'P2W', range: { start: '2022-05-16', end: '2022-05-22' } }], expect: [['SANCTION', '2022-05-03'], ['SANCTION', '2022-W20']] },
    { text: 'On May 3, Kenya imposed sanctions on Ethiopia. Six months before, Ethiopia had expelled diplomats of Kenya.', timexes: [MAY_3, { text: 'Six months', type: 'DURATION', value: 'P6M', range: { start: '2021-11-01', end: '2021-11-30' } }], expect: [['SANCTION', '2022-05-03'], ['SANCTION', '2021-11']] },
    { text: 'On May 3, Kenya imposed sanctions on Ethiopia. Forty years afterwards Ethiopia expelled diplomats of Kenya.', timexes: [MAY_3, { text: 'Forty years', type: 'DURATION', value: 'P40Y', range: { start: '2062-01-01', end: '2062-12-31' } }], expect: [['SANCTION', '2022-05-03'], ['SANCTION', '2062']] },
  ],
  'negatives: a duration with no point reached, or no step from a date, dates nothing': [
    // Nothing to count from (no range).
    { text: 'Three days later, Ethiopia expelled diplomats of Kenya.', timexes: [{ text: 'Three days', type: 'DURATION', value: 'P3D' }], expect: [['SANCTION', null]] },
    // A length of time ("for three days"), even with a range, is no step from a date told.
    { text: 'Ethiopia expelled diplomats of Kenya for three days.', timexes: [{ text: 'three days', type: 'DURATION', value: 'P3D', range: { start: '2022-05-06', end: '2022-05-06' } }], expect: [['SANCTION', null]] },
    // A delay ("later than planned") reaches no point.
    { text: 'Ethiopia expelled diplomats of Kenya two years later than planned.', timexes: [{ text: 'two years', type: 'DURATION', value: 'P2Y' }], expect: [['SANCTION', null]] },
  ],
};

describe('event dates from "N units later"', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const events = extract(makeAnalysedDoc(c.text, { mentions: M, timexes: c.timexes })).events;
        expect(events.map((e) => [e.type, e.date?.value ?? null])).toEqual(c.expect);
      });
    });
  }

  it('keeps the range as the event date\'s span, and the date as stated in its own sentence (not inferred)', () => {
    const doc = makeAnalysedDoc('On May 3, Kenya imposed sanctions on Ethiopia. Two weeks later Ethiopia expelled diplomats of Kenya.', {
      mentions: M, timexes: [MAY_3, { text: 'Two weeks', type: 'DURATION', value: 'P2W', range: { start: '2022-05-16', end: '2022-05-22' } }],
    });
    expect(extract(doc).events[1]?.date).toMatchObject({ value: '2022-W20', start: '2022-05-16', end: '2022-05-22', inferred: false });
  });

  it('carries the point to an undated sentence after a connective, as a date would be', () => {
    const doc = makeAnalysedDoc('On May 3, Kenya imposed sanctions on Ethiopia. Three days later, Ethiopia expelled diplomats of Kenya. In response, Kenya condemned Ethiopia.', {
      mentions: M, timexes: [MAY_3, { text: 'Three days', type: 'DURATION', value: 'P3D', range: { start: '2022-05-06', end: '2022-05-06' } }],
    });
    expect(extract(doc).events.map((e) => [e.type, e.date?.value ?? null])).toEqual([['SANCTION', '2022-05-03'], ['SANCTION', '2022-05-06'], ['ACCUSE', '2022-05-06']]);
  });
});
