import { describe, expect, it } from 'vitest';
import { decideMerge, type MergeCandidate } from '../../src/consolidate/merge-rules.js';

const base: MergeCandidate = { id: 'a:e1', doc: 'a', type: 'ASSAULT', negated: false, modality: 'asserted', actors: ['state:RUS'], recipients: ['state:UKR'], dateValue: '2022-02-24' };
const other = (patch: Partial<MergeCandidate>): MergeCandidate => ({ ...base, id: 'b:e1', doc: 'b', ...patch });

describe('decideMerge', () => {
  const merges: Array<[string, Partial<MergeCandidate>, string, number]> = [
    ['same day, same parties', {}, 'consolidate.same-day', 1],
    ['same day, a reported account', { modality: 'reported' }, 'consolidate.same-day', 1],
    ['same day, one more actor', { actors: ['state:RUS', 'state:BLR'] }, 'consolidate.same-day', 0.9],
    ['same day, recipient not named', { recipients: [] }, 'consolidate.same-day', 0.9],
    ['a day within the other month', { dateValue: '2022-02' }, 'consolidate.day-in-month', 0.75],
  ];
  it.each(merges)('merges: %s', (_n, patch, rule, score) => {
    const d = decideMerge(base, other(patch));
    expect(d?.rule).toBe(rule);
    expect(d?.score).toBe(score);
    expect(d?.reason).toMatch(/ASSAULT/);
    // The rules are symmetric.
    expect(decideMerge(other(patch), base)?.rule).toBe(rule);
  });

  it('merges the same month only with the same parties', () => {
    const x = { ...base, dateValue: '2022-02' };
    expect(decideMerge(x, other({ dateValue: '2022-02' }))?.rule).toBe('consolidate.same-month');
    expect(decideMerge(x, other({ dateValue: '2022-02', actors: ['state:RUS', 'state:BLR'] }))).toBeNull();
  });

  const refusals: Array<[string, Partial<MergeCandidate>]> = [
    ['same document', { doc: 'a' }],
    ['another type', { type: 'COERCE' }],
    ['negated on one side', { negated: true }],
    ['planned, not happened', { modality: 'planned' }],
    ['hypothetical', { modality: 'hypothetical' }],
    ['another day', { dateValue: '2022-02-25' }],
    ['another month', { dateValue: '2022-03' }],
    ['year only', { dateValue: '2022' }],
    ['undated', { dateValue: null }],
    ['no actor in common', { actors: ['state:BLR'] }],
    ['no actor at all', { actors: [] }],
    ['other recipients', { recipients: ['state:GEO'] }],
  ];
  it.each(refusals)('refuses: %s', (_n, patch) => expect(decideMerge(base, other(patch))).toBeNull());
});
