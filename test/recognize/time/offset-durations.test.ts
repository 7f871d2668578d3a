import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  dct?: string;
  period?: string;
  style?: 'report' | 'timeml';
  expect: { text: string; type: string; value: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg, { style: c.style ?? 'report' })).timexes.map((t) => ({ text: t.text, type: t.type, value: t.value }));
}

const OPENED = { text: '4 May 1935', type: 'DATE', value: '1935-05-04' };

// "N units later/afterwards/after/earlier/before" as TimeBank marks it: the count alone, a duration, with the word
// after it left out as a signal. The report style marks it so too (its range keeps the point: test/resolve).
const FAMILIES: Record<string, Case[]> = {
  'a count of units after a date told is the duration, without the word after it': [
    { text: 'Talks opened on 4 May 1935.\nThree days later the garrisons fired.', expect: [OPENED, { text: 'Three days', type: 'DURATION', value: 'P3D' }] },
    { text: 'Talks opened on 4 May 1935.\nTwo weeks later the garrisons fired.', expect: [OPENED, { text: 'Two weeks', type: 'DURATION', value: 'P2W' }] },
    { text: 'Talks opened on 4 May 1935.\nA fortnight later the garrisons fired.', expect: [OPENED, { text: 'A fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'Talks opened on 4 May 1935.\nSix months later the garrisons fired.', expect: [OPENED, { text: 'Six months', type: 'DURATION', value: 'P6M' }] },
    { text: 'Talks opened on 4 May 1935.\nForty years later the garrisons fired.', expect: [OPENED, { text: 'Forty years', type: 'DURATION', value: 'P40Y' }] },
    { text: 'Talks opened on 4 May 1935.\nA year later the garrisons fired.', expect: [OPENED, { text: 'A year', type: 'DURATION', value: 'P1Y' }] },
    { text: 'Talks opened on 4 May 1935.\nFive years afterwards the garrisons fired.', expect: [OPENED, { text: 'Five years', type: 'DURATION', value: 'P5Y' }] },
    { text: 'Talks opened on 4 May 1935.\nFive years afterward the garrisons fired.', expect: [OPENED, { text: 'Five years', type: 'DURATION', value: 'P5Y' }] },
    { text: 'Talks opened on 4 May 1935.\nTwo days after, the garrisons fired.', expect: [OPENED, { text: 'Two days', type: 'DURATION', value: 'P2D' }] },
    // Decades and centuries are counted in years, as TimeML writes them; a modifier before the count is kept.
    { text: 'Talks opened on 4 May 1935.\nTwo decades later the garrisons fired.', expect: [OPENED, { text: 'Two decades', type: 'DURATION', value: 'P20Y' }] },
    { text: 'Talks opened on 4 May 1935.\nA century later the garrisons fired.', expect: [OPENED, { text: 'A century', type: 'DURATION', value: 'P100Y' }] },
    { text: 'Talks opened on 4 May 1935.\nAlmost two decades afterwards the garrisons fired.', expect: [OPENED, { text: 'Almost two decades', type: 'DURATION', value: 'P20Y' }] },
    // Counted back in days, weeks or months it is a duration too (TimeBank: "A day earlier").
    { text: 'Talks opened on 4 May 1935.\nA day earlier the garrisons fired.', expect: [OPENED, { text: 'A day', type: 'DURATION', value: 'P1D' }] },
    { text: 'Talks opened on 4 May 1935.\nSix months before, the garrisons fired.', expect: [OPENED, { text: 'Six months', type: 'DURATION', value: 'P6M' }] },
    // With nothing told to count from, the duration still stands (its length is stated).
    { text: 'Today, 70 years later, we meet again.', period: '2015', expect: [{ text: 'Today', type: 'DATE', value: 'PRESENT_REF' }, { text: '70 years', type: 'DURATION', value: 'P70Y' }] },
    // A vague count is the duration TimeBank gives it ("A few days" PXD).
    { text: 'Talks opened on 4 May 1935.\nA few days later the garrisons fired.', expect: [OPENED, { text: 'A few days', type: 'DURATION', value: 'PXD' }] },
    // The TimeML style marks it the same way.
    { text: 'Talks opened on 4 May 1935.\nThree days later the garrisons fired.', dct: '1990-01-01', style: 'timeml', expect: [OPENED, { text: 'Three days', type: 'DURATION', value: 'P3D' }] },
  ],
  'negatives: what stays a date, and what is no step from a date told': [
    // A count of years back compares with a time told (TimeBank: "a year earlier" a date 24 times of 24), and "ago"
    // counts from the document's time (TimeBank: a date).
    { text: 'Sales rose in 1989.\nThey were flat a year earlier.', dct: '1990-01-10', expect: [{ text: '1989', type: 'DATE', value: '1989' }, { text: 'a year earlier', type: 'DATE', value: '1988' }] },
    { text: 'In 1990 it grew; two decades earlier it was small.', dct: '1999-03-12', expect: [{ text: '1990', type: 'DATE', value: '1990' }, { text: 'two decades earlier', type: 'DATE', value: '1970' }] },
    { text: 'Talks opened on 4 May 1935.\nFive years before, the garrisons fired.', expect: [OPENED, { text: 'Five years before', type: 'DATE', value: '1930' }] },
    { text: 'He left three days ago.', dct: '1990-01-10', expect: [{ text: 'three days ago', type: 'DATE', value: '1990-01-07' }] },
    // Quarters are reporting periods compared, as "a year earlier" is.
    { text: 'Profit rose in the third quarter.\nTwo quarters later it fell.', dct: '1989-10-20', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Two quarters later', type: 'DATE', value: '1990-Q1' }] },
    // "Later that day", "later this year": a part of a unit, not a count.
    { text: 'Talks opened on 4 May 1935.\nLater that day the garrisons fired.', expect: [OPENED, { text: 'Later that day', type: 'DATE', value: '1935-05-04' }] },
    { text: 'A vote is due later this year.', dct: '2019-06-14', expect: [{ text: 'later this year', type: 'DATE', value: '2019' }] },
    // "the later years": an adjective, no time.
    { text: 'The later years of the treaty were calm.', dct: '2019-06-14', expect: [] },
    // "two years later than planned": a delay, a duration, but no step from the date told.
    { text: 'Talks opened on 4 May 1935.\nThe vote was held two years later than planned.', expect: [OPENED, { text: 'two years', type: 'DURATION', value: 'P2Y' }] },
    // Before an event, the count measures the time to that event: a duration as before, not a step from a date.
    { text: 'Talks opened on 4 May 1935.\nHe resigned two days after police arrived.', expect: [OPENED, { text: 'two days', type: 'DURATION', value: 'P2D' }] },
  ],
};

describe('"N units later" as TimeML marks it', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c)).toEqual(c.expect);
      });
    });
  }
});
