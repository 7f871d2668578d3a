import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Timex } from '../../../src/model/index.js';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { newTimex } from '../../../src/recognize/time/new-timex.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

// Timexes have one shape from recognition on (every field present, in one order), so that the code reading them
// meets one hidden class: a timex with a modifier, a range or an anchor has the same keys as one without.
const KEYS = ['doc', 'start', 'end', 'text', 'type', 'value', 'mod', 'range', 'anchor', 'inferred', 'rule'];

const keysOf = (t: Timex): string => Object.keys(t).join(',');

const WORDS = ['in', 'early', 'late', 'about', 'May', 'the', 'spring', 'of', '1999', 'each', 'week', 'later', 'that', 'month', 'Tuesday', '9', 'a.m.', 'ten', 'days', 'ago', 'from', 'June', 'to', 'August', '2004', 'second', 'quarter', 'tomorrow', 'same', '1980s', 'before', 'since', ',', '.', '\n'];
const textLike = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' '));

describe('timex shape', () => {
  it('newTimex sets every field in the order of KEYS, absent ones as undefined', () => {
    const bare = newTimex('d', 0, 4, '1999', 'DATE', '1999', undefined, undefined, undefined, [], 'r');
    const full = newTimex('d', 0, 4, '1999', 'DATE', '1999', 'START', { start: '1999-01-01', end: '1999-12-31' }, 'dct', ['year'], 'r');
    expect(keysOf(bare)).toBe(KEYS.join(','));
    expect(keysOf(full)).toBe(KEYS.join(','));
    for (const k of ['mod', 'range', 'anchor'] as const) {
      expect(k in bare).toBe(true);
      expect(bare[k]).toBeUndefined();
    }
  });

  it.each([
    // [text, options]: kinds of timex whose optional fields differ (modifier, joined range, anchored value, set, unanchored).
    ['early 1999 and late May', { dct: '2000-03-01' }],
    ['from June to August 2004', { period: '2004' }],
    ['ten days ago and tomorrow', { dct: '2000-03-01' }],
    ['each week since the 1980s', { period: '2004' }],
    ['later that month, on Tuesday', {}],
  ] as const)('recognised and resolved timexes of "%s" all have the keys of KEYS', (text, opts) => {
    const { doc, seg } = makeTimedDoc(text, opts);
    const found = recognizeTimexes(doc, seg);
    const resolved = resolveTimexes(doc, seg, found).timexes;
    expect(found.length).toBeGreaterThan(0);
    for (const t of [...found, ...resolved]) expect(keysOf(t)).toBe(KEYS.join(','));
  });

  it('holds on any mix of time words, dated or not', () => {
    fc.assert(
      fc.property(textLike, fc.boolean(), (text, dated) => {
        const { doc, seg } = makeTimedDoc(text, dated ? { dct: '2001-07-04' } : { period: '2010' });
        const found = recognizeTimexes(doc, seg);
        for (const t of [...found, ...resolveTimexes(doc, seg, found).timexes]) expect(keysOf(t)).toBe(KEYS.join(','));
      }),
      { numRuns: 200 },
    );
  });

  it('a timex missing an optional field is told apart (the check can fail)', () => {
    const { mod: _mod, ...withoutMod } = newTimex('d', 0, 4, '1999', 'DATE', '1999', undefined, undefined, undefined, [], 'r');
    expect(keysOf(withoutMod as Timex)).not.toBe(KEYS.join(','));
  });
});
