import { describe, expect, it } from 'vitest';
import { durationValue } from '../../../src/recognize/time/lexicon.js';

// TimeML writes durations in ISO 8601 units: decades and centuries as years (TimeBank: "this century" P100Y).
const CASES: [n: number | 'X', unit: string, value: string][] = [
  [1, 'century', 'P100Y'],
  [2, 'century', 'P200Y'],
  [1.5, 'century', 'P150Y'],
  [1, 'decade', 'P10Y'],
  [3, 'year', 'P3Y'],
  [2, 'fortnight', 'P4W'],
  [5, 'hour', 'PT5H'],
  // Negatives: an unknown count stays the unit it names, and no century unit is ever written.
  ['X', 'century', 'PXCE'],
  ['X', 'decade', 'PXDE'],
];

describe('durationValue', () => {
  it.each(CASES)('%s %s -> %s', (n, unit, value) => {
    expect(durationValue(n, unit)).toBe(value);
  });
  it('writes no CE unit for a counted century', () => {
    expect(durationValue(7, 'century')).not.toMatch(/CE$/);
  });
});
