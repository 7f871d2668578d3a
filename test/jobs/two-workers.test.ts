import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { INGEST_QUEUE } from '../../src/jobs/ingest-jobs.js';
import { queueStatus } from '../../src/jobs/queue-status.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Development data beside the checkout (never copied into the repo): speeches of one session.
const UNGDC = [path.join(ROOT, '..', 'shared', 'data', 'ungdc', '2015'), '/work/shared/data/ungdc/2015'].find((d) => existsSync(d));
const postgres = (await testDatabases('two-workers')).find((t) => t.dialect === 'postgres')!;
const skip = postgres.skip ?? (UNGDC ? undefined : 'the UN General Debate corpus (../shared/data/ungdc) is not beside the checkout');
if (skip && !postgres.skip) console.warn(`[two-workers] SKIPPED: ${skip}`);

const SPEECHES = 8;
/** Speeches that also come as a second edition (one more line): the same events reported in two documents. */
const EDITIONS = 4;

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

/** Per export section, what differs: records only on one side, or the same records in another order. */
function exportDifferences(got: ExportJson, want: ExportJson): string[] {
  const out: string[] = [];
  const [a, b] = [comparable(got), comparable(want)];
  for (const key of Object.keys(b) as Array<keyof ExportJson>) {
    const left = (a[key] as unknown[]).map((x) => JSON.stringify(x));
    const right = (b[key] as unknown[]).map((x) => JSON.stringify(x));
    const rightSet = new Set(right);
    const leftSet = new Set(left);
    const extra = left.filter((x) => !rightSet.has(x));
    const missing = right.filter((x) => !leftSet.has(x));
    if (extra.length || missing.length) out.push(`${key}: ${extra.length} unexpected, ${missing.length} missing, e.g. ${(extra[0] ?? missing[0])!.slice(0, 300)}`);
    else if (left.join('\n') !== right.join('\n')) out.push(`${key}: same records in another order or count`);
  }
  return out;
}

/**
 * Which events cross-document consolidation put together: the events of each cluster, clusters in
 * any order. A cluster is named after the first report stored, which depends on which worker
 * finished first, so names are not compared. Two documents consolidated at the same moment must
 * not each start a cluster for the same event (src/consolidate takes an advisory lock per type,
 * polarity and month): a duplicate cluster shows here as a group the reference does not have.
 */
async function mergedGroups(kb: KnowledgeBase): Promise<string[]> {
  const rows = await kb.db.withTables<{ event_clusters: { cluster: string; event: string; undone: number } }>()
    .selectFrom('event_clusters').select(['cluster', 'event']).where('undone', '=', 0).execute();
  const byCluster = new Map<string, string[]>();
  for (const r of rows) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r.event]);
  return [...byCluster.values()].map((events) => [...events].sort().join(' ')).sort();
}

describe('exportDifferences (the comparison the two-worker test relies on)', () => {
  const base: ExportJson = {
    documents: [
      { id: 'd1', title: 'a', source: '/a', format: 'txt', period: { start: '2015', end: '2015', rule: 'r', reason: 'r' }, text: 'x', sections: [], sentences: [], footnotes: [] },
      { id: 'd2', title: 'b', source: '/b', format: 'txt', period: { start: '2015', end: '2015', rule: 'r', reason: 'r' }, text: 'y', sections: [], sentences: [], footnotes: [] },
    ],
    entities: [{ id: 'e1', kind: 'country', name: 'A', aliases: [] }],
    events: [],
    stances: [],
    agreements: [],
    figures: [],
    timexes: [],
    mentions: [{ doc: 'd1', start: 0, end: 1, text: 'x', entity: 'e1', kind: 'country', rule: 'm' }],
    messages: [],
  };
  const cases: Array<[string, (e: ExportJson) => ExportJson, RegExp | null]> = [
    ['identical', (e) => e, null],
    ['documents stored in another order', (e) => ({ ...e, documents: [...e.documents].reverse() }), null],
    ['a mention missing', (e) => ({ ...e, mentions: [] }), /^mentions: 0 unexpected, 1 missing/],
    ['an entity renamed', (e) => ({ ...e, entities: [{ ...e.entities[0]!, name: 'B' }] }), /^entities: 1 unexpected, 1 missing/],
    ['a document text changed', (e) => ({ ...e, documents: [e.documents[0]!, { ...e.documents[1]!, text: 'z' }] }), /^documents: /],
    ['a record twice', (e) => ({ ...e, mentions: [...e.mentions, ...e.mentions] }), /^mentions: same records in another order or count/],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const found = exportDifferences(change(base), base);
    if (expected === null) expect(found).toEqual([]);
    else expect(found).toEqual([expect.stringMatching(expected)]);
  });
});

