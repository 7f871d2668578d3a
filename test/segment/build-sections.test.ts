import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/index.js';
import { buildSections } from '../../src/segment/build-sections.js';

interface LineSpec {
  kind: Block['kind'];
  line: string;
  level?: number;
  label?: string;
}

/** Lay lines out the way readers do (one block per line) and return the text and blocks. */
function layout(lines: LineSpec[]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const spec of lines) {
    if (text !== '') text += '\n';
    const start = text.length;
    text += spec.line;
    const block: Block = { kind: spec.kind, start, end: text.length };
    if (spec.level !== undefined) block.level = spec.level;
    if (spec.label !== undefined) {
      block.label = spec.label;
      block.titleStart = start + spec.line.indexOf(spec.label) + spec.label.length + 1;
    }
    blocks.push(block);
  }
  return { text, blocks };
}

const heading = (level: number, line: string, label?: string): LineSpec => ({ kind: 'heading', line, level, ...(label ? { label } : {}) });
const para = (line: string): LineSpec => ({ kind: 'paragraph', line });

describe('buildSections', () => {
  const { text, blocks } = layout([
    { kind: 'title', line: 'Annual Report 2031' },
    para('Preface before any heading.'),
    heading(1, 'Chapter 1 Asia', 'Chapter 1'),
    para('Asia overview.'),
    heading(2, '(1) Korea', '(1)'),
    para('Korea text.'),
    heading(3, 'A Trade', 'A'),
    para('Trade text.'),
    heading(2, '(2) Mongolia', '(2)'),
    para('Mongolia text.'),
    heading(1, 'Chapter 2 Europe', 'Chapter 2'),
    para('Europe text.'),
  ]);
  const { sections, sectionOfBlock } = buildSections(text, blocks);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const slice = (id: string) => text.slice(byId.get(id)!.start, byId.get(id)!.end);

  it('builds every section with one set of keys in one order, label undefined when absent', () => {
    const mixed = layout([heading(1, 'Outlook'), heading(2, '(1) Korea', '(1)')]);
    const keys = ['id', 'parent', 'level', 'label', 'title', 'start', 'end', 'heading'];
    for (const section of buildSections(mixed.text, mixed.blocks).sections) expect(Object.keys(section)).toEqual(keys);
  });

  it('numbers sections in document order with parents by level', () => {
    expect(sections.map((s) => [s.id, s.parent, s.level, s.label, s.title])).toEqual([
      ['s1', null, 1, 'Chapter 1', 'Asia'],
      ['s2', 's1', 2, '(1)', 'Korea'],
      ['s3', 's2', 3, 'A', 'Trade'],
      ['s4', 's1', 2, '(2)', 'Mongolia'],
      ['s5', null, 1, 'Chapter 2', 'Europe'],
    ]);
  });

  it('spans a section from its heading to the next heading of the same or higher level', () => {
    expect(slice('s1')).toBe('Chapter 1 Asia\nAsia overview.\n(1) Korea\nKorea text.\nA Trade\nTrade text.\n(2) Mongolia\nMongolia text.');
    expect(slice('s2')).toBe('(1) Korea\nKorea text.\nA Trade\nTrade text.');
    expect(slice('s3')).toBe('A Trade\nTrade text.');
    expect(slice('s4')).toBe('(2) Mongolia\nMongolia text.');
    expect(slice('s5')).toBe('Chapter 2 Europe\nEurope text.');
  });

  it('records the heading line as the heading span', () => {
    const s2 = byId.get('s2')!;
    expect(text.slice(s2.heading.start, s2.heading.end)).toBe('(1) Korea');
  });

  it('assigns each block its innermost section, null before the first heading', () => {
    expect(sectionOfBlock).toEqual([null, null, 's1', 's1', 's2', 's2', 's3', 's3', 's4', 's4', 's5', 's5']);
  });

  it('keeps sections nested inside their parents', () => {
    for (const section of sections) {
      if (!section.parent) continue;
      const parent = byId.get(section.parent)!;
      expect(section.start).toBeGreaterThanOrEqual(parent.start);
      expect(section.end).toBeLessThanOrEqual(parent.end);
      expect(section.level).toBeGreaterThan(parent.level);
    }
  });
});

describe('buildSections edge cases', () => {
  it('returns no sections when there are no headings', () => {
    const { text, blocks } = layout([para('Just text.'), para('More text.')]);
    expect(buildSections(text, blocks)).toEqual({ sections: [], sectionOfBlock: [null, null] });
  });

  it('skipped levels still nest under the nearest shallower heading', () => {
    const { text, blocks } = layout([heading(1, 'Top'), heading(3, 'Deep'), para('x'), heading(2, 'Middle')]);
    const { sections } = buildSections(text, blocks);
    expect(sections.map((s) => [s.id, s.parent])).toEqual([['s1', null], ['s2', 's1'], ['s3', 's1']]);
    expect(text.slice(sections[1]!.start, sections[1]!.end)).toBe('Deep\nx');
  });

  it('an empty section ends at its own heading', () => {
    const { text, blocks } = layout([heading(2, 'Empty'), heading(2, 'Next'), para('Body.')]);
    const { sections } = buildSections(text, blocks);
    expect(text.slice(sections[0]!.start, sections[0]!.end)).toBe('Empty');
  });

  it('treats a missing or invalid level as level 1', () => {
    const { text, blocks } = layout([heading(0, 'Zero'), { kind: 'heading', line: 'None' }]);
    const { sections } = buildSections(text, blocks);
    expect(sections.map((s) => [s.level, s.parent])).toEqual([[1, null], [1, null]]);
  });

  it('strips a label without titleStart and keeps an unlabelled title whole', () => {
    const text = '3. Outlook\nIntroduction\nChapter 4';
    const blocks: Block[] = [
      { kind: 'heading', start: 0, end: 10, level: 1, label: '3' },
      { kind: 'heading', start: 11, end: 23, level: 1 },
      { kind: 'heading', start: 24, end: 33, level: 1, label: 'Chapter 4', titleStart: 33 },
    ];
    expect(buildSections(text, blocks).sections.map((s) => s.title)).toEqual(['Outlook', 'Introduction', '']);
  });
});
