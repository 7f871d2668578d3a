import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  period?: string;
  dct?: string;
  style?: 'report' | 'timeml';
  expect: { text: string; type: string; value: string; mod?: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg, { style: c.style ?? 'report' })).timexes;
}

// Families of texts the TimeML news corpora lack (narratives, speeches, minutes, reports): each row is a rule.
const FAMILIES: Record<string, Case[]> = {
  '"the week before" a name or a day is no offset from the last date': [
    { text: 'They met the week before Christmas.', dct: '2023-03-01', expect: [{ text: 'Christmas', type: 'DATE', value: '2022-12-25' }] },
    { text: 'The year before Brexit was calm.', dct: '2023-03-01', expect: [] },
    { text: 'The day before Tuesday it rained.', dct: '2023-03-01', expect: [{ text: 'Tuesday', type: 'DATE', value: '2023-02-28' }] },
    // Negative: standing alone, "the day before" still counts back from the last date.
    { text: 'It rained on Oct. 12.\nHe came the day before.', dct: '2023-03-01', expect: [{ text: 'Oct. 12', type: 'DATE', value: '2022-10-12' }, { text: 'the day before', type: 'DATE', value: '2022-10-11' }] },
    { text: 'It rained on Oct. 12.\nThe week before, the roads were dry.', dct: '2023-03-01', expect: [{ text: 'Oct. 12', type: 'DATE', value: '2022-10-12' }, { text: 'The week before', type: 'DATE', value: '2022-W40' }] },
  ],
};

describe('time families of unseen kinds of text', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const got = run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
        expect(got).toEqual(c.expect.map((e) => ({ ...e })));
      });
    });
  }
});
