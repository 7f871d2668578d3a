import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block, ReadDocument } from '../../src/model/index.js';
import { segment } from '../../src/segment/segment.js';

interface LineSpec {
  kind: Block['kind'];
  line: string;
  level?: number;
  label?: string;
}

/** A document laid out as readers produce it: one block per line, separated by "\n". */
function documentOf(lines: LineSpec[]): ReadDocument {
  let text = '';
  const blocks: Block[] = [];
  for (const spec of lines) {
    if (blocks.length > 0) text += '\n';
    const start = text.length;
    text += spec.line;
    const block: Block = { kind: spec.kind, start, end: text.length };
    if (spec.level !== undefined) block.level = spec.level;
    if (spec.label !== undefined) {
      block.label = spec.label;
      block.titleStart = Math.min(text.length, start + spec.label.length + 1);
    }
    blocks.push(block);
  }
  return { id: 'doc', source: 'test', format: 'text', title: '', text, blocks, footnotes: [], messages: [] };
}

describe('segment', () => {
  const doc = documentOf([
    { kind: 'title', line: 'Foreign Policy Review 2031' },
    { kind: 'heading', line: 'Chapter 1 Relations. With. Neighbours', level: 1, label: 'Chapter 1' },
    { kind: 'paragraph', line: 'Talks with the U.S. The next round failed. Mr. Smith left.' },
    { kind: 'heading', line: '(1) Trade', level: 2, label: '(1)' },
    { kind: 'list-item', line: '1. Exports rose by 3.5%. Imports fell.' },
    { kind: 'footnote', line: '- 1 See No. 5 of the annex. It is short.', label: '1' },
  ]);
  const seg = segment(doc);
  const sentenceTexts = (paragraph: number) =>
    seg.sentences.filter((s) => s.paragraph === paragraph).map((s) => doc.text.slice(s.start, s.end));

  it('makes one paragraph per block with its kind and innermost section', () => {
    expect(seg.paragraphs.map((p) => [p.index, p.kind, p.section])).toEqual([
      [0, 'title', null],
      [1, 'heading', 's1'],
      [2, 'paragraph', 's1'],
      [3, 'heading', 's2'],
      [4, 'list-item', 's2'],
      [5, 'footnote', 's2'],
    ]);
    for (const [i, p] of seg.paragraphs.entries()) expect([p.start, p.end]).toEqual([doc.blocks[i]!.start, doc.blocks[i]!.end]);
  });

  it('keeps titles and headings as one sentence even when they contain stops', () => {
    expect(sentenceTexts(0)).toEqual(['Foreign Policy Review 2031']);
    expect(sentenceTexts(1)).toEqual(['Chapter 1 Relations. With. Neighbours']);
  });

  it('splits paragraphs, list items and footnotes into sentences', () => {
    expect(sentenceTexts(2)).toEqual(['Talks with the U.S.', 'The next round failed.', 'Mr. Smith left.']);
    expect(sentenceTexts(4)).toEqual(['1. Exports rose by 3.5%.', 'Imports fell.']);
    expect(sentenceTexts(5)).toEqual(['- 1 See No. 5 of the annex.', 'It is short.']);
  });

  it('numbers sentences in document order', () => {
    expect(seg.sentences.map((s) => s.index)).toEqual(seg.sentences.map((_, i) => i));
  });

  it('builds the section tree', () => {
    expect(seg.sections.map((s) => [s.id, s.parent, s.title])).toEqual([
      ['s1', null, 'Relations. With. Neighbours'],
      ['s2', 's1', 'Trade'],
    ]);
    expect(seg.sections[0]!.end).toBe(doc.text.length);
  });

  it('handles an empty document', () => {
    expect(segment(documentOf([]))).toEqual({ sections: [], paragraphs: [], sentences: [] });
  });

  it('orders blocks given out of order and clamps blocks past the end of the text', () => {
    const base = documentOf([
      { kind: 'paragraph', line: 'First one. Second one.' },
      { kind: 'paragraph', line: 'Third one.' },
    ]);
    const shuffled: ReadDocument = { ...base, blocks: [base.blocks[1]!, { ...base.blocks[0]! }, { kind: 'paragraph', start: 40, end: 90 }] };
    const result = segment(shuffled);
    expect(result.paragraphs.map((p) => [p.start, p.end])).toEqual([[0, 22], [23, 33], [33, 33]]);
    expect(result.sentences.map((s) => base.text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.', 'Third one.']);
  });

  it('clamps a block into a block of the readers\' shape, keeping its heading fields', () => {
    const doc: ReadDocument = { ...documentOf([{ kind: 'paragraph', line: 'A Short.' }]), blocks: [{ kind: 'heading', start: 0, end: 90, level: 2, label: 'A', titleStart: 2 }] };
    const result = segment(doc);
    expect(result.paragraphs.map((p) => [p.start, p.end])).toEqual([[0, 8]]);
    expect(result.sections.map((s) => [s.level, s.label, s.title])).toEqual([[2, 'A', 'Short.']]);
  });
});

const KINDS: Block['kind'][] = ['title', 'heading', 'paragraph', 'list-item', 'footnote'];
const WORDS = ['The', 'U.S.', 'Mr.', 'talks', 'No.', '5', '3.5%', 'etc.', 'J.', 'ended.', 'why?', '“Yes!”', '(see', 'annex.)', '1.', '…', 'www.a.jp', 'é', '\t'];

// Random block layouts: any kinds, levels and line contents, including arbitrary strings.
const lineSpec = fc.record({
  kind: fc.constantFrom(...KINDS),
  level: fc.integer({ min: 1, max: 5 }),
  line: fc.oneof(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }).map((w) => w.join(' ')),
    fc.string({ maxLength: 80 }).map((s) => s.replace(/[\n\r\u2028\u2029]/g, ' ')),
  ),
});

describe('segment properties', () => {
  it('sentences are ordered, non-overlapping, trimmed and cover every non-space character of every paragraph', () => {
    fc.assert(
      fc.property(fc.array(lineSpec, { maxLength: 30 }), (lines) => {
        const doc = documentOf(lines.map((l) => (l.kind === 'heading' ? l : { kind: l.kind, line: l.line })));
        const { sections, paragraphs, sentences } = segment(doc);
        expect(paragraphs).toHaveLength(doc.blocks.length);
        let previousEnd = 0;
        for (const sentence of sentences) {
          const paragraph = paragraphs[sentence.paragraph]!;
          expect(sentence.start).toBeGreaterThanOrEqual(Math.max(previousEnd, paragraph.start));
          expect(sentence.end).toBeGreaterThan(sentence.start);
          expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
          const text = doc.text.slice(sentence.start, sentence.end);
          expect(text).toBe(text.trim());
          previousEnd = sentence.end;
        }
        // Every non-space character of a paragraph lies in some sentence of that paragraph.
        const covered = new Uint8Array(doc.text.length);
        for (const s of sentences) covered.fill(1, s.start, s.end);
        for (const p of paragraphs) {
          for (let i = p.start; i < p.end; i++) if (!covered[i]) expect(doc.text[i]!.trim()).toBe('');
        }
        for (const section of sections) {
          expect(section.start).toBeLessThanOrEqual(section.end);
          expect(section.end).toBeLessThanOrEqual(doc.text.length);
          if (section.parent) expect(sections.some((s) => s.id === section.parent)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
