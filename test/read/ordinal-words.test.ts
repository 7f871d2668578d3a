import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDINAL_SRC, parseOrdinal } from '../../src/read/ordinal-words.js';

describe('parseOrdinal', () => {
  const cases: Array<[string, number | undefined]> = [
    ['first', 1], ['Tenth', 10], ['nineteenth', 19], ['seventieth', 70], ['seventy-first', 71], ['Seventy first', 71],
    ['seventy- second', 72], ['eighty-ninth', 89], ['hundredth', 100], ['one hundredth', 100], ['one hundred and first', 101],
    ['hundred-and-fifth', 105], ['71st', 71], ['2nd', 2], ['103rd', 103],
    // Not ordinals.
    ['seventy', undefined], ['seventy-tenth', undefined], ['first-class', undefined], ['seven', undefined], ['', undefined],
    ['__proto__', undefined], ['constructor', undefined], ['seventy-__proto__', undefined], ['toString', undefined],
  ];
  it.each(cases)('%s', (words, value) => expect(parseOrdinal(words)).toBe(value));

  it('reads every ordinal its pattern matches, written out from 1 to 199', () => {
    const pattern = new RegExp(`^${ORDINAL_SRC}$`, 'i');
    const units = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
    const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const tenOrdinals = ['', 'tenth', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
    const teens = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
    const words = (n: number): string => {
      if (n >= 100) return n === 100 ? 'one hundredth' : `one hundred and ${words(n - 100)}`;
      if (n < 10) return units[n]!;
      if (n < 20) return teens[n - 10]!;
      return n % 10 === 0 ? tenOrdinals[n / 10]! : `${tens[Math.floor(n / 10)]}-${units[n % 10]}`;
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 199 }), (n) => {
      const w = words(n);
      expect(pattern.test(w)).toBe(true);
      expect(parseOrdinal(w)).toBe(n);
      expect(parseOrdinal(`${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : 'th'}`)).toBe(n);
    }));
  });

  it('never throws, on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const v = parseOrdinal(s);
      expect(v === undefined || (Number.isInteger(v) && v > 0)).toBe(true);
    }));
  });
});
