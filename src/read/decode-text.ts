import { ReadError } from './read-error.js';

/**
 * Turn file bytes into a string: honours UTF-8 and UTF-16 byte-order marks, refuses binary data,
 * and reports the byte offset of the first invalid UTF-8 sequence instead of guessing.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new ReadError(file, 'binary', 'looks like binary data, not text', 'give a .txt, .html, .md, .pdf or .docx file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
    throw new ReadError(file, 'invalid-utf8', `is not valid UTF-8 (first invalid byte at offset ${at})`,
      'convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`');
  }
}

/** NUL bytes or a high share of control characters in the first 8 KiB mean the file is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  const control = controlBytes(bytes, n);
  return control < 0 || (n > 0 && control / n > 0.1);
}

/**
 * Control characters among the first n bytes, or -1 at a NUL byte. The loop is alone in its
 * function: the optimised code V8 compiles for a hot loop mid-call is reused by later calls, and
 * when it was compiled before the comparison after the loop had ever run, every call deoptimised.
 */
function controlBytes(bytes: Uint8Array, n: number): number {
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return -1;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
