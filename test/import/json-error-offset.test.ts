import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset, lineAndColumn } from '../../src/import/json-error-offset.js';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": [}', 7],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['"abc', 4],
    ['{"a": tru}', 6],
    ['{"a": 01}', 7],
    ['{"a": "\\x"}', 8],
    ['{"a": 1} x', 9],
    ['', 0],
  ])('%j stops being JSON at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('says nothing about valid JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      expect(jsonErrorOffset(JSON.stringify(v, null, pretty ? 2 : undefined))).toBeUndefined();
    }));
  });

  it('agrees with JSON.parse on damaged JSON, and the prefix before the offset is a sound start', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\\'), (v, at, junk) => {
      const good = JSON.stringify(v);
      const cut = at % (good.length + 1);
      const text = good.slice(0, cut) + junk + good.slice(cut + 1);
      let parses = true;
      try { JSON.parse(text); } catch { parses = false; }
      const offset = jsonErrorOffset(text);
      expect(offset === undefined).toBe(parses);
      if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
    }));
  });

  it('turns offsets into 1-based lines and columns', () => {
    expect(lineAndColumn('ab\ncd', 4)).toBe('line 2, column 2');
    expect(lineAndColumn('ab', 0)).toBe('line 1, column 1');
  });
});