describe.skipIf(!!skip)('two `diplograph worker` processes on one PostgreSQL', () => {
  let dir: string;
  let files: string[];
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dg-two-workers-'));
    // Each second edition sorts right after its speech, so the two workers tend to store and
    // consolidate the two reports of the same events at the same time.
    files = readdirSync(UNGDC!).filter((f) => f.endsWith('.txt')).sort().slice(0, SPEECHES).flatMap((f, i) => {
      const first = path.join(dir, f.replace(/\.txt$/, '-1.txt'));
      copyFileSync(path.join(UNGDC!, f), first);
      if (i >= EDITIONS) return [first];
      const second = path.join(dir, f.replace(/\.txt$/, '-2.txt'));
      writeFileSync(second, `${readFileSync(first, 'utf8')}\n\nCirculated again as a second edition.\n`);
      return [first, second];
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
    expect(JSON.parse(enqueued.stdout)).toMatchObject({ files: files.length, added: files.length });

    const workers = await Promise.all(['one', 'two'].map((name) =>
      runCliProcess(['worker', '--db', scratch.location, '--until-empty', '--poll', '0.2', '--name', name])));
    for (const w of workers) expect(w.code, w.stderr).toBe(0);
    const pg = await scratch.open();
    try {
      const status = await queueStatus(pg, INGEST_QUEUE);
      expect(status.jobs).toMatchObject({ done: files.length, failed: 0, queued: 0, running: 0 });
      // Both workers took a share, and at some moment both held a job: the stores really ran side by side.
      const jobs = await pg.db.withTables<{ jobs: { worker: string | null; queue: string; started_at: string | null; finished_at: string | null } }>()
        .selectFrom('jobs').select(['worker', 'started_at', 'finished_at']).where('queue', '=', INGEST_QUEUE).execute();
      expect(new Set(jobs.map((r) => r.worker))).toEqual(new Set(['one', 'two']));
      const spans = jobs.map((j) => ({ worker: j.worker, from: Date.parse(j.started_at!), to: Date.parse(j.finished_at!) }));
      expect(spans.some((x) => spans.some((y) => x.worker !== y.worker && x.from < y.to && y.from < x.to))).toBe(true);

      const sqlite = await openKnowledgeBase(path.join(dir, 'reference.sqlite'));
      try {
        const outcomes = await ingestFiles(sqlite, files);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        const [fromPg, fromSqlite] = [await exportJson(pg), await exportJson(sqlite)];
        // Every kind of fact is there to compare (an empty list would compare equal to anything empty).
        for (const [key, list] of Object.entries(fromSqlite)) expect((list as unknown[]).length, key).toBeGreaterThan(0);
        expect(fromSqlite.documents).toHaveLength(files.length);
        expect(exportDifferences(fromPg, fromSqlite)).toEqual([]);
        for (const key of Object.keys(fromSqlite) as Array<keyof ExportJson>) expect(comparable(fromPg)[key], key).toEqual(comparable(fromSqlite)[key]);
        // The second editions' events were merged with their first editions', as one process merged them.
        const reference = await mergedGroups(sqlite);
        expect(reference.length).toBeGreaterThan(0);
        expect(await mergedGroups(pg)).toEqual(reference);
      } finally {
        await sqlite.close();
      }
    } finally {
      await pg.close();
    }
  }, 300_000);
});
