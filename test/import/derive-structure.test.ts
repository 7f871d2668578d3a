import { describe, expect, it } from 'vitest';
import type { ExportJson } from '../../src/export/export-types.js';
import { deriveParagraphs, headingEnd } from '../../src/import/derive-structure.js';
import { analysedSample } from './sample-kb.js';

type Doc = ExportJson['documents'][number];

/** A document laid out line by line: `# ` lines are headings, `- ` lines footnotes, blank lines separate nothing. */
function layout(title: string, lines: string[]): Doc {
  const text = lines.join('\n');
  const doc: Doc = {
    id: 'd', title, source: 's', format: 'text', period: { start: '2022-01-01', end: '2022-12-31', rule: 'r', reason: 'r' }, text,
    sections: [], sentences: [], footnotes: [],
  };
  let at = 0;
  lines.forEach((line, paragraph) => {
    const start = at;
    at += line.length + 1;
    if (line === '') return;
    if (line.startsWith('# ')) doc.sections.push({ id: `s${doc.sections.length + 1}`, parent: null, level: 1, label: null, title: line.slice(2), start, end: text.length });
    if (line.startsWith('- ')) doc.footnotes.push({ label: String(doc.footnotes.length + 1), start: start + 2, end: start + line.length, text: line.slice(2), markers: [] });
    // Two sentences when the line has ". ", as the segmenter would split it.
    const cut = line.indexOf('. ');
    if (cut > 0 && !line.startsWith('# ')) {
      doc.sentences.push({ start, end: start + cut + 1, paragraph }, { start: start + cut + 2, end: start + line.length, paragraph });
    } else doc.sentences.push({ start, end: start + line.length, paragraph });
  });
  return doc;
}

describe('deriveParagraphs', () => {
  it.each([
    ['a paragraph before any heading', 'T', ['One. Two.'], [{ idx: 0, section: null, kind: 'paragraph', start: 0, end: 9 }]],
    ['the title line', 'Report', ['Report', 'Text.'], [{ idx: 0, section: null, kind: 'title', start: 0, end: 6 }, { idx: 1, section: null, kind: 'paragraph', start: 7, end: 12 }]],
    ['a heading and its paragraph', 'T', ['# Head', 'Body. More.'], [{ idx: 0, section: 's1', kind: 'heading', start: 0, end: 6 }, { idx: 1, section: 's1', kind: 'paragraph', start: 7, end: 18 }]],
    ['a footnote', 'T', ['# H', 'Text.', '- 1 A note. More.'], [
      { idx: 0, section: 's1', kind: 'heading', start: 0, end: 3 }, { idx: 1, section: 's1', kind: 'paragraph', start: 4, end: 9 },
      { idx: 2, section: 's1', kind: 'footnote', start: 10, end: 27 }]],
    ['a blank block keeps the numbering of the others', 'T', ['A.', '', 'B.'], [{ idx: 0, section: null, kind: 'paragraph', start: 0, end: 2 }, { idx: 2, section: null, kind: 'paragraph', start: 4, end: 6 }]],
  ] as const)('%s', (_name, title, lines, expected) => {
    expect(deriveParagraphs(layout(title, [...lines]))).toEqual(expected);
  });

  it('puts a paragraph in the innermost section around it', () => {
    const doc = layout('T', ['# Outer', 'a.', '# Inner', 'b.']);
    doc.sections[0]!.end = doc.text.length;
    doc.sections[1]!.parent = 's1';
    doc.sections[1]!.level = 2;
    expect(deriveParagraphs(doc).map((p) => p.section)).toEqual(['s1', 's1', 's2', 's2']);
  });
});

describe('headingEnd', () => {
  it('is the end of the heading line, or the section start when no sentence starts there', () => {
    const doc = layout('T', ['# Head line', 'Body.']);
    expect(headingEnd(doc, doc.sections[0]!)).toBe(11);
    expect(headingEnd(doc, { ...doc.sections[0]!, start: 3 })).toBe(3);
  });
});

describe('on the pipeline output', () => {
  it('rebuilds the segmenter\'s paragraphs and headings, except title lines that are not the document title', async () => {
    const a = await analysedSample();
    const seg = a.segmentation;
    const doc: Doc = {
      id: a.id, title: a.title, source: a.source, format: a.format, period: { start: '', end: '', rule: '', reason: '' }, text: a.text,
      sections: seg.sections.map((s) => ({ id: s.id, parent: s.parent, level: s.level, label: s.label ?? null, title: s.title, start: s.start, end: s.end })),
      sentences: seg.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
      footnotes: a.footnotes.map((f) => ({ label: f.label, start: f.body.start, end: f.body.end, text: a.text.slice(f.body.start, f.body.end), markers: [] })),
    };
    const withSentences = seg.paragraphs.filter((p) => seg.sentences.some((s) => s.paragraph === p.index));
    const expected = withSentences.map((p) => ({
      idx: p.index, section: p.section, start: p.start, end: p.end,
      kind: p.kind === 'title' && a.text.slice(p.start, p.end).trim() !== a.title.trim() ? 'paragraph' : p.kind,
    }));
    expect(deriveParagraphs(doc)).toEqual(expected);
    for (const s of seg.sections) expect(headingEnd(doc, doc.sections.find((x) => x.id === s.id)!)).toBe(s.heading.end);
  }, 60_000);
});
