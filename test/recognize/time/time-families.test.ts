import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  period?: string;
  dct?: string;
  expect: { text: string; type: string; value: string; mod?: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes;
}

const FAMILIES: Record<string, Case[]> = {
  'explicit dates': [
    { text: 'The talks were held on February 24, 2023.', expect: [{ text: 'February 24, 2023', type: 'DATE', value: '2023-02-24' }] },
    { text: 'Moreover, in February 2023, the president spoke.', expect: [{ text: 'February 2023', type: 'DATE', value: '2023-02' }] },
    { text: 'It was signed on 24 February 2022.', expect: [{ text: '24 February 2022', type: 'DATE', value: '2022-02-24' }] },
    { text: 'The file is dated 2022-03-15.', expect: [{ text: '2022-03-15', type: 'DATE', value: '2022-03-15' }] },
    { text: 'The deal expired Nov. 6.', dct: '1989-11-02', expect: [{ text: 'Nov. 6', type: 'DATE', value: '1989-11-06' }] },
  ],
  'months in a report': [
    { text: 'The summit was held on February 24.', period: '2022', expect: [{ text: 'February 24', type: 'DATE', value: '2022-02-24' }] },
    { text: 'In late September, the referenda were held.', period: '2022', expect: [{ text: 'late September', type: 'DATE', value: '2022-09', mod: 'END' }] },
    { text: 'Inflation peaked at the beginning of May.', period: '2022', expect: [{ text: 'the beginning of May', type: 'DATE', value: '2022-05', mod: 'START' }] },
    { text: 'GDP growth from January to March was +3.5%.', period: '2022', expect: [{ text: 'January to March', type: 'DATE', value: '2022-01/2022-03' }] },
    { text: 'From January to December 2022, trade fell.', period: '2022', expect: [{ text: 'January to December 2022', type: 'DATE', value: '2022-01/2022-12' }] },
    { text: 'From November to February 2023, prices rose.', expect: [{ text: 'November to February 2023', type: 'DATE', value: '2022-11/2023-02' }] },
    { text: 'From 10 March to 2 April 2021, talks went on.', expect: [{ text: '10 March to 2 April 2021', type: 'DATE', value: '2021-03-10/2021-04-02' }] },
  ],
  'backwards pairs are two dates, not a range': [
    { text: 'The members joined in 2022 — 1991.', expect: [{ text: '2022', type: 'DATE', value: '2022' }, { text: '1991', type: 'DATE', value: '1991' }] },
    { text: 'Compare from 2019 to 2015 in the table.', expect: [{ text: '2019', type: 'DATE', value: '2019' }, { text: '2015', type: 'DATE', value: '2015' }] },
  ],
  'seasons, quarters, fiscal years, decades': [
    { text: 'It started in the fall of 2021.', expect: [{ text: 'the fall of 2021', type: 'DATE', value: '2021-FA' }] },
    { text: 'Profit rose in the third quarter of 2022.', expect: [{ text: 'the third quarter of 2022', type: 'DATE', value: '2022-Q3' }] },
    { text: 'Profit rose in the third quarter.', dct: '1989-10-30', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }] },
    { text: 'The budget for fiscal 2022 was cut.', expect: [{ text: 'fiscal 2022', type: 'DATE', value: '2022' }] },
    { text: 'In the 1990s the region was calm.', expect: [{ text: '1990s', type: 'DATE', value: '199' }] },
    { text: 'Elections were held in 2020 and 2021.', expect: [{ text: '2020', type: 'DATE', value: '2020' }, { text: '2021', type: 'DATE', value: '2021' }] },
  ],
  durations: [
    { text: 'Even after 77 years have passed, nothing changed.', expect: [{ text: '77 years', type: 'DURATION', value: 'P77Y' }] },
    { text: 'Seventy-seven years have passed.', expect: [{ text: 'Seventy-seven years', type: 'DURATION', value: 'P77Y' }] },
    { text: 'A two-year plan was adopted.', expect: [{ text: 'two-year', type: 'DURATION', value: 'P2Y' }] },
    { text: 'Prices rose over the past two months.', expect: [{ text: 'the past two months', type: 'DURATION', value: 'P2M' }] },
  ],
  sets: [
    { text: 'The forum meets every year.', expect: [{ text: 'every year', type: 'SET', value: 'P1Y' }] },
    { text: 'Reports are published daily.', expect: [{ text: 'daily', type: 'SET', value: 'P1D' }] },
  ],
  'deictic and relative to the creation time': [
    { text: 'The bomb exploded yesterday.', dct: '1998-08-07', expect: [{ text: 'yesterday', type: 'DATE', value: '1998-08-06' }] },
    { text: 'Sales rose last year.', dct: '1998-08-07', expect: [{ text: 'last year', type: 'DATE', value: '1997' }] },
    { text: 'The plan starts next month.', dct: '1998-08-07', expect: [{ text: 'next month', type: 'DATE', value: '1998-09' }] },
    { text: 'Bombs exploded Friday.', dct: '1998-08-10', expect: [{ text: 'Friday', type: 'DATE', value: '1998-08-07' }] },
    { text: 'He will arrive Friday.', dct: '1998-08-10', expect: [{ text: 'Friday', type: 'DATE', value: '1998-08-14' }] },
    { text: 'It happened two years ago.', dct: '1998-08-07', expect: [{ text: 'two years ago', type: 'DATE', value: '1996' }] },
    { text: 'The measure remains for the time being.', expect: [{ text: 'for the time being', type: 'DATE', value: 'PRESENT_REF' }] },
    { text: 'The meeting began at 3 p.m.', dct: '1998-08-07', expect: [{ text: '3 p.m.', type: 'TIME', value: '1998-08-07T15:00' }] },
  ],
  'narrative anchoring': [
    { text: 'On February 15, talks were held.\nHowever, later that month, the war began.', period: '2022', expect: [{ text: 'February 15', type: 'DATE', value: '2022-02-15' }, { text: 'later that month', type: 'DATE', value: '2022-02' }] },
    { text: 'On March 3, 2021 the ship sank.\nThe same day, rescuers arrived.', expect: [{ text: 'March 3, 2021', type: 'DATE', value: '2021-03-03' }, { text: 'The same day', type: 'DATE', value: '2021-03-03' }] },
    { text: 'On May 9, 2022 a parade was held.\nImmediately after, troops moved.', expect: [{ text: 'May 9, 2022', type: 'DATE', value: '2022-05-09' }, { text: 'Immediately after', type: 'DATE', value: '2022-05-09' }] },
  ],
  'named events': [
    { text: 'Nothing was resolved since the end of World War II.', expect: [{ text: 'the end of World War II', type: 'DATE', value: '1945-09-02' }] },
  ],
};

describe('time expression families', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const got = run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
        expect(got).toEqual(c.expect.map((e) => ({ ...e })));
      });
    });
  }
});
