import { describe, expect, it } from 'vitest';
import { parseRelative, relative } from '../../../src/recognize/time/relative-value.js';

describe('parseRelative', () => {
  it.each([
    ['REL:DCT:Y:-1', { base: 'DCT', unit: 'Y', offset: -1, suffix: '' }],
    ['REL:REF:D:0:TMO', { base: 'REF', unit: 'D', offset: 0, suffix: 'TMO' }],
    // The suffix keeps any further colons, and a plus sign.
    ['REL:NWD:11:1:1+1', { base: 'NWD', unit: '11', offset: 1, suffix: '1+1' }],
    ['REL:CMP:Y:-1:-Q3', { base: 'CMP', unit: 'Y', offset: -1, suffix: '-Q3' }],
    ['REL:A:B:2:c:d', { base: 'A', unit: 'B', offset: 2, suffix: 'c:d' }],
    ['REL:WOF:2000-03-06:0', { base: 'WOF', unit: '2000-03-06', offset: 0, suffix: '' }],
    // An empty last field is no suffix; an empty offset reads as 0, as Number('') does.
    ['REL:DCT:Y:-1:', { base: 'DCT', unit: 'Y', offset: -1, suffix: '' }],
    ['REL:DCT:Y:', { base: 'DCT', unit: 'Y', offset: 0, suffix: '' }],
  ])('%s', (value, expected) => {
    expect(parseRelative(value)).toEqual(expected);
  });

  it('reads missing fields as undefined and NaN', () => {
    expect(parseRelative('REL:DCT')).toMatchObject({ base: 'DCT', unit: undefined, suffix: '' });
    expect(parseRelative('REL:DCT')!.offset).toBeNaN();
    expect(parseRelative('REL:DCT:Y')).toMatchObject({ base: 'DCT', unit: 'Y', suffix: '' });
    expect(parseRelative('REL:DCT:Y')!.offset).toBeNaN();
  });

  it.each(['2021', 'XXXX-03', 'PAST_REF', 'rel:DCT:Y:-1', ''])('is null for %s, not a relative value', (value) => {
    expect(parseRelative(value)).toBeNull();
  });

  it('reads back what relative writes', () => {
    for (const [base, unit, offset, suffix] of [['DCT', 'Y', -3, ''], ['REF', 'D', 0, 'TEV'], ['WD', 5, 1, '']] as const) {
      expect(parseRelative(relative(base, unit, offset, suffix))).toEqual({ base, unit: String(unit), offset, suffix });
    }
  });
});
