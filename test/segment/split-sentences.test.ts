import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../src/segment/split-sentences.js';

const sentencesOf = (text: string, start?: number, end?: number): string[] =>
  splitSentences(text, start, end).map((span) => text.slice(span.start, span.end));

// [what it shows, input, expected sentences]
const SPLITS: [string, string, string[]][] = [
  ['two plain sentences', 'Talks resumed. Both sides agreed.', ['Talks resumed.', 'Both sides agreed.']],
  ['question and exclamation', 'Why now? Because it matters! We act.', ['Why now?', 'Because it matters!', 'We act.']],
  ['semicolons do not split', 'The first part; the second part. Next one.', ['The first part; the second part.', 'Next one.']],
  ['U.S. mid-sentence before a name', 'The U.S. President met the press.', ['The U.S. President met the press.']],
  ['U.S. before lowercase', 'Talks between the U.S. and Japan went on.', ['Talks between the U.S. and Japan went on.']],
  ['U.S. ends a sentence before "The"', 'Russia held talks with the U.S. The next round failed.', ['Russia held talks with the U.S.', 'The next round failed.']],
  ['U.S. ends a sentence before "However,"', 'It met the U.S. However, nothing changed.', ['It met the U.S.', 'However, nothing changed.']],
  ['U.K. before a proper noun continues', 'The U.K. Foreign Office replied.', ['The U.K. Foreign Office replied.']],
  ['U.K. at the end of a sentence', 'Sanctions came from the U.K. In March, more followed.', ['Sanctions came from the U.K.', 'In March, more followed.']],
  ['U.N. mid-sentence', 'The U.N. Security Council met twice.', ['The U.N. Security Council met twice.']],
  ['U.N. at the very end', 'Both appealed to the U.N.', ['Both appealed to the U.N.']],
  ['initialism before an opening quote and starter', 'It went to the U.S. “The talks failed,” he said.', ['It went to the U.S.', '“The talks failed,” he said.']],
  ['Mr. before a name', 'Mr. Putin spoke first. Then Ms. Ito replied.', ['Mr. Putin spoke first.', 'Then Ms. Ito replied.']],
  ['Dr. and Prof.', 'Dr. Tedros and Prof. Sachs attended. They left early.', ['Dr. Tedros and Prof. Sachs attended.', 'They left early.']],
  ['St. Petersburg', 'The forum in St. Petersburg opened. It closed on Friday.', ['The forum in St. Petersburg opened.', 'It closed on Friday.']],
  ['No. 5', 'Resolution No. 5 was adopted. It passed.', ['Resolution No. 5 was adopted.', 'It passed.']],
  ['Art. 51', 'Under Art. 51 of the Charter, it acted. Others objected.', ['Under Art. 51 of the Charter, it acted.', 'Others objected.']],
  ['Vol. IV', 'See Vol. IV of the report. It is long.', ['See Vol. IV of the report.', 'It is long.']],
  ['pp. and para.', 'See pp. 12-14 and para. 3 below. Done.', ['See pp. 12-14 and para. 3 below.', 'Done.']],
  ['e.g. and i.e.', 'Some states, e.g. Japan, agreed, i.e. most of them. Others did not.', ['Some states, e.g. Japan, agreed, i.e. most of them.', 'Others did not.']],
  ['e.g. before a capital never ends', 'Allies, e.g. Germany and France, objected.', ['Allies, e.g. Germany and France, objected.']],
  ['vs. never ends', 'The case Nicaragua vs. United States was decided. It matters.', ['The case Nicaragua vs. United States was decided.', 'It matters.']],
  ['etc. before lowercase continues', 'Oil, gas, etc. were banned. Coal too.', ['Oil, gas, etc. were banned.', 'Coal too.']],
  ['etc. before a capital ends', 'Oil, gas, etc. The ban grew.', ['Oil, gas, etc.', 'The ban grew.']],
  ['etc.. typo ends', 'Oil, gas, etc.. The ban grew.', ['Oil, gas, etc..', 'The ban grew.']],
  ['et al. before a year continues', 'Smith et al. (2019) found this. It held.', ['Smith et al. (2019) found this.', 'It held.']],
  ['Co. Ltd. stays together', 'Mitsui Co. Ltd. signed. It paid.', ['Mitsui Co. Ltd. signed.', 'It paid.']],
  ['initials J. F. Kennedy', 'J. F. Kennedy spoke in Berlin. The crowd cheered.', ['J. F. Kennedy spoke in Berlin.', 'The crowd cheered.']],
  ['middle initial', 'President Vladimir V. Putin signed the decree. It took effect.', ['President Vladimir V. Putin signed the decree.', 'It took effect.']],
  ['single capital at sentence end before a starter', 'There is no planet B. Our task is clear.', ['There is no planet B.', 'Our task is clear.']],
  ['decimal percent', 'Growth was 3.5% in 2022. It slowed.', ['Growth was 3.5% in 2022.', 'It slowed.']],
  ['decimal with thousands separator', 'Trade reached 2,563.7 billion yen. Exports rose.', ['Trade reached 2,563.7 billion yen.', 'Exports rose.']],
  ['number at sentence end', 'The vote was 120 to 5. Three abstained.', ['The vote was 120 to 5.', 'Three abstained.']],
  ['ellipsis before a capital ends', 'We waited... Nothing happened.', ['We waited...', 'Nothing happened.']],
  ['ellipsis before lowercase continues', 'We waited... and waited.', ['We waited... and waited.']],
  ['unicode ellipsis', 'We waited\u2026 Then it came.', ['We waited\u2026', 'Then it came.']],
  ['spaced ellipsis stays in one sentence', 'He paused . . . and went on.', ['He paused . . . and went on.']],
  ['closing curly quote after the stop', 'He said “we will not yield.” The talks ended.', ['He said “we will not yield.”', 'The talks ended.']],
  ['single curly quote after the stop', 'It was called ‘a special operation.’ The world disagreed.', ['It was called ‘a special operation.’', 'The world disagreed.']],
  ['closing bracket after the stop', 'It was vetoed (again.) The Assembly met.', ['It was vetoed (again.)', 'The Assembly met.']],
  ['whole bracketed sentence', 'It ended. (See the annex.) Talks resume.', ['It ended.', '(See the annex.)', 'Talks resume.']],
  ['question inside quotes before a lowercase verb', '“Why now?” she asked. Nobody knew.', ['“Why now?” she asked.', 'Nobody knew.']],
  ['straight quotes after question mark', 'He asked "why?" Then he left.', ['He asked "why?"', 'Then he left.']],
  ['numbered list marker at block start', '1. The Government decided to act. It did.', ['1. The Government decided to act.', 'It did.']],
  ['lettered list marker at block start', 'A. Overview of relations. It improved.', ['A. Overview of relations.', 'It improved.']],
  ['roman list marker at block start', 'IV. Outlook for the year. It is bleak.', ['IV. Outlook for the year.', 'It is bleak.']],
  ['URL is not split', 'See www.mofa.go.jp/region/europe/index.html for details. It is updated.', ['See www.mofa.go.jp/region/europe/index.html for details.', 'It is updated.']],
  ['URL at sentence end', 'Details are at https://www.mofa.go.jp/a/b.html. The page is in English.', ['Details are at https://www.mofa.go.jp/a/b.html.', 'The page is in English.']],
  ['e-mail address', 'Write to info@mofa.go.jp with questions. Replies take a week.', ['Write to info@mofa.go.jp with questions.', 'Replies take a week.']],
  ['a.m. before lowercase', 'It began at 9 a.m. and ended at noon. Then rain.', ['It began at 9 a.m. and ended at noon.', 'Then rain.']],
  ['temperature at sentence end', 'Warming must stay below 1.5°C. To that end we act.', ['Warming must stay below 1.5°C.', 'To that end we act.']],
  ['sentence starting with a digit', 'It ended in 2021. 2022 began badly.', ['It ended in 2021.', '2022 began badly.']],
  ['line breaks always end a sentence', 'First line without stop\nSecond line.', ['First line without stop', 'Second line.']],
  ['CJK full stops split without spaces', '日本は抗議した。ロシアは拒否した。', ['日本は抗議した。', 'ロシアは拒否した。']],
  ['surrounding whitespace is trimmed', '   Leading and trailing.   Next.  ', ['Leading and trailing.', 'Next.']],
  ['no final stop', 'A heading-like line without a stop', ['A heading-like line without a stop']],
  ['lower-case "no." is a word, not "No."', 'The answer is no. I quote the text.', ['The answer is no.', 'I quote the text.']],
  ['v. between case parties', 'In Bolivia v. Chile the Court ruled. It was final.', ['In Bolivia v. Chile the Court ruled.', 'It was final.']],
  ['Washington, D.C. before a starter', 'It opened in Washington, D.C. In May it closed.', ['It opened in Washington, D.C.', 'In May it closed.']],
  ['H.E. Mr. before a name', 'H.E. Mr. Kishida spoke. He left.', ['H.E. Mr. Kishida spoke.', 'He left.']],
  // Letter case outside ASCII decides as it does in ASCII.
  ['accented capital after a stop ends', 'Talks resumed. Élysée replied.', ['Talks resumed.', 'Élysée replied.']],
  ['accented lowercase after a stop continues', 'Talks resumed. élan followed.', ['Talks resumed. élan followed.']],
  ['accented single initial before a name', 'É. Philippe spoke. He left.', ['É. Philippe spoke.', 'He left.']],
  ['one-letter Greek capital is an initial', 'Ça va. Ölüm. Ñu. Δ. Ω said.', ['Ça va.', 'Ölüm.', 'Ñu.', 'Δ. Ω said.']],
  ['closing quote after the stop', '“We agreed.” Then we left.', ['“We agreed.”', 'Then we left.']],
  ['opening bracket after the stop', 'The point. (See annex.) It ends.', ['The point.', '(See annex.)', 'It ends.']],
];

