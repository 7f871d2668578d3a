import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordFormAt } from '../../src/extract/word-form.js';
import { lemmaCandidates } from '../../src/extract/lemmatise.js';

describe('wordFormAt', () => {
  it.each([
    ['Visits', 'visits', false],
    ['Japan’S', "japan's", false],
    ['’', "'", true],
    [',', ',', true],
  ])('%j: one form wherever it is written, lower-cased, with its lemma candidates', (surface, lower, punct) => {
    const a = wordFormAt(`x ${surface} y`, 2, 2 + surface.length, punct);
    const b = wordFormAt(`${surface}`, 0, surface.length, punct);
    expect(b).toBe(a);
    expect(a.surface).toBe(surface);
    expect(a.lower).toBe(lower);
    expect(a.lemmas).toEqual(punct ? [{ lemma: lower, inflection: 'base' }] : lemmaCandidates(surface));
  });

  it('never confuses a surface with its prefixes, extensions or case variants', () => {
    const forms = ['visit', 'visits', 'visi', 'Visit', 'VISIT', 'visit-'].map((s) => wordFormAt(s, 0, s.length, false));
    expect(new Set(forms).size).toBe(forms.length);
    forms.forEach((f, k) => expect(f.surface).toBe(['visit', 'visits', 'visi', 'Visit', 'VISIT', 'visit-'][k]));
  });

  // Pairs with the same 32-bit hash (of the same length, and not): only their characters tell them apart.
  it.each([
    ['declinate', 'macallums'],
    ['altarage', 'zinke'],
  ])('tells apart %s and %s, whose hashes are equal, in either order and again', (a, b) => {
    const text = `${a} ${b} ${a} ${b}`;
    const fa = wordFormAt(text, 0, a.length, false);
    const fb = wordFormAt(text, a.length + 1, a.length + 1 + b.length, false);
    expect(fa.surface).toBe(a);
    expect(fb.surface).toBe(b);
    expect(wordFormAt(text, a.length + b.length + 2, 2 * a.length + b.length + 2, false)).toBe(fa);
    expect(wordFormAt(b, 0, b.length, false)).toBe(fb);
    expect(wordFormAt(a, 0, a.length, false)).toBe(fa);
  });

  it('finds each of many surfaces again (the table grows without losing any)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3000 }), (surfaces) => {
      const text = surfaces.join('\u0000');
      const first = new Map<string, unknown>();
      let at = 0;
      for (const s of surfaces) {
        const form = wordFormAt(text, at, at + s.length, false);
        expect(form.surface).toBe(s);
        first.set(s, form);
        at += s.length + 1;
      }
      for (const s of surfaces) expect(wordFormAt(s, 0, s.length, false)).toBe(first.get(s));
    }), { numRuns: 5 });
  });
});
