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

// Families the eighth held-out set found missing or wrong (interview, press release, analysis): each row a rule, with
// negatives beside it. Sentences are our own.
const FAMILIES: Record<string, Case[]> = {
  '"three weeks ago": a few weeks back from a known day is that day; a longer count only the week': [
    { text: 'We appointed an envoy three weeks ago.', dct: '2025-02-11', expect: [{ text: 'three weeks ago', type: 'DATE', value: '2025-01-21' }] },
    { text: 'Two weeks ago the bank held rates.', dct: '2019-06-14', expect: [{ text: 'Two weeks ago', type: 'DATE', value: '2019-05-31' }] },
    { text: 'A week ago the port reopened.', dct: '2024-03-08', expect: [{ text: 'A week ago', type: 'DATE', value: '2024-03-01' }] },
    // Negatives: more weeks, other units, a count forward, weeks of a length.
    { text: 'Six weeks ago the talks began.', dct: '2025-02-11', expect: [{ text: 'Six weeks ago', type: 'DATE', value: '2025-W01' }] },
    { text: 'Three months ago the talks began.', dct: '2025-02-11', expect: [{ text: 'Three months ago', type: 'DATE', value: '2024-11' }] },
    { text: 'They talked for three weeks.', dct: '2025-02-11', expect: [{ text: 'three weeks', type: 'DURATION', value: 'P3W' }] },
  ],
  '"the weekend after next": one phrase, the weekend after the coming one': [
    { text: 'A meeting is set for the weekend after next.', dct: '2025-02-11', expect: [{ text: 'the weekend after next', type: 'DATE', value: '2025-W08-WE' }] },
    { text: 'A meeting is set for the weekend after next.', dct: '2025-02-15', expect: [{ text: 'the weekend after next', type: 'DATE', value: '2025-W09-WE' }] },
    // Negatives: the coming weekend, and "after" before something else.
    { text: 'A meeting is set for next weekend.', dct: '2025-02-11', expect: [{ text: 'next weekend', type: 'DATE', value: '2025-W07-WE' }] },
    { text: 'We will meet the weekend after the vote.', dct: '2025-02-11', expect: [{ text: 'the weekend', type: 'DATE', value: '2025-W07-WE' }] },
  ],
  '"two full days": "full" and "whole" between a count and its unit stay inside the duration': [
    { text: 'Both delegations sat together for two full days.', dct: '2025-02-11', expect: [{ text: 'two full days', type: 'DURATION', value: 'P2D' }] },
    { text: 'The inquiry took three whole months.', dct: '2025-02-11', expect: [{ text: 'three whole months', type: 'DURATION', value: 'P3M' }] },
    // Negatives: "full" elsewhere is no duration.
    { text: 'The full day of talks was useful.', dct: '2025-02-11', expect: [] },
    { text: 'A full draft is ready.', dct: '2025-02-11', expect: [] },
  ],
  '"the coming days": a stretch ahead, measured (TimeBank "coming weeks" PXW, AQUAINT "coming years" PXY)': [
    { text: 'A draft will follow in the coming days.', dct: '2025-02-11', expect: [{ text: 'the coming days', type: 'DURATION', value: 'PXD' }] },
    { text: 'Talks resume in the coming months.', dct: '2025-02-11', expect: [{ text: 'the coming months', type: 'DURATION', value: 'PXM' }] },
    { text: 'Prices will rise in the coming years.', dct: '2025-02-11', expect: [{ text: 'the coming years', type: 'DURATION', value: 'PXY' }] },
    // Negatives: the coming unit in the singular is one unit ahead (another rule's), the future in general stays FUTURE_REF.
    { text: 'We plan to sign in the coming year.', dct: '2025-02-11', expect: [{ text: 'the coming year', type: 'DURATION', value: 'P1Y' }] },
    { text: 'We will sign in the future.', dct: '2025-02-11', expect: [{ text: 'the future', type: 'DATE', value: 'FUTURE_REF' }] },
  ],
  '"six o\'clock": an hour on the day in view, in the half of the day last named before it': [
    { text: "It reopened this morning. The first trucks crossed at six o'clock.", dct: '2025-02-11', expect: [{ text: 'this morning', type: 'TIME', value: '2025-02-11TMO' }, { text: "six o'clock", type: 'TIME', value: '2025-02-11T06:00' }] },
    { text: "They met this evening at seven o'clock.", dct: '2025-02-11', expect: [{ text: 'this evening', type: 'TIME', value: '2025-02-11TEV' }, { text: "seven o'clock", type: 'TIME', value: '2025-02-11T19:00' }] },
    { text: "The vote opens at 9 o’clock.", dct: '2025-02-11', expect: [{ text: '9 o’clock', type: 'TIME', value: '2025-02-11T09:00' }] },
    // Negatives: an hour past twelve, "o'clock" as a direction, and the part of day after it (another rule's, whole).
    { text: "It happened at thirteen o'clock.", dct: '2025-02-11', expect: [] },
    { text: "The ship lay at his two o'clock position and 14 o'clock.", dct: '2025-02-11', expect: [] },
    { text: "It closed at 11 o'clock at night.", dct: '2025-02-11', expect: [{ text: "11 o'clock at night", type: 'TIME', value: '2025-02-11T23:00' }] },
  ],
  'a weekday still to come after a day told with its weekday, past the writer\'s day, is the one after that day': [
    { text: 'On Wednesday, January 3, she will meet the advisers. On Friday, she will travel to Nairobi.', dct: '2023-12-29', expect: [{ text: 'Wednesday, January 3', type: 'DATE', value: '2024-01-03' }, { text: 'Friday', type: 'DATE', value: '2024-01-05' }] },
    { text: 'On Monday, 10 June, the envoy will land in Accra. On Thursday he will fly to Lagos.', dct: '2024-06-05', expect: [{ text: 'Monday, 10 June', type: 'DATE', value: '2024-06-10' }, { text: 'Thursday', type: 'DATE', value: '2024-06-13' }] },
    // Negatives: a day told without its weekday, the end of a span, a weekday in the past, a weekday the writer's day already puts after the day told.
    { text: 'The rules will apply from 1 March. The envoy will report to ministers on Monday.', dct: '2025-01-29', expect: [{ text: '1 March', type: 'DATE', value: '2025-03-01' }, { text: 'Monday', type: 'DATE', value: '2025-02-03' }] },
    { text: 'She will visit from 20 to 23 March. In Riga on Tuesday she will sign a memorandum.', dct: '2023-03-14', expect: [{ text: '20 to 23 March', type: 'DATE', value: '2023-03-20/2023-03-23' }, { text: 'Tuesday', type: 'DATE', value: '2023-03-21' }] },
    { text: 'On Wednesday, January 3, she will meet the advisers. On Friday, she met the press.', dct: '2023-12-29', expect: [{ text: 'Wednesday, January 3', type: 'DATE', value: '2024-01-03' }, { text: 'Friday', type: 'DATE', value: '2023-12-29' }] },
  ],
  'a clock time right before the day it is on ("10:00 a.m. EST the following day") is on that day': [
    { text: 'The trip ends on Tuesday, January 9. She will brief reporters at 10:00 a.m. EST the following day.', dct: '2024-01-02', expect: [{ text: 'Tuesday, January 9', type: 'DATE', value: '2024-01-09' }, { text: '10:00 a.m. EST', type: 'TIME', value: '2024-01-10T10:00' }, { text: 'the following day', type: 'DATE', value: '2024-01-10' }] },
    { text: 'The talks opened on 4 May. Voting starts at 8 a.m., the next day.', dct: '2024-05-01', expect: [{ text: '4 May', type: 'DATE', value: '2024-05-04' }, { text: '8 a.m.', type: 'TIME', value: '2024-05-05T08:00' }, { text: 'the next day', type: 'DATE', value: '2024-05-05' }] },
    // Negatives: a day further on in the sentence, or a month, leaves the time on the day told.
    { text: 'The talks opened on 4 May. Voting starts at 8 a.m. and ends before the next day.', dct: '2024-05-01', expect: [{ text: '4 May', type: 'DATE', value: '2024-05-04' }, { text: '8 a.m.', type: 'TIME', value: '2024-05-04T08:00' }, { text: 'the next day', type: 'DATE', value: '2024-05-05' }] },
    { text: 'The talks opened on 4 May. Voting starts at 8 a.m. in June.', dct: '2024-05-01', expect: [{ text: '4 May', type: 'DATE', value: '2024-05-04' }, { text: '8 a.m.', type: 'TIME', value: '2024-05-04T08:00' }, { text: 'June', type: 'DATE', value: '2024-06' }] },
  ],
  '"A decade after the charter," opening its sentence moves the story on: "the end of the decade" is of the time reached': [
    { text: 'The charter was signed in 1962. A decade after the charter, the dam was built. By the end of the decade the commission stopped.', dct: '2024-01-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'A decade', type: 'DURATION', value: 'P10Y' }, { text: 'the end of the decade', type: 'DATE', value: '197', mod: 'END' }] },
    { text: 'The war ended in 1945. Six years after the war, the treaty was signed. By the end of the decade trade had doubled.', dct: '2024-01-01', expect: [{ text: '1945', type: 'DATE', value: '1945' }, { text: 'Six years', type: 'DURATION', value: 'P6Y' }, { text: 'the end of the decade', type: 'DATE', value: '195', mod: 'END' }] },
    // Negatives: inside a sentence, or before a clause, the count does not move the time told.
    { text: 'The charter was signed in 1962. The dam came a decade after the charter, and by the end of the decade the commission stopped.', dct: '2024-01-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'a decade', type: 'DURATION', value: 'P10Y' }, { text: 'the end of the decade', type: 'DATE', value: '196', mod: 'END' }] },
    { text: 'The charter was signed in 1962. A decade after the charter was signed the dam came. By the end of the decade the commission stopped.', dct: '2024-01-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'A decade', type: 'DURATION', value: 'P10Y' }, { text: 'the end of the decade', type: 'DATE', value: '196', mod: 'END' }] },
  ],
};

describe('time families from the eighth held-out set', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        expect(run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }))).toEqual(c.expect);
      });
    });
  }
});

// "Today, 70 years later": a count forward in a present frame reaches the document's own time (its range), whatever
// the count from the date told gives; without that frame the range stays the point counted to.
const PRESENT_FRAME: [string, string, string | undefined][] = [
  ['The Organization was founded in 1945. Today, 70 years later, wars continue.', '70 years', '2019-01-01'],
  ['The case went to the Court in January 2017. A year later, our warning has been fulfilled.', 'A year', '2019-01-01'],
  // Negatives: a past clause keeps the point counted to; a count back is no frame.
  ['The Organization was founded in 1945. Seventy years later it met again.', 'Seventy years', '2015-01-01'],
  ['The Organization was founded in 1945. Today, two years earlier than planned, it met.', 'two years', undefined],
];

describe('a count forward in a present frame reaches the document\'s own time', () => {
  it.each(PRESENT_FRAME)('%s', (text, span, start) => {
    const { doc, seg } = makeTimedDoc(text, { period: '2019' });
    const t = resolveTimexes(doc, seg, recognizeTimexes(doc, seg)).timexes.find((x) => x.text === span);
    expect(t?.range?.start).toBe(start);
  });
});
