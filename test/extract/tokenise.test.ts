import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TOKEN, tokenise } from '../../src/extract/tokenise.js';

/** The tokens as the defining expression finds them in text.slice(start, end). */
function byExpression(text: string, start: number, end: number) {
  return [...text.slice(start, end).matchAll(TOKEN)].map((m) => {
    const s = start + m.index!;
    return { start: s, end: s + m[0].length, text: m[0], punct: m[0].length <= 2 && !/[\p{L}\p{N}]/u.test(m[0]) };
  });
}

const shape = (text: string, start: number, end: number) => tokenise(text, start, end).map(({ start: s, end: e, text: t, punct }) => ({ start: s, end: e, text: t, punct }));

describe('tokenise', () => {
  it.each([
    ["don't", ['do', "n't"]],
    ["DON'T", ["DON'T"]],
    ["n't", ["n't"]],
    ["Japan's view", ['Japan', "'s", 'view']],
    ['it’s', ['it', '’s']],
    ["o'clock", ["o'clock"]],
    ["the states' rights", ['the', 'states', "'", 'rights']],
    ['people-to-people ties', ['people-to-people', 'ties']],
    ['1990-2000', ['1990', '-2000']],
    ['+3.5% and 1,000,000', ['+3.5%', 'and', '1,000,000']],
    ['x² (½)', ['x', '²', '(', '½', ')']],
    ['a\u00a0b\u2003c', ['a', 'b', 'c']],
    ['𝐀n\'t 😀', ['𝐀', "n't", '😀']],
    ['well-', ['well', '-']],
  ])('%j', (text, expected) => {
    expect(tokenise(text, 0, text.length).map((t) => t.text)).toEqual(expected);
    expect(shape(text, 0, text.length)).toEqual(byExpression(text, 0, text.length));
  });

  it('finds what the defining expression finds, on any text and any range of it', () => {
    const piece = fc.constantFrom("n't", 'n’t', "'s", '’s', "'S", 'a', 'n', 't', 's', 'S', 'N', 'T', 'do', 'é', 'e\u0301', 'Ж', '中', '𝐀', '😀', '\ud800', '\udc00', "'", '’', '-', '+', '.', ',', '%', '0', '7', '²', '٣', ' ', '\n', '\u00a0', '\u2003', '(', '"');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(60), fc.nat(60), (pieces, a, b) => {
      const text = pieces.join('');
      const start = Math.min(a, b, text.length);
      const end = Math.min(Math.max(a, b), text.length);
      expect(shape(text, start, end)).toEqual(byExpression(text, start, end));
    }), { numRuns: 3000 });
  });

  it('lower-cases and folds curly apostrophes, with punctuation marked', () => {
    const [word, apos, comma] = tokenise('Japan’S ’,', 0, 10);
    expect(word).toMatchObject({ lower: "japan's", punct: false });
    expect(apos).toMatchObject({ text: '’', lower: "'", punct: true });
    expect(comma).toMatchObject({ text: ',', punct: true });
  });
});

describe('tokenise results', () => {
  // Tokens are gathered in one list reused by every call: each call's list must be its own.
  it.each([
    ['Kenya expelled two diplomats.', 'No.'],
    ['a', 'Japan and Russia held talks on a long and difficult treaty, again.'],
    ["don't 1,000 ²", ''],
  ])('of %j stay as they were after %j is tokenised', (first, second) => {
    const tokens = tokenise(first, 0, first.length);
    const before = shape(first, 0, first.length);
    tokenise(second, 0, second.length);
    expect(tokens.map(({ start, end, text, punct }) => ({ start, end, text, punct }))).toEqual(before);
    expect(tokens.every((t) => t !== undefined)).toBe(true);
  });

  it.each([['Japan', false], ['’', true], [',', true], ['²', false], ['12.5%', false]])('%j reads its fields from its form (punct %s)', (text, punct) => {
    const [token] = tokenise(text, 0, text.length);
    expect(token!.form).toMatchObject({ surface: text, lower: token!.lower, lemmas: token!.lemmas, punct });
    expect(token!.punct).toBe(punct);
    expect(token!.text).toBe(text);
  });
});
