import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  dct?: string;
  period?: string;
  /** The timexes after the first, with the range, anchor and inferred parts resolution gave them. */
  expect: { text: string; type: string; value: string; range?: { start: string; end: string }; anchor?: string; inferred: string[] }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  const got = resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes.slice(1).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.range ? { range: t.range } : {}), ...(t.anchor ? { anchor: t.anchor } : {}), inferred: t.inferred }));
  return got;
}

const day = (d: string) => ({ start: d, end: d });

// The duration "three days" of "three days later" keeps the point the report style dated it by: the day, week, month
// or year reached from the date told, as its range, inferred and anchored on that date.
const FAMILIES: Record<string, Case[]> = {
  'an anchored duration carries the point it leads to as its inferred range': [
    { text: 'Talks opened on 4 May 1935.\nThree days later the garrisons fired.', expect: [{ text: 'Three days', type: 'DURATION', value: 'P3D', range: day('1935-05-07'), anchor: 'narrative:0', inferred: ['range'] }] },
    { text: 'Talks opened on 4 May 1935.\nTwo weeks later the garrisons fired.', expect: [{ text: 'Two weeks', type: 'DURATION', value: 'P2W', range: { start: '1935-05-13', end: '1935-05-19' }, anchor: 'narrative:0', inferred: ['range'] }] },
    { text: 'Talks opened on 4 May 1935.\nSix months before, the garrisons fired.', expect: [{ text: 'Six months', type: 'DURATION', value: 'P6M', range: { start: '1934-11-01', end: '1934-11-30' }, anchor: 'narrative:0', inferred: ['range'] }] },
    { text: 'Talks opened in 1935.\nForty years later the garrisons fired.', expect: [{ text: 'Forty years', type: 'DURATION', value: 'P40Y', range: { start: '1975-01-01', end: '1975-12-31' }, anchor: 'narrative:0', inferred: ['range'] }] },
    { text: 'Talks opened in 1935.\nTwo decades afterwards the garrisons fired.', expect: [{ text: 'Two decades', type: 'DURATION', value: 'P20Y', range: { start: '1955-01-01', end: '1955-12-31' }, anchor: 'narrative:0', inferred: ['range'] }] },
  ],
  'the point reached stays a reference for the narrative, as the date was': [
    { text: 'Talks opened on 4 May 1935.\nThree days later the garrisons fired.\nThe next day they stopped.', expect: [
      { text: 'Three days', type: 'DURATION', value: 'P3D', range: day('1935-05-07'), anchor: 'narrative:0', inferred: ['range'] },
      { text: 'The next day', type: 'DATE', value: '1935-05-08', range: day('1935-05-08'), anchor: 'narrative:1', inferred: ['value'] }] },
  ],
  'a count forward past the document\'s own time, told in the past or present, counted from the wrong date: no point': [
    // A speech of 2016: "later" is now, not 71 years after the election due in 2017.
    { text: 'The election will be held in June 2017.\nSeventy-one years later, the region continues to be denied a seat.', period: '2016', expect: [{ text: 'Seventy-one years', type: 'DURATION', value: 'P71Y', inferred: [] }] },
    { text: 'Talks opened on 4 May 1990.\nThree weeks later the garrisons are still firing.', dct: '1990-05-10', expect: [{ text: 'Three weeks', type: 'DURATION', value: 'P3W', inferred: [] }] },
    // Negatives: told as still to come, it may lie ahead; within the document's time it stands; an undated narrative
    // (its period a guess) has no time of its own to pass.
    { text: 'The vote is set for 8 May.\nThree weeks later the council will meet.', dct: '1990-05-01', expect: [{ text: 'Three weeks', type: 'DURATION', value: 'P3W', range: { start: '1990-05-28', end: '1990-06-03' }, anchor: 'narrative:0', inferred: ['range'] }] },
    { text: 'Talks opened on 4 May 1990.\nThree days later the garrisons fired.', dct: '1990-05-10', expect: [{ text: 'Three days', type: 'DURATION', value: 'P3D', range: day('1990-05-07'), anchor: 'narrative:0', inferred: ['range'] }] },
  ],
  'negatives: no range without a point reached': [
    // A delay ("later than planned"), a vague count, or a span before an event reaches no point.
    { text: 'Talks opened on 4 May 1935.\nThe vote came two years later than planned.', expect: [{ text: 'two years', type: 'DURATION', value: 'P2Y', inferred: [] }] },
    { text: 'Talks opened on 4 May 1935.\nA few days later the garrisons fired.', expect: [{ text: 'A few days', type: 'DURATION', value: 'PXD', inferred: [] }] },
    { text: 'Talks opened on 4 May 1935.\nHe resigned two days after police arrived.', expect: [{ text: 'two days', type: 'DURATION', value: 'P2D', inferred: [] }] },
  ],
};

describe('"N units later": the duration and the point it leads to', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c)).toEqual(c.expect);
      });
    });
  }

  // In a dated text with no date told before, the document's date is what it counts from: ahead, told as to come;
  // told in the past, a point after the document's own date cannot be what is meant.
  it('counts from the document date when no date was told before, and the range is that point', () => {
    const { doc, seg } = makeTimedDoc('Three days later the council will meet.', { dct: '1990-01-10' });
    const [t] = resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes;
    expect(t).toMatchObject({ text: 'Three days', type: 'DURATION', value: 'P3D', range: day('1990-01-13'), anchor: 'dct', inferred: ['range'] });
    const past = makeTimedDoc('Three days later the garrisons fired.', { dct: '1990-01-10' });
    expect(resolveTimexes(past.doc, past.seg, recognizeTimexes(past.doc, past.seg)).timexes[0]?.range).toBeUndefined();
  });

  // Nothing told to count from: the duration alone, and no message of a date left unknown (its length is stated).
  it('leaves no "could not be anchored" message for a duration with nothing to count from', () => {
    const { doc, seg } = makeTimedDoc('Three years later the office closed.', { period: '2019' });
    const { timexes, messages } = resolveTimexes(doc, seg, recognizeTimexes(doc, seg));
    expect(timexes.map((t) => [t.text, t.value, t.range ?? null])).toEqual([['Three years', 'P3Y', null]]);
    expect(messages).toEqual([]);
  });
});