// Texts in which nothing must be split.
const NO_SPLIT: string[] = [
  'The U.S. and the U.K. signed with the U.N. Secretariat.',
  'Mr. Lavrov met Dr. Grossi in St. Petersburg on Tuesday.',
  'Under Art. 51 and No. 3 of Vol. 2 on p. 7 the claim fails.',
  'Growth of 3.5% and 2,563.7 tonnes and 0.25 points was recorded.',
  'Visit www.mofa.go.jp/files/100.pdf or mail press@mofa.go.jp now.',
  'Talks, e.g. on energy, i.e. gas, vs. oil, etc. and more, went on.',
  'J. F. Kennedy and Vladimir V. Putin and George W. Bush were named.',
  'Version 2.0.1 of the text, decimal 10.5, and section 3.2.1 appear.',
  'He said “no” and then “yes” and then left',
  '1. The list item text without an ending',
  '',
  '   \t  ',
];

describe('splitSentences', () => {
  it.each(SPLITS)('%s', (_what, input, expected) => {
    expect(sentencesOf(input)).toEqual(expected);
  });

  it.each(NO_SPLIT.map((text) => [text]))('does not split %j', (text) => {
    const trimmed = text.trim();
    expect(sentencesOf(text)).toEqual(trimmed === '' ? [] : [trimmed]);
  });

  it('has at least forty table cases', () => {
    expect(SPLITS.length).toBeGreaterThanOrEqual(40);
  });

  it('returns offsets into the whole text when given a range', () => {
    const text = 'Header line\nFirst here. Second here.\nTail';
    const start = text.indexOf('First');
    const end = text.indexOf('\nTail');
    const spans = splitSentences(text, start, end);
    expect(spans).toEqual([
      { start, end: start + 'First here.'.length },
      { start: text.indexOf('Second'), end },
    ]);
  });

  it.each([...'.!?\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f\uff0e'])('ends a sentence at %j, however far into the text it lies', (stop) => {
    const long = `${'word '.repeat(40)}end`;
    expect(sentencesOf(`${long}${stop} Next one${stop} Last`)).toEqual([`${long}${stop}`, `Next one${stop}`, 'Last']);
  });

  it.each([...'\n\r\u2028\u2029'])('ends a piece at the line break %j, and only within the range', (lineBreak) => {
    const text = `Before${lineBreak}one two${lineBreak}three four${lineBreak}after. More`;
    const start = text.indexOf('one');
    const end = text.indexOf('after') - 1;
    expect(splitSentences(text, start, end).map((s) => text.slice(s.start, s.end))).toEqual(['one two', 'three four']);
  });

  it('clamps ranges outside the text', () => {
    expect(sentencesOf('One. Two.', -5, 100)).toEqual(['One.', 'Two.']);
    expect(splitSentences('One. Two.', 7, 3)).toEqual([]);
  });

  it('a list marker only counts at the start of the sentence', () => {
    expect(sentencesOf('The steps were agreed in 2. Japan then acted.')).toEqual(['The steps were agreed in 2.', 'Japan then acted.']);
  });
});

