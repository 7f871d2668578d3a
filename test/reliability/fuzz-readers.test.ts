import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readBytes } from '../../src/read/read-file.js';
import { ReadError } from '../../src/read/read-error.js';
import { expectValidRead } from './analysis-invariants.js';
import { SAMPLE, unSpeechFiles } from './corpus-files.js';
import { mutatedBytes } from './mutations.js';

// Readers given arbitrary bytes, and real reports damaged at random: they either return a
// well-formed document or refuse with a ReadError that names the file, never anything else.
const NAMES = ['report.txt', 'report.html', 'report.md', 'report.pdf', 'report.docx', 'report'];

async function readOrRefuse(name: string, bytes: Uint8Array): Promise<void> {
  let doc;
  try {
    doc = await readBytes(name, bytes);
  } catch (err) {
    expect(err, String((err as Error).stack)).toBeInstanceOf(ReadError);
    expect((err as ReadError).message.startsWith(`${name}: `)).toBe(true);
    return;
  }
  expectValidRead(doc);
}

let realTexts: Uint8Array[];
let pdf: Uint8Array;
let docx: Uint8Array;

beforeAll(async () => {
  realTexts = [SAMPLE, ...unSpeechFiles(3)].map((f) => new Uint8Array(readFileSync(f)));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = new TextDecoder().decode(realTexts[realTexts.length - 1]!.subarray(0, 3000)).split(/(?<=\.)\s+/).slice(0, 20);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line.replace(/[^\x20-\x7e]/g, ' ').slice(0, 90), { x: 30, y: 800 - i * 14, size: 9, font }));
  pdf = await doc.save({ useObjectStreams: false });
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map((l) => `<w:p><w:r><w:t>${l.replace(/[<&>]/g, ' ')}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  docx = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}, 60_000);

describe('readers under fuzzing', () => {
  it('arbitrary bytes under every name', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2048 }), readOrRefuse), { numRuns: 300 });
  }, 120_000);

  it('arbitrary text, markup-heavy text and unicode under every name', async () => {
    const markup = fc.array(fc.constantFrom('<p>', '</p>', '<div>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', '&amp;', '&#0;', '&#xD800;', '# ', '**', '[^1]', '\r\n', '\n\n', '\u2028', '\ufeff', 'text ', '. '), { maxLength: 200 }).map((a) => a.join(''));
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 500 }), markup);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...NAMES.filter((n) => !/pdf|docx/.test(n))), text,
      (name, s) => readOrRefuse(name, new TextEncoder().encode(s))), { numRuns: 300 });
  }, 120_000);

  it('real reports with random damage', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...realTexts), fc.constantFrom('speech.txt', 'speech.md', 'speech.html'), mutatedBytes(),
      async (bytes, name, mutate) => readOrRefuse(name, mutate(bytes))), { numRuns: 150 });
  }, 120_000);

  it('a real PDF and DOCX with random damage', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom<[string, () => Uint8Array]>(['doc.pdf', () => pdf], ['doc.docx', () => docx]), mutatedBytes(),
      async ([name, bytes], mutate) => readOrRefuse(name, mutate(bytes()))), { numRuns: 60 });
  }, 180_000);
});
