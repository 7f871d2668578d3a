import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localTense } from '../../src/resolve/time/local-tense.js';
import { sentenceTense } from '../../src/resolve/time/sentence-tense.js';
import { easterSunday, isoDay, nthWeekday, weekday } from '../../src/resolve/time/calendar.js';
import { recognizeTimexes } from '../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../src/resolve/resolve-timexes.js';
import { makeTimedDoc, type TimedDocOptions } from '../helpers/make-timed-doc.js';

function resolve(text: string, opts: TimedDocOptions) {
  const { doc, seg } = makeTimedDoc(text, opts);
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg));
}

describe('anchoring on the report period', () => {
  it.each([
    ['In September, the army retreated.', '2022', '2022-09', ['year']],
    ['The visit in March was cancelled.', '2021', '2021-03', ['year']],
    ['This year the talks resumed.', '2022', '2022', ['value']],
  ])('%s (period %s) -> %s', (text, period, value, inferred) => {
    const [t] = resolve(text, { period }).timexes;
    expect(t?.value).toBe(value);
    expect(t?.anchor).toBe('period');
    expect(t?.inferred).toEqual(inferred);
    expect(t?.range?.start.slice(0, 4)).toBe(value.slice(0, 4));
  });

  it('a year stated in the same sentence wins over the period', () => {
    const [, second] = resolve('From May 2021 to June the flights stopped.', { period: '2022' }).timexes.length === 1
      ? [undefined, resolve('From May 2021 to June the flights stopped.', { period: '2022' }).timexes[0]]
      : resolve('From May 2021 to June the flights stopped.', { period: '2022' }).timexes;
    expect(second?.value.includes('2021')).toBe(true);
  });
});

describe('anchoring on the creation time with tense', () => {
  it.each([
    ['Talks were held in March.', '2022-09-20', '2022-03'],
    ['Talks were held in November.', '2022-09-20', '2021-11'],
    ['Talks will be held in March.', '2022-09-20', '2023-03'],
    ['Talks will be held in November.', '2022-09-20', '2022-11'],
  ])('%s (dct %s) -> %s', (text, dct, value) => {
    const [t] = resolve(text, { dct }).timexes;
    expect(t?.value).toBe(value);
    expect(t?.anchor).toBe('dct');
  });
});

describe('narrative anchoring', () => {
  // "The same day" is a day of the last time spoken of: inside a month named just before, a day not given (XX),
  // not an earlier day from another part of the story; a month further back leaves the last day named.
  it.each([
    ['On June 3, 2021 the ship sank.\nIn July 2021 the inquiry opened.\nThe same day, divers were sent.', {}, ['2021-06-03', '2021-07', '2021-07-XX'], 'narrative:1'],
    ['The doctor was shot last October.\nHis name was crossed out that same day.', { dct: '1999-02-06' }, ['1998-10', '1998-10-XX'], 'narrative:0'],
    ['On June 3, 2021 the ship sank.\nIn July 2021 the inquiry opened.\nDivers searched the wreck.\nThe same day, a storm came.', {}, ['2021-06-03', '2021-07', '2021-06-03'], 'narrative:0'],
    ['On June 3, 2021 the ship sank.\nThe same day, divers were sent.', {}, ['2021-06-03', '2021-06-03'], 'narrative:0'],
  ] as const)('%s', (text, opts, values, anchor) => {
    const { timexes } = resolve(text, opts);
    expect(timexes.map((t) => t.value)).toEqual(values);
    expect(timexes[timexes.length - 1]?.anchor).toBe(anchor);
  });

  it('"the next day" moves one day on from the narrative date', () => {
    const { timexes } = resolve('On February 28, 2022 talks began.\nThe next day, they stopped.', {});
    expect(timexes[1]?.value).toBe('2022-03-01');
  });
});

