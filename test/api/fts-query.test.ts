import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hitSegments, toFtsQuery } from '../../src/api/fts-query.js';

describe('toFtsQuery', () => {
  it.each([
    ['sanctions', '"sanctions"'],
    ['Russia sanctions', '"Russia" "sanctions"'],
    ['"special military operation"', '"special military operation"'],
    ['sanction*', '"sanction"*'],
    ['Russia OR Belarus', '"Russia" OR "Belarus"'],
    ['U.S.', '"U S"'],
    ['anti-war', '"anti war"'],
    ['NEAR(a b)', '"NEAR a" "b"'],
    ['col:value', '"col value"'],
    ['OR Russia OR', '"Russia"'],
  ])('%s -> %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '(((', '"', '*', '- + ^', 'OR', 'OR OR'])('finds nothing to search in %j', (input) => {
    expect(toFtsQuery(input)).toBeUndefined();
  });

  it('only ever produces quoted terms, OR and prefix stars', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const q = toFtsQuery(s);
      if (q === undefined) return;
      expect(q).toMatch(/^("[\p{L}\p{N} ]+"\*?)( (OR|"[\p{L}\p{N} ]+"\*?))*$/u);
    }));
  });
});

describe('hitSegments', () => {
  it('splits marked text into hits and the rest', () => {
    expect(hitSegments('a \u0002b\u0003 c')).toEqual([{ text: 'a ', hit: false }, { text: 'b', hit: true }, { text: ' c', hit: false }]);
    expect(hitSegments('')).toEqual([]);
  });
});
