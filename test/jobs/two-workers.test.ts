import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { INGEST_QUEUE } from '../../src/jobs/ingest-jobs.js';
import { queueStatus } from '../../src/jobs/queue-status.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Development data beside the checkout (never copied into the repo): ten speeches of one session.
const UNGDC = [path.join(ROOT, '..', 'shared', 'data', 'ungdc', '2015'), '/work/shared/data/ungdc/2015'].find((d) => existsSync(d));
const postgres = (await testDatabases('two-workers')).find((t) => t.dialect === 'postgres')!;
const skip = postgres.skip ?? (UNGDC ? undefined : 'the UN General Debate corpus (../shared/data/ungdc) is not beside the checkout');
if (skip && !postgres.skip) console.warn(`[two-workers] SKIPPED: ${skip}`);

function runCliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'jobs', 'cli-entry.ts'), ...args], { cwd: ROOT, env: { ...process.env, DIPLOGRAPH_DB_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The export with documents in id order: ingestion times (and so the default order) differ between runs. */
function comparable(data: ExportJson): ExportJson {
  return { ...data, documents: [...data.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

describe.skipIf(!!skip)('two `diplograph worker` processes on one PostgreSQL', () => {
  let dir: string;
  let files: string[];
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dg-two-workers-'));
    files = readdirSync(UNGDC!).filter((f) => f.endsWith('.txt')).sort().slice(0, 10).map((f) => {
      copyFileSync(path.join(UNGDC!, f), path.join(dir, f));
      return path.join(dir, f);
    });
    scratch = await postgres.create();
  });
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('store exactly what a single SQLite ingest stores', async () => {
    const enqueued = await runCliProcess(['enqueue', dir, '--db', scratch.location, '--json']);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    expect(JSON.parse(enqueued.stdout)).toMatchObject({ files: 10, added: 10 });

    const workers = await Promise.all(['one', 'two'].map((name) =>
      runCliProcess(['worker', '--db', scratch.location, '--until-empty', '--poll', '0.2', '--name', name])));
    for (const w of workers) expect(w.code, w.stderr).toBe(0);
    const pg = await scratch.open();
    try {
      const status = await queueStatus(pg, INGEST_QUEUE);
      expect(status.jobs).toMatchObject({ done: 10, failed: 0, queued: 0, running: 0 });
      // Both workers took a share (a job is one file, so neither can take everything while the other runs).
      const byWorker = await pg.db.withTables<{ jobs: { worker: string | null; queue: string } }>()
        .selectFrom('jobs').select('worker').where('queue', '=', INGEST_QUEUE).execute();
      expect(new Set(byWorker.map((r) => r.worker))).toEqual(new Set(['one', 'two']));

      const sqlite = await openKnowledgeBase(path.join(dir, 'reference.sqlite'));
      try {
        const outcomes = await ingestFiles(sqlite, files);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        const [fromPg, fromSqlite] = [comparable(await exportJson(pg)), comparable(await exportJson(sqlite))];
        expect(fromPg.documents).toHaveLength(10);
        expect(fromPg.events.length).toBeGreaterThan(0);
        for (const key of Object.keys(fromSqlite) as Array<keyof ExportJson>) expect(fromPg[key], key).toEqual(fromSqlite[key]);
      } finally {
        await sqlite.close();
      }
    } finally {
      await pg.close();
    }
  }, 300_000);
});
