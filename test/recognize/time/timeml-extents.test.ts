// Where a time expression begins and ends, as the TimeML corpora agree on it: each case is a sentence with a
// creation time and every timex expected, so a wrong span fails as much as a wrong value.
import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../../src/recognize/time/timeml-style.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Expected {
  text: string;
  type: string;
  value: string;
  mod?: string;
}
interface Case {
  text: string;
  dct: string;
  expect: Expected[];
}

function run(c: Case): Expected[] {
  const { doc, seg } = makeTimedDoc(c.text, { dct: c.dct });
  return resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes.map((t) => ({
    text: t.text,
    type: t.type,
    value: t.value,
    ...(t.mod ? { mod: t.mod } : {}),
  }));
}

const RULES: Record<string, Case[]> = {
  "a weekday's possessive stays outside": [
    { text: "Shares fell in Thursday's session.", dct: '2003-06-13', expect: [{ text: 'Thursday', type: 'DATE', value: '2003-06-12' }] },
    { text: "Last Tuesday's vote was close.", dct: '2003-06-13', expect: [{ text: 'Last Tuesday', type: 'DATE', value: '2003-06-10' }] },
    { text: 'Next Monday the board meets again.', dct: '2003-06-13', expect: [{ text: 'Next Monday', type: 'DATE', value: '2003-06-16' }] },
    // Negative: a name that merely begins like a determiner is no determiner.
    { text: 'Lastly, Friday was quiet.', dct: '2003-06-13', expect: [{ text: 'Friday', type: 'DATE', value: '2003-06-13' }] },
  ],
  'the article of a counted span': [
    { text: 'Sales rose in the nine months ended June 30.', dct: '2003-07-20', expect: [{ text: 'the nine months', type: 'DURATION', value: 'P9M' }, { text: 'June 30', type: 'DATE', value: '2003-06-30' }] },
    { text: 'During the four days of talks nobody left.', dct: '2003-07-20', expect: [{ text: 'the four days', type: 'DURATION', value: 'P4D' }] },
    // Negative: the article of a noun that a length qualifies is the noun's.
    { text: 'He signed the two-year contract.', dct: '2003-07-20', expect: [{ text: 'two-year', type: 'DURATION', value: 'P2Y' }] },
    { text: 'Then it took two weeks.', dct: '2003-07-20', expect: [{ text: 'two weeks', type: 'DURATION', value: 'P2W' }] },
  ],
  'a qualified count before "ago"': [
    { text: 'The plant closed nearly four years ago.', dct: '2003-07-20', expect: [{ text: 'nearly four years ago', type: 'DATE', value: '1999', mod: 'APPROX' }] },
    { text: 'It opened more than two decades ago.', dct: '2003-07-20', expect: [{ text: 'more than two decades ago', type: 'DATE', value: '1983' }] },
    { text: 'They met about two weeks ago.', dct: '2003-07-20', expect: [{ text: 'about two weeks ago', type: 'DATE', value: '2003-07-06', mod: 'APPROX' }] },
    // Negative: a word that only looks like a qualifier stays out.
    { text: 'The trade got over two years ago.', dct: '2003-07-20', expect: [{ text: 'over two years ago', type: 'DATE', value: '2001' }] },
  ],
  'the week of a day': [
    { text: 'The trial is set for the week of March 6.', dct: '2000-02-24', expect: [{ text: 'the week of March 6', type: 'DATE', value: '2000-W10' }] },
    { text: 'It began the week of March 6, 1999.', dct: '2000-02-24', expect: [{ text: 'the week of March 6, 1999', type: 'DATE', value: '1999-W09' }] },
    // Negative: a day that merely follows a week is its own date.
    { text: 'It ended that week, on March 6.', dct: '2000-02-24', expect: [{ text: 'that week', type: 'DATE', value: '2000-W08' }, { text: 'March 6', type: 'DATE', value: '2000-03-06' }] },
  ],
  'days counted by the calendar of a trade': [
    { text: 'The index fell for eight trading days.', dct: '1989-10-30', expect: [{ text: 'eight trading days', type: 'DURATION', value: 'P8D' }] },
    { text: 'Refunds take five business days.', dct: '1989-10-30', expect: [{ text: 'five business days', type: 'DURATION', value: 'P5D' }] },
    // Negative: a kind of year is no length.
    { text: 'It moved from a fiscal year to a calendar year.', dct: '1989-10-30', expect: [] },
  ],
  'halves named by their last part or by two quarters': [
    { text: 'In the last half of 1989 it grew.', dct: '1989-10-30', expect: [{ text: 'the last half of 1989', type: 'DATE', value: '1989-H2' }] },
    { text: 'Results for the first two quarters of 1990 were weak.', dct: '1989-10-30', expect: [{ text: 'the first two quarters of 1990', type: 'DATE', value: '1990-H1' }] },
    { text: 'In the last quarter of 1988 it fell.', dct: '1989-10-30', expect: [{ text: 'the last quarter of 1988', type: 'DATE', value: '1988-Q4' }] },
    // Negatives: "last quarter" alone is the quarter before this one; a half with no year named is no date.
    { text: 'Sales rose last quarter.', dct: '1989-10-30', expect: [{ text: 'last quarter', type: 'DATE', value: '1989-Q3' }] },
    { text: 'He ate the last half of the cake.', dct: '1989-10-30', expect: [] },
  ],
  'decades counted back are years': [
    { text: 'The alliance expanded a decade ago.', dct: '1999-03-12', expect: [{ text: 'a decade ago', type: 'DATE', value: '1989' }] },
    { text: 'In 1990 it grew; two decades earlier it was small.', dct: '1999-03-12', expect: [{ text: '1990', type: 'DATE', value: '1990' }, { text: 'two decades earlier', type: 'DATE', value: '1970' }] },
    // Negative: the decade itself is still a decade.
    { text: 'It grew in the 1980s.', dct: '1999-03-12', expect: [{ text: '1980s', type: 'DATE', value: '198' }] },
  ],
};

describe('TimeML extents', () => {
  for (const [family, cases] of Object.entries(RULES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c)).toEqual(c.expect);
      });
    });
  }
});
