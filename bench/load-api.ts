// Load test of the HTTP API on loopback: `npm run bench -- load-api [corpus folder ...] [--limit N]
// [--requests N] [--connections N] [--json]`. Ingests the corpus into a fresh knowledge base, serves it
// on 127.0.0.1, sends a fixed number of requests over a mix of read routes with autocannon, and
// reports requests, errors, throughput and exact latency percentiles (p50/p95/p99).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildServer } from '../src/api/build-server.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../src/pipeline/ingest.js';
import { corpusFiles } from './corpus-files.js';

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  connections: number;
  paths: string[];
}

export interface LoadOptions {
  /** Total requests sent (the run stops there). */
  requests: number;
  connections: number;
  /** Hard stop, whatever has been sent by then. */
  maxSeconds: number;
}

/** Read routes a client of the explorer calls, with filters, for a knowledge base holding `docId`. */
export async function loadPaths(kb: KnowledgeBase): Promise<string[]> {
  const doc = await kb.db.selectFrom('documents').select('id').orderBy('id').executeTakeFirstOrThrow();
  const entity = await kb.db.selectFrom('mentions').select('entity').where('entity', 'is not', null).groupBy('entity')
    .orderBy((eb) => eb.fn.countAll(), 'desc').executeTakeFirst();
  const actor = encodeURIComponent(entity?.entity ?? 'state:USA');
  return [
    '/api/health',
    '/api/documents',
    `/api/documents/${doc.id}`,
    '/api/entities?limit=50',
    `/api/entities/${actor}`,
    '/api/events?limit=50',
    `/api/events?actor=${actor}&limit=50`,
    '/api/search?q=sanctions&limit=20',
    '/api/search?q=peace%20security&limit=20',
    '/api/network',
    '/api/stances',
    '/api/agreements',
    '/api/figures',
  ];
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Run autocannon against `base` over `paths`; exact percentiles from every response time. */
export async function runLoad(base: string, paths: string[], opts: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const started = Date.now();
  let stop: NodeJS.Timeout | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: base,
      connections: opts.connections,
      amount: opts.requests,
      timeout: 10,
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => { times.push(responseTime); });
    stop = setTimeout(() => instance.stop(), opts.maxSeconds * 1000);
  });
  clearTimeout(stop);
  const seconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    seconds: round(seconds),
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1] ?? 0) },
    connections: opts.connections,
    paths,
  };
}

/** Serve `kb` on loopback for the duration of `fn`. */
export async function withServer<T>(kb: KnowledgeBase, fn: (base: string) => Promise<T>): Promise<T> {
  const app = await buildServer(kb, { webDir: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    await app.close();
  }
}

export async function benchLoadApi(options: { corpora: string[]; limit?: number; requests?: number; connections?: number; json?: boolean }): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-load-'));
  const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
  try {
    const files = corpusFiles(options.corpora, options.limit ?? 100);
    const outcomes = await ingestFiles(kb, files);
    const stored = outcomes.filter((o) => o.ok).length;
    const paths = await loadPaths(kb);
    const result = await withServer(kb, (base) => runLoad(base, paths, { requests: options.requests ?? 20_000, connections: options.connections ?? 10, maxSeconds: 300 }));
    if (options.json) {
      process.stdout.write(JSON.stringify({ documents: stored, ...result }, null, 2) + '\n');
    } else {
      process.stdout.write(`load-api: ${stored} documents, ${result.connections} connections, ${paths.length} read routes in turn\n`);
      process.stdout.write(`  ${result.requests} requests in ${result.seconds} s (${result.requestsPerSecond}/s), ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts\n`);
      process.stdout.write(`  latency p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms\n`);
    }
    return result;
  } finally {
    await kb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
