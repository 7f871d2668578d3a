import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frontMatterDate, metadataDateValue } from '../../src/read/metadata-date.js';
import { readHtml } from '../../src/read/read-html.js';
import { markdownToDocument } from '../../src/read/read-markdown.js';
import { readBytes } from '../../src/read/read-file.js';
import { inferPeriod } from '../../src/read/infer-period.js';

const html = async (s: string) => readHtml({ file: 'page.html', bytes: new TextEncoder().encode(s) });
const page = (head: string, body = '<p>The minister met his counterpart on Tuesday.</p>') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('metadataDateValue', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2021-03-03', '2021-03-03'], ['2021-03-03T10:00:00+09:00', '2021-03-03'], ['2021/03/03', '2021-03-03'], ['20210303', '2021-03-03'],
    [' 2019-12-31T23:59Z', '2019-12-31'],
    // Not dates.
    ['2021-02-30', undefined], ['2021-13-01', undefined], ['March 3, 2021', undefined], ['202103031', undefined], ['', undefined],
  ];
  it.each(cases)('%s', (value, date) => expect(metadataDateValue(value)).toBe(date));

  it('gives a real calendar date or nothing, for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const d = metadataDateValue(s);
      if (d !== undefined) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    }));
  });
});

describe('publication date of an HTML page', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['Open Graph article', '<meta property="article:published_time" content="2022-05-03T08:00:00Z">', '2022-05-03'],
    ['Dublin Core', '<meta name="DC.date.issued" content="2020-11-09">', '2020-11-09'],
    ['plain date', '<meta name="date" content="2019-06-01">', '2019-06-01'],
    ['published beats modified and a plain date', '<meta name="date" content="2019-06-01"><meta property="article:modified_time" content="2023-01-01"><meta property="article:published_time" content="2019-05-30">', '2019-05-30'],
    ['a <time> element marked as the publication date', '', '2018-02-14'],
    // Not publication dates.
    ['modified only', '<meta property="article:modified_time" content="2023-01-01">', undefined],
    ['unreadable content', '<meta name="date" content="last Tuesday">', undefined],
    ['a <time> in the text that is not the publication date', '', undefined],
  ];
  it.each(cases)('%s', async (what, head, date) => {
    const body = what.includes('<time> element marked') ? '<p>Posted <time itemprop="datePublished" datetime="2018-02-14">14 Feb</time>. Talks went on.</p>'
      : what.includes('not the publication date') ? '<p>Talks on <time datetime="2018-02-14">14 Feb</time> went on.</p>' : undefined;
    const out = await html(page(head, body));
    expect(out.published).toBe(date);
  });
});

describe('publication date in Markdown front matter', () => {
  const cases: Array<[string, string | undefined]> = [
    ['---\ntitle: Statement\ndate: 2021-03-03\n---\nThe talks resumed.', '2021-03-03'],
    ['---\ndate: "2021-03-03T09:00:00+01:00"\n---\nThe talks resumed.', '2021-03-03'],
    ['---\ntitle: Statement\n---\nThe talks resumed on date: 2021-03-03.', undefined],
    ['No front matter. date: 2021-03-03', undefined],
  ];
  it.each(cases)('%s', (source, date) => expect(markdownToDocument(source).published).toBe(date));

  it('reads the front matter date alone', () => expect(frontMatterDate('layout: post\npubDate: 2017-08-09')).toBe('2017-08-09'));
});

describe('the publication date dates the document', () => {
  it('after a dateline in the text, before the file name', async () => {
    const doc = await readBytes('statement-2015.html', new TextEncoder().encode(page('<meta name="date" content="2022-05-03">')));
    const { period } = inferPeriod(doc, {}, () => new Date('2030-01-01T00:00:00Z'));
    expect(period).toMatchObject({ rule: 'period.metadata-date', dct: '2022-05-03', start: '2022-01-01' });
    const dated = await readBytes('statement.html', new TextEncoder().encode(page('<meta name="date" content="2022-05-03">', '<p>GENEVA, 3 May 2021 — The talks resumed.</p>')));
    expect(inferPeriod(dated).period).toMatchObject({ rule: 'period.dateline', dct: '2021-05-03' });
  });
});
