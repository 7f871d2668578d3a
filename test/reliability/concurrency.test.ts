import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { buildServer } from '../../src/api/build-server.js';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { BATCH_DOCUMENTS } from '../../src/pipeline/ingest-batch.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { ensureBuiltCli, runBuiltCli, startCli } from './built-cli.js';
import { writeCorpus } from './corpus-files.js';
import { consistencyProblems, documentCount } from './kb-checks.js';

let dir: string;
const notReady = ensureBuiltCli();
if (notReady) console.warn(`concurrency tests with processes skipped: ${notReady}`);

beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-conc-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readers and writers', () => {
  it('readers go on while another connection holds the write lock (WAL)', async () => {
    const db = path.join(dir, 'wal.sqlite');
    const kb = await openKnowledgeBase(db);
    await storeDocument(kb, handBuiltDocument());
    const app = await buildServer(kb, { webDir: '/nonexistent', security: { rateLimit: false } });
    const writer = new SQLite(db);
    try {
      expect(String(writer.pragma('journal_mode', { simple: true }))).toBe('wal');
      writer.exec('begin immediate');
      writer.prepare("insert into documents (id, source, format, title, text, period_start, period_end, period_rule, period_reason, chars, ingested_at, pipeline_version) values ('doc-pending', 'p.txt', 'text', 'P', 'x', '2020-01-01', '2020-12-31', 'r', 'r', 1, '2020', 'v')").run();
      // A reader that refuses to wait at all still reads, and sees the last committed state.
      const reader = new SQLite(db, { readonly: true });
      reader.pragma('busy_timeout = 0');
      expect(reader.prepare('select count(*) from documents').pluck().get()).toBe(1);
      reader.close();
      const res = await app.inject({ method: 'GET', url: '/api/documents' });
      expect(res.statusCode).toBe(200);
      expect(res.json().documents.map((d: { id: string }) => d.id)).toEqual(['doc-hand-1']);
      expect((await app.inject({ method: 'GET', url: '/api/search?q=condemned' })).statusCode).toBe(200);
      writer.exec('rollback');
    } finally {
      writer.close();
      await app.close();
      await kb.close();
    }
  });

  it('two connections storing the same document at once leave one document', async () => {
    const db = path.join(dir, 'race.sqlite');
    const a = await openKnowledgeBase(db);
    const b = await openKnowledgeBase(db);
    // A short busy timeout: in one process a waiting connection blocks the thread the other needs,
    // so the store must give up waiting, yield, and try again rather than fail.
    await sql`pragma busy_timeout = 50`.execute(b.db);
    try {
      const results = await Promise.all([storeDocument(a, handBuiltDocument()), storeDocument(b, handBuiltDocument())]);
      expect(results.map((r) => r.status).sort()).toEqual(['added', 'unchanged']);
    } finally {
      await a.close();
      await b.close();
    }
    expect(documentCount(db)).toBe(1);
    expect(consistencyProblems(db)).toEqual([]);
  });
});

describe.skipIf(!!notReady)('processes at once', () => {
  it('two ingests of the same files at once produce each document once', async () => {
    const files = writeCorpus(path.join(dir, 'same'), 6);
    for (let round = 0; round < 2; round++) {
      const db = path.join(dir, `same-${round}.sqlite`);
      const runs = await Promise.all([0, 1].map(() => runBuiltCli(['ingest', ...files, '--db', db, '--json'], dir)));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const statuses = runs.flatMap((r) => (JSON.parse(r.stdout) as { outcomes: Array<{ status: string }> }).outcomes.map((o) => o.status));
      expect(statuses.filter((s) => s === 'added')).toHaveLength(files.length);
      expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(files.length);
      expect(documentCount(db)).toBe(files.length);
      expect(consistencyProblems(db)).toEqual([]);
    }
  }, 120_000);

  it('the API answers every request while an ingest writes', async () => {
    // More files than two write batches hold (BATCH_DOCUMENTS), so the ingest commits in between
    // whatever the machine's speed: 30 files could all land in one 500 ms batch.
    const files = writeCorpus(path.join(dir, 'busy'), BATCH_DOCUMENTS * 2 + 20);
    const db = path.join(dir, 'busy.sqlite');
    const kb = await openKnowledgeBase(db);
    const app = await buildServer(kb, { webDir: '/nonexistent', security: { rateLimit: false } });
    const { done } = startCli(['ingest', ...files, '--db', db, '--quiet'], dir);
    let finished = false;
    void done.then(() => { finished = true; });
    const seen: number[] = [];
    const failures: string[] = [];
    try {
      while (!finished) {
        for (const url of ['/api/documents?limit=1000', '/api/events?limit=5', '/api/search?q=peace', '/api/entities?limit=5']) {
          const res = await app.inject({ method: 'GET', url });
          if (res.statusCode !== 200) failures.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (url.startsWith('/api/documents')) seen.push(res.json().documents.length);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await done).code).toBe(0);
    } finally {
      await app.close();
      await kb.close();
    }
    expect(failures).toEqual([]);
    // Reads saw the ingest progress, never went backwards, and saw whole documents only.
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(documentCount(db)).toBe(files.length);
  }, 120_000);
});
