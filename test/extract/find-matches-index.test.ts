import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePattern, findMatches, findMatchesWhere, matchAt } from '../../src/extract/trigger-pattern.js';
import { tokenise } from '../../src/extract/tokenise.js';

/** findMatches without its first-word index: every entry tried at every token. */
function scanAll(tokens: ReturnType<typeof tokenise>, entries: { pattern: ReturnType<typeof compilePattern> }[]) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const entry of entries) {
      const m = matchAt(tokens, i, entry.pattern);
      if (m && m.first === i) out.push({ entry, match: m });
    }
  }
  return out;
}

describe('findMatches (indexed by first word)', () => {
  it('finds what trying every entry at every token finds, in the same order', () => {
    const word = fc.constantFrom('lodge', 'lodged', 'protest', 'protests', 'summit', 'talks', 'held', 'the', 'a', ',', 'visit', 'visited', 'call', 'on');
    const slot = fc.oneof(word, fc.constantFrom('*', '**'), word.map((w) => `${w}?`), fc.tuple(word, word).map(([a, b]) => `${a}|${b}`));
    fc.assert(fc.property(
      fc.array(fc.array(slot, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 6 }),
      fc.array(word, { maxLength: 25 }),
      (patterns, words) => {
        const entries = patterns.map((p) => ({ pattern: compilePattern(p) }));
        const text = words.join(' ');
        const tokens = tokenise(text, 0, text.length);
        expect(findMatches(tokens, entries)).toEqual(scanAll(tokens, entries));
      },
    ), { numRuns: 400 });
  });

  it('with `keep`, finds what the filtered list finds, over any range of tokens', () => {
    const word = fc.constantFrom('lodge', 'lodged', 'protest', 'protests', 'summit', 'talks', 'held', 'the', ',', 'visit', 'visited', 'call');
    const slot = fc.oneof(word, fc.constant('*'), word.map((w) => `${w}?`), fc.tuple(word, word).map(([a, b]) => `${a}|${b}`));
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.array(slot, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), fc.boolean()), { minLength: 1, maxLength: 6 }),
      fc.array(word, { maxLength: 20 }),
      fc.nat(20),
      fc.nat(20),
      (rows, words, a, b) => {
        const entries = rows.map(([p, kept]) => ({ pattern: compilePattern(p), kept }));
        const text = words.join(' ');
        const tokens = tokenise(text, 0, text.length);
        const from = Math.min(a, b, tokens.length);
        const to = Math.min(Math.max(a, b), tokens.length);
        const keep = (e: { kept: boolean }) => e.kept;
        expect(findMatchesWhere(tokens, entries, from, to, keep)).toEqual(findMatches(tokens, entries.filter(keep), from, to));
      },
    ), { numRuns: 300 });
  });
});
