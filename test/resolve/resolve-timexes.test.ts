import { describe, expect, it } from 'vitest';
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
  it('"the same day" follows the last date of day granularity, not a later month', () => {
    const { timexes } = resolve('On June 3, 2021 the ship sank.\nIn July 2021 the inquiry opened.\nThe same day, divers were sent.', {});
    expect(timexes.map((t) => t.value)).toEqual(['2021-06-03', '2021-07', '2021-06-03']);
    expect(timexes[2]?.anchor).toBe('narrative:0');
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
