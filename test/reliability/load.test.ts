import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPaths, runLoad, withServer } from '../../bench/load-api.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { SAMPLE, unSpeechFiles } from './corpus-files.js';
import { consistencyProblems } from './kb-checks.js';

// A short, bounded load run on loopback (the full figures come from `npm run bench -- load-api`):
// every request answered 2xx, none failed or timed out. Latency is printed, not asserted.
let dir: string;
let kb: KnowledgeBase;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-load-'));
  db = path.join(dir, 'kb.sqlite');
  kb = await openKnowledgeBase(db);
  const outcomes = await ingestFiles(kb, [SAMPLE, ...unSpeechFiles(8)]);
  expect(outcomes.every((o) => o.ok)).toBe(true);
}, 120_000);
afterAll(async () => {
  await kb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('API under load', () => {
  it('answers 2000 requests over 8 connections with no error', async () => {
    const paths = await loadPaths(kb);
    const result = await withServer(kb, (base) => runLoad(base, paths, { requests: 2000, connections: 8, maxSeconds: 60 }));
    console.log(`load: ${result.requests} requests in ${result.seconds} s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms`);
    expect(result.requests).toBe(2000);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(consistencyProblems(db)).toEqual([]);
  }, 120_000);
});
