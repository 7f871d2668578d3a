import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block } from '../../src/model/index.js';
import type { FormatOutput } from '../../src/read/format-reader.js';
import { readMarkdown } from '../../src/read/read-markdown.js';
import { ReadError } from '../../src/read/read-error.js';
import { expectWellFormed } from './well-formed.js';

const read = (md: string): Promise<FormatOutput> => readMarkdown({ file: 'report.md', bytes: new TextEncoder().encode(md) });
const blockTexts = (out: FormatOutput): Array<[Block['kind'], string]> => out.blocks.map((b) => [b.kind, out.text.slice(b.start, b.end)]);

describe('readMarkdown blocks', () => {
  const cases: Array<[string, string, Array<[Block['kind'], string]>]> = [
    ['ATX and setext headings', '# Top\n\nTitle Two\n---------\n\n### Third ###\n', [['heading', 'Top'], ['heading', 'Title Two'], ['heading', 'Third']]],
    ['paragraph lines joined', 'one\ntwo\nthree\n\nnext', [['paragraph', 'one two three'], ['paragraph', 'next']]],
    ['inline markup stripped', 'Some *em*, **strong**, ~~del~~, `code` and [a link](http://x.org "t") with ![the alt](i.png).', [['paragraph', 'Some em, strong, del, code and a link with the alt.']]],
    ['entities decoded', 'Tom &amp; Jerry &#8217; &eacute;', [['paragraph', 'Tom & Jerry ’ é']]],
    ['hard breaks are spaces', 'one  \ntwo\\\nthree', [['paragraph', 'one two three']]],
    ['lists, nested', '- one\n- two\n  - nested\n\n1. first\n2. second', [['list-item', 'one'], ['list-item', 'two'], ['list-item', 'nested'], ['list-item', 'first'], ['list-item', 'second']]],
    ['blockquote', '> quoted\n> words\n\n> second', [['paragraph', 'quoted words'], ['paragraph', 'second']]],
    ['table rows', '| Year | Trade |\n|---|---|\n| 2021 | *5.1* |\n| 2022 | 4 |', [['paragraph', 'Year | Trade'], ['paragraph', '2021 | 5.1'], ['paragraph', '2022 | 4']]],
    ['indented code kept', 'text\n\n    indented paragraph\n    more\n', [['paragraph', 'text'], ['paragraph', 'indented paragraph more']]],
    ['fenced code dropped', 'before\n\n```json\n{"a": 1}\n```\n\nafter', [['paragraph', 'before'], ['paragraph', 'after']]],
    ['html blocks read as html', '<div>\n<p>html &amp; text</p>\n</div>\n\nafter', [['paragraph', 'html & text'], ['paragraph', 'after']]],
    ['rules and link definitions carry no text', 'a\n\n***\n\n[x]: http://example.org\n\nb', [['paragraph', 'a'], ['paragraph', 'b']]],
  ];
  it.each(cases)('%s', async (_name, md, expected) => {
    const out = await read(md);
    expect(blockTexts(out)).toEqual(expected);
    expectWellFormed(out);
  });

  it('notes a dropped fenced code block', async () => {
    const out = await read('```\ncode\n```');
    expect(out.messages.map((m) => m.rule)).toContain('read.code-block-dropped');
  });

  it('gives headings their level and label', async () => {
    const out = await read('# Chapter 2 Regional Diplomacy\n\n## A Overview\n\n## B Relations\n\n### (1) Situation\n');
    expect(out.blocks.map((b) => [b.level, b.label, b.titleStart === undefined ? undefined : out.text.slice(b.titleStart, b.end)])).toEqual([
      [1, 'Chapter 2', 'Regional Diplomacy'], [2, 'A', 'Overview'], [2, 'B', 'Relations'], [3, '(1)', 'Situation'],
    ]);
  });

  it('takes the title from front matter, else the first h1', async () => {
    const withFront = await read('---\ntitle: "Annual Review"\nauthor: x\n---\n\n# Heading\n\ntext');
    expect(withFront.title).toBe('Annual Review');
    expect(withFront.text).toBe('Heading\ntext');
    expect((await read('intro\n\n# Main\n')).title).toBe('Main');
  });
});

describe('readMarkdown footnotes', () => {
  it('detaches references and reads definitions', async () => {
    const md = 'Japan imposed sanctions[^1] on Russia[^long-note].\n\nMore text[^1].\n\n[^1]: Adopted in *March*.\n    Continued here.\n[^long-note]: Second note.\n';
    const out = await read(md);
    expect(blockTexts(out)).toEqual([
      ['paragraph', 'Japan imposed sanctions on Russia.'],
      ['paragraph', 'More text.'],
      ['footnote', 'Adopted in March. Continued here.'],
      ['footnote', 'Second note.'],
    ]);
    expect(out.footnotes.map((f) => [f.label, f.markers.map((m) => m.start)])).toEqual([
      ['1', ['Japan imposed sanctions'.length, 'Japan imposed sanctions on Russia.\nMore text'.length]],
      ['long-note', ['Japan imposed sanctions on Russia'.length]],
    ]);
    expect(out.blocks[2]).toMatchObject({ kind: 'footnote', label: '1' });
    expectWellFormed(out);
  });

  it('reports a definition nothing refers to', async () => {
    const out = await read('Text.\n\n[^a]: Orphan.');
    expect(out.footnotes).toHaveLength(1);
    expect(out.messages.map((m) => m.rule)).toContain('read.footnote-unreferenced');
  });

  const negatives: Array<[string, string, string]> = [
    ['reference with no definition', 'Text[^9] here.', 'Text[^9] here.'],
    ['reference in code', 'Use `[^1]` literally.\n\n[^1]: Note.', 'Use [^1] literally.\nNote.'],
    ['definition inside a code fence', '```\n[^1]: not a note\n```\n\nText[^1].', 'Text[^1].'],
    ['escaped reference', 'Text\\[^1] here.\n\n[^1]: Note.', 'Text[^1] here.\nNote.'],
  ];
  it.each(negatives)('%s has no markers', async (_name, md, text) => {
    const out = await read(md);
    expect(out.text).toBe(text);
    expect(out.footnotes.flatMap((f) => f.markers)).toEqual([]);
  });

  it('never throws anything but ReadError, and keeps its offsets valid', async () => {
    const parts = fc.constantFrom('# ', '## A ', '\n', '\n\n', '- ', '1. ', '> ', '|a|b|\n|-|-|\n', '```', '    ', '[^1]', '[^1]: ', '[x](y)', '*', '_', '`', '<p>', '</p>', '&amp;', '\\', 'word', ' ');
    const md = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(parts, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join('')));
    await fc.assert(fc.asyncProperty(md, async (source) => {
      try {
        expectWellFormed(await read(source));
      } catch (err) {
        if (!(err instanceof ReadError)) throw err;
      }
    }), { numRuns: 300 });
  });
});
