import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainTextToDocument } from '../../src/read/read-plain-text.js';
import { classifyPlainLine } from '../../src/read/plain-line-shape.js';

describe('classifyPlainLine', () => {
  const cases: Array<[string, Partial<ReturnType<typeof classifyPlainLine>>]> = [
    ['Chapter 3', { kind: 'heading', style: 'chapter', label: 'Chapter 3' }],
    ['CHAPTER IV Trade', { kind: 'heading', style: 'chapter', label: 'CHAPTER IV' }],
    ['(2) Relations with Neighbours', { kind: 'heading', style: 'paren-number', label: '(2)' }],
    ['B Economic Cooperation', { kind: 'heading', style: 'letter', label: 'B' }],
    ['3 Europe', { kind: 'heading', style: 'number', label: '3' }],
    ['1.2 Security Environment', { kind: 'heading', style: 'number', label: '1.2', depth: 1 }],
    ['IV. Conclusions', { kind: 'heading', style: 'roman', label: 'IV.' }],
    ['- 4 Convention on the Rights of the Child.', { kind: 'footnote', label: '4' }],
    ['[12] See the annex.', { kind: 'footnote', label: '12' }],
    ['*2 Refers to the 2015 agreement.', { kind: 'footnote', label: '2' }],
    ['Annual Review of Foreign Affairs', { kind: 'title' }],
    ['A delegation visited the capital in May and signed a memorandum.', { kind: 'paragraph' }],
    ['A Strong Partnership was agreed upon by both leaders during the visit.', { kind: 'paragraph' }],
    ['2 million people were displaced by the fighting in the region.', { kind: 'paragraph' }],
    ['The minister said: we will continue.', { kind: 'paragraph' }],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(classifyPlainLine(line)).toMatchObject(expected);
  });
  it.each(cases)('gives every line one shape: %s', (line) => {
    expect(Object.keys(classifyPlainLine(line))).toEqual(['kind', 'label', 'style', 'depth', 'titleOffset', 'bodyOffset']);
  });
  it('keeps depth undefined for a top-level number', () => {
    expect(classifyPlainLine('3 Europe').depth).toBeUndefined();
  });
});

describe('plainTextToDocument', () => {
  it('finds title lines, labelled headings with levels, paragraphs and footnotes', () => {
    const doc = plainTextToDocument([
      'Foreign Policy Review 2019',
      'Chapter 1',
      '1 Asia',
      '(1) Regional Situation',
      'A Overview',
      'The two states signed the Accord1 in March.',
      'Talks resumed later that year.',
      '- 1 Accord on Border Trade.',
      'B Outlook',
      'Further talks are planned.',
    ].join('\n'));
    const kinds = doc.blocks.map((b) => [b.kind, b.level ?? null, b.label ?? null]);
    expect(kinds).toEqual([
      ['title', null, null], ['heading', 1, 'Chapter 1'], ['heading', 2, '1'], ['heading', 3, '(1)'], ['heading', 4, 'A'],
      ['paragraph', null, null], ['paragraph', null, null], ['footnote', null, '1'], ['heading', 4, 'B'], ['paragraph', null, null],
    ]);
    expect(doc.title).toBe('Foreign Policy Review 2019');
    expect(doc.text).toContain('signed the Accord in March.');
    expect(doc.footnotes).toHaveLength(1);
    const [fn] = doc.footnotes;
    expect(doc.text.slice(fn!.body.start, fn!.body.end)).toBe('Accord on Border Trade.');
    expect(fn!.markers).toHaveLength(1);
    expect(doc.text.slice(fn!.markers[0]!.start - 6, fn!.markers[0]!.start)).toBe('Accord');
  });

  it('joins a footnote continuation line and splits two footnotes sharing a line', () => {
    const doc = plainTextToDocument([
      'Report 2020',
      'The issue1 was raised, and other programmes2 were cancelled.',
      '- 1 See the position of the Government on the issue:',
      'https://example.org/position.html - 2 Refers to exchange visits.',
    ].join('\n'));
    expect(doc.footnotes.map((f) => doc.text.slice(f.body.start, f.body.end))).toEqual([
      'See the position of the Government on the issue: https://example.org/position.html',
      'Refers to exchange visits.',
    ]);
    expect(doc.footnotes.every((f) => f.markers.length === 1)).toBe(true);
    expect(doc.text).toContain('The issue was raised, and other programmes were cancelled.');
  });

  it('never detaches digits that are not footnote markers', () => {
    const doc = plainTextToDocument([
      'Report 2021',
      'The G7 and G20 met; COVID-19 spread; Sakhalin 2 and Vostok 2022 went ahead; the index rose 3%.',
      '- 1 Note without a marker.',
    ].join('\n'));
    expect(doc.text).toContain('The G7 and G20 met; COVID-19 spread; Sakhalin 2 and Vostok 2022 went ahead; the index rose 3%.');
    expect(doc.footnotes[0]!.markers).toEqual([]);
    expect(doc.messages.map((m) => m.rule)).toContain('read.footnote-unreferenced');
  });

  it('joins hard-wrapped paragraphs separated by blank lines', () => {
    const doc = plainTextToDocument([
      'Statement by the Minister',
      '',
      'Mr. President, it is an honour to address',
      'this Assembly on behalf of my country.',
      '',
      'We face great challenges, and we must',
      'face them together.',
      '',
      'Thank you.',
      '',
      'Peace is within reach if we',
      'choose it.',
    ].join('\n'));
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => doc.text.slice(b.start, b.end));
    expect(paragraphs[0]).toBe('Mr. President, it is an honour to address this Assembly on behalf of my country.');
    expect(paragraphs).toHaveLength(4);
  });

  it('normalises CRLF and tabs without losing text', () => {
    const doc = plainTextToDocument('Title line\r\nFirst\tparagraph here.\r\nSecond one.');
    expect(doc.text).toBe('Title line\nFirst paragraph here.\nSecond one.');
  });

  it('property: blocks are ordered, inside the text, never contain a newline; markers inside the text', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('Chapter 2', '(1) Heading', 'A Sub', '- 1 Note.', '- 2 Other note.', 'word1 and word2 here.', ''),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const doc = plainTextToDocument(lines.join('\n'));
      let last = -1;
      for (const b of doc.blocks) {
        expect(b.start).toBeGreaterThan(last);
        expect(b.end).toBeLessThanOrEqual(doc.text.length);
        expect(doc.text.slice(b.start, b.end)).not.toContain('\n');
        last = b.end;
      }
      for (const f of doc.footnotes) {
        expect(f.body.start).toBeLessThanOrEqual(f.body.end);
        expect(f.body.end).toBeLessThanOrEqual(doc.text.length);
        for (const m of f.markers) expect(m.start).toBeLessThanOrEqual(doc.text.length);
      }
    }), { numRuns: 300 });
  });
});
