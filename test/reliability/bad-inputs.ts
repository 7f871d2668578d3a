import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';
import type { ReadProblem } from '../../src/read/read-error.js';

/**
 * The bad-input matrix: files people will feed the system, each with what must happen. Legitimate
 * text is read (`ok`, with a phrase the text must contain); everything else fails with a problem
 * code and a message naming the file. Built on disk in a temporary folder for every run.
 */
export interface BadInput {
  /** File name on disk (and the name sent with an upload). */
  name: string;
  /** What it is, for the table in docs/reliability.md. */
  what: string;
  expect: { ok: true; contains: string } | { ok: false; problem: ReadProblem; message: RegExp };
  /** Only the CLI can be given it (a directory, a link): no upload exists for it. */
  pathOnly?: boolean;
}

const PARAGRAPHS = [
  'Review of External Relations 2021',
  '1. Neighbouring States',
  'In March 2021, the Government of France condemned the missile launch by North Korea.',
  'Japan and India held a summit meeting in Tokyo on 6 October 2021 and agreed to expand cooperation.',
];

export const REPORT_TEXT = PARAGRAPHS.join('\n');

/** Every case of the matrix except the huge ones, which have their own test. */
export async function writeBadInputs(dir: string): Promise<BadInput[]> {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const cases: BadInput[] = [];
  const add = (c: BadInput, bytes?: Uint8Array | string) => {
    if (bytes !== undefined) writeFileSync(at(c.name), bytes);
    cases.push(c);
  };

  add({ name: 'empty.txt', what: 'empty file', expect: { ok: false, problem: 'empty', message: /empty\.txt: is empty/ } }, '');
  add({ name: 'whitespace.txt', what: 'whitespace only', expect: { ok: false, problem: 'empty', message: /whitespace\.txt: contains no readable text/ } }, ' \n\t\r\n   \u00a0\n');
  add({ name: 'binary.txt', what: 'binary data named .txt', expect: { ok: false, problem: 'binary', message: /binary\.txt: looks like binary data/ } },
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  add({ name: 'binary.bin', what: 'binary data, unknown extension', expect: { ok: false, problem: 'unsupported-format', message: /binary\.bin: has an unsupported extension/ } },
    Uint8Array.from({ length: 512 }, (_, i) => (i * 31) % 256));
  add({ name: 'invalid-utf8.txt', what: 'invalid UTF-8 (Windows-1252 bytes)', expect: { ok: false, problem: 'invalid-utf8', message: /invalid-utf8\.txt: is not valid UTF-8 \(first invalid byte at offset 20\)/ } },
    Buffer.concat([Buffer.from('Meeting in Montr\u00e9al'.slice(0, 16)), Buffer.from('al, '), Buffer.from([0x93]), Buffer.from('quoted'), Buffer.from([0x94]), Buffer.from(' text.\n')]));
  add({ name: 'utf16le-bom.txt', what: 'UTF-16 LE with BOM', expect: { ok: true, contains: PARAGRAPHS[2]! } },
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT_TEXT, 'utf16le')]));
  add({ name: 'utf16be-bom.txt', what: 'UTF-16 BE with BOM', expect: { ok: true, contains: PARAGRAPHS[3]! } },
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(REPORT_TEXT, 'utf16le').swap16()]));
  add({ name: 'utf8-bom.txt', what: 'UTF-8 with BOM', expect: { ok: true, contains: PARAGRAPHS[2]! } }, '\ufeff' + REPORT_TEXT);
  add({ name: 'mixed-endings.txt', what: 'mixed line endings (CRLF, CR, LF)', expect: { ok: true, contains: PARAGRAPHS[3]! } },
    `${PARAGRAPHS[0]}\r\n${PARAGRAPHS[1]}\r${PARAGRAPHS[2]}\n\r\n${PARAGRAPHS[3]}\r\n`);
  add({ name: 'long-line.txt', what: 'one 200 KB line (the 5 MB line is read in huge-inputs)', expect: { ok: true, contains: 'agreed to expand cooperation.' } },
    longLine(200 * 1024));
  add({ name: 'nested.html', what: 'HTML nested 5,000 elements deep', expect: { ok: true, contains: 'condemned the missile launch' } },
    `<html><body>${'<div>'.repeat(5000)}<p>${PARAGRAPHS[2]}</p>${'</div>'.repeat(5000)}</body></html>`);
  add({ name: 'malformed.html', what: 'malformed HTML (unclosed, stray and misnested tags)', expect: { ok: true, contains: 'agreed to expand cooperation' } },
    `<html><head><title>Review</title><body><h1>${PARAGRAPHS[0]}</h2><p>${PARAGRAPHS[2]}<p><b><i>${PARAGRAPHS[3]}</b></i></td></tr><div class="x><p>tail`);
  add({ name: 'scripts.html', what: 'HTML with scripts, styles and event handlers', expect: { ok: true, contains: 'condemned the missile launch' } },
    `<!doctype html><html><head><script>window.__pwned = 1</script><style>p{}</style></head><body onload="window.__pwned=1"><p>${PARAGRAPHS[2]}</p><img src=x onerror="window.__pwned=1"><script>document.write('injected')</script><noscript>noscript</noscript></body></html>`);
  add({ name: 'corrupt.pdf', what: 'corrupt PDF (truncated)', expect: { ok: false, problem: 'corrupt', message: /corrupt\.pdf: is not a readable PDF/ } },
    (await textPdf()).slice(0, 600));
  add({ name: 'garbage.pdf', what: 'PDF header then garbage', expect: { ok: false, problem: 'corrupt', message: /garbage\.pdf: is not a readable PDF/ } },
    '%PDF-1.7\n1 0 obj << /Type /Catalog >> this is not a PDF\n');
  add({ name: 'encrypted.pdf', what: 'password-protected PDF', expect: { ok: false, problem: 'encrypted', message: /encrypted\.pdf: is password-protected/ } }, await encryptedPdf());
  add({ name: 'image-only.pdf', what: 'image-only (scanned) PDF', expect: { ok: false, problem: 'no-text', message: /image-only\.pdf: has no extractable text.*OCR/ } }, await imageOnlyPdf());
  add({ name: 'text.pdf', what: 'ordinary PDF (control)', expect: { ok: true, contains: 'condemned the missile launch' } }, await textPdf());
  add({ name: 'not-word.docx', what: 'DOCX that is a zip of something else', expect: { ok: false, problem: 'corrupt', message: /not-word\.docx: is a ZIP archive but not a Word document/ } }, await zipOfSomethingElse());
  add({ name: 'not-zip.docx', what: 'DOCX that is plain text', expect: { ok: false, problem: 'corrupt', message: /not-zip\.docx: is not a (readable )?\.docx/ } }, REPORT_TEXT);

  mkdirSync(at('a-directory'), { recursive: true });
  add({ name: 'a-directory', what: 'a directory holding no report', pathOnly: true, expect: { ok: false, problem: 'not-a-file', message: /a-directory: (directory holds no readable file|is a directory)/ } });
  symlinkSync('loop-b.txt', at('loop-a.txt'));
  symlinkSync('loop-a.txt', at('loop-b.txt'));
  add({ name: 'loop-a.txt', what: 'a symbolic link loop', pathOnly: true, expect: { ok: false, problem: 'unreadable', message: /loop-a\.txt: is a symbolic link loop/ } });
  add({ name: 'missing.txt', what: 'a path that does not exist', pathOnly: true, expect: { ok: false, problem: 'not-found', message: /missing\.txt: does not exist/ } });
  return cases;
}

