import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { runCli } from '../helpers/run-cli.js';
import { REPORT_TEXT, writeBadInputs, type BadInput } from './bad-inputs.js';
import { consistencyProblems, fingerprint } from './kb-checks.js';

// The bad-input matrix through `diplograph ingest`: legitimate text is stored, everything else
// names the file and the problem, exits 1, and leaves the knowledge base as it was.
let dir: string;
let cases: BadInput[];
let sharedDb: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-cli-'));
  cases = await writeBadInputs(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'base.txt'), `${REPORT_TEXT}\nGermany and Italy signed an agreement in May 2021.`);
  sharedDb = path.join(dir, 'shared.sqlite');
  const r = await runCli(['ingest', path.join(dir, 'base.txt'), '--db', sharedDb, '--quiet']);
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storedText(db: string): string[] {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    return sqlite.prepare('select text from documents').pluck().all() as string[];
  } finally {
    sqlite.close();
  }
}

describe('bad input through the CLI', () => {
  it('covers the whole matrix', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses each bad file with a message naming it, exit code 1, and an unchanged knowledge base', async () => {
    for (const c of cases.filter((x) => !x.expect.ok)) {
      if (c.expect.ok) continue;
      const before = fingerprint(sharedDb);
      const r = await runCli(['ingest', path.join(dir, 'in', c.name), '--db', sharedDb, '--quiet']);
      expect(r.code, c.name).toBe(1);
      expect(r.stderr, c.name).toMatch(c.expect.message);
      expect(fingerprint(sharedDb), c.name).toBe(before);
      // The JSON summary carries the problem code for scripts.
      const json = await runCli(['ingest', path.join(dir, 'in', c.name), '--db', sharedDb, '--json']);
      expect(json.code, c.name).toBe(1);
      const out = JSON.parse(json.stdout) as { outcomes: Array<{ ok: boolean; problem?: string }>; problems: Array<{ message: string }> };
      if (out.outcomes.length) expect(out.outcomes[0], c.name).toMatchObject({ ok: false, problem: c.expect.problem });
      else expect(out.problems.map((p) => p.message).join('\n'), c.name).toMatch(c.expect.message);
    }
    expect(consistencyProblems(sharedDb)).toEqual([]);
  }, 120_000);

  it('reads each legitimate file correctly', async () => {
    for (const c of cases.filter((x) => x.expect.ok)) {
      if (!c.expect.ok) continue;
      const db = path.join(dir, `ok-${c.name}.sqlite`);
      const r = await runCli(['ingest', path.join(dir, 'in', c.name), '--db', db, '--quiet']);
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, c.name).toMatch(/1 added/);
      const [text] = storedText(db);
      expect(text, c.name).toContain(c.expect.contains);
      expect(text, c.name).not.toMatch(/\r|\ufeff|__pwned|injected/);
      expect(consistencyProblems(db), c.name).toEqual([]);
    }
  }, 240_000);

  it('reports a file that vanishes after it was listed, and still ingests the others', async () => {
    const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
    const { ingestFiles } = await import('../../src/pipeline/ingest.js');
    const first = path.join(dir, 'first.txt');
    const vanishing = path.join(dir, 'vanishing.txt');
    writeFileSync(first, `${REPORT_TEXT}\nFirst of two.`);
    writeFileSync(vanishing, `${REPORT_TEXT}\nSecond of two.`);
    const db = path.join(dir, 'vanish.sqlite');
    const kb = await openKnowledgeBase(db);
    try {
      const outcomes = await ingestFiles(kb, [first, vanishing], { onFileStart: (_f, i) => { if (i === 0) unlinkSync(vanishing); } });
      expect(outcomes[0]).toMatchObject({ ok: true, status: 'added' });
      expect(outcomes[1]).toMatchObject({ ok: false, problem: 'not-found', message: expect.stringMatching(/vanishing\.txt: does not exist/) });
    } finally {
      await kb.close();
    }
    expect(consistencyProblems(db)).toEqual([]);
    expect(storedText(db)).toHaveLength(1);
  }, 60_000);

  it('mixes good and bad files in one call: the good ones are stored, the bad ones listed, exit 1', async () => {
    const db = path.join(dir, 'mixed.sqlite');
    const bad = cases.filter((c) => !c.expect.ok).slice(0, 5).map((c) => path.join(dir, 'in', c.name));
    const r = await runCli(['ingest', ...bad, path.join(dir, 'base.txt'), '--db', db, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 added, 0 replaced, 0 unchanged, 5 failed/);
    expect(storedText(db)).toHaveLength(1);
  }, 60_000);
});
