import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  period?: string;
  dct?: string;
  expect: { text: string; type: string; value: string; mod?: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes;
}

// Recognition families the sixth held-out set found missing or wrong: each row is a rule, with negatives (what must
// not change) beside it. Sentences are our own.
const FAMILIES: Record<string, Case[]> = {
  '"the Summit of the Future": a capitalised "Future", "Past" or "Present" inside a name is no time': [
    { text: 'Leaders will meet at the Summit of the Future next year.', dct: '2023-09-20', expect: [{ text: 'next year', type: 'DATE', value: '2024' }] },
    { text: 'The ministry opened the Future Investment Initiative.', dct: '2023-09-20', expect: [] },
    { text: 'She chairs the Commission on the Past and its victims.', dct: '2023-09-20', expect: [] },
    // Negatives: the lower-case nouns, and a capital at the head of a sentence, are still times.
    { text: 'Leaders will plan for the future.', dct: '2023-09-20', expect: [{ text: 'the future', type: 'DATE', value: 'FUTURE_REF' }] },
    { text: 'In the Future, robots will cook.', dct: '2023-09-20', expect: [{ text: 'the Future', type: 'DATE', value: 'FUTURE_REF' }] },
    { text: 'Summit leaders spoke of the past.', dct: '2023-09-20', expect: [{ text: 'the past', type: 'DATE', value: 'PAST_REF' }] },
  ],
};

describe('recognition families from the sixth held-out set', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const got = run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
        expect(got).toEqual(c.expect.map((e) => ({ ...e })));
      });
    });
  }
});

