import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { detectFormat, readBytes, readFile } from '../../src/read/read-file.js';
import type { ReadProblem } from '../../src/read/read-error.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat', () => {
  const cases: Array<[string, Uint8Array, string | undefined]> = [
    ['report.txt', bytes('text'), 'text'],
    ['report', bytes('text'), 'text'],
    ['page.HTM', bytes('<p>x</p>'), 'html'],
    ['notes.md', bytes('# x'), 'markdown'],
    ['misnamed.txt', bytes('%PDF-1.7\n...'), 'pdf'],
    ['download', bytes('%PDF-1.4'), 'pdf'],
    ['word.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'docx'],
    ['saved.bin', bytes('<!DOCTYPE html><html>'), 'html'],
    ['data.csv', bytes('a,b'), undefined],
  ];
  it.each(cases)('%s', (file, content, format) => {
    expect(detectFormat(file, content)).toBe(format);
  });
});

describe('readFile', () => {
  it('reads a text file into a document with an id, source and format', async () => {
    const file = path.join(dir, 'speech.txt');
    await writeFile(file, 'Statement by the Minister\n\nThe Minister spoke on 20 September 2022.\n');
    const doc = await readFile(file);
    expect(doc).toMatchObject({ source: file, format: 'text' });
    expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.text).toContain('The Minister spoke on 20 September 2022.');
  });

  it('routes HTML and Markdown to their readers', async () => {
    const html = path.join(dir, 'page.html');
    await writeFile(html, '<h1>Head</h1><p>Body &amp; more</p>');
    expect((await readFile(html)).text).toBe('Head\nBody & more');
    const md = path.join(dir, 'notes.md');
    await writeFile(md, '# Head\n\n*Body*');
    expect((await readFile(md)).text).toBe('Head\nBody');
  });

  const failures: Array<[string, () => Promise<string>, ReadProblem, object?]> = [
    ['missing file', async () => path.join(dir, 'nope.txt'), 'not-found'],
    ['directory', async () => { const d = path.join(dir, 'sub'); await mkdir(d, { recursive: true }); return d; }, 'not-a-file'],
    ['empty file', async () => { const f = path.join(dir, 'empty.txt'); await writeFile(f, ''); return f; }, 'empty'],
    ['whitespace only', async () => { const f = path.join(dir, 'blank.txt'); await writeFile(f, ' \n\n\t'); return f; }, 'empty'],
    ['binary', async () => { const f = path.join(dir, 'blob.txt'); await writeFile(f, Buffer.from([0, 1, 2, 3, 0, 5])); return f; }, 'binary'],
    ['unsupported extension', async () => { const f = path.join(dir, 'table.csv'); await writeFile(f, 'a,b'); return f; }, 'unsupported-format'],
    ['too large', async () => { const f = path.join(dir, 'big.txt'); await writeFile(f, 'x'.repeat(2000)); return f; }, 'too-large', { maxBytes: 1000 }],
    ['invalid UTF-8', async () => { const f = path.join(dir, 'latin.txt'); await writeFile(f, Buffer.from([0x63, 0x61, 0x66, 0xe9])); return f; }, 'invalid-utf8'],
  ];
  it.each(failures)('%s -> ReadError', async (_name, make, problem, options) => {
    const file = await make();
    const err = await readFile(file, options).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ReadError', problem, file });
    expect((err as Error).message.startsWith(`${file}:`)).toBe(true);
  });

  it('checks the size of bytes given in memory too', async () => {
    await expect(readBytes('upload.txt', bytes('x'.repeat(50)), { maxBytes: 10 })).rejects.toMatchObject({ problem: 'too-large' });
  });
});
