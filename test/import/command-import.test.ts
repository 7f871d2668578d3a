import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { exportJson } from '../../src/export/export-json.js';
import { contentHash } from '../../src/import/content-hash.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = path.resolve('.');
let dir: string;
let many: string;

/** An export of `n` small documents, each under its content hash. */
async function exportOf(n: number): Promise<string> {
  const kb = await openKnowledgeBase(':memory:');
  for (let i = 0; i < n; i++) {
    const text = `Alphaland condemned Betastan in March (report ${i}).\nBetastan expelled ${i + 2} diplomats.`;
    await storeDocument(kb, handBuiltDocument(text, `r${i}.txt`, contentHash(text)), new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
  }
  const data = await exportJson(kb);
  await kb.close();
  return JSON.stringify(data);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-import-cli-'));
  many = path.join(dir, 'many.json');
  writeFileSync(many, await exportOf(25));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diplograph import', () => {
  it('shows progress per document on stderr for a large file, and the summary on stdout', async () => {
    const db = path.join(dir, 'progress.sqlite');
    const run = await runCli(['import', many, '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/importing 25 document\(s\)/);
    expect(run.stderr).toMatch(/\[25\/25\] added/);
    expect(run.stdout).toMatch(/25 document\(s\): 25 added, 0 already present; 2 new entities/);
    const quiet = await runCli(['import', many, '--db', db, '--quiet']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/0 added, 25 already present; 0 new entities/);
  });

  it('prints a JSON summary with --json', async () => {
    const run = await runCli(['import', many, '--db', path.join(dir, 'json.sqlite'), '--json']);
    const out = JSON.parse(run.stdout);
    expect(out.documents).toHaveLength(25);
    expect(out.documents.every((d: { status: string }) => d.status === 'added')).toBe(true);
    expect(out.entitiesAdded).toBe(2);
    expect(run.stderr).toBe('');
  });

  it('refuses an unknown --format as a usage error', async () => {
    const run = await runCli(['import', many, '--db', path.join(dir, 'x.sqlite'), '--format', 'xml']);
    expect(run.code).toBe(2);
  });

  it('reads standard input given as -', async () => {
    const db = path.join(dir, 'stdin.sqlite');
    const child = execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'jobs', 'cli-entry.ts'), 'import', '-', '--db', db],
      { cwd: ROOT, env: { ...process.env, DIPLOGRAPH_DB_URL: '' } });
    child.stdin!.end(readFileSync(many));
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c) => { out += c; });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve({ stdout: out }) : reject(new Error(`exit ${code}`))));
    });
    expect(stdout).toMatch(/25 added/);
  }, 60_000);
});
