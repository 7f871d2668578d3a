import { describe, expect, it } from 'vitest';
import { parseNumberWords } from '../../../src/recognize/time/number-words.js';

describe('parseNumberWords', () => {
  it.each([
    ['two', 2], ['Two', 2], ['a', 1], ['an', 1], ['couple', 2], ['twenty', 20], ['hundred', 100], ['thousand', 1000],
    ['12', 12], ['007', 7], ['1,000', 1000], ['1.5', 1.5], ['twenty-one', 21], ['twenty four', 24], ['one hundred and five', 105],
    ['two thousand and twelve', 2012], ['a hundred', 100], ['couple of', 2],
    // Vague counts.
    ['several', -1], ['few', -1], ['a few', -1], ['many', -1],
  ])('%s is %d', (words, expected) => {
    expect(parseNumberWords(words)).toBe(expected);
  });

  it.each(['', 'banana', 'two bananas', '1e3', '０'])('%j is not a number', (words) => {
    expect(parseNumberWords(words)).toBeNaN();
  });
});
