import { describe, expect, it } from 'vitest';
import { functionWords, isRole, roleAt, type FunctionRole } from '../../src/extract/function-words.js';
import { matchAt } from '../../src/extract/trigger-pattern.js';
import { tokenise, type Token } from '../../src/extract/tokenise.js';

/** The definition isRole keeps per form: the surface is listed, or (for longer words, or irregular forms) one of its readings. */
function listed(token: Token, role: FunctionRole): boolean {
  const set = functionWords().words.get(role);
  if (!set) return false;
  return set.has(token.lower) || token.lemmas.some((c) => (c.inflection === 'irregular' || (c.inflection !== 'base' && token.lower.length > 3)) && set.has(c.lemma));
}

const ROLES = [...new Set([...functionWords().words.keys(), ...functionWords().phrases.keys()])];
const listedWords = [...functionWords().words.values()].flatMap((set) => [...set]);
// Listed words, inflected variants and capitalised forms of them, and words listed nowhere.
const words = [...listedWords, ...listedWords.flatMap((w) => [`${w}s`, `${w}ed`, `${w}ing`, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]), 'its', 'does', 'Japan', 'sanctions', '2023', ',', '’s'];

describe('isRole', () => {
  it('agrees with the role lists for every role on every word, asked in any order', () => {
    const text = words.join(' ');
    const tokens = tokenise(text, 0, text.length);
    expect(tokens.length).toBeGreaterThan(listedWords.length);
    const disagreements: string[] = [];
    const check = (t: Token, role: FunctionRole, how: string) => {
      if (isRole(t, role) !== listed(t, role)) disagreements.push(`${how} ${t.text} ${role}`);
    };
    for (const role of [...ROLES].reverse()) for (const t of tokens) check(t, role, 'first');
    // Asked again (now from what each form remembers) and for a token made up without its form.
    for (const role of ROLES) for (const t of tokens) {
      check(t, role, 'again');
      check({ start: t.start, end: t.end, text: t.text, lower: t.lower, lemmas: t.lemmas, punct: t.punct }, role, 'made up');
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['its', 'subject-pronoun', false],
    ['the', 'determiner', true],
    ['Japan', 'determiner', false],
  ] as const)('%s as %s: %s', (word, role, expected) => {
    const [token] = tokenise(word, 0, word.length);
    expect(isRole(token, role)).toBe(expected);
  });
});

describe('roleAt', () => {
  it('is the last token of the longest phrase of the role starting there, else the word itself', () => {
    const phrases = [...functionWords().phrases.values()].flatMap((list) => list.map((p) => p.source));
    const text = [...phrases, ...listedWords.slice(0, 200), 'nothing here'].join(' , ');
    const tokens = tokenise(text, 0, text.length);
    for (const role of ROLES) {
      const patterns = functionWords().phrases.get(role) ?? [];
      for (let i = 0; i < tokens.length; i++) {
        let expected = -1;
        for (const p of patterns) {
          const m = matchAt(tokens, i, p);
          if (m && m.first === i && m.last > expected) expected = m.last;
        }
        if (expected < 0 && isRole(tokens[i], role)) expected = i;
        expect(roleAt(tokens, i, role)).toBe(expected);
      }
    }
  });
});
