// Words that look like time expressions and are not: titles of programmes, ordinals. Each row lists every timex
// the sentence should yield, so a spurious one fails it; the positive rows show the rule does not overreach.
import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../../src/recognize/time/timeml-style.js';
import { refineTitles } from '../../../src/recognize/time/refine-titles.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  dct: string;
  expect: { text: string; value: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { dct: c.dct });
  return resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes.map((t) => ({ text: t.text, value: t.value }));
}

const RULES: Record<string, Case[]> = {
  'a capitalised unit inside a phrase is a title': [
    { text: 'The minister said on ABC\'s "This Week" that talks would go on.', dct: '1991-02-25', expect: [] },
    { text: "He told CBS's ``60 Minutes'' that he would stay.", dct: '2000-04-17', expect: [] },
    { text: 'He read "Ten Days That Shook the World" last year.', dct: '2000-04-17', expect: [{ text: 'last year', value: '1999' }] },
    // Positive: a sentence may begin with one, and holidays are names meant as dates.
    { text: 'Sales rose 5%.\nYear-earlier sales had fallen.', dct: '2000-04-17', expect: [{ text: 'Year-earlier', value: '1999' }] },
    { text: 'This week the talks resumed.', dct: '2000-04-17', expect: [{ text: 'This week', value: '2000-W16' }] },
    { text: 'He was found on Thanksgiving Day.', dct: '2000-01-06', expect: [{ text: 'Thanksgiving Day', value: '1999-11-25' }] },
  ],
  '"before" or "after" with a verb in -ing opens a phrase of its own': [
    { text: 'She will spend five hours in Nairobi, later in the day before returning home.', dct: '1998-08-17', expect: [{ text: 'five hours', value: 'PT5H' }] },
    { text: 'They met on Oct. 12.\nHe rested the day after signing it.', dct: '1989-10-30', expect: [{ text: 'Oct. 12', value: '1989-10-12' }] },
    // After a date and a comma, "the day" restates it, as before a noun.
    { text: 'He was last seen Nov. 3, the day before leaving the country.', dct: '1998-11-20', expect: [{ text: 'Nov. 3', value: '1998-11-03' }, { text: 'the day', value: '1998-11-03' }] },
    // Positive: alone, or before a comma, it is the day before or after the last date.
    { text: 'They met on Oct. 12.\nHe had left the day before.', dct: '1989-10-30', expect: [{ text: 'Oct. 12', value: '1989-10-12' }, { text: 'the day before', value: '1989-10-11' }] },
    { text: 'They met on Oct. 12.\nThe day after, nothing was signed.', dct: '1989-10-30', expect: [{ text: 'Oct. 12', value: '1989-10-12' }, { text: 'The day after', value: '1989-10-13' }] },
  ],
  '"the past" before a span is its adjective': [
    { text: 'It was one of the significant events of the past century.', dct: '1989-10-30', expect: [] },
    { text: 'Violence has flared for the past three summers.', dct: '1998-03-22', expect: [] },
    { text: 'The index rose over the past several weekends.', dct: '1998-03-22', expect: [] },
    // Positive: "the past" standing alone is the past in general; a counted span is a duration.
    { text: 'In the past, the group sold its shares.', dct: '1989-10-30', expect: [{ text: 'the past', value: 'PAST_REF' }] },
    { text: 'Leave the past behind.', dct: '1989-10-30', expect: [{ text: 'the past', value: 'PAST_REF' }] },
    { text: 'Sales grew over the past two years.', dct: '1989-10-30', expect: [{ text: 'the past two years', value: 'P2Y' }] },
  ],
  '"March" and "May" after "the" are a month only before a noun': [
    { text: 'The March accession will let them sign the treaty.', dct: '1999-02-10', expect: [{ text: 'March', value: '1999-03' }] },
    { text: 'The May elections were calm.', dct: '1999-06-10', expect: [{ text: 'May', value: '1999-05' }] },
    { text: 'The March on Washington drew crowds.', dct: '1999-02-10', expect: [] },
    { text: 'The May was warm, he wrote.', dct: '1999-02-10', expect: [] },
    { text: 'They joined the march of the veterans.', dct: '1999-02-10', expect: [] },
  ],
  'a rate of an amount is no recurring time': [
    { text: 'It expects revenue to increase by 20% annually.', dct: '1989-10-30', expect: [] },
    { text: 'The plant would produce about 10,000 units annually.', dct: '1989-10-30', expect: [] },
    { text: 'Dividends of C$17.9 million annually will end.', dct: '1989-10-30', expect: [] },
    // Positive: times that recur.
    { text: 'Rallies are held here annually.', dct: '1989-10-30', expect: [{ text: 'annually', value: 'P1Y' }] },
    { text: 'Protesters gather daily outside the house.', dct: '1989-10-30', expect: [{ text: 'daily', value: 'P1D' }] },
  ],
  '"a second" before a noun is an ordinal': [
    { text: 'A second group of directors joined the fight.', dct: '1989-10-27', expect: [] },
    { text: 'It would be a second betrayal, she said.', dct: '2000-04-17', expect: [] },
    // Positive: a second of time.
    { text: 'The lights went out for a second or two.', dct: '2000-04-17', expect: [{ text: 'a second', value: 'PT1S' }] },
    { text: 'It lasted a second.', dct: '2000-04-17', expect: [{ text: 'a second', value: 'PT1S' }] },
  ],
};

describe('TimeML negatives', () => {
  for (const [family, cases] of Object.entries(RULES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c)).toEqual(c.expect);
      });
    });
  }
  it('refineTitles keeps a candidate of a name-as-date rule whatever its capitals', () => {
    const text = 'on Election Day we vote';
    const kept = refineTitles(text, [{ start: 3, end: 15, type: 'DATE', value: 'X', rule: 'time.holiday' }]);
    expect(kept).toHaveLength(1);
    expect(refineTitles(text, [{ start: 3, end: 15, type: 'DATE', value: 'X', rule: 'time.relative-unit' }])).toHaveLength(0);
  });
});
