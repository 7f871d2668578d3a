import { describe, expect, it } from 'vitest';
import { granularity, rangeOf, valueOfRange } from '../../../src/resolve/time/calendar.js';

describe('granularity', () => {
  it.each([
    ['2000-01-01T10:30', 'T'], ['2000-01-01TMO', 'T'], ['2000-01-01', 'D'], ['2000-W01', 'W'], ['2000-W52-WE', 'W'],
    ['2000-01', 'M'], ['2000-SP', 'SE'], ['2000-SU', 'SE'], ['2000-FA', 'SE'], ['2000-WI', 'SE'], ['2000-Q1', 'Q'], ['2000-Q4', 'Q'],
    ['2000-H1', 'H'], ['2000-H2', 'H'], ['2000', 'Y'], ['199', 'DE'], ['19', 'CE'],
  ])('%s is %s', (value, expected) => {
    expect(granularity(value)).toBe(expected);
  });

  it.each([
    '', '2', '20000', '200X', 'XXXX-01', '2000-', '2000-1', '2000-001', '2000-Q5', '2000-Q0', '2000-H3', '2000-WX', '2000-W1', '2000-SPX',
    '2000-01-01X', '2000-01-0', '2000-01/2000-03', '2000-01\n', 'P1Y', 'PRESENT_REF', 'REL:DCT:Y:-1', '２０００',
  ])('%j is none', (value) => {
    expect(granularity(value)).toBeNull();
  });
});

describe('rangeOf', () => {
  it.each([
    ['2000-02', { start: '2000-02-01', end: '2000-02-29' }],
    ['2000-WI', { start: '2000-12-01', end: '2001-02-28' }],
    ['2000-Q3', { start: '2000-07-01', end: '2000-09-30' }],
    ['2000-H1', { start: '2000-01-01', end: '2000-06-30' }],
    ['2004-W01', { start: '2003-12-29', end: '2004-01-04' }],
    ['199', { start: '1990-01-01', end: '1999-12-31' }],
    ['2000-01-05T10', { start: '2000-01-05', end: '2000-01-05' }],
  ])('%s covers %j', (value, expected) => {
    expect(rangeOf(value)).toEqual(expected);
  });

  it.each(['2000-13', 'XXXX', 'PAST_REF'])('%s covers nothing', (value) => {
    expect(rangeOf(value)).toBeNull();
  });
});

describe('valueOfRange', () => {
  it.each([
    [{ start: '1935-05-07', end: '1935-05-07' }, '1935-05-07'],
    [{ start: '2003-12-29', end: '2004-01-04' }, '2004-W01'],
    [{ start: '2000-02-01', end: '2000-02-29' }, '2000-02'],
    [{ start: '2000-07-01', end: '2000-09-30' }, '2000-Q3'],
    [{ start: '1975-01-01', end: '1975-12-31' }, '1975'],
  ])('%j is %s', (range, expected) => {
    expect(valueOfRange(range)).toBe(expected);
  });

  // Negatives: a span that is no one calendar unit, or no dates at all.
  it.each([
    { start: '2000-02-01', end: '2000-02-28' }, { start: '2000-01-01', end: '2000-06-30' }, { start: '2000-01-03', end: '2000-01-08' },
    { start: '1990-01-01', end: '1999-12-31' }, { start: 'XXXX', end: 'XXXX' }, { start: '2000-01-01', end: 'P1Y' },
  ])('%j is none', (range) => {
    expect(valueOfRange(range)).toBeNull();
  });
});
