import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/cli/command-start.js';

describe('sampleFiles (what npm start ingests)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['report.txt', 'NOTICE.md', 'README.md', 'LICENSE', 'notice.txt', 'speech.html'], ['report.txt', 'speech.html']],
    [['NOTICE.md'], []],
    [['notices-2022.txt', 'readme-not.pdf'], ['notices-2022.txt', 'readme-not.pdf']],
  ])('%j -> %j', (names, expected) => {
    const folder = mkdtempSync(path.join(dir, 'case-'));
    for (const n of names) writeFileSync(path.join(folder, n), 'x');
    mkdirSync(path.join(folder, 'nested'));
    expect(sampleFiles(folder).map((f) => path.basename(f))).toEqual(expected);
  });

  it('the bundled samples folder holds at least one report and no notice', () => {
    const files = sampleFiles().map((f) => path.basename(f));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => /notice/i.test(f))).toBe(false);
  });
});