describe('never today', () => {
  it('keeps X and reports a message when nothing anchors', () => {
    const { timexes, messages } = resolve('The talks were held yesterday.', {});
    expect(timexes[0]?.value).toBe('XXXX-XX-XX');
    expect(messages[0]?.rule).toBe('time.unanchored');
    expect(messages[0]?.start).toBe(timexes[0]?.start);
  });

  it('a bare month with no year anywhere stays XXXX', () => {
    const { timexes, messages } = resolve('In September the army retreated.', {});
    expect(timexes[0]?.value).toBe('XXXX-09');
    expect(messages).toHaveLength(1);
  });
});

describe('the tense of the clause around a date', () => {
  const tenseAt = (sentence: string, target: string) => {
    const start = sentence.indexOf(target);
    return localTense(sentence, 0, sentence.length, start, start + target.length);
  };
  it.each([
    ['A spokesman said Thursday that the troops will stay.', 'Thursday', 'past', 'clause'],
    ['The monarch will meet Bush on Thursday.', 'Thursday', 'future', 'clause'],
    ['The team planned to leave Nairobi on Thursday.', 'Thursday', 'future', 'clause'],
    ['The dividend is payable Dec. 15.', 'Dec. 15', 'future', 'deadline'],
    ['The offer was extended to Nov. 20.', 'Nov. 20', 'present', 'deadline'],
    // No verb in the clause: the sentence says whether the deadline is told as past.
    ['Bush issued an ultimatum demanding that Iraq withdraw within a week, starting at noon Saturday.', 'noon Saturday', 'present', 'deadline'],
    ['Iraq must withdraw within a week, starting at noon Saturday.', 'noon Saturday', 'future', 'deadline'],
    ['Nothing has changed since March.', 'March', 'past', 'clause'],
    ['On Tuesday, the two sides conferred.', 'Tuesday', 'past', 'clause'],
    ['It will redeem 9.5 million preferred shares on Oct. 31.', 'Oct. 31', 'future', 'clause'],
    ['The increased dividend will be paid Dec. 14.', 'Dec. 14', 'future', 'clause'],
    ['The shares were issued July 1.', 'July 1', 'past', 'clause'],
    // An expectation told in the past: the plan lies behind the writer.
    ['It had been due to expire Friday evening.', 'Friday', 'present', 'deadline'],
    ['The attack began as previously planned Saturday night.', 'Saturday', 'past', 'clause'],
    ['The attack will begin as planned Saturday night.', 'Saturday', 'future', 'clause'],
    // A verb that obliges someone, with its object before "to".
    ['He subpoenaed the boy to testify before the committee on Feb. 10.', 'Feb. 10', 'future', 'clause'],
    ['He met the boy to talk about the committee on Feb. 10.', 'Feb. 10', 'past', 'clause'],
    ['It is continuing to try to sell itself, under a June agreement.', 'June', 'present', 'clause'],
    // Violent or accidental events are reported once they happened.
    ['Police have searched for him since shortly after the Oct. 23 slaying.', 'Oct. 23', 'past', 'clause'],
    ['Police have set the Oct. 23 meeting.', 'Oct. 23', 'present', 'clause'],
    // A scheduled event in the plain present, right before its day, is ahead; negated or as a noun it is not.
    ['Arafat and Netanyahu meet separately Monday with Albright.', 'Monday', 'future', 'clause'],
    ['The talks resume Tuesday in Belfast.', 'Tuesday', 'future', 'clause'],
    ['Parliament reconvenes on Jan. 10.', 'Jan. 10', 'future', 'clause'],
    ['They did not meet Monday.', 'Monday', 'past', 'clause'],
    ['On Wednesday, the head of the assembly said the homes were unfit.', 'Wednesday', 'past', 'clause'],
    ['The vote Monday was close.', 'Monday', 'past', 'clause'],
    // "according to", "prior to": prepositions, not an infinitive looking ahead.
    ["Troops voted in, with the vanguard arriving Tuesday, according to diplomatic sources.", 'Tuesday', 'past', 'clause'],
    ["The vanguard arriving Tuesday, according to diplomatic sources.", 'Tuesday', 'present', 'sentence'],
    ['I would like to thank him for coming on Tuesday.', 'Tuesday', 'present', 'sentence'],
    // A plan qualifying a noun: the clause's own verb after the date decides.
    ['A memorial service planned at the University of Rochester for Saturday was canceled.', 'Saturday', 'present', 'deadline'],
    ['A memorial service planned for Saturday will honor him.', 'Saturday', 'future', 'deadline'],
    ['The team is scheduled for Saturday, officials said.', 'Saturday', 'future', 'deadline'],
    ['The troops are going to arrive Tuesday, according to sources.', 'Tuesday', 'future', 'clause'],
  ] as const)('%s [%s] -> %s from %s', (sentence, target, tense, from) => {
    expect(tenseAt(sentence, target)).toEqual({ tense, from });
  });

  it.each([
    ['It said two new flights would leave on Monday nights from March 30, with the third departing each Thursday from August 6.', 'future'],
    ['Shares fell sharply, with the third leaving the market in August.', 'past'],
    ['The minister is in India, with the third flight each Thursday from August 6.', 'present'],
    // A courtesy or the speaker's own conditional is no plan.
    ['I would like to congratulate him on his election on 13 June to the presidency.', 'present'],
    ['We would have acted in June.', 'past'],
  ] as const)('the sentence decides when the clause is silent: %s -> %s', (sentence, tense) => {
    expect(sentenceTense(sentence)).toBe(tense);
  });

  it('falls back on the sentence when the clause has no verb cue', () => {
    expect(tenseAt('Monday, in Paris.', 'Monday').from).toBe('sentence');
  });

  it('never throws and always answers one of the three tenses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.nat(), fc.nat(), (text, a, b) => {
        const s = Math.min(a, b) % (text.length + 1);
        const e = Math.min(text.length, s + (Math.max(a, b) % 10));
        const r = localTense(text, 0, text.length, s, e);
        expect(['past', 'present', 'future']).toContain(r.tense);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar: Easter Sunday', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest it can fall
    [1998, '1998-04-12'],
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'], // the latest it can fall
  ])('%i -> %s', (y, iso) => {
    expect(isoDay(easterSunday(y))).toBe(iso);
  });

  it('is a Sunday between March 22 and April 25', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 2400 }), (y) => {
        const d = easterSunday(y);
        expect(weekday(d)).toBe(7);
        expect(isoDay(d) >= `${y}-03-22` && isoDay(d) <= `${y}-04-25`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar: the nth weekday of a month', () => {
  it.each([
    [1999, 11, 4, 4, '1999-11-25'], // Thanksgiving
    [2022, 5, -1, 1, '2022-05-30'], // Memorial Day
    [2022, 9, 1, 1, '2022-09-05'], // Labor Day
  ])('%i-%i n=%i weekday %i -> %s', (y, m, n, wd, iso) => {
    expect(isoDay(nthWeekday(y, m, n, wd))).toBe(iso);
  });

  it('lands on the asked weekday inside the asked month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(-1, 1, 2, 3, 4), fc.integer({ min: 1, max: 7 }), (y, m, n, wd) => {
        const d = nthWeekday(y, m, n, wd);
        expect(weekday(d)).toBe(wd);
        expect(d.m).toBe(m);
        expect(d.y).toBe(y);
      }),
      { numRuns: 300 },
    );
  });
});

describe('years said in words', () => {
  const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const spoken = (y: number) => {
    const r = y % 100;
    const rest = r < 10 ? `oh ${ONES[r]}` : r < 20 ? TEENS[r - 10]! : `${TENS[Math.floor(r / 10)]}${r % 10 ? `-${ONES[r % 10]}` : ''}`;
    return `nineteen ${rest}`;
  };
  it('"nineteen ..." reads back as the year it says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 1999 }), (y) => {
        const text = `The war ended in ${spoken(y)}.`;
        const { doc, seg } = makeTimedDoc(text, { dct: '2000-01-05' });
        const [t] = resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes;
        expect(t?.value).toBe(String(y));
        expect(t?.text).toBe(spoken(y));
      }),
      { numRuns: 200 },
    );
  });
});
