import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, firstInvalidUtf8, looksBinary } from '../../src/read/decode-text.js';
import { ReadError } from '../../src/read/read-error.js';

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Uint8Array.from([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...le]);
};

describe('decodeText', () => {
  const text = 'Lavrov – “Moscow” café 日本';
  const cases: Array<[string, Uint8Array]> = [
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 LE with BOM', utf16(text, false)],
    ['UTF-16 BE with BOM', utf16(text, true)],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    expect(decodeText('f.txt', bytes)).toBe(text);
  });

  const invalid: Array<[string, number[], number]> = [
    ['lone continuation byte', [0x61, 0x62, 0x80, 0x63], 2],
    ['Windows-1252 é', [...Buffer.from('caf'), 0xe9, 0x20, 0x61], 3],
    ['truncated sequence at the end', [0x61, 0xe2, 0x80], 1],
    ['overlong encoding', [0x61, 0x61, 0xc0, 0xaf], 2],
    ['encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
  ];
  it.each(invalid)('reports invalid UTF-8 (%s) at its byte offset', (_name, bytes, offset) => {
    const err = (() => { try { decodeText('bad.txt', Uint8Array.from(bytes)); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(ReadError);
    expect(err).toMatchObject({ problem: 'invalid-utf8', file: 'bad.txt' });
    expect((err as Error).message).toContain(`offset ${offset}`);
    expect((err as Error).message).toContain('bad.txt');
  });

  it('counts the BOM in the reported offset', () => {
    expect(() => decodeText('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toThrow(/offset 4/);
  });

  it('detects binary data', () => {
    expect(() => decodeText('img.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow(expect.objectContaining({ problem: 'binary' }));
    expect(looksBinary(Uint8Array.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x61))))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain\ttext\r\nwith\fform feed'))).toBe(false);
  });

  it('finds no invalid byte in any valid UTF-8', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => {
      const bytes = new TextEncoder().encode(s);
      expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
    }));
  });
});
