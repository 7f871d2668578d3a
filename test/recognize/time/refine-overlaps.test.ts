import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { refineOverlaps } from '../../../src/recognize/time/refine-overlaps.js';
import type { TimexCandidate } from '../../../src/recognize/time/time-parser.js';

const span = (start: number, end: number, rule = 'r'): TimexCandidate => ({ start, end, type: 'DATE', value: 'X', rule });

// The plain definition: longest first (earliest on ties), each kept unless it overlaps one kept before.
function reference(candidates: TimexCandidate[]): TimexCandidate[] {
  const byPreference = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TimexCandidate[] = [];
  for (const c of byPreference) if (c.end > c.start && !kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

describe('refineOverlaps', () => {
  const cases: { name: string; input: TimexCandidate[]; kept: [number, number][] }[] = [
    { name: 'the longer of two overlapping spans', input: [span(0, 5), span(3, 12)], kept: [[3, 12]] },
    { name: 'the earlier of two equally long ones', input: [span(4, 8), span(2, 6)], kept: [[2, 6]] },
    { name: 'touching spans both stay', input: [span(0, 4), span(4, 8)], kept: [[0, 4], [4, 8]] },
    { name: 'a span inside a longer one goes', input: [span(10, 20), span(12, 15), span(30, 31)], kept: [[10, 20], [30, 31]] },
    { name: 'empty spans are dropped', input: [span(5, 5), span(1, 2)], kept: [[1, 2]] },
    { name: 'a chain keeps alternate links', input: [span(0, 6), span(5, 11), span(10, 16)], kept: [[0, 6], [10, 16]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(refineOverlaps(c.input).map((k) => [k.start, k.end])).toEqual(c.kept);
    });
  }

  it('keeps the first of identical spans (input order decides ties)', () => {
    const out = refineOverlaps([span(0, 4, 'a'), span(0, 4, 'b')]);
    expect(out.map((k) => k.rule)).toEqual(['a']);
  });

  it('agrees with the plain quadratic definition on any input', () => {
    const arb = fc.array(
      fc.tuple(fc.nat(200), fc.nat(25), fc.constantFrom('a', 'b', 'c')).map(([s, len, rule]) => span(s, s + len, rule)),
      { maxLength: 60 },
    );
    fc.assert(fc.property(arb, (cands) => {
      expect(refineOverlaps(cands)).toEqual(reference(cands));
    }), { numRuns: 500 });
  });

  it('agrees with the plain definition inside large clusters of overlapping candidates', () => {
    const arb = fc.array(
      fc.tuple(fc.nat(120), fc.integer({ min: 1, max: 30 }), fc.constantFrom('a', 'b')).map(([s, len, rule]) => span(s, s + len, rule)),
      { minLength: 40, maxLength: 200 },
    );
    fc.assert(fc.property(arb, (cands) => {
      expect(refineOverlaps(cands)).toEqual(reference(cands));
    }), { numRuns: 200 });
  });

  it('handles one long chain of overlapping candidates without a quadratic scan', () => {
    // Every span overlaps the next: one cluster of 100k.
    const chain = Array.from({ length: 100_000 }, (_, i) => span(i * 10, i * 10 + 15));
    expect(refineOverlaps(chain)).toHaveLength(50_000);
  });

  it('handles many candidates without a quadratic scan', () => {
    // 200k disjoint spans: with a scan of every kept span per candidate this would take minutes.
    const many = Array.from({ length: 200_000 }, (_, i) => span(i * 10, i * 10 + 5));
    expect(refineOverlaps(many)).toHaveLength(200_000);
  });
});
