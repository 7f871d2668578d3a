import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { buildServer } from '../src/api/build-server.js';
import { generateEventsKnowledgeBase } from './generate-events-kb.js';
import { percentile, printJson, round } from './measure.js';

interface Options { json: boolean; events?: number; requests?: number; keep?: string }

/**
 * Build a knowledge base of 1 million generated events (or --events N), then call GET /api/events
 * through the server (routing, validation, query, serialisation) with realistic filter mixes and
 * report latency percentiles overall and per kind of query. --keep FILE keeps (and reuses) the
 * generated knowledge base.
 */
export async function benchEventsApi(opts: Options): Promise<void> {
  const events = opts.events ?? 1_000_000;
  const dir = opts.keep ? undefined : mkdtempSync(path.join(os.tmpdir(), 'dg-events-'));
  const file = opts.keep ?? path.join(dir!, 'events.sqlite');
  try {
    let generateSeconds = 0;
    let actors: string[];
    if (opts.keep && existsSync(opts.keep)) {
      const kb = await openKnowledgeBase(file);
      actors = (await kb.db.selectFrom('event_actors').select('entity').where('role', '=', 'actor').groupBy('entity')
        .orderBy((eb) => eb.fn.countAll(), 'desc').execute()).map((r) => r.entity);
      await kb.close();
    } else {
      const t = performance.now();
      actors = (await generateEventsKnowledgeBase(file, { events })).actors;
      generateSeconds = (performance.now() - t) / 1000;
    }
    const kb = await openKnowledgeBase(file);
    const app = await buildServer(kb);
    const count = await kb.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const docs = await kb.db.selectFrom('documents').select('id').limit(1000).execute();

    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[], skew = 1): T => xs[Math.floor(Math.pow(rand(), skew) * xs.length)]!;
    const head = actors.slice(0, 10);
    const tail = actors.slice(10);
    const year = () => 1946 + Math.floor(rand() * 78);
    const kinds: Record<string, () => string> = {
      'first page': () => '',
      'actor': () => `actor=${pick(head)}`,
      'actor + types': () => `actor=${pick(actors, 2)}&type=PROTEST,ACCUSE,REJECT`,
      'date range': () => { const y = year(); return `from=${y}&to=${Math.min(2023, y + 5)}`; },
      'type + month range': () => { const y = year(); return `type=SANCTION&from=${y}-02&to=${y}-12`; },
      'actor + recipient': () => `actor=${pick(head)}&recipient=${pick(head)}`,
      'quad + negated': () => `quad=4&negated=false`,
      'rare actor + decade': () => { const y = 1950 + 10 * Math.floor(rand() * 7); return `actor=${pick(tail)}&from=${y}&to=${y + 9}`; },
      'deep page': () => `type=CONSULT&offset=${1000 + Math.floor(rand() * 9000)}`,
      'document': () => `doc=${pick(docs).id}`,
    };
    const requests = opts.requests ?? 40;
    const latencies: Record<string, number[]> = {};
    // Warm up: first requests compile the routes' validators and fill SQLite's page cache.
    for (const make of Object.values(kinds)) await app.inject({ method: 'GET', url: `/api/events?${make()}` });
    for (let r = 0; r < requests; r++) {
      for (const [kind, make] of Object.entries(kinds)) {
        const url = `/api/events?${make()}`;
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        (latencies[kind] ??= []).push(ms);
      }
    }
    await app.close();
    await kb.close();
    const all = Object.values(latencies).flat().sort((a, b) => a - b);
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
    };
    const result = {
      benchmark: 'events-api', events: Number(count.n), requests: all.length, generateSeconds: round(generateSeconds),
      ...stats(all), byKind: Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, stats(v)])),
    };
    if (opts.json) return printJson(result);
    process.stdout.write(`events-api: ${result.events} events${generateSeconds ? ` (generated in ${result.generateSeconds} s)` : ''}, ${result.requests} requests to GET /api/events\n`);
    process.stdout.write(`  all        p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  max ${result.max} ms\n`);
    for (const [kind, s] of Object.entries(result.byKind)) process.stdout.write(`  ${kind.padEnd(20)} p50 ${String(s.p50).padStart(7)} ms  p95 ${String(s.p95).padStart(7)} ms  max ${String(s.max).padStart(7)} ms\n`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
