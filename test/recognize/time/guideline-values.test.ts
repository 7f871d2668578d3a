// TIMEX3 values as the TimeML guidelines define them, for the rules added to close the gap on news text:
// each case is a sentence (one per line) with a creation time and every timex expected, so that a missed or a
// spurious timex fails the case as much as a wrong value.
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
  dct?: string;
  expect: Expected[];
}

function run(c: Case, style: 'report' | 'timeml' = 'report'): Expected[] {
  const { doc, seg } = makeTimedDoc(c.text, c.dct ? { dct: c.dct } : {});
  let found = recognizeTimexes(doc, seg, { style });
  if (style === 'timeml') found = timemlTimexes(found);
  return resolveTimexes(doc, seg, found).timexes.map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
}

const RULES: Record<string, Case[]> = {
  'decades written short or in words': [
    { text: 'Prices soared in the \u201980s.', expect: [{ text: '\u201980s', type: 'DATE', value: '198' }] },
    { text: "Prices soared in the '80s.", expect: [{ text: "'80s", type: 'DATE', value: '198' }] },
    { text: 'It was built in the nineties.', expect: [{ text: 'the nineties', type: 'DATE', value: '199' }] },
    { text: 'It was built in the early nineties.', expect: [{ text: 'the early nineties', type: 'DATE', value: '199', mod: 'START' }] },
    { text: "Rents rose in the mid-'70s.", expect: [{ text: "the mid-'70s", type: 'DATE', value: '197', mod: 'MID' }] },
    { text: 'It grew in the mid-1990s.', expect: [{ text: 'the mid-1990s', type: 'DATE', value: '199', mod: 'MID' }] },
    // An age, and words that merely end in "ties".
    { text: 'Both men are in their forties.', expect: [] },
    { text: 'The parties met the authorities.', expect: [] },
  ],
  'centuries by ordinal': [
    { text: 'It was the bloodiest war of the 20th century.', expect: [{ text: '20th century', type: 'DATE', value: '19' }] },
    { text: 'The church dates from the nineteenth century.', expect: [{ text: 'nineteenth century', type: 'DATE', value: '18' }] },
    { text: 'A legend from the 11th century survives.', expect: [{ text: '11th century', type: 'DATE', value: '10' }] },
    { text: 'The century was long.', expect: [] },
    { text: 'A 30th century myth.', expect: [] },
  ],
  'edge words joined to a year or month by a hyphen': [
    { text: 'The plant opened in mid-1996.', dct: '1998-02-19', expect: [{ text: 'mid-1996', type: 'DATE', value: '1996', mod: 'MID' }] },
    { text: 'Talks stalled in late-November.', dct: '1998-02-19', expect: [{ text: 'late-November', type: 'DATE', value: '1997-11', mod: 'END' }] },
    { text: 'The part number is A-1990 and the order 12345.', expect: [] },
    { text: "1988's fourth quarter was weak.", expect: [{ text: "1988's fourth quarter", type: 'DATE', value: '1988-Q4' }] },
    { text: "The 1990's were good.", expect: [{ text: "1990's", type: 'DATE', value: '199' }] },
  ],
  'fractional durations in the next smaller unit': [
    { text: 'He served 2 1/2 years in prison.', expect: [{ text: '2 1/2 years', type: 'DURATION', value: 'P2Y6M' }] },
    { text: 'The flight took 5 1/2 hours.', expect: [{ text: '5 1/2 hours', type: 'DURATION', value: 'PT5H30M' }] },
    { text: 'The spot ran for a minute and a half.', expect: [{ text: 'a minute and a half', type: 'DURATION', value: 'PT1M30S' }] },
    { text: 'It lasted two and a half years.', expect: [{ text: 'two and a half years', type: 'DURATION', value: 'P2Y6M' }] },
    { text: 'They waited half an hour.', expect: [{ text: 'half an hour', type: 'DURATION', value: 'PT30M' }] },
    { text: 'A day and a half passed.', expect: [{ text: 'A day and a half', type: 'DURATION', value: 'P1DT12H' }] },
    // A fraction sign is not a count of its denominator.
    { text: 'He got 1/2 year.', expect: [] },
  ],
  'seasons with and without a year': [
    { text: 'This past spring was dry.', dct: '1989-10-26', expect: [{ text: 'This past spring', type: 'DATE', value: '1989-SP' }] },
    { text: 'Demand was weak well into the summer.', dct: '1989-10-26', expect: [{ text: 'the summer', type: 'DATE', value: '1989-SU' }] },
    { text: 'In summer, sales rose.', dct: '1989-10-26', expect: [{ text: 'summer', type: 'DATE', value: '1989-SU' }] },
    { text: 'Sales peaked in the early summer.', dct: '1989-10-26', expect: [{ text: 'the early summer', type: 'DATE', value: '1989-SU', mod: 'START' }] },
    { text: 'It was the winter of nineteen ninety-four.', expect: [{ text: 'the winter of nineteen ninety-four', type: 'DATE', value: '1994-WI' }] },
    { text: 'The fall of the regime surprised everyone.', dct: '1989-10-26', expect: [] },
    { text: 'She went to summer camp and drank the spring water.', dct: '1989-10-26', expect: [] },
  ],
  'tense of the clause': [
    // A to-infinitive after a word of intent looks ahead, even far from the date.
    { text: 'It announced an agreement to acquire the Peoria, Ill., bank holding company in January.', dct: '1989-10-30', expect: [{ text: 'January', type: 'DATE', value: '1990-01' }] },
    { text: 'The shares are to resume trading in Paris Tuesday.', dct: '1989-10-27', expect: [{ text: 'Tuesday', type: 'DATE', value: '1989-10-31' }] },
    // A purpose clause does not: the celebrations were held.
    { text: 'The government staged celebrations to mark the country\'s entry into NATO on Friday.', dct: '1999-03-13', expect: [{ text: 'Friday', type: 'DATE', value: '1999-03-12' }] },
    // Newswire quotes (`` '') end the clause: the quoted words do not set the date's tense.
    { text: "White House on Thursday ``For weeks we've been subjected to false leaks.''", dct: '1998-02-06', expect: [{ text: 'Thursday', type: 'DATE', value: '1998-02-05' }, { text: 'weeks', type: 'DURATION', value: 'PXW' }] },
    // A past-tense clause may report a plan for next month, not reach back eleven months.
    { text: 'Saudi Arabia told oil companies of a cutback in its supply in September.', dct: '1990-08-16', expect: [{ text: 'September', type: 'DATE', value: '1990-09' }] },
    { text: 'Production fell in November.', dct: '1990-08-16', expect: [{ text: 'November', type: 'DATE', value: '1989-11' }] },
  ],
  'weekdays from the day last mentioned': [
    { text: 'Prices fell Friday.\nThey were 4.5% down from the previous Friday.', dct: '1989-10-30', expect: [{ text: 'Friday', type: 'DATE', value: '1989-10-27' }, { text: 'previous Friday', type: 'DATE', value: '1989-10-20' }] },
    { text: 'The deal closed Monday.\nTrading resumed the following Wednesday.', dct: '1989-10-30', expect: [{ text: 'Monday', type: 'DATE', value: '1989-10-30' }, { text: 'following Wednesday', type: 'DATE', value: '1989-11-01' }] },
  ],
  'periods of earnings reports': [
    {
      text: 'Net rose to $5 in the third quarter.\nIt compares with $3 for the corresponding period last year.\nNet sales for this year\'s third quarter were $14 million.\nU.K. sales for last year\'s quarter were $3 million.',
      dct: '1989-10-30',
      expect: [
        { text: 'the third quarter', type: 'DATE', value: '1989-Q3' },
        { text: 'the corresponding period last year', type: 'DATE', value: '1988-Q3' },
        { text: "this year's third quarter", type: 'DATE', value: '1989-Q3' },
        { text: "last year's quarter", type: 'DATE', value: '1988-Q3' },
      ],
    },
    { text: "It could be effective as early as next year's first quarter.", dct: '1989-10-30', expect: [{ text: "next year's first quarter", type: 'DATE', value: '1990-Q1' }] },
    { text: 'In the year-ago third quarter, it earned $5.', dct: '1989-10-30', expect: [{ text: 'the year-ago third quarter', type: 'DATE', value: '1988-Q3' }] },
    { text: 'In the year-ago fourth quarter, it earned $5.', dct: '1990-01-20', expect: [{ text: 'the year-ago fourth quarter', type: 'DATE', value: '1988-Q4' }] },
    { text: 'Profit rose in the third quarter.\nThe latest period had a gain.', dct: '1989-10-30', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'The latest period', type: 'DATE', value: '1989-Q3' }] },
    { text: 'The latest period had a gain.', dct: '1989-10-30', expect: [{ text: 'The latest period', type: 'DATE', value: '1989-Q3' }] },
    // After a span of months, "a year earlier" compares with that span: a year, not the quarter before it.
    { text: 'Net rose in the third quarter.\nFor the nine months, it earned $3, up from $2 a year earlier.', dct: '1989-10-30', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'the nine months', type: 'DURATION', value: 'P9M' }, { text: 'a year earlier', type: 'DATE', value: '1988' }] },
    // The quarter the report keeps returning to, not one mentioned in passing.
    {
      text: 'It posted a gain in third-quarter net.\nNet rose from a year ago.\nAfter a flat second quarter, sales recovered.\nIn the 1989 period, costs were lower.',
      dct: '1989-10-30',
      expect: [
        { text: 'third-quarter', type: 'DATE', value: '1989-Q3' },
        { text: 'a year ago', type: 'DATE', value: '1988-Q3' },
        { text: 'second quarter', type: 'DATE', value: '1989-Q2' },
        { text: 'the 1989 period', type: 'DATE', value: '1989-Q3' },
      ],
    },
  ],
  'words TimeML rarely marks': [
    { text: 'The recent collapse of the market hurt.', dct: '1989-10-30', expect: [] },
    { text: 'Late in the day, lawyers emerged.', dct: '1989-10-30', expect: [] },
    { text: "It is for today's youth.", dct: '1989-10-30', expect: [] },
    { text: "Today's meeting was short.", dct: '1989-10-30', expect: [{ text: 'Today', type: 'DATE', value: '1989-10-30' }] },
    { text: 'Eight days after Oct. 12, the day before the crash, stocks fell.', dct: '1989-10-30', expect: [{ text: 'Eight days', type: 'DURATION', value: 'P8D' }, { text: 'Oct. 12', type: 'DATE', value: '1989-10-12' }, { text: 'the day', type: 'DATE', value: '1989-10-12' }] },
    { text: 'It rained on Oct. 12.\nHe came the day before.', dct: '1989-10-30', expect: [{ text: 'Oct. 12', type: 'DATE', value: '1989-10-12' }, { text: 'the day before', type: 'DATE', value: '1989-10-11' }] },
  ],
  'vague and approximate offsets': [
    { text: 'It happened several years ago.', dct: '1998-02-13', expect: [{ text: 'several years ago', type: 'DATE', value: 'PAST_REF' }] },
    { text: 'He left a week or so ago.', dct: '1991-02-25', expect: [{ text: 'a week or so ago', type: 'DATE', value: '1991-02-18' }] },
  ],
  'forms that were missed': [
    { text: 'The president met him last week after holding talks.', dct: '1991-12-02', expect: [{ text: 'last week', type: 'DATE', value: '1991-W48' }] },
    { text: 'He promised a referendum next year after the vote.', dct: '1998-02-13', expect: [{ text: 'next year', type: 'DATE', value: '1999' }] },
    { text: 'That 1978 resolution calls for a withdrawal; a 1996 law tightened it.', expect: [{ text: '1978', type: 'DATE', value: '1978' }, { text: '1996', type: 'DATE', value: '1996' }] },
    { text: 'The post-1959 politics split families.', expect: [{ text: '1959', type: 'DATE', value: '1959' }] },
    { text: 'It posted net income for the fiscal-first quarter.', dct: '1989-10-30', expect: [{ text: 'the fiscal-first quarter', type: 'DATE', value: '1989-Q1' }] },
    { text: 'The crown has stood for almost a hundred years.', expect: [{ text: 'almost a hundred years', type: 'DURATION', value: 'P100Y', mod: 'APPROX' }] },
    { text: 'Over the next couple of years sales will grow.', expect: [{ text: 'the next couple of years', type: 'DURATION', value: 'P2Y' }] },
    { text: 'He will stay two more weeks and an additional year.', expect: [{ text: 'two more weeks', type: 'DURATION', value: 'P2W' }, { text: 'an additional year', type: 'DURATION', value: 'P1Y' }] },
    { text: 'The day-long meeting ended a decades-long feud.', expect: [{ text: 'day-long', type: 'DURATION', value: 'P1D' }, { text: 'decades-long', type: 'DURATION', value: 'PXDE' }] },
    { text: 'The summit will be held on April 24 and 25.', dct: '1999-02-10', expect: [{ text: 'April 24', type: 'DATE', value: '1999-04-24' }, { text: '25', type: 'DATE', value: '1999-04-25' }] },
    // A plural after "a" is no count, and a bare number after "and" needs a month before it.
    { text: 'Scores of 24 and 25 were drawn in a decades-long series.', expect: [{ text: 'decades-long', type: 'DURATION', value: 'PXDE' }] },
  ],
  'vague future and hours by part of the day': [
    { text: 'In the near term prices may fall; the rest will be paid at a later date.', dct: '1989-10-30', expect: [{ text: 'the near term', type: 'DATE', value: 'FUTURE_REF' }, { text: 'a later date', type: 'DATE', value: 'FUTURE_REF' }] },
    { text: 'Redemptions may rise in the weeks ahead.', dct: '1989-10-30', expect: [{ text: 'the weeks ahead', type: 'DURATION', value: 'PXW' }] },
    { text: 'The shop closed at 11 at night.', dct: '2000-04-05', expect: [{ text: '11 at night', type: 'TIME', value: '2000-04-05T23:00' }] },
    { text: 'They met at 3 in the afternoon.', dct: '2000-04-05', expect: [{ text: '3 in the afternoon', type: 'TIME', value: '2000-04-05T15:00' }] },
    { text: 'He scored 30 in the evening game.', dct: '2000-04-05', expect: [] },
    // A quarter of something is a fraction.
    { text: 'Funds hold more than a quarter of the market.', dct: '1989-10-30', expect: [] },
  ],
  sets: [
    { text: 'The festival is held each July.', dct: '1998-03-22', expect: [{ text: 'each July', type: 'SET', value: 'XXXX-07' }] },
    { text: 'The shop is closed on Mondays and opens late on Tuesday nights.', dct: '1998-03-22', expect: [{ text: 'Mondays', type: 'SET', value: 'XXXX-WXX-1' }, { text: 'Tuesday nights', type: 'SET', value: 'XXXX-WXX-2TNI' }] },
    { text: 'Monday\'s meeting and Tuesday night were long.', dct: '1998-03-25', expect: [{ text: 'Monday', type: 'DATE', value: '1998-03-23' }, { text: 'Tuesday night', type: 'TIME', value: '1998-03-24TNI' }] },
  ],
};

describe('TIMEX3 guideline values', () => {
  for (const [family, cases] of Object.entries(RULES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c)).toEqual(c.expect);
      });
    });
  }
});

describe('TimeML style', () => {
  it('leaves named events to TimeML EVENTs, while the report style dates them', () => {
    const c: Case = { text: 'Nothing was resolved since the end of World War II.', expect: [] };
    expect(run(c, 'timeml')).toEqual([]);
    expect(run(c, 'report')).toEqual([{ text: 'the end of World War II', type: 'DATE', value: '1945-09-02' }]);
  });
});
