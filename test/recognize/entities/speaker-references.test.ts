import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { speakerReferences } from '../../../src/recognize/entities/speaker-references.js';

const refs = (s: string) => speakerReferences(s).map((r) => [s.slice(r.start, r.end), r.rule]);

describe('speakerReferences', () => {
  it.each([
    ['My country has ratified the Convention.', [['My country', 'speaker-country']]],
    ['My delegation supports the draft.', [['My delegation', 'speaker-country']]],
    ['Our Government will host the summit.', [['Our Government', 'speaker-government']]],
    ['We welcome the agreement reached last week.', [['We', 'speaker-pronoun']]],
    ['We strongly condemn the attack.', [['We', 'speaker-pronoun']]],
    ['In that connection, we acknowledge the commitment shown.', [['we', 'speaker-pronoun']]],
    ['We have already put in place a range of sanctions.', [['We', 'speaker-pronoun']]],
    ['Our citizens deserve better, and our economy is growing.', [['Our', 'speaker-pronoun'], ['our', 'speaker-pronoun']]],
  ])('%s', (sentence, expected) => {
    expect(refs(sentence)).toEqual(expected);
  });

  it.each([
    ['We all must act together to save the planet.'],
    ['Do we give up and allow those conflicts to escalate?'],
    ['We, the peoples of the United Nations, are determined.'],
    ['The efforts we have assiduously undertaken are at risk.'],
    ['That is the reality we find before us.'],
    ['He said: "we will never surrender".'],
    ['US troops left and the US welcomed it.'],
    ['Our common future depends on our shared planet.'],
    ['Our Asian partners have the choice.'],
  ])('leaves the inclusive or ambiguous "we" of %j alone', (sentence) => {
    expect(refs(sentence).filter((r) => r[1] === 'speaker-pronoun')).toEqual([]);
  });

  it('spans slice inside the sentence and never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('We ', 'we welcome ', 'our citizens ', 'My country ', 'our Government ', ', ', '?')), { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        const out = speakerReferences(s);
        for (const [i, r] of out.entries()) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(s.length);
          expect(/^(?:[Ww]e|[Oo]ur|[Mm]y|[Oo]ur) ?/.test(s.slice(r.start, r.end))).toBe(true);
          if (i > 0) expect(r.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
        }
      }),
      { numRuns: 200 },
    );
  });
});
