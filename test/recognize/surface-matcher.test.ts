import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SurfaceMatcher } from '../../src/recognize/surface-matcher.js';

/** Every occurrence by brute force, ordered as the matcher reports them: by end, longest first. */
function naive(patterns: string[], text: string): string[] {
  const hits: { start: number; end: number; index: number }[] = [];
  patterns.forEach((p, index) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) hits.push({ start: at, end: at + p.length, index });
  });
  const attaches = (i: number) => i > 0 && i < text.length && /^[\p{M}\u200c\u200d\ufe00-\ufe0f]|^[\udc00-\udfff]/u.test(text.slice(i, i + 2));
  return hits
    .filter((h) => !attaches(h.start) && !attaches(h.end))
    .sort((a, b) => a.end - b.end || a.start - b.start || a.index - b.index)
    .map((h) => `${h.start}-${h.end}:${h.index}`);
}

const key = (h: { start: number; end: number; patternIndex: number }) => `${h.start}-${h.end}:${h.patternIndex}`;

describe('SurfaceMatcher', () => {
  it.each([
    ['overlapping and nested names', ['Korea', 'Republic of Korea', 'North Korea', 'Rep'], 'the Republic of Korea and North Korea', ['4-21:1', '4-7:3', '16-21:0', '26-37:2', '32-37:0'].sort()],
    ['inside words too (callers check boundaries)', ['Alander'], 'the Alanders met', ['4-11:0']],
    ['UTF-16 offsets after astral characters', ['Türkiye'], '\u{1F642} Türkiye', ['3-10:0']],
    ['not before a combining mark', ['Jose'], 'Jose\u0301 and Jose', ['10-14:0']],
    ['duplicates in pattern order', ['EU', 'EU'], 'EU', ['0-2:0', '0-2:1']],
    ['nothing for an empty pattern list', [], 'anything', []],
  ])('%s', (_name, patterns, text, expected) => {
    const m = new SurfaceMatcher(patterns.map((p) => ({ pattern: p, data: p })));
    const hits = m.search(text);
    expect(hits.map(key).sort()).toEqual(expected);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.pattern);
  });

  it('finds exactly what a brute-force search finds, in the same order', () => {
    const unit = fc.constantFrom('a', 'b', 'c', ' ', 'é', '\u0301', '\u{1F30D}');
    fc.assert(fc.property(
      fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { maxLength: 8 }),
      fc.string({ unit, maxLength: 60 }),
      (patterns, text) => {
        const m = new SurfaceMatcher(patterns.map((pattern) => ({ pattern })));
        expect(m.search(text).map(key)).toEqual(naive(patterns, text));
      },
    ), { numRuns: 500 });
  });
});

describe('SurfaceMatcher.searchWith', () => {
  it('returns what search returns and visits what the other matcher\'s forEachEnd visits, in the same order', () => {
    const unit = fc.constantFrom('a', 'b', 'c', ' ', 'é', '\u0301', '\u{1F30D}');
    const words = fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { maxLength: 8 });
    fc.assert(fc.property(words, words, fc.string({ unit, maxLength: 60 }), (mine, theirs, text) => {
      const m = new SurfaceMatcher(mine.map((pattern) => ({ pattern })));
      const other = new SurfaceMatcher(theirs.map((pattern) => ({ pattern })));
      const expected: string[] = [];
      other.forEachEnd(text, (index, end) => expected.push(`${index}@${end}`));
      const visited: string[] = [];
      const hits = m.searchWith(text, other, (index, end) => visited.push(`${index}@${end}`));
      expect(hits.map(key)).toEqual(m.search(text).map(key));
      expect(visited).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('finds both dictionaries\' words in one text', () => {
    const names = new SurfaceMatcher([{ pattern: 'Korea' }, { pattern: 'Republic of Korea' }]);
    const words = new SurfaceMatcher([{ pattern: 'of' }, { pattern: 'Rep' }]);
    const visited: string[] = [];
    const hits = names.searchWith('the Republic of Korea', words, (index, end) => visited.push(`${index}@${end}`));
    expect(hits.map(key)).toEqual(['4-21:1', '16-21:0']);
    expect(visited).toEqual(['1@7', '0@15']);
  });
});

describe('SurfaceMatcher.matchesWhole', () => {
  it.each([
    ['a pattern', ['EU', 'European Union'], 'European Union', true],
    ['a prefix of a pattern only', ['European Union'], 'European', false],
    ['a pattern inside it only', ['EU'], 'EUR', false],
    ['the empty string', ['EU'], '', false],
  ])('%s', (_name, patterns, surface, expected) => {
    const m = new SurfaceMatcher(patterns.map((p) => ({ pattern: p })));
    expect(m.matchesWhole(surface)).toBe(expected);
    expect(m.matchesWhole(surface)).toBe(m.search(surface).some((h) => h.start === 0 && h.end === surface.length));
  });
});
