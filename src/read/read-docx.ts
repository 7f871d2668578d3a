import type { FormatReader } from './format-reader.js';
import { htmlToDocument } from './html-blocks.js';
import { ReadError } from './read-error.js';

// Word's "Title" and "Subtitle" paragraph styles; mammoth does not map them by default.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
];
// mammoth writes footnotes and endnotes as list items with these ids, and links the markers to them.
const MAMMOTH_NOTE_ID = /^(?:footnote|endnote)-\d+$/;
const MAX_WARNINGS = 20;

/**
 * Word documents: mammoth turns them into HTML, which is read like any HTML page; Word's
 * footnotes and endnotes become footnotes with their markers.
 */
export const readDocx: FormatReader = async ({ file, bytes }) => {
  refuseNonZip(file, bytes);
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  // Loaded on first use, like pdf-parse: most runs read no Word file.
  const { default: mammoth } = await import('mammoth');
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/main document part/i.test(detail)) {
      throw new ReadError(file, 'corrupt', 'is a ZIP archive but not a Word document (it has no word/document.xml)', 'give a .docx saved by Word or LibreOffice');
    }
    throw new ReadError(file, 'corrupt', `is not a readable .docx (${detail})`, 'check that the file is complete, or re-save it from Word');
  }
  const out = htmlToDocument(result.value, {
    isTitleElement: (name, attribs) => name === 'h1' && (attribs.class ?? '').split(' ').includes('docx-title'),
    trustNoteIds: MAMMOTH_NOTE_ID,
  });
  const seen = new Set<string>();
  for (const m of result.messages) {
    if (seen.has(m.message) || seen.size >= MAX_WARNINGS) continue;
    seen.add(m.message);
    out.messages.push({ rule: 'read.docx-conversion', severity: m.type === 'error' ? 'warning' : 'info', message: m.message });
  }
  return out;
};

/** Old binary .doc files and password-protected .docx files are OLE containers, not ZIP archives. */
function refuseNonZip(file: string, bytes: Uint8Array): void {
  const ole = bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
  if (ole) {
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    if (encrypted) throw new ReadError(file, 'encrypted', 'is a password-protected Word document', 'remove the password in Word (File > Info > Protect Document) and save again');
    throw new ReadError(file, 'unsupported-format', 'is an old binary Word document (.doc), not a .docx', 'save it as .docx, e.g. `libreoffice --headless --convert-to docx file.doc`');
  }
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) throw new ReadError(file, 'corrupt', 'is not a .docx file (a .docx is a ZIP archive and this is not one)');
}
