import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

const WORDS = ['in', 'May', 'March', 'the', 'fall', 'of', '2021', 'every', 'year', 'later', 'that', 'month', 'Friday', '3', 'p.m.', 'seventy-seven', 'years', 'ago', 'from', 'January', 'to', 'December', '2022', 'Q3', '-', ',', '.', '\n', 'quarter', 'third', 'yesterday', 'same', 'day', '1990s', 'fiscal', '12:30'];
const textLike = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((w) => w.join(' '));

describe('time layer properties', () => {
  it('spans are valid, ordered, non-overlapping, and nothing throws, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), textLike), fc.boolean(), (text, dated) => {
        const { doc, seg } = makeTimedDoc(text, dated ? { dct: '2000-01-05' } : { period: '2022' });
        const { timexes } = resolveTimexes(doc, seg, recognizeTimexes(doc, seg));
        let last = 0;
        for (const t of timexes) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.value.startsWith('REL:')).toBe(false);
          last = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
