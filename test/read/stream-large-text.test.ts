import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isLargeText, paragraphCut, streamTextParts } from '../../src/read/stream-large-text.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'dg-stream-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parts(file: string, partChars: number, readBytes = 64) {
  const out = [];
  for await (const p of streamTextParts(file, { partChars, readBytes })) out.push(p);
  return out;
}

describe('paragraphCut', () => {
  it.each([
    ['cuts after the last blank line in the window', 'aaaa\n\nbbbb\n\ncccccccc', 8, 12],
    ['falls back to a line end', 'aaaa\nbbbb\ncccccccc', 8, 10],
    ['falls back to whitespace', 'aaaa bbbb cccccccc', 8, 10],
    ['cuts hard in one long word', 'abcdefghijklmnopqrstuvwxyz', 8, 8],
  ])('%s', (_name, text, size, cut) => {
    expect(paragraphCut(text, size)).toBe(cut);
  });
  it('never splits a surrogate pair', () => {
    expect(paragraphCut('abcdefg\u{1F600}xyzxyzxyzxyz', 8)).toBe(7);
  });
  it('always cuts inside the text and after at least half a part', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '\u{1F30D}'), minLength: 20, maxLength: 400 }), fc.integer({ min: 4, max: 100 }), (text, size) => {
      fc.pre(text.length >= size * 2);
      const cut = paragraphCut(text, size);
      expect(cut).toBeGreaterThanOrEqual(Math.floor(size / 2) - 1);
      expect(cut).toBeLessThanOrEqual(size * 2);
      const code = text.charCodeAt(cut - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
    }));
  });
});

describe('streamTextParts', () => {
  it('yields parts that join back into the text, with contiguous offsets, cut after blank lines', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} — naïve café talks in Zürich ${'x'.repeat(i % 13)}.`);
    const text = paragraphs.join('\n\n') + '\n';
    const file = path.join(dir, 'blank-lines.txt');
    writeFileSync(file, text);
    const got = await parts(file, 300);
    expect(got.length).toBeGreaterThan(5);
    expect(got.map((p) => p.text).join('')).toBe(text);
    let at = 0;
    for (const [i, p] of got.entries()) {
      expect(p).toMatchObject({ index: i + 1, start: at, end: at + p.text.length });
      at = p.end;
      expect(p.text.length).toBeLessThanOrEqual(600);
      if (i < got.length - 1) expect(p.text.endsWith('\n\n')).toBe(true);
    }
  });

  it('keeps multi-byte characters whole across read boundaries, for any text', async () => {
    const file = path.join(dir, 'prop.txt');
    await fc.assert(fc.asyncProperty(
      fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'ß', '€', '\u{1F30D}'), maxLength: 40 }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 8, max: 60 }),
      async (lines, partChars) => {
        const text = lines.join('\n');
        fc.pre(text.length > 0);
        writeFileSync(file, text);
        const got = await parts(file, partChars, 7);
        expect(got.map((p) => p.text).join('')).toBe(text);
      },
    ), { numRuns: 60 });
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const file = path.join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ankara\n\nBrasília\n', 'utf16le')]));
    expect((await parts(file, 1000)).map((p) => p.text).join('')).toBe('Ankara\n\nBrasília\n');
  });

  it.each([
    ['binary data', Buffer.from([0, 1, 2, 3, 0, 0, 5]), 'binary'],
    ['invalid UTF-8', Buffer.from([0x41, 0x42, 0xc3, 0x28, 0x43]), 'invalid-utf8'],
  ])('refuses %s', async (_name, bytes, problem) => {
    const file = path.join(dir, `bad-${problem}.txt`);
    writeFileSync(file, bytes);
    await expect(parts(file, 100)).rejects.toMatchObject({ problem });
  });
});

describe('isLargeText', () => {
  it('is true only for text files over the threshold', async () => {
    const big = path.join(dir, 'big.txt');
    const page = path.join(dir, 'big.html');
    writeFileSync(big, 'x'.repeat(2000));
    writeFileSync(page, 'x'.repeat(2000));
    expect(await isLargeText(big, 1000)).toBe(true);
    expect(await isLargeText(big, 5000)).toBe(false);
    expect(await isLargeText(page, 1000)).toBe(false);
    expect(await isLargeText(path.join(dir, 'none.txt'), 10)).toBe(false);
  });
});
