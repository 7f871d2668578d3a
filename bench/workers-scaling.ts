import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type * as ExportModule from '../src/export/export-json.js';
import type * as OpenModule from '../src/kb/open-knowledge-base.js';
import type { ExportJson } from '../src/export/export-types.js';
import { corpusFiles } from './corpus-files.js';
import { ROOT } from './shipped-code.js';
import { printJson, round } from './measure.js';

interface Options { corpora: string[]; json: boolean; limit?: number; workers?: number; rounds?: number }

/** Where the bench creates its databases: DIPLOGRAPH_BENCH_PG_URL, else the test server, else the local default. */
const ADMIN_URL = process.env.DIPLOGRAPH_BENCH_PG_URL?.trim() || process.env.DIPLOGRAPH_TEST_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
/** How often the PostgreSQL backends are looked at (CPU from /proc, wait events from pg_stat_activity). */
const SAMPLE_MS = 200;
/** Folders of src/ the worker runs; dist/ must be at least as new as each of their files. */
const WORKER_CODE = ['cli', 'jobs', 'read', 'segment', 'recognize', 'resolve', 'extract', 'pipeline', 'kb', 'model', 'consolidate', 'export'];
const CPU_MARK = '@@bench-cpu ';
// Loaded before the CLI in each worker process: as it exits, reports its CPU time (all threads), and
// how its main thread spent its life (Linux schedstat: on a core, waiting for a core, the rest asleep).
const CPU_HOOK = `data:text/javascript,${encodeURIComponent(`
import { readFileSync, writeSync } from 'node:fs';
process.on('exit', () => {
  const u = process.cpuUsage();
  let sched = [NaN, NaN];
  try { sched = readFileSync('/proc/self/task/' + process.pid + '/schedstat', 'utf8').split(' ').map((n) => Number(n) / 1e9); } catch {}
  writeSync(2, '\\n${CPU_MARK}' + JSON.stringify({ cpu: (u.user + u.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, seconds: process.uptime(), onCpu: sched[0], runQueue: sched[1] }) + '\\n');
});`)}`;

interface ProcessUsage {
  cpuSeconds: number;
  maxRssMb: number;
  /** The process's life. */
  seconds: number;
  /** Its main thread waiting for a core other programs held. */
  runQueueSeconds: number;
  /** Its main thread asleep: waiting for the database (or an empty queue's poll, or the disk). */
  blockedSeconds: number;
}

interface Run {
  backend: 'sqlite' | 'postgres';
  workers: number;
  seconds: number;
  /** Seconds from the workers' start until the first job was claimed (process start, code loading, connecting). */
  startupSeconds: number;
  /** Mean time per job over the first and the last tenth of the jobs started. */
  jobMs: { firstTenth: number; lastTenth: number };
  processes: Array<ProcessUsage & { name: string; jobs: number; busySeconds: number }>;
  /** The PostgreSQL backends serving this run's database (sampled, so lower bounds); undefined when not on this machine. */
  server?: { cpuSeconds: number; runQueueSeconds: number };
  /** WAL flushes the server made during the run (server-wide, so other users' commits count too). */
  walSyncs?: number;
  /** Share of the backends' samples by what they were doing (active, idle, Lock:transactionid, ...). */
  serverWaits: Record<string, number>;
  /** Statements most often seen waiting on a lock, with how many samples. */
  lockedStatements: Array<{ statement: string; samples: number }>;
  /** The statements after which backends were most often seen idle in a transaction (the worker computing while the transaction stays open). */
  idleAfter: Array<{ statement: string; samples: number }>;
  failed: number;
  exportHash: string;
  clusters: number;
  clustersHash: string;
  export: ExportJson;
}

/**
 * Issue #8's "many machines" claim on one machine: the same files enqueued into a fresh
 * PostgreSQL database and ingested by 1, then 2 (or --workers N) `diplograph worker` processes
 * (the compiled CLI, as users run it), beside one worker on a SQLite queue as reference. Prints
 * wall time, MB/s, each process's CPU, the PostgreSQL backends' CPU and what they waited on, the
 * speed-up, and whether every knowledge base exports the same.
 */
export async function benchWorkers(opts: Options): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench workers: dist/ is missing; run `npx tsc -p tsconfig.build.json` first (the workers run the compiled CLI)\n');
    process.exit(2);
  }
  const stale = staleDist();
  if (stale) process.stderr.write(`bench workers: dist/ is older than ${stale}; the figures are of the last build (\`npx tsc -p tsconfig.build.json\`)\n`);
  const files = corpusFiles(opts.corpora, opts.limit ?? 100).map((f) => path.resolve(f));
  if (files.length === 0) throw new Error(`no .txt, .md or .html files under ${opts.corpora.join(', ')}`);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const many = opts.workers ?? 2;
  const rounds = opts.rounds ?? 1;
  const cores = os.availableParallelism();
  const load0 = os.loadavg()[0]!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-workers-'));
  try {
    const reference = await run(files, { backend: 'sqlite', location: path.join(dir, 'reference.sqlite') }, 1);
    // 1 and N workers alternate, so a change in the machine's load falls on both alike.
    const ones: Run[] = [];
    const multis: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const n of [1, many]) (n === 1 ? ones : multis).push(await run(files, { backend: 'postgres', location: await freshDatabase(`diplograph_bench_workers_${n}`) }, n));
    }
    const one = medianRun(ones);
    const multi = medianRun(multis);
    const totalCpu = (r: Run) => r.processes.reduce((n, p) => n + p.cpuSeconds, 0) + (r.server?.cpuSeconds ?? 0);
    /**
     * Wall time had no other program wanted the cores: each worker's time less what its main
     * thread and (a share of) the backends waited for a core, but never below the CPU time of
     * the run spread over the cores.
     */
    const idleWall = (r: Run) => Math.max(
      totalCpu(r) / cores,
      ...r.processes.map((p) => p.seconds - p.runQueueSeconds - (r.server?.runQueueSeconds ?? 0) / r.workers),
    );
    const describeRun = (r: Run) => ({
      backend: r.backend, workers: r.workers, seconds: round(r.seconds), mbPerSecond: round(mb / r.seconds), startupSeconds: round(r.startupSeconds),
      idleCoresSeconds: round(idleWall(r)),
      jobMs: { firstTenth: Math.round(r.jobMs.firstTenth), lastTenth: Math.round(r.jobMs.lastTenth) },
      processes: r.processes.map((p) => ({
        name: p.name, jobs: p.jobs, cpuSeconds: round(p.cpuSeconds), maxRssMb: Math.round(p.maxRssMb), inJobsSeconds: round(p.busySeconds),
        waitingForCoreSeconds: round(p.runQueueSeconds), waitingForDatabaseSeconds: round(p.blockedSeconds),
      })),
      server: r.server && { cpuSeconds: round(r.server.cpuSeconds), waitingForCoreSeconds: round(r.server.runQueueSeconds) },
      walSyncsPerJob: r.walSyncs === undefined ? undefined : round(r.walSyncs / r.processes.reduce((n, p) => n + p.jobs, 0)),
      cpuSecondsPerMb: round(totalCpu(r) / mb),
      serverSamples: r.serverWaits, lockedStatements: r.lockedStatements, idleInTransactionAfter: r.idleAfter, failed: r.failed, clusters: r.clusters,
    });
    const pgRuns = [...ones, ...multis];
    const result = {
      benchmark: 'workers',
      cores,
      files: files.length,
      megabytes: round(mb),
      rounds,
      // The median round of each (by wall time); every round's wall time in `walls`.
      runs: [reference, one, multi].map(describeRun),
      walls: { one: ones.map((r) => round(r.seconds)), many: multis.map((r) => round(r.seconds)) },
      // Each round's own ratio: the two runs of a round met the most similar load.
      speedupPerRound: ones.map((r, i) => round(r.seconds / multis[i]!.seconds)),
      speedup: round(one.seconds / multi.seconds),
      speedupIdleCores: round(idleWall(one) / idleWall(multi)),
      // Workers plus backends' CPU for the same files: above 1 means running N at once costs more work in all.
      cpuRatio: round(totalCpu(multi) / totalCpu(one)),
      loadAverage: [round(load0), round(os.loadavg()[0]!)],
      identical: {
        exports: pgRuns.every((r) => r.exportHash === reference.exportHash),
        clusters: pgRuns.every((r) => r.clustersHash === reference.clustersHash),
      },
      differences: pgRuns.flatMap((r) => differences(`postgres ${r.workers} worker(s)`, r.export, reference.export)),
    };
    // A knowledge base that differs makes the run fail, whatever the speed.
    if (!result.identical.exports || !result.identical.clusters) process.exitCode = 1;
    if (opts.json) return printJson(result);
    const out = (line: string) => process.stdout.write(line + '\n');
    out(`workers: ${result.files} files, ${result.megabytes} MB on ${result.cores} cores (load average ${result.loadAverage.join(' -> ')})${rounds > 1 ? `; median of ${rounds} rounds` : ''}`);
    for (const r of result.runs) {
      out(`  ${r.backend.padEnd(8)} ${r.workers} worker(s)  ${String(r.seconds).padStart(7)} s wall  ${String(r.mbPerSecond).padStart(5)} MB/s  start-up ${r.startupSeconds} s  ${r.idleCoresSeconds} s on idle cores (est.)  ${r.cpuSecondsPerMb} CPU s/MB in all; a job ${r.jobMs.firstTenth} ms in the first tenth, ${r.jobMs.lastTenth} ms in the last  (${r.failed} failed, ${r.clusters} event clusters)`);
      for (const p of r.processes) {
        out(`      ${p.name.padEnd(4)} ${String(p.jobs).padStart(4)} jobs  ${String(p.cpuSeconds).padStart(7)} s CPU  in jobs ${String(p.inJobsSeconds).padStart(7)} s  main thread waited ${p.waitingForCoreSeconds} s for a core, ${p.waitingForDatabaseSeconds} s for the database (or the queue)  max RSS ${p.maxRssMb} MB`);
      }
      if (r.server) out(`      PostgreSQL backends ${r.server.cpuSeconds} s CPU, waited ${r.server.waitingForCoreSeconds} s for a core; ${r.walSyncsPerJob} WAL flushes per job (server-wide); samples: ${Object.entries(r.serverSamples).map(([k, v]) => `${k} ${v}%`).join(', ')}`);
      for (const s of r.lockedStatements) out(`      waiting on a lock (${s.samples} samples): ${s.statement}`);
      for (const s of r.idleInTransactionAfter.slice(0, 3)) out(`      idle in transaction after (${s.samples} samples): ${s.statement}`);
    }
    if (rounds > 1) out(`  wall per round: 1 worker ${result.walls.one.join(', ')} s; ${many} workers ${result.walls.many.join(', ')} s; speed-up per round ${result.speedupPerRound.join(', ')}`);
    out(`  speed-up ${result.speedup}x wall with ${many} workers (load average ${result.loadAverage.join(' -> ')}); ${result.speedupIdleCores}x on idle cores (est.); total CPU (workers + backends) ${result.cpuRatio}x of one worker's`);
    out(`  exports of every PostgreSQL run ${result.identical.exports ? 'identical to' : 'DIFFER from'} the SQLite one; event clusters ${result.identical.clusters ? 'the same' : 'DIFFER'}`);
    for (const d of result.differences.slice(0, 10)) out(`    ${d}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianRun(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
}

interface Target { backend: 'sqlite' | 'postgres'; location: string }

async function run(files: string[], target: Target, workers: number): Promise<Run> {
  const enqueued = await cli(['enqueue', ...files, '--db', target.location, '--json']);
  if (enqueued.code !== 0) throw new Error(`enqueue failed (${enqueued.code}): ${enqueued.stderr}`);
  const database = target.backend === 'postgres' ? new URL(target.location).pathname.slice(1) : undefined;
  const sampler = database ? await startSampler(database) : undefined;
  const started = Date.now();
  const t0 = performance.now();
  const names = Array.from({ length: workers }, (_, i) => `w${i + 1}`);
  const results = await Promise.all(names.map((name) => cli(['worker', '--db', target.location, '--until-empty', '--quiet', '--poll', '0.2', '--name', name], true)));
  const seconds = (performance.now() - t0) / 1000;
  const server = await sampler?.stop();
  for (const [i, r] of results.entries()) if (r.code !== 0 && r.code !== 1) throw new Error(`worker ${names[i]} exited with ${r.code}: ${r.stderr.slice(-2000)}`);

  const open = await load<typeof OpenModule>('kb/open-knowledge-base.ts');
  const { exportJson } = await load<typeof ExportModule>('export/export-json.ts');
  const kb = await open.openKnowledgeBase(target.location);
  try {
    const jobs = await kb.db.withTables<{ jobs: { worker: string | null; state: string; started_at: string | null; finished_at: string | null } }>()
      .selectFrom('jobs').select(['worker', 'state', 'started_at', 'finished_at']).execute();
    // Job times in the order jobs started: a store or consolidation that slows as the knowledge base grows shows here.
    const inOrder = jobs.filter((j) => j.started_at && j.finished_at).sort((a, b) => Date.parse(a.started_at!) - Date.parse(b.started_at!))
      .map((j) => (Date.parse(j.finished_at!) - Date.parse(j.started_at!)) / 1000);
    const tenth = Math.max(1, Math.floor(inOrder.length / 10));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const firstStart = Math.min(...jobs.map((j) => Date.parse(j.started_at ?? '')).filter(Number.isFinite));
    const data = comparable(await exportJson(kb));
    const clusters = await kb.db.withTables<{ event_clusters: { cluster: string; event: string; undone: number } }>()
      .selectFrom('event_clusters').select(['cluster', 'event']).where('undone', '=', 0).execute();
    return {
      backend: target.backend, workers, seconds,
      startupSeconds: Number.isFinite(firstStart) ? (firstStart - started) / 1000 : NaN,
      jobMs: { firstTenth: mean(inOrder.slice(0, tenth)) * 1000, lastTenth: mean(inOrder.slice(-tenth)) * 1000 },
      processes: names.map((name, i) => {
        const mine = jobs.filter((j) => j.worker === name && j.started_at && j.finished_at);
        return {
          name, ...results[i]!.usage, jobs: mine.length,
          busySeconds: mine.reduce((n, j) => n + (Date.parse(j.finished_at!) - Date.parse(j.started_at!)) / 1000, 0),
        };
      }),
      server: server?.cpu,
      walSyncs: server?.walSyncs,
      serverWaits: server?.waits ?? {},
      lockedStatements: server?.locked ?? [],
      idleAfter: server?.idleAfter ?? [],
      failed: jobs.filter((j) => j.state !== 'done').length,
      exportHash: sha(JSON.stringify(data)),
      clusters: new Set(clusters.map((c) => c.cluster)).size,
      clustersHash: sha(JSON.stringify(partition(clusters))),
      export: data,
    };
  } finally {
    await kb.close();
    if (database) await dropDatabase(database);
  }
}

/** The compiled CLI in a child process; with `measured`, its CPU time and peak memory as it exits. */
function cli(args: string[], measured = false): Promise<{ code: number | null; stderr: string; usage: ProcessUsage }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(measured ? ['--import', CPU_HOOK] : []), path.join(ROOT, 'bin', 'diplograph.js'), ...args], {
      cwd: ROOT, env: { ...process.env, DIPLOGRAPH_DB_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('error', reject);
    child.on('close', (code) => {
      const mark = stderr.lastIndexOf(CPU_MARK);
      const u = mark >= 0
        ? JSON.parse(stderr.slice(mark + CPU_MARK.length).split('\n', 1)[0]!) as { cpu: number; maxRssMb: number; seconds: number; onCpu: number; runQueue: number }
        : { cpu: NaN, maxRssMb: NaN, seconds: NaN, onCpu: NaN, runQueue: NaN };
      const usage = { cpuSeconds: u.cpu, maxRssMb: u.maxRssMb, seconds: u.seconds, runQueueSeconds: u.runQueue, blockedSeconds: u.seconds - u.onCpu - u.runQueue };
      resolve({ code, stderr: mark >= 0 ? stderr.slice(0, mark) : stderr, usage });
    });
  });
}

/**
 * Every SAMPLE_MS: the CPU time of this database's backends (found in /proc by their process
 * title, which names the database) and, from pg_stat_activity, what each was doing. A backend's
 * CPU after its last sample is missed, so the total is a lower bound (by at most SAMPLE_MS each).
 */
async function startSampler(database: string): Promise<{ stop(): Promise<{ walSyncs: number; cpu?: { cpuSeconds: number; runQueueSeconds: number }; waits: Record<string, number>; locked: Array<{ statement: string; samples: number }>; idleAfter: Array<{ statement: string; samples: number }> }> }> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  // WAL flushes to disk, server-wide (PostgreSQL 14 and later): each synchronous commit waits for one.
  const walSyncs = async () => Number((await client.query<{ n: string }>('select wal_sync as n from pg_stat_wal').catch(() => ({ rows: [{ n: 'NaN' }] }))).rows[0]?.n);
  const walSyncs0 = await walSyncs();
  const onProc = existsSync('/proc/self/stat') && /^(127\.|localhost$|\[::1\]$)/.test(new URL(ADMIN_URL).hostname);
  // Per backend, the last schedstat seen: nanoseconds on a core and waiting for one.
  const schedByPid = new Map<number, [number, number]>();
  const waits = new Map<string, number>();
  const locked = new Map<string, number>();
  const idleAfter = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const sampleCpu = () => {
    if (!onProc) return;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
        const [onCpu, runQueue] = readFileSync(`/proc/${entry}/schedstat`, 'utf8').split(' ').map(Number);
        schedByPid.set(Number(entry), [onCpu!, runQueue!]);
      } catch {
        // The process ended between listing and reading.
      }
    }
  };
  const sampleActivity = async () => {
    const r = await client.query<{ state: string | null; wait: string | null; query: string }>(
      `select state, wait_event_type || ':' || wait_event as wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
       from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`, [database]);
    for (const row of r.rows) {
      samples++;
      const what = row.state === 'active' ? (row.wait && !row.wait.startsWith('Client') ? row.wait : 'active') : (row.state ?? 'unknown');
      waits.set(what, (waits.get(what) ?? 0) + 1);
      if (row.wait?.startsWith('Lock:')) locked.set(row.query, (locked.get(row.query) ?? 0) + 1);
      if (row.state === 'idle in transaction') idleAfter.set(row.query, (idleAfter.get(row.query) ?? 0) + 1);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      sampleCpu();
      await sampleActivity().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      sampleCpu();
      const syncs = (await walSyncs()) - walSyncs0;
      await client.end();
      const pct = (n: number) => Math.round((1000 * n) / Math.max(1, samples)) / 10;
      return {
        walSyncs: syncs,
        cpu: onProc
          ? { cpuSeconds: [...schedByPid.values()].reduce((n, x) => n + x[0], 0) / 1e9, runQueueSeconds: [...schedByPid.values()].reduce((n, x) => n + x[1], 0) / 1e9 }
          : undefined,
        waits: Object.fromEntries([...waits].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, pct(v)])),
        locked: top(locked),
        idleAfter: top(idleAfter),
      };
    },
  };
}

const top = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([statement, samples]) => ({ statement, samples }));

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database of that name (an earlier run's is dropped first); its URL. */
async function freshDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  // C collation orders text by code point, as SQLite does, so the exports can be compared as they are.
  await admin((c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C'`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

async function load<T>(rel: string): Promise<T> {
  return (await import(pathToFileURL(path.join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'))).href)) as T;
}

/** The first source file whose compiled file is missing or older, or undefined when dist/ is fresh. */
function staleDist(): string | undefined {
  const stack = WORKER_CODE.map((d) => path.join(ROOT, 'src', d));
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), full)).replace(/\.ts$/, '.js');
        if (!existsSync(built) || statSync(built).mtimeMs < statSync(full).mtimeMs) return path.relative(ROOT, full);
      }
    }
  }
  return undefined;
}

