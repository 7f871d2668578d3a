import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';
import { pdfPagesToDocument, readPdf } from '../../src/read/read-pdf.js';
import { expectWellFormed } from './well-formed.js';

interface PageSpec { lines: string[] }

async function buildPdf(pages: PageSpec[], options: { title?: string; header?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title) doc.setTitle(options.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((spec, index) => {
    const page = doc.addPage([595, 842]);
    if (options.header) page.drawText(options.header, { x: 50, y: 800, size: 9, font });
    spec.lines.forEach((line, i) => page.drawText(line, { x: 50, y: 760 - i * 15, size: 11, font }));
    page.drawText(String(index + 1), { x: 290, y: 30, size: 9, font });
  });
  return doc.save();
}

describe('readPdf', () => {
  it('reads two pages into paragraphs without running headers and page numbers', async () => {
    const bytes = await buildPdf([
      { lines: ['1. Overview', 'The Government of Japan strengthened its inter-', 'national cooperation with partners in the region and', 'Southeast Asia during the year under review.', 'Relations with Russia deteriorated sharply after'] },
      { lines: ['the aggression against Ukraine began in February.', '2. Sanctions', 'Japan froze the assets of officials and banks.'] },
    ], { title: 'Annual Review 2022', header: 'Annual Review of Foreign Policy' });
    const out = await readPdf({ file: 'review.pdf', bytes });
    expect(out.title).toBe('Annual Review 2022');
    expect(out.text).toBe([
      '1. Overview',
      'The Government of Japan strengthened its international cooperation with partners in the region and Southeast Asia during the year under review.',
      'Relations with Russia deteriorated sharply after the aggression against Ukraine began in February.',
      '2. Sanctions',
      'Japan froze the assets of officials and banks.',
    ].join('\n'));
    expect(out.blocks.map((b) => [b.kind, b.label])).toEqual([['heading', '1.'], ['paragraph', undefined], ['paragraph', undefined], ['heading', '2.'], ['paragraph', undefined]]);
    expect(out.messages.map((m) => m.rule)).toContain('read.pdf-running-lines');
    expectWellFormed(out);
    // The caller's buffer is not handed over to pdf.js.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('reports garbage after the header as corrupt', async () => {
    await expect(readPdf({ file: 'bad.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nthis is not a pdf at all') }))
      .rejects.toMatchObject({ name: 'ReadError', problem: 'corrupt', file: 'bad.pdf' });
  });

  it('reports a truncated file as corrupt', async () => {
    const bytes = await buildPdf([{ lines: ['Some text.'] }]);
    await expect(readPdf({ file: 'cut.pdf', bytes: bytes.slice(0, Math.floor(bytes.length / 3)) }))
      .rejects.toMatchObject({ problem: 'corrupt', message: expect.stringContaining('cut.pdf') });
  });

  it('reports a PDF with no text layer, with a hint to run OCR', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawRectangle({ x: 10, y: 10, width: 100, height: 100, color: rgb(0.2, 0.2, 0.2) });
    const err = await readPdf({ file: 'scan.pdf', bytes: await doc.save() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'no-text', file: 'scan.pdf' });
    expect((err as Error).message).toMatch(/OCR/);
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Secret', { x: 50, y: 700, font });
    // A standard security handler whose user password is not empty: pdf.js must ask for one.
    const ctx = doc.context;
    ctx.trailerInfo.Encrypt = ctx.register(ctx.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)) }));
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
    await expect(readPdf({ file: 'locked.pdf', bytes: await doc.save({ useObjectStreams: false }) }))
      .rejects.toMatchObject({ problem: 'encrypted' });
  });
});

describe('pdfPagesToDocument', () => {
  // A wrapped paragraph first, so the document shows how long a full line is.
  const wrapped = ['The ministers of the two countries met in the capital and agreed', 'that talks on the peace treaty would resume early in the new', 'year, with working groups on fisheries, energy and travel.'];
  const opening = 'The ministers of the two countries met in the capital and agreed that talks on the peace treaty would resume early in the new year, with working groups on fisheries, energy and travel.';
  const cases: Array<[string, string[], string]> = [
    ['lowercase start continues', ['The minister said that', 'talks would resume.'], 'The minister said that talks would resume.'],
    ['full line without punctuation continues before a capital', [...wrapped, 'Relations between the two governments had improved with', 'Japan taking the lead.'], `${opening}\nRelations between the two governments had improved with Japan taking the lead.`],
    ['short sentence end before a capital breaks', [...wrapped, 'Short line ended.', 'Next paragraph.'], `${opening}\nShort line ended.\nNext paragraph.`],
    ['sentence ending at the margin goes on', [...wrapped, 'The delegations signed the memorandum at the end of the meeting.', 'They also agreed to meet again.'], `${opening}\nThe delegations signed the memorandum at the end of the meeting. They also agreed to meet again.`],
    ['one paragraph per line stays so', ['The delegations signed the memorandum at the end of the meeting', 'They also agreed to meet again next year in the other capital'], 'The delegations signed the memorandum at the end of the meeting\nThey also agreed to meet again next year in the other capital'],
    ['de-hyphenates a broken word', ['strengthened inter-', 'national ties.'], 'strengthened international ties.'],
    ['keeps a hyphen the document uses elsewhere', ['a long-term plan and a long-', 'term view.'], 'a long-term plan and a long-term view.'],
    ['joins a word the document uses closed', ['cooperation and co-', 'operation.'], 'cooperation and cooperation.'],
    ['keeps hyphen before a capital', ['the Japan-', 'Russia talks.'], 'the Japan-Russia talks.'],
    ['keeps hyphen after a prefix', ['nuclear non-', 'proliferation matters.'], 'nuclear non-proliferation matters.'],
    ['bullets start new blocks', ['Measures:', '• asset freezes', '• export bans'], 'Measures:\n• asset freezes\n• export bans'],
  ];
  it.each(cases)('%s', (_name, lines, text) => {
    const out = pdfPagesToDocument([lines.join('\n')]);
    expect(out.text).toBe(text);
    expectWellFormed(out);
  });

  it('drops lines repeated at the top of most pages, and page numbers', () => {
    const bodies = ['Talks resumed in spring.', 'Sanctions were extended.', 'Trade fell sharply.'];
    const pages = bodies.map((body, i) => `Diplomatic Report ${2021 + i}\n${body}\nPage ${i + 1} of 3`);
    expect(pdfPagesToDocument(pages).text).toBe(bodies.join('\n'));
  });

  it('keeps a first line that repeats on only one page, and body lines that look like numbers', () => {
    const pages = ['Introduction\nText one.', 'Other heading\nText two.\n42 states signed.', 'Third\nText three.'];
    const out = pdfPagesToDocument(pages);
    expect(out.text.split('\n')).toEqual(['Introduction', 'Text one.', 'Other heading', 'Text two.', '42 states signed.', 'Third', 'Text three.']);
  });

  it('uses a usable metadata title, else the first line', () => {
    const body = 'The body of the report runs to the right margin of the page.';
    expect(pdfPagesToDocument([`Annual Report\n${body}`], 'Microsoft Word - draft_v3.docx').title).toBe('Annual Report');
    expect(pdfPagesToDocument([`Annual Report\n${body}`]).blocks.map((b) => b.kind)).toEqual(['title', 'paragraph']);
    const titled = pdfPagesToDocument([`Something\n${body}`], 'The Real Title');
    expect(titled.title).toBe('The Real Title');
    expect(titled.blocks[0]!.kind).toBe('heading');
  });
});
