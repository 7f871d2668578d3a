import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandInputs } from '../../src/pipeline/expand-inputs.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-expand-'));
  mkdirSync(path.join(dir, 'reports/2021'), { recursive: true });
  for (const f of ['reports/a.txt', 'reports/2021/b.html', 'reports/NOTICE.md', 'reports/README.txt', 'reports/data.bin', 'reports/c.pdf']) writeFileSync(path.join(dir, f), 'x');
  mkdirSync(path.join(dir, 'notes-only'));
  writeFileSync(path.join(dir, 'notes-only/README.md'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('walks directories for supported files, skipping collection notes', async () => {
    const { files, problems } = await expandInputs([path.join(dir, 'reports')]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['reports/2021/b.html', 'reports/a.txt', 'reports/c.pdf']);
    expect(problems).toEqual([]);
  });
  it('keeps an explicitly named note and a missing path (reading reports it)', async () => {
    const notice = path.join(dir, 'reports/NOTICE.md');
    const missing = path.join(dir, 'nope.txt');
    expect((await expandInputs([notice, missing])).files).toEqual([notice, missing]);
  });
  it('expands globs and reports those that match nothing', async () => {
    const { files, problems } = await expandInputs([`${dir}/reports/*.txt`, `${dir}/none/*.md`]);
    expect(files.map((f) => path.basename(f))).toEqual(['README.txt', 'a.txt']);
    expect(problems[0]!.message).toMatch(/no file matches/);
  });
  it('reports a directory holding only notes', async () => {
    const { files, problems } = await expandInputs([path.join(dir, 'notes-only')]);
    expect(files).toEqual([]);
    expect(problems[0]!.message).toMatch(/only notes/);
  });
});
