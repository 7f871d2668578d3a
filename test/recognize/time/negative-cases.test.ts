import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

// Sentences that hold no time expression at all.
const NOTHING = [
  'The parties May agree to extend the deal.',
  'May the talks succeed.',
  'Protesters March through the capital.',
  'The Sakhalin 1 project was halted.',
  'Russia held the exercise Vostok 2022 with China.',
  'The 12-point plan was presented.',
  'The COVID-19 response was discussed.',
  'The G20 and the G7 met.',
  'Resolution 2231 was endorsed by the Council.',
  'See page 2021 of the annex.',
  'About 2000 troops were deployed.',
  'The quarterly report was released.',
  'Two thousand people attended the rally.',
  'Nineteen hundred tons of grain were shipped.',
  'There were twenty-five delegates.',
  'The years of war left deep scars.',
  'A may day call was heard at sea.',
  'The current account deficit widened.',
  'The preferred shares were redeemed.',
];

describe('negative cases: no time expression', () => {
  it.each(NOTHING)('%s', (text) => {
    const { doc, seg } = makeTimedDoc(text, { period: '2022' });
    expect(recognizeTimexes(doc, seg).map((t) => t.text)).toEqual([]);
  });
});
