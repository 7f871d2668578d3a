// Parts of the day with no day named in them: their day is the narrative's (or the text's own), TIME in TIMEX3.
import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../../src/recognize/time/timeml-style.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  dct: string;
  expect: { text: string; type: string; value: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { dct: c.dct });
  return resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes.map((t) => ({ text: t.text, type: t.type, value: t.value }));
}

const CASES: Case[] = [
  { text: 'Prices were dashed Friday.\nDealers placed orders in the morning.', dct: '2004-03-08', expect: [{ text: 'Friday', type: 'DATE', value: '2004-03-05' }, { text: 'the morning', type: 'TIME', value: '2004-03-05TMO' }] },
  { text: 'He was arrested on May 3 and appeared in court the next morning.', dct: '2004-05-10', expect: [{ text: 'May 3', type: 'DATE', value: '2004-05-03' }, { text: 'the next morning', type: 'TIME', value: '2004-05-04TMO' }] },
  { text: 'By mid afternoon, officials were saying it was over.', dct: '2004-03-08', expect: [{ text: 'mid afternoon', type: 'TIME', value: '2004-03-08TAF' }] },
  { text: 'In London at mid-afternoon yesterday, shares were up.', dct: '2004-03-08', expect: [{ text: 'mid-afternoon yesterday', type: 'TIME', value: '2004-03-07TAF' }] },
  // The hour keeps the whole phrase, and a day named with the part stays one expression.
  { text: 'He will leave at 4 in the morning.', dct: '2004-03-08', expect: [{ text: '4 in the morning', type: 'TIME', value: '2004-03-08T04:00' }] },
  { text: 'They met Friday morning.', dct: '2004-03-08', expect: [{ text: 'Friday morning', type: 'TIME', value: '2004-03-05TMO' }] },
  // "That night", "early that morning": the part of the day the narrative is on, the text's own day failing one.
  { text: 'The ship left port on March 3, 2010.\nThat night a storm hit.', dct: '2011-05-02', expect: [{ text: 'March 3, 2010', type: 'DATE', value: '2010-03-03' }, { text: 'That night', type: 'TIME', value: '2010-03-03TNI' }] },
  { text: 'He arrived Monday and left later that evening.', dct: '2004-03-10', expect: [{ text: 'Monday', type: 'DATE', value: '2004-03-08' }, { text: 'later that evening', type: 'TIME', value: '2004-03-08TEV' }] },
  { text: 'Police came that same night.', dct: '2004-03-08', expect: [{ text: 'that same night', type: 'TIME', value: '2004-03-08TNI' }] },
  // "The night before", "the evening after", closing a clause: the narrative's day before or after.
  { text: 'The ship left port on March 3, 2010.\nThe night before, the crew had argued.', dct: '2011-05-02', expect: [{ text: 'March 3, 2010', type: 'DATE', value: '2010-03-03' }, { text: 'The night before', type: 'TIME', value: '2010-03-02TNI' }] },
  { text: 'He spoke on May 3, 2010 and left the evening after.', dct: '2011-05-02', expect: [{ text: 'May 3, 2010', type: 'DATE', value: '2010-05-03' }, { text: 'the evening after', type: 'TIME', value: '2010-05-04TEV' }] },
  // Before an event the day is the event's, not the narrative's: left.
  { text: 'They met the night before the vote.', dct: '2004-03-08', expect: [] },
  // "that" opening a clause whose subject is the part of the day: a verb follows.
  { text: 'He said that night is the worst time to travel.', dct: '2004-03-08', expect: [] },
  { text: 'She knew that mornings were hard.', dct: '2004-03-08', expect: [] },
  // Negatives: a part of the day that is no time of some day.
  { text: 'Good evening from Havana.', dct: '2004-03-08', expect: [] },
  { text: 'He hosts a morning talk show.', dct: '2004-03-08', expect: [] },
  { text: 'The night sky was clear in the mountains.', dct: '2004-03-08', expect: [] },
  { text: 'He scored twice in the evening game.', dct: '2004-03-08', expect: [] },
  { text: 'Trading was thin in the morning session.', dct: '2004-03-08', expect: [] },
];

describe('parts of the day', () => {
  it.each(CASES)('$text', (c) => {
    expect(run(c)).toEqual(c.expect);
  });
});
