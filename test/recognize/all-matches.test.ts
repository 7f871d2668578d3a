import { describe, expect, it } from 'vitest';
import { allMatches, firstMatchAt, matchesAt, stickyCopy } from '../../src/recognize/all-matches.js';

const summary = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);

describe('allMatches', () => {
  it.each([
    ['plain words', /we/g, 'we said we would'],
    ['a look-behind at the start', /(?<![\p{L}])[Ww]e(?![\p{L}])/gu, 'We, as we were, went'],
    ['empty matches step over one character', /x*/g, 'axxb'],
    ['empty matches step over a surrogate pair in unicode mode', /(?:)/gu, 'a\u{1F30D}b'],
    ['no match', /zz/g, 'abc'],
  ])('%s: as matchAll', (_name, re, s) => {
    expect(summary(allMatches(re, s))).toEqual(summary(s.matchAll(re)));
    expect(re.lastIndex).toBe(0);
  });

  it('starts from the beginning whatever lastIndex was left at', () => {
    const re = /a/g;
    re.lastIndex = 2;
    expect(summary(allMatches(re, 'aaa'))).toEqual(['0:a', '1:a', '2:a']);
  });

  it('refuses a non-global expression, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });

  it.each([
    ['a word after a non-letter', /(?<![\p{L}])we(?![\p{L}])/gu, 'we answer, we were we', ['we']],
    ['overlapping tries', /aa/g, 'aaaa', ['aa']],
    ['an empty match', /x*/gu, 'axxb', ['x', '']],
  ])('matchesAt finds what allMatches finds when tried at every start of %s', (_name, re, s, words) => {
    const starts = Array.from({ length: s.length + 1 }, (_, i) => i).filter((i) => words.some((w) => s.startsWith(w, i)));
    expect(summary(matchesAt(stickyCopy(re), s, starts))).toEqual(summary(allMatches(re, s)));
  });

  it('matchesAt refuses an expression that is not sticky', () => {
    expect(() => matchesAt(/a/g, 'a', [0])).toThrow(TypeError);
  });

  it('firstMatchAt gives the first match at a listed start from a position on', () => {
    const re = stickyCopy(/b+/g);
    expect(firstMatchAt(re, 'abba bb', [0, 1, 5], 0)?.index).toBe(1);
    expect(firstMatchAt(re, 'abba bb', [0, 1, 5], 2)?.index).toBe(5);
    expect(firstMatchAt(re, 'abba bb', [0, 1], 2)).toBeNull();
  });
});
