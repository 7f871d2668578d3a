import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block } from '../../src/model/index.js';
import type { FormatOutput } from '../../src/read/format-reader.js';
import { readHtml } from '../../src/read/read-html.js';
import { ReadError } from '../../src/read/read-error.js';
import { expectWellFormed } from './well-formed.js';

const read = (html: string): Promise<FormatOutput> => readHtml({ file: 'page.html', bytes: new TextEncoder().encode(html) });
const blockTexts = (out: FormatOutput): Array<[Block['kind'], string]> => out.blocks.map((b) => [b.kind, out.text.slice(b.start, b.end)]);

describe('readHtml blocks', () => {
  const cases: Array<[string, string, Array<[Block['kind'], string]>]> = [
    ['paragraphs and entities', '<p>Tom &amp; Jerry&nbsp;met &eacute;lite&#8217;s.</p><p>Second</p>', [['paragraph', 'Tom & Jerry met élite’s.'], ['paragraph', 'Second']]],
    ['br is a space', '<p>one<br>two<br/>three</p>', [['paragraph', 'one two three']]],
    ['inline markup joins without spaces', '<p>un<b>believ</b>able <i>text</i></p>', [['paragraph', 'unbelievable text']]],
    ['dropped content', '<head><style>p{}</style><script>x()</script></head><body><noscript>no</noscript><template><p>t</p></template><svg><text>s</text></svg><p>kept</p></body>', [['paragraph', 'kept']]],
    ['navigation and hidden content dropped', '<nav><ul><li>Home</li></ul></nav>before<div role="navigation">Menu</div>after<span hidden>x</span><p aria-hidden="true">y</p>', [['paragraph', 'before'], ['paragraph', 'after']]],
    ['inline script does not split a paragraph', '<p>one <script>x()</script>two</p>', [['paragraph', 'one two']]],
    ['list items', '<ul><li>one</li><li>two <em>words</em></li></ul>', [['list-item', 'one'], ['list-item', 'two words']]],
    ['blockquote', '<blockquote>Quoted words</blockquote>', [['paragraph', 'Quoted words']]],
    ['table rows', '<table><tr><th>Year</th><th>Trade</th></tr><tr><td>2021</td><td>5.1</td></tr></table>', [['paragraph', 'Year | Trade'], ['paragraph', '2021 | 5.1']]],
    ['div text outside p', '<div>before<p>inside</p>after</div>', [['paragraph', 'before'], ['paragraph', 'inside'], ['paragraph', 'after']]],
    ['whitespace collapsed', '<p>\n  a \t\n b  </p>', [['paragraph', 'a b']]],
    ['soft hyphen removed', '<p>inter&shy;national</p>', [['paragraph', 'international']]],
    ['unclosed tags', '<p>one<p>two<li>three', [['paragraph', 'one'], ['paragraph', 'two'], ['list-item', 'three']]],
    ['sup that is not a footnote stays', '<p>10<sup>3</sup> tonnes, the 1<sup>st</sup> time</p>', [['paragraph', '103 tonnes, the 1st time']]],
  ];
  it.each(cases)('%s', async (_name, html, expected) => {
    const out = await read(html);
    expect(blockTexts(out)).toEqual(expected);
    expectWellFormed(out);
  });

  it('gives headings their level and label', async () => {
    const out = await read('<h1>Chapter 2 Regional Diplomacy</h1><h2>A Overview</h2><h2>B Japan-Russia Relations</h2><h3>(1) Situation</h3><h3>Plain</h3>');
    const headings = out.blocks.map((b) => ({ level: b.level, label: b.label, title: b.titleStart === undefined ? undefined : out.text.slice(b.titleStart, b.end) }));
    expect(headings).toEqual([
      { level: 1, label: 'Chapter 2', title: 'Regional Diplomacy' },
      { level: 2, label: 'A', title: 'Overview' },
      { level: 2, label: 'B', title: 'Japan-Russia Relations' },
      { level: 3, label: '(1)', title: 'Situation' },
      { level: 3, label: undefined, title: undefined },
    ]);
    expect(out.blocks.every((b) => b.kind === 'heading')).toBe(true);
  });

  it('takes the title from <title>, else the first h1', async () => {
    expect((await read('<title> The  Report </title><h1>Other</h1>')).title).toBe('The Report');
    expect((await read('<p>intro</p><h1>Main Heading</h1>')).title).toBe('Main Heading');
    expect((await read('<svg><title>icon</title></svg><p>Body only</p>')).title).toBe('Body only');
  });
});

