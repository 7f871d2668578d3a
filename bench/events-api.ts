import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { openKnowledgeBase, type KnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { isPostgresUrl } from '../src/kb/dialect.js';
import { buildServer } from '../src/api/build-server.js';
import { listEvents } from '../src/kb/queries/list-events.js';
import type { EventFilters } from '../src/kb/filters.js';
import { copyEventsKnowledgeBase, generateEventsKnowledgeBase } from './generate-events-kb.js';
import { percentile, printJson, round } from './measure.js';

interface Options {
  json: boolean; events?: number; requests?: number; keep?: string;
  /** Document length in characters when generating, "min-max" or one number; 0 for bare event sentences (about 3 KB). Default 20000-60000. */
  documentChars?: string;
}

/** Real speeches and reports run to 20-100 KB: generated documents are padded to this by default. */
const DOCUMENT_CHARS: [number, number] = [20_000, 60_000];

function documentChars(given: string | undefined): [number, number] | undefined {
  if (given === undefined) return DOCUMENT_CHARS;
  const m = /^(\d+)(?:-(\d+))?$/.exec(given.trim());
  if (!m) throw new RangeError(`--doc-chars takes N or MIN-MAX characters, not "${given}"`);
  const [min, max] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (max < min) throw new RangeError(`--doc-chars ${given}: the maximum is below the minimum`);
  return max === 0 ? undefined : [min, max];
}

/**
 * Build a knowledge base of 1 million generated events (or --events N), then call GET /api/events
 * through the server (routing, validation, query, serialisation) with realistic filter mixes and
 * report latency percentiles overall and per kind of query. Documents are padded to 20-60 KB of
 * sentences (--doc-chars MIN-MAX, or 0 for the bare event sentences), as a page's evidence
 * sentences come from documents of real length. The first request of each kind (before any other
 * of its kind, with whatever the caches hold) is reported apart, as "first requests".
 *
 * --keep FILE keeps (and reuses) the generated SQLite knowledge base. --keep postgres://... runs
 * against that PostgreSQL database instead, filling it first (generated in a temporary SQLite file
 * and copied) when it holds no events. EVENTS_API_EXPLAIN=1 prints each kind's statements with
 * the plan the engine chose (EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN ANALYZE).
 *
 * The machine is shared: the load average is printed next to the figures, and so is the CPU time
 * this process spent per request, per kind too (on PostgreSQL the server's own time is not in
 * it; when the server runs on this machine, its backends' CPU time per request is printed apart).
 */
export async function benchEventsApi(opts: Options): Promise<void> {
  const events = opts.events ?? 1_000_000;
  const postgres = !!opts.keep && isPostgresUrl(opts.keep);
  const dir = opts.keep && !postgres ? undefined : mkdtempSync(path.join(os.tmpdir(), 'dg-events-'));
  const location = opts.keep ?? path.join(dir!, 'events.sqlite');
  try {
    let generateSeconds = 0;
    let kb = await openKnowledgeBase(location);
    const present = await kb.db.selectFrom('events').select('id').limit(1).execute();
    if (present.length === 0) {
      await kb.close();
      const t = performance.now();
      const file = postgres ? path.join(dir!, 'events.sqlite') : location;
      await generateEventsKnowledgeBase(file, { events, documentChars: documentChars(opts.documentChars) });
      kb = await openKnowledgeBase(location);
      if (postgres) await copyEventsKnowledgeBase(file, kb);
      generateSeconds = (performance.now() - t) / 1000;
    }
    const actors = (await kb.db.selectFrom('event_actors').select('entity').where('role', '=', 'actor').groupBy('entity')
      .orderBy((eb) => eb.fn.countAll(), 'desc').orderBy('entity').execute()).map((r) => r.entity);
    const app = await buildServer(kb);
    const count = await kb.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const docs = await kb.db.selectFrom('documents').select('id').orderBy('id').limit(1000).execute();
    const sizes = await kb.db.selectFrom('documents').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('chars').as('avg'), eb.fn.max<number>('chars').as('max')]).executeTakeFirstOrThrow();

    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[], skew = 1): T => xs[Math.floor(Math.pow(rand(), skew) * xs.length)]!;
    const head = actors.slice(0, 10);
    const tail = actors.slice(10);
    const rare = actors.slice(Math.floor(actors.length / 2));
    const year = () => 1946 + Math.floor(rand() * 78);
    const kinds: Record<string, () => string> = {
      'first page': () => '',
      'type': () => `type=${pick(['CONSULT', 'AGREE', 'ACCUSE', 'SANCTION', 'ASSAULT'])}`,
      'actor': () => `actor=${pick(head)}`,
      'rare actor': () => `actor=${pick(rare)}`,
      'actor + types': () => `actor=${pick(actors, 2)}&type=PROTEST,ACCUSE,REJECT`,
      'date range': () => { const y = year(); return `from=${y}&to=${Math.min(2023, y + 5)}`; },
      'type + month range': () => { const y = year(); return `type=SANCTION&from=${y}-02&to=${y}-12`; },
      'actor+type+date': () => { const y = year(); return `actor=${pick(actors, 2)}&type=CONSULT,AGREE&from=${y}&to=${Math.min(2023, y + 9)}`; },
      'actor + recipient': () => `actor=${pick(head)}&recipient=${pick(head)}`,
      'quad + negated': () => `quad=${1 + Math.floor(rand() * 4)}&negated=${rand() < 0.5}`,
      'rare actor + decade': () => { const y = 1950 + 10 * Math.floor(rand() * 7); return `actor=${pick(tail)}&from=${y}&to=${y + 9}`; },
      'deep page': () => `type=CONSULT&offset=${1000 + Math.floor(rand() * 9000)}`,
      'deep page, actor': () => `actor=${pick(head)}&offset=${1000 + Math.floor(rand() * 4000)}`,
      'document': () => `doc=${pick(docs).id}`,
    };
    if (process.env.EVENTS_API_EXPLAIN === '1') await explainKinds(kb, location, kinds);

    const requests = opts.requests ?? 40;
    const latencies: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    const inexact: Record<string, number> = {};
    // Warm up: first requests compile the routes' validators and fill the caches; their times are
    // the first requests' (cold) figures.
    const first: number[] = [];
    for (const make of Object.values(kinds)) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/events?${make()}` });
      first.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const serverCpu: Record<string, number[]> = {};
    // Per request, this process's CPU plus the server's: what the request costs whatever else
    // runs on the machine (on a loaded shared machine the wall-clock figures mostly measure waits).
    const bothCpu: Record<string, number[]> = {};
    const backends = postgres ? await postgresBackends(kb) : undefined;
    const loadBefore = os.loadavg()[0]!;
    for (let r = 0; r < requests; r++) {
      const pids = await backends?.();
      for (const [kind, make] of Object.entries(kinds)) {
        const url = `/api/events?${make()}`;
        const s = pids && onCpuNs(pids);
        const c = process.cpuUsage();
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url });
        const ms = performance.now() - t;
        const used = process.cpuUsage(c);
        if (pids) {
          const server = (onCpuNs(pids) - s!) / 1e6;
          (serverCpu[kind] ??= []).push(server);
          (bothCpu[kind] ??= []).push(server + (used.user + used.system) / 1000);
        }
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        (latencies[kind] ??= []).push(ms);
        (cpu[kind] ??= []).push((used.user + used.system) / 1000);
        if (res.json().totalExact === false) inexact[kind] = (inexact[kind] ?? 0) + 1;
      }
    }
    const loadAfter = os.loadavg()[0]!;
    await app.close();
    await kb.close();
    const all = Object.values(latencies).flat();

    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
    };
    const result = {
      benchmark: 'events-api', store: postgres ? 'postgres' : 'sqlite', events: Number(count.n), requests: all.length, generateSeconds: round(generateSeconds),
      documents: Number(sizes.n), documentChars: { mean: Math.round(Number(sizes.avg)), max: Number(sizes.max) },
      firstRequests: { ...stats(first), total: round(first.reduce((a, b) => a + b, 0)) },
      loadAverage: [round(loadBefore), round(loadAfter)], cores: os.cpus().length, cpuMs: stats(Object.values(cpu).flat()),
      ...(postgres ? { serverCpuMs: stats(Object.values(serverCpu).flat()), bothCpuMs: stats(Object.values(bothCpu).flat()) } : {}),
      ...stats(all),
      byKind: Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, { ...stats(v), cpuP95: stats(cpu[k]!).p95, ...(serverCpu[k] ? { serverCpuP95: stats(serverCpu[k]).p95, bothCpuP95: stats(bothCpu[k]!).p95 } : {}), totalInexact: inexact[k] ?? 0 }])),
    };
    if (opts.json) return printJson(result);
    const out = (line: string) => process.stdout.write(line + '\n');
    out(`events-api: ${result.events} events in ${result.store}${generateSeconds ? ` (generated in ${result.generateSeconds} s)` : ''}, ${result.requests} requests to GET /api/events`);
    out(`  ${result.documents} documents of ${result.documentChars.mean} characters on average (at most ${result.documentChars.max})`);
    out(`  first request of each kind (${first.length}, caches as found): p50 ${result.firstRequests.p50} ms  max ${result.firstRequests.max} ms  all together ${result.firstRequests.total} ms`);
    out(`  load average ${result.loadAverage.join(' -> ')} on ${result.cores} cores; this process's CPU per request p50 ${result.cpuMs.p50} ms p95 ${result.cpuMs.p95} ms p99 ${result.cpuMs.p99} ms`);
    if (result.serverCpuMs) out(`  PostgreSQL server CPU per request (its backends on this machine) p50 ${result.serverCpuMs.p50} ms p95 ${result.serverCpuMs.p95} ms p99 ${result.serverCpuMs.p99} ms`);
    if (result.bothCpuMs) out(`  both together (this process + server) p50 ${result.bothCpuMs.p50} ms p95 ${result.bothCpuMs.p95} ms p99 ${result.bothCpuMs.p99} ms`);
    out(`  ${'all'.padEnd(20)} p50 ${String(result.p50).padStart(7)} ms  p95 ${String(result.p95).padStart(7)} ms  p99 ${String(result.p99).padStart(7)} ms  max ${String(result.max).padStart(7)} ms`);
    for (const [kind, s] of Object.entries(result.byKind)) {
      out(`  ${kind.padEnd(20)} p50 ${String(s.p50).padStart(7)} ms  p95 ${String(s.p95).padStart(7)} ms  p99 ${String(s.p99).padStart(7)} ms  max ${String(s.max).padStart(7)} ms  cpu p95 ${String(s.cpuP95).padStart(6)} ms${s.serverCpuP95 !== undefined ? `  server cpu p95 ${String(s.serverCpuP95).padStart(6)} ms  both p95 ${String(s.bothCpuP95).padStart(6)} ms` : ''}${s.totalInexact ? `  (total a lower bound in ${s.totalInexact})` : ''}`);
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The process ids of the PostgreSQL backends serving this knowledge base's connections, when the
 * server runs on this machine: their CPU time is the queries' cost, which this process's own
 * CPU time leaves out. Asked again per round, as the pool may open new connections.
 */
async function postgresBackends(kb: KnowledgeBase): Promise<() => Promise<number[] | undefined>> {
  return async () => {
    const r = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`.execute(kb.db);
    const pids = r.rows.map((x) => Number(x.pid)).filter((pid) => existsSync(`/proc/${pid}/schedstat`));
    return pids.length ? pids : undefined;
  };
}

/** Nanoseconds the given processes have spent on a CPU (Linux /proc/<pid>/schedstat). */
function onCpuNs(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The connection closed since it was listed.
    }
  }
  return ns;
}

/** The API's query string as listEvents filters (as routes-events.ts reads them). */
function filtersOf(query: string): EventFilters {
  const p = new URLSearchParams(query);
  const list = (k: string) => p.get(k)?.split(',').filter(Boolean);
  const f: EventFilters = { actors: list('actor'), recipients: list('recipient'), types: list('type'), docs: list('doc'), limit: 100, offset: Number(p.get('offset') ?? 0) };
  if (p.get('from')) f.from = p.get('from')!;
  if (p.get('to')) f.to = p.get('to')!;
  if (p.get('quad')) f.quad = Number(p.get('quad'));
  if (p.get('negated')) f.negated = p.get('negated') === 'true';
  return f;
}

/** Run one request of each kind through a logging connection and print every statement's plan. */
async function explainKinds(kb: KnowledgeBase, location: string, kinds: Record<string, () => string>): Promise<void> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const log = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => { if (e.level === 'query') seen.push(e.query); };
  const file = kb.dialect === 'sqlite' ? new SQLite(location, { readonly: true }) : undefined;
  const pool = kb.dialect === 'postgres' ? new pg.Pool({ connectionString: location, max: 1 }) : undefined;
  const db = new Kysely<any>({ dialect: file ? new SqliteDialect({ database: file }) : new PostgresDialect({ pool: pool! }), log });
  const logged = { ...kb, db } as KnowledgeBase;
  try {
    for (const [kind, make] of Object.entries(kinds)) {
      const query = make();
      seen.length = 0;
      await listEvents(logged, filtersOf(query));
      process.stdout.write(`\n== ${kind}: ${query || '(no filter)'}\n`);
      // Transaction control and settings (a walk's SET LOCAL) have no plan.
      for (const q of seen.filter((s) => !/^select \* from|^select "id", "text" from "documents"|^(begin|commit|rollback|set )/i.test(s.sql))) {
        process.stdout.write(`  ${q.sql.replace(/\s+/g, ' ').slice(0, 300)}  ${JSON.stringify(q.parameters).slice(0, 120)}\n`);
        const plan = file
          ? file.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])).map((r) => (r as { detail: string }).detail)
          : (await pool!.query<Record<string, string>>(`explain (analyze, costs off) ${q.sql}`, q.parameters as unknown[])).rows.map((r) => r['QUERY PLAN']!);
        for (const line of plan) process.stdout.write(`      ${line}\n`);
      }
    }
  } finally {
    await db.destroy();
  }
}
