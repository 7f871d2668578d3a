import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { htmlToDocument } from './html-blocks.js';
import { ReadError } from './read-error.js';

/**
 * HTML pages: headings, paragraphs, list items and table rows become blocks; scripts, styles and
 * the head are dropped; footnote markers that link to a footnote list are detached from the text.
 */
export const readHtml: FormatReader = async ({ file, bytes }) => {
  return htmlToDocument(decodeHtml(file, bytes));
};

/** UTF-8 or UTF-16 by default; a page that is not UTF-8 is read in the charset its <meta> declares. */
function decodeHtml(file: string, bytes: Uint8Array): string {
  try {
    return decodeText(file, bytes);
  } catch (err) {
    if (!(err instanceof ReadError) || err.problem !== 'invalid-utf8') throw err;
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
    const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
    if (!charset || /^utf-?8$/i.test(charset)) throw err;
    try {
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    } catch {
      throw err;
    }
  }
}
