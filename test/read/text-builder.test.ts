import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextBuilder } from '../../src/read/text-builder.js';

/** What clean() means: every run of whitespace one space, and none at the ends. */
const reference = (text: string) => text.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();

describe('TextBuilder.clean', () => {
  it.each([
    ['clean already', 'The Council met.', 'The Council met.'],
    ['a space at the start', ' The Council', 'The Council'],
    ['a space at the end', 'The Council ', 'The Council'],
    ['two spaces inside', 'The  Council', 'The Council'],
    ['a tab', 'The\tCouncil', 'The Council'],
    ['a line break', 'The\nCouncil', 'The Council'],
    ['a no-break space', 'The\u00a0Council', 'The Council'],
    ['a thin space', 'The\u2009Council', 'The Council'],
    ['a line separator', 'The\u2028Council', 'The Council'],
    ['a byte-order mark', '\ufeffThe Council', 'The Council'],
    ['a zero-width space is no whitespace', 'The\u200bCouncil', 'The\u200bCouncil'],
    ['the empty string', '', ''],
  ])('%s', (_name, text, expected) => {
    expect(TextBuilder.clean(text)).toBe(expected);
  });

  it('is the reference on any text of spaces, whitespace and letters', () => {
    const unit = fc.constantFrom(' ', ' ', 'a', 'b', '.', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
      expect(TextBuilder.clean(text)).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});
