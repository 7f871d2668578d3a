import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralLists } from '../../src/recognize/literal-index.js';

describe('LiteralLists', () => {
  const lists = new LiteralLists({ titles: ['President', 'Minister'], heads: ['Council', 'Minister'], none: [] as string[] });
  const text = 'The President met the Security Council. The Minister left.';

  it.each([
    ['a word inside the span', 'titles', 0, 14, true],
    ['a word cut by the end of the span', 'titles', 0, 10, false],
    ['a word cut by the start of the span', 'titles', 5, 20, false],
    ['a word shared by two lists, first list', 'titles', 40, 58, true],
    ['a word shared by two lists, second list', 'heads', 40, 58, true],
    ['a list with no word in the span', 'heads', 0, 20, false],
    ['an empty list', 'none', 0, text.length, false],
  ] as const)('%s', (_name, list, start, end, expected) => {
    expect(lists.index(text).has(list, start, end)).toBe(expected);
  });

  it('rejects a list it was not built with', () => {
    expect(() => lists.index(text).has('other' as 'titles', 0, 1)).toThrow();
  });

  it('answers as includes on the slice would', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'é', '\u0301', '\u{1F30D}');
    fc.assert(fc.property(
      fc.array(fc.string({ unit, minLength: 1, maxLength: 3 }), { maxLength: 5 }),
      fc.string({ unit, maxLength: 40 }),
      fc.nat(), fc.nat(),
      (words, s, a, b) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const index = new LiteralLists({ words }).index(s);
        expect(index.has('words', start, end)).toBe(words.some((w) => s.slice(start, end).includes(w)));
      },
    ), { numRuns: 500 });
  });

  it('lists where words start within a span, ascending and once, relative to the span', () => {
    const words = new LiteralLists({ w: ['we', 'were', 'ere'] });
    const s = 'we were here';
    expect(words.index(s).startsIn('w', 0, s.length)).toEqual([0, 3, 4, 9]);
    expect(words.index(s).span(3, 12).starts('w')).toEqual([0, 1, 6]);
    expect(words.index(s).span(3, 12).has('w', 7)).toBe(false);
    expect(words.index(s).span(3, 12).has('w', 6)).toBe(true);
  });
});

describe('LiteralLists ids and collect', () => {
  const lists = new LiteralLists({ titles: ['President', 'Minister'], heads: ['Council'] });
  const text = 'The President met the Security Council.';

  it.each([
    ['titles', 0, 14, true],
    ['heads', 0, 14, false],
    ['heads', 18, text.length, true],
  ] as const)('answers for the id of %s as for its name (%i-%i)', (list, start, end, expected) => {
    const index = lists.index(text);
    expect(index.has(lists.ids[list], start, end)).toBe(expected);
    expect(index.has(list, start, end)).toBe(expected);
    expect(index.span(start, end).has(lists.ids[list])).toBe(expected);
    expect(index.span(start, end).starts(lists.ids[list])).toEqual(index.span(start, end).starts(list));
  });

  it('builds from occurrences found by the caller as index finds them itself', () => {
    const found = lists.collect((visit) => lists.matcher.forEachEnd(text, visit));
    expect(found.startsIn('titles', 0, text.length)).toEqual(lists.index(text).startsIn('titles', 0, text.length));
    expect(found.startsIn('heads', 0, text.length)).toEqual([31]);
    // Nothing reported, nothing found.
    expect(lists.collect(() => {}).has('titles', 0, text.length)).toBe(false);
  });
});

describe('LiteralIndex.span', () => {
  it('answers has and starts for a span as the whole-text queries do', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'é', '\u{1F30D}');
    fc.assert(fc.property(
      fc.array(fc.string({ unit, minLength: 1, maxLength: 3 }), { maxLength: 4 }),
      fc.array(fc.string({ unit, minLength: 1, maxLength: 3 }), { maxLength: 4 }),
      fc.string({ unit, maxLength: 40 }),
      fc.nat(), fc.nat(), fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 }),
      (one, two, s, a, b, from, to) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const index = new LiteralLists({ one, two }).index(s);
        const span = index.span(start, end);
        for (const list of ['one', 'two'] as const) {
          expect(span.has(list)).toBe(index.has(list, start, end));
          expect(span.has(list, from, to)).toBe(index.has(list, start + from, start + Math.min(to, end - start)));
          expect([...span.starts(list)]).toEqual(index.startsIn(list, start, end, start));
        }
      },
    ), { numRuns: 1000 });
  });
});