/** The export with documents in id order: their default order is the order they were stored in. */
function comparable(data: ExportJson): ExportJson {
  return { ...data, documents: [...data.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** Clusters as sets of events: a cluster's name is its first report's event, which depends on who stored first. */
function partition(rows: Array<{ cluster: string; event: string }>): string[][] {
  const byCluster = new Map<string, string[]>();
  for (const r of rows) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r.event]);
  return [...byCluster.values()].map((events) => events.sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

/** Per export section: how many records differ (first few keys named), for a diagnosis when hashes differ. */
function differences(label: string, a: ExportJson, b: ExportJson): string[] {
  const out: string[] = [];
  for (const key of Object.keys(b) as Array<keyof ExportJson>) {
    const left = new Set((a[key] as unknown[]).map((x) => JSON.stringify(x)));
    const right = new Set((b[key] as unknown[]).map((x) => JSON.stringify(x)));
    const onlyLeft = [...left].filter((x) => !right.has(x));
    const onlyRight = [...right].filter((x) => !left.has(x));
    if (onlyLeft.length || onlyRight.length) out.push(`${label} ${key}: ${onlyLeft.length} only there, ${onlyRight.length} only in SQLite; e.g. ${(onlyLeft[0] ?? onlyRight[0])!.slice(0, 160)}`);
    else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`${label} ${key}: same records in another order`);
  }
  return out;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