/** Checks shared by the property tests: ordered, non-overlapping, trimmed, non-empty, covering. */
function expectWellFormed(text: string, start: number, end: number): void {
  const spans = splitSentences(text, start, end);
  let previousEnd = start;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(end);
    const sentence = text.slice(span.start, span.end);
    expect(sentence).toBe(sentence.trim());
    expect(text.slice(previousEnd, span.start).trim()).toBe('');
    previousEnd = span.end;
  }
  expect(text.slice(previousEnd, end).trim()).toBe('');
}

// Characters that exercise every rule: stops, quotes, brackets, initials, digits, spaces.
const PIECES = ['.', '. ', '?', '!', '…', '。', ' ', '  ', '\n', '\t', '"', '“', '”', '’', '(', ')', 'U.S', 'Mr', 'etc', 'e.g', 'No', '5', '3.5', 'J', 'The', 'the', 'However', 'a', 'www.x.jp', '\u00a0', '\u2028', 'é', 'É', '\ud83d\ude00', '\ud83d'];

describe('splitSentences properties', () => {
  it('spans are ordered, trimmed, non-empty and cover every non-space character of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectWellFormed(text, 0, text.length)),
      { numRuns: 500 },
    );
  });

  it('holds for sentence-like strings and arbitrary ranges', () => {
    const sentenceLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(sentenceLike, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expectWellFormed(text, start, end);
      }),
      { numRuns: 1000 },
    );
  });
});