describe('readHtml footnotes', () => {
  it('detaches pandoc footnote markers and reads the notes', async () => {
    const html = `<p>Japan imposed sanctions<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> on Russia and froze assets.<a href="#fn2" class="footnote-ref" id="fnref2"><sup>2</sup></a></p>
<section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>Adopted in March.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>First part.</p><p>Second part.</p></li></ol></section>`;
    const out = await read(html);
    expect(blockTexts(out)).toEqual([
      ['paragraph', 'Japan imposed sanctions on Russia and froze assets.'],
      ['footnote', 'Adopted in March.'],
      ['footnote', 'First part. Second part.'],
    ]);
    expect(out.footnotes.map((f) => f.label)).toEqual(['1', '2']);
    expect(out.footnotes[0]!.markers).toEqual([{ start: 'Japan imposed sanctions'.length, end: 'Japan imposed sanctions'.length }]);
    expect(out.footnotes[1]!.markers[0]!.start).toBe('Japan imposed sanctions on Russia and froze assets.'.length);
    expect(out.text.slice(out.footnotes[1]!.body.start, out.footnotes[1]!.body.end)).toBe('First part. Second part.');
    expectWellFormed(out);
  });

  it('reads Wikipedia-style references and plain <sup> markers after an <hr>', async () => {
    const wiki = await read('<p>Text<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup> more.</p><ol class="references"><li id="cite_note-3"><a href="#cite_ref-3">^</a> A source.</li></ol>');
    expect(wiki.text).toBe('Text more.\nA source.');
    expect(wiki.footnotes).toEqual([{ label: '3', body: { start: 11, end: 20 }, markers: [{ start: 4, end: 4 }] }]);

    const plain = await read('<p>Islands<sup>1</sup> and seas<sup>2</sup>.</p><hr><ol><li>First note.</li><li>Second note.</li></ol>');
    expect(plain.text).toBe('Islands and seas.\nFirst note.\nSecond note.');
    expect(plain.footnotes.map((f) => [f.label, f.markers[0]?.start])).toEqual([['1', 7], ['2', 16]]);
  });

  it('strips a printed label from the footnote body', async () => {
    const out = await read('<p>Claim<sup><a href="#ftn1">[1]</a></sup>.</p><div id="ftn1"><p>[1] The basis.</p></div>');
    expect(out.footnotes).toHaveLength(1);
    expect(out.text.slice(out.footnotes[0]!.body.start, out.footnotes[0]!.body.end)).toBe('The basis.');
    expect(out.text.startsWith('Claim.')).toBe(true);
    // A body that merely starts with its own number keeps it.
    const dated = await read('<p>Signed<sup><a href="#fn1">1</a></sup>.</p><ol><li id="fn1">1 March 2022 in Tokyo.</li></ol>');
    expect(dated.text.slice(dated.footnotes[0]!.body.start, dated.footnotes[0]!.body.end)).toBe('1 March 2022 in Tokyo.');
  });

  // Lists and superscripts that are not footnotes must stay as text.
  const negatives: Array<[string, string, string]> = [
    ['ordinary ordered list', '<p>Steps:</p><ol><li>First</li><li>Second</li></ol>', 'Steps:\nFirst\nSecond'],
    ['list after a rule with no markers', '<p>Text</p><hr><ol><li>One</li></ol>', 'Text\nOne'],
    ['marker with no note', '<p>Area m<sup>2</sup> grew<sup>*</sup>.</p>', 'Area m2 grew*.'],
    ['link to a missing note', '<p>See<a href="#fn9">9</a>.</p>', 'See9.'],
    ['notes container nothing points at', '<p>Body</p><div class="footnotes"><p>Orphan</p></div>', 'Body\nOrphan'],
    ['a class that only mentions footnotes', '<div class="has-footnotes"><p>Lead<sup>1</sup>.</p><p>Second</p></div>', 'Lead1.\nSecond'],
  ];
  it.each(negatives)('%s yields no footnotes', async (_name, html, text) => {
    const out = await read(html);
    expect(out.footnotes).toEqual([]);
    expect(out.text).toBe(text);
    expect(out.blocks.some((b) => b.kind === 'footnote')).toBe(false);
  });
});

describe('readHtml robustness', () => {
  it('survives deep nesting without growing its stack', async () => {
    const depth = 20000;
    const out = await read(`${'<div><span>'.repeat(depth)}deep text${'</span></div>'.repeat(depth)}<p>after</p>`);
    expect(out.text).toContain('deep text');
    expect(out.text).toContain('after');
    expect(out.messages.some((m) => m.rule === 'read.html-deep-nesting')).toBe(true);
    expectWellFormed(out);
  });

  it('reads a page in the charset its <meta> declares', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'), 0xe9, ...new TextEncoder().encode('</p>')]);
    expect((await readHtml({ file: 'latin.html', bytes })).text).toBe('café');
  });

  it('refuses binary input with a ReadError', async () => {
    await expect(readHtml({ file: 'x.html', bytes: new Uint8Array([0, 1, 2, 3]) })).rejects.toMatchObject({ problem: 'binary', file: 'x.html' });
  });

  it('never throws anything but ReadError, and keeps its offsets valid', async () => {
    const tags = fc.constantFrom('<p>', '</p>', '<li>', '<h2>', '</h2>', '<sup>', '</sup>', '<a href="#fn1">', '</a>', '<ol class="footnotes">', '<li id="fn1">', '<hr>', '<br>', '<td>', '<tr>', '<script>', '&amp;', '&#x', '\n', ' ', '1', '[2]', 'word');
    const html = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(tags, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')));
    await fc.assert(fc.asyncProperty(html, async (source) => {
      try {
        expectWellFormed(await read(source));
      } catch (err) {
        if (!(err instanceof ReadError)) throw err;
      }
    }), { numRuns: 300 });
  });
});
