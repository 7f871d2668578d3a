import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuiltCli, runBuiltCli, startCli } from './built-cli.js';
import { writeCorpus } from './corpus-files.js';
import { consistencyProblems, documentCount } from './kb-checks.js';

// SIGKILL an ingest of many files at random moments, restart it, and check after every kill that
// the knowledge base is intact and holds only whole documents; the last run must complete the set.
const FILES = 100;
const KILLS = 5;
const notReady = ensureBuiltCli();
if (notReady) console.warn(`crash-safety tests skipped: ${notReady}`);

let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-crash-'));
  files = writeCorpus(path.join(dir, 'in'), FILES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Documents committed so far (0 before the file and its tables exist). */
function committedDocuments(db: string): number {
  try {
    return existsSync(db) ? documentCount(db) : 0;
  } catch {
    return 0;
  }
}

/** Deterministic per run but different across seeds, so a failure can be replayed with its seed. */
function randomDelays(seed: number, count: number, min: number, max: number): number[] {
  let x = seed >>> 0 || 1;
  return Array.from({ length: count }, () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return min + (x % (max - min));
  });
}

describe.skipIf(!!notReady)('crash safety', () => {
  it('survives SIGKILL at random points and completes on re-run', async () => {
    const db = path.join(dir, 'kb.sqlite');
    const seed = Number(process.env.DIPLOGRAPH_CRASH_SEED ?? Date.now() % 100_000);
    // Each kill comes once a few more documents are committed (how many is seeded), and a few ms
    // later: mid-ingest however fast the machine is (fixed delays either all came before the
    // first commit under load, or after the last one on a quiet machine).
    const steps = randomDelays(seed, KILLS, 1, 12);
    const lags = randomDelays(seed + 1, KILLS, 0, 40);
    const delays: string[] = [];
    const counts: number[] = [];
    for (const [k, step] of steps.entries()) {
      const { child, done } = startCli(['ingest', path.join(dir, 'in'), '--db', db, '--quiet'], dir);
      const target = Math.min((counts.at(-1) ?? 0) + step, FILES - 1);
      const started = Date.now();
      while (child.exitCode === null && Date.now() - started < 60_000 && committedDocuments(db) < target) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, lags[k]));
      delays.push(`${Date.now() - started}`);
      child.kill('SIGKILL');
      const run = await done;
      if (!existsSync(db)) { counts.push(0); continue; }
      expect(consistencyProblems(db), `seed ${seed}, killed after ${delays.at(-1)} ms (${run.signal ?? run.code})`).toEqual([]);
      counts.push(documentCount(db));
    }
    console.log(`crash safety: seed ${seed}, kills at ${delays.join(', ')} ms, documents after each: ${counts.join(', ')}`);
    // The kills must have interrupted something, or the test tested nothing.
    expect(counts.some((c) => c < FILES)).toBe(true);
    // Documents stay once stored: a later kill never loses an earlier commit.
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);

    const final = await runBuiltCli(['ingest', path.join(dir, 'in'), '--db', db, '--quiet'], dir);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toMatch(new RegExp(`${FILES} file\\(s\\): \\d+ added, 0 replaced, \\d+ unchanged, 0 failed`));
    expect(documentCount(db)).toBe(FILES);
    expect(consistencyProblems(db)).toEqual([]);
    // And once more: nothing left to do.
    const again = await runBuiltCli(['ingest', path.join(dir, 'in'), '--db', db, '--quiet'], dir);
    expect(again.stdout).toMatch(new RegExp(`0 added, 0 replaced, ${FILES} unchanged`));
  }, 240_000);
});
