import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wholeWordsFrom } from '../../../src/recognize/entities/whole-words.js';

/** What the expression it replaces finds. */
function byExpression(text: string, word: string, from: number): number[] {
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'gu');
  re.lastIndex = from;
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

describe('wholeWordsFrom', () => {
  it.each([
    ['whole words only', 'EU, the EUR and EU.', 'EU', 0, [0, 16]],
    ['from the given offset', 'EU and EU', 'EU', 1, [7]],
    ['digits are word characters', 'G7 G77 1G7', 'G7', 0, [0]],
    ['an astral letter before is a letter', '\u{1D400}EU EU', 'EU', 0, [5]],
    ['a lone surrogate is no letter', '\ud835EU', 'EU', 0, [1]],
    ['a mark after is not a letter', 'EU\u0301', 'EU', 0, [0]],
    ['overlapping occurrences counted once', 'AA-AA AAA', 'AA', 0, [0, 3]],
    ['nothing for an empty word', 'abc', '', 0, []],
  ])('%s', (_name, text, word, from, expected) => {
    expect(wholeWordsFrom(text, word, from)).toEqual(expected);
    if (word) expect(wholeWordsFrom(text, word, from)).toEqual(byExpression(text, word, from));
  });

  it('finds what the expression finds', () => {
    const unit = fc.constantFrom('A', 'B', 'a', '1', ' ', '(', '-', 'é', '\u0301', '\u{1D400}', '\ud835', '\udc00');
    fc.assert(fc.property(
      fc.string({ unit, maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('A', 'B', '1', '-'), minLength: 1, maxLength: 3 }).filter((w) => /^[AB]/.test(w)),
      fc.nat(40),
      (text, word, from) => {
        const start = Math.min(from, text.length);
        expect(wholeWordsFrom(text, word, start)).toEqual(byExpression(text, word, start));
      },
    ), { numRuns: 2000 });
  });
});
