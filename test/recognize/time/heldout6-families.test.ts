import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';
import { scanParsers } from '../../../src/recognize/time/anchored-scan.js';
import { TIME_PARSERS } from '../../../src/recognize/time/parsers.js';
import { refineOverlaps } from '../../../src/recognize/time/refine-overlaps.js';
import { refineCompounds } from '../../../src/recognize/time/refine-compounds.js';

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
  '"three consecutive years": "consecutive", "successive" or "straight" between a count and its unit': [
    { text: 'The harvest failed for three consecutive years.', dct: '2023-09-20', expect: [{ text: 'three consecutive years', type: 'DURATION', value: 'P3Y' }] },
    { text: 'Output fell for two straight quarters.', dct: '2023-09-20', expect: [{ text: 'two straight quarters', type: 'DURATION', value: 'P2Q' }] },
    { text: 'It rained on five successive days.', dct: '2023-09-20', expect: [{ text: 'five successive days', type: 'DURATION', value: 'P5D' }] },
    // Negatives: no count, or no unit, is no length.
    { text: 'The consecutive years of drought were hard.', dct: '2023-09-20', expect: [] },
    { text: 'He drew three straight lines.', dct: '2023-09-20', expect: [] },
  ],
  '"another decade", "another two weeks": one more of a unit, or more of a counted one, is a length': [
    { text: 'We cannot wait for another decade of pledges.', dct: '2023-09-20', expect: [{ text: 'another decade', type: 'DURATION', value: 'P10Y' }] },
    { text: 'The work will take another year.', dct: '2023-09-20', expect: [{ text: 'another year', type: 'DURATION', value: 'P1Y' }] },
    { text: 'The inspectors need another two weeks.', dct: '2023-09-20', expect: [{ text: 'another two weeks', type: 'DURATION', value: 'P2W' }] },
    // Negatives: "on another day" is some other day, a plural after "another" is no count, and "another" before no
    // unit is nothing.
    { text: 'We will discuss it on another day.', dct: '2023-09-20', expect: [] },
    { text: 'They stayed another weeks.', dct: '2023-09-20', expect: [] },
    { text: 'He tried another route.', dct: '2023-09-20', expect: [] },
  ],
  '"H2 2023", "2022 H1": a half-year written with its year, valued as "the second half of 2023" is': [
    { text: 'We expect a recovery in H2 2023 and through 2024.', dct: '2023-09-20', expect: [{ text: 'H2 2023', type: 'DATE', value: '2023-H2' }, { text: '2024', type: 'DATE', value: '2024' }] },
    { text: 'Margins widened in H1 2022.', dct: '2023-09-20', expect: [{ text: 'H1 2022', type: 'DATE', value: '2022-H1' }] },
    { text: 'Margins widened in 2022 H2.', dct: '2023-09-20', expect: [{ text: '2022 H2', type: 'DATE', value: '2022-H2' }] },
    { text: 'Margins widened in the second half of 2022.', dct: '2023-09-20', expect: [{ text: 'the second half of 2022', type: 'DATE', value: '2022-H2' }] },
    // Negatives: no third half, hydrogen and a visa are no halves, and "H2" without a year is left alone.
    { text: 'Sales in H3 2023 rose.', dct: '2023-09-20', expect: [] },
    { text: 'H2O prices rose; H1B visas were cut.', dct: '2023-09-20', expect: [] },
    { text: 'We expect a recovery in H2.', dct: '2023-09-20', expect: [] },
  ],
  '"by mid-decade": the middle of the document\'s decade, as "mid-century" is of its century': [
    { text: 'Debt will peak by mid-decade before it falls.', dct: '2023-09-20', expect: [{ text: 'mid-decade', type: 'DATE', value: '202', mod: 'MID' }] },
    { text: 'Debt will peak by the end of the decade.', dct: '2023-09-20', expect: [{ text: 'the end of the decade', type: 'DATE', value: '202', mod: 'END' }] },
    { text: 'The plan aims to halve waste by middecade.', dct: '2031-02-01', expect: [{ text: 'middecade', type: 'DATE', value: '203', mod: 'MID' }] },
    // Negatives: before a noun with no preposition it qualifies the noun (as "mid-century modern"), and a plural is
    // no decade.
    { text: 'The mid-decade review is due.', dct: '2023-09-20', expect: [] },
    { text: 'The mid-decades were calm.', dct: '2023-09-20', expect: [] },
  ],
  '"the past fortnight", "fortnightly": a fortnight is two weeks, a length (no calendar unit) or a set': [
    { text: 'Over the past fortnight the office assessed 140 requests.', dct: '2023-09-20', expect: [{ text: 'the past fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'Talks will continue over the next fortnight.', dct: '2023-09-20', expect: [{ text: 'the next fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'The bulletin appears fortnightly.', dct: '2023-09-20', expect: [{ text: 'fortnightly', type: 'SET', value: 'P2W' }] },
    { text: 'The council meets fortnightly in the town hall.', dct: '2023-09-20', expect: [{ text: 'fortnightly', type: 'SET', value: 'P2W' }] },
    { text: 'It lasted a fortnight, then two fortnights more.', dct: '2023-09-20', expect: [{ text: 'a fortnight', type: 'DURATION', value: 'P2W' }, { text: 'two fortnights', type: 'DURATION', value: 'P4W' }] },
    // Negatives: an adjective before a noun and a rate of an amount are no sets; a name is no time; "the past" alone
    // stays the past.
    { text: 'A fortnightly bulletin closed.', dct: '2023-09-20', expect: [] },
    { text: 'She edits the Fortnightly Gazette.', dct: '2023-09-20', expect: [] },
    { text: 'He is paid 500 dollars fortnightly.', dct: '2023-09-20', expect: [] },
    { text: 'She fought hard in the past.', dct: '2023-09-20', expect: [{ text: 'the past', type: 'DATE', value: 'PAST_REF' }] },
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

// The report style joins a part of the day to the date after it; TimeML's corpora leave the date alone, so the join is
// asked for (recognize-timexes.ts passes it for the report style).
const PART_OF_DATE: { text: string; joined: boolean; expect: { text: string; type: string; value: string }[] }[] = [
  { text: 'The delegation flew home on the evening of 13 September.', joined: true, expect: [{ text: 'the evening of 13 September', type: 'TIME', value: 'XXXX-09-13TEV' }] },
  { text: 'On the morning of 3 May the talks resumed.', joined: true, expect: [{ text: 'the morning of 3 May', type: 'TIME', value: 'XXXX-05-03TMO' }] },
  { text: 'In the afternoon of 4 June 2016 the bridge opened.', joined: true, expect: [{ text: 'the afternoon of 4 June 2016', type: 'TIME', value: '2016-06-04TAF' }] },
  { text: 'Shots were heard on the night of Tuesday.', joined: true, expect: [{ text: 'the night of Tuesday', type: 'TIME', value: 'REL:WD:2:0:TNI' }] },
  // Negatives: a part of the day of no date or of a year, a date alone, a part of the day in another sentence, and
  // the TimeML style, stay as they were.
  { text: 'The evening of his life was calm.', joined: true, expect: [] },
  { text: 'They met in the evening of 1990.', joined: true, expect: [{ text: 'the evening', type: 'TIME', value: 'REL:REF:D:0:TEV' }, { text: '1990', type: 'DATE', value: '1990' }] },
  { text: 'They met on 3 May.', joined: true, expect: [{ text: '3 May', type: 'DATE', value: 'XXXX-05-03' }] },
  { text: 'They met in the evening. 13 September was wet.', joined: true, expect: [{ text: 'the evening', type: 'TIME', value: 'REL:REF:D:0:TEV' }, { text: '13 September', type: 'DATE', value: 'XXXX-09-13' }] },
  { text: 'The delegation flew home on the evening of 13 September.', joined: false, expect: [{ text: '13 September', type: 'DATE', value: 'XXXX-09-13' }] },
];

describe('"the evening of 13 September": a part of the day of a date is one TIME on that date (report style)', () => {
  it.each(PART_OF_DATE)('$text (joined: $joined)', (c) => {
    const got = refineCompounds(c.text, refineOverlaps(scanParsers(TIME_PARSERS, c.text)), c.joined);
    expect(got.map((t) => ({ text: c.text.slice(t.start, t.end), type: t.type, value: t.value }))).toEqual(c.expect);
  });
});
