import { createReadStream, promises as fs } from 'node:fs';
import { ReadError } from './read-error.js';
import { looksBinary } from './decode-text.js';

/** Text files larger than this many bytes are read part by part instead of whole (16 MiB). */
export const LARGE_TEXT_BYTES = 16 * 1024 * 1024;
/** About how many characters one part holds; analysis cost and memory grow with it. */
export const PART_CHARS = 256 * 1024;

/** One part of a large text: whole paragraphs, in file order. */
export interface TextPart {
  /** 1-based. */
  index: number;
  text: string;
  /** Where the part starts and ends in the file's decoded text (UTF-16 offsets). */
  start: number;
  end: number;
}

export interface StreamOptions {
  partChars?: number;
  /** Bytes read from the file at a time. */
  readBytes?: number;
}

/** Is `file` a plain text file over the size threshold? (Other formats are always read whole.) */
export async function isLargeText(file: string, threshold = LARGE_TEXT_BYTES): Promise<boolean> {
  if (!/(\.txt|\.text|^[^.]*)$/i.test(file.split(/[\\/]/).pop() ?? '')) return false;
  try {
    const st = await fs.stat(file);
    return st.isFile() && st.size > threshold;
  } catch {
    return false;
  }
}

/**
 * Read a large text file as a sequence of parts cut at paragraph boundaries (a blank line, or a
 * line end where the text has no blank lines), holding at most about two parts in memory. The
 * parts' texts, joined, are exactly the file's decoded text; offsets say where each part lies in it.
 */
export async function* streamTextParts(file: string, options: StreamOptions = {}): AsyncGenerator<TextPart> {
  const partChars = options.partChars ?? PART_CHARS;
  const stream = createReadStream(file, { highWaterMark: options.readBytes ?? 1024 * 1024 });
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let pending = '';
  let offset = 0;
  let index = 0;
  let bytesSeen = 0;
  const emit = (cut: number): TextPart => {
    const text = pending.slice(0, cut);
    pending = pending.slice(cut);
    const part = { index: ++index, text, start: offset, end: offset + text.length };
    offset += text.length;
    return part;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!decoder) {
        // As decodeText: a UTF-16 byte-order mark first, then the binary check for everything else.
        const utf16 = utf16Encoding(chunk);
        if (!utf16 && looksBinary(chunk)) throw new ReadError(file, 'binary', 'looks like binary data, not text', 'give a .txt, .html, .md, .pdf or .docx file');
        decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
      }
      try {
        pending += decoder.decode(chunk, { stream: true });
      } catch {
        throw new ReadError(file, 'invalid-utf8', `is not valid text in its encoding (in the bytes from offset ${bytesSeen})`,
          'convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`');
      }
      bytesSeen += chunk.length;
      while (pending.length >= partChars * 2) yield emit(paragraphCut(pending, partChars));
    }
    if (decoder) pending += decoder.decode();
  } finally {
    stream.destroy();
  }
  while (pending.length >= partChars * 2) yield emit(paragraphCut(pending, partChars));
  if (pending.length > 0) yield emit(pending.length);
}

function utf16Encoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Where to end a part of about `size` characters: after the last blank line between size/2 and
 * size*2, else after the last line end there, else after the last whitespace, else at `size`
 * (never inside a surrogate pair).
 */
export function paragraphCut(text: string, size: number): number {
  const lo = Math.floor(size / 2);
  const hi = Math.min(text.length, size * 2);
  const window = text.slice(lo, hi);
  const blank = lastMatchEnd(window, /\n[ \t\r\f\v]*\n/g);
  if (blank > 0) return lo + blank;
  const line = window.lastIndexOf('\n');
  if (line >= 0) return lo + line + 1;
  const space = lastMatchEnd(window, /\s/g);
  if (space > 0) return lo + space;
  let cut = Math.min(size, text.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

function lastMatchEnd(text: string, re: RegExp): number {
  let end = -1;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}