/** One line of `bytes` characters made of whole sentences, with no newline anywhere. */
export function longLine(bytes: number): string {
  const unit = `${PARAGRAPHS[2]} ${PARAGRAPHS[3]} `;
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes).replace(/\S*$/, '').trimEnd();
}

async function textPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  PARAGRAPHS.forEach((line, i) => page.drawText(line, { x: 40, y: 780 - i * 16, size: 10, font }));
  return doc.save({ useObjectStreams: false });
}

/** A standard security handler with a non-empty user password: pdf-lib cannot encrypt, so the dictionary is written by hand. */
async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Confidential', { x: 50, y: 700, font });
  const ctx = doc.context;
  ctx.trailerInfo.Encrypt = ctx.register(ctx.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: PDFHexString.of('5a'.repeat(32)), U: PDFHexString.of('c3'.repeat(32)) }));
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('0f'.repeat(16)), PDFHexString.of('0f'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // A tiny grey PNG drawn over the page, as a scanner would produce (no text layer at all).
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=', 'base64');
  const image = await doc.embedPng(png);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([400, 400]);
    page.drawImage(image, { x: 20, y: 20, width: 360, height: 360 });
    page.drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: rgb(0.4, 0.4, 0.4) });
  }
  return doc.save();
}

async function zipOfSomethingElse(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('photos/holiday.txt', 'not a word document');
  zip.file('data.csv', 'a,b\n1,2\n');
  return zip.generateAsync({ type: 'uint8array' });
}
