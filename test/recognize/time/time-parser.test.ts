import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordAfter, wordBefore } from '../../../src/recognize/time/time-parser.js';

// The plain definitions the character-code loops must keep.
function wordBeforeByRegex(text: string, at: number): string {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && /[\w.'-]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}
function wordAfterByRegex(text: string, at: number): string {
  let start = at;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  let end = start;
  while (end < text.length && /[\w'-]/.test(text[end]!)) end++;
  return text.slice(start, end);
}

describe('wordBefore and wordAfter', () => {
  it.each([
    ['in  1990', 4, 'in', '1990'],
    ['Resolution 2231 was', 11, 'Resolution', '2231'],
    ['p. 12', 3, 'p.', '12'],
    ["the year's end", 8, 'year', "'s"],
    ['mid-\t1990s', 5, 'mid-', '1990s'],
    ['über 5', 5, 'ber', '5'],
    ['x\n 7', 3, '', '7'],
  ])('reads %j at %i', (text, at, before, after) => {
    expect(wordBefore(text, at)).toBe(before);
    expect(wordAfter(text, at)).toBe(after);
  });

  it('agree with the regex definitions on any text', () => {
    const chars = fc.constantFrom(...'aZ09_.\'-’ \t\nü$,é'.split(''), '\ud83d');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join('')), fc.nat(), (text, k) => {
        const at = text.length ? k % (text.length + 1) : 0;
        expect(wordBefore(text, at)).toBe(wordBeforeByRegex(text, at));
        expect(wordAfter(text, at)).toBe(wordAfterByRegex(text, at));
      }),
      { numRuns: 2000 },
    );
  });
});
