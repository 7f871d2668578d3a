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

interface Options { corpora: string[]; json: boolean; limit?: number; workers?: number }

/** Where the bench creates its databases: DIPLOGRAPH_BENCH_PG_URL, else the test server, else the local default. */
const ADMIN_URL = process.env.DIPLOGRAPH_BENCH_PG_URL?.trim() || process.env.DIPLOGRAPH_TEST_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
/** How often the PostgreSQL backends are looked at (CPU from /proc, wait events from pg_stat_activity). */
const SAMPLE_MS = 200;
/** Folders of src/ the worker runs; dist/ must be at least as new as each of their files. */
const WORKER_CODE = ['cli', 'jobs', 'read', 'segment', 'recognize', 'resolve', 'extract', 'pipeline', 'kb', 'model', 'consolidate', 'export'];
const CPU_MARK = '@@bench-cpu ';
// Loaded before the CLI in each worker process: reports the process's own CPU time as it exits.
const CPU_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { writeSync } from 'node:fs';process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\n${CPU_MARK}' + JSON.stringify({ cpu: (u.user + u.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n'); });`,
)}`;

interface Run {
  backend: 'sqlite' | 'postgres';
  workers: number;
  seconds: number;
  /** Seconds from the workers' start until the first job was claimed (process start, code loading, connecting). */
  startupSeconds: number;
  processes: Array<{ name: string; cpuSeconds: number; maxRssMb: number; jobs: number; busySeconds: number }>;
  /** CPU of the PostgreSQL backends serving this run's database (sampled, so a lower bound); null when not on this machine. */
  serverCpuSeconds: number | null;
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
  const load0 = os.loadavg()[0]!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-workers-'));
  try {
    const reference = await run(files, { backend: 'sqlite', location: path.join(dir, 'reference.sqlite') }, 1);
    const runs: Run[] = [reference];
    for (const n of [1, many]) runs.push(await run(files, { backend: 'postgres', location: await freshDatabase(`diplograph_bench_workers_${n}`) }, n));
    const [, one, multi] = runs as [Run, Run, Run];
    const totalCpu = (r: Run) => r.processes.reduce((n, p) => n + p.cpuSeconds, 0) + (r.serverCpuSeconds ?? 0);
    const result = {
      benchmark: 'workers',
      cores: os.availableParallelism(),
      files: files.length,
      megabytes: round(mb),
      runs: runs.map((r) => ({
        backend: r.backend, workers: r.workers, seconds: round(r.seconds), mbPerSecond: round(mb / r.seconds), startupSeconds: round(r.startupSeconds),
        processes: r.processes.map((p) => ({ ...p, cpuSeconds: round(p.cpuSeconds), maxRssMb: Math.round(p.maxRssMb), busySeconds: round(p.busySeconds) })),
        serverCpuSeconds: r.serverCpuSeconds === null ? null : round(r.serverCpuSeconds),
        cpuSecondsPerMb: round(totalCpu(r) / mb),
        serverWaits: r.serverWaits, lockedStatements: r.lockedStatements, idleInTransactionAfter: r.idleAfter, failed: r.failed, clusters: r.clusters,
      })),
      speedup: round(one.seconds / multi.seconds),
      // What the speed-up would be on otherwise idle cores: one worker and its backend take turns, so
      // its wall time is at least their CPU time; N workers share the cores with their backends.
      speedupIdleCores: round(totalCpu(one) / Math.max(totalCpu(multi) / os.availableParallelism(), ...multi.processes.map((p) => p.cpuSeconds))),
      // Workers plus server CPU for the same files: above 1 means running N at once costs more work in all.
      cpuRatio: round(totalCpu(multi) / totalCpu(one)),
      loadAverage: [round(load0), round(os.loadavg()[0]!)],
      identical: {
        postgres1VsSqlite: one.exportHash === reference.exportHash,
        postgresNVsSqlite: multi.exportHash === reference.exportHash,
        clusters: one.clustersHash === reference.clustersHash && multi.clustersHash === reference.clustersHash,
      },
      differences: [...differences('postgres 1 worker', one.export, reference.export), ...differences(`postgres ${many} workers`, multi.export, reference.export)],
    };
    if (opts.json) return printJson(result);
    const out = (line: string) => process.stdout.write(line + '\n');
    out(`workers: ${result.files} files, ${result.megabytes} MB on ${result.cores} cores (load average ${result.loadAverage.join(' -> ')})`);
    for (const r of result.runs) {
      out(`  ${r.backend.padEnd(8)} ${r.workers} worker(s)  ${String(r.seconds).padStart(7)} s wall  ${String(r.mbPerSecond).padStart(5)} MB/s  start-up ${r.startupSeconds} s  ${r.cpuSecondsPerMb} CPU s/MB in all  (${r.failed} failed, ${r.clusters} event clusters)`);
      // CPU over wall: below 1 the process waited (for the database, or for a core other programs held).
      for (const p of r.processes) out(`      ${p.name.padEnd(4)} ${String(p.jobs).padStart(4)} jobs  ${String(p.cpuSeconds).padStart(7)} s CPU (${Math.round((100 * p.cpuSeconds) / r.seconds)}% of a core)  in jobs ${String(p.busySeconds).padStart(7)} s  max RSS ${p.maxRssMb} MB`);
      if (r.serverCpuSeconds !== null) out(`      PostgreSQL backends ${r.serverCpuSeconds} s CPU; samples: ${Object.entries(r.serverWaits).map(([k, v]) => `${k} ${v}%`).join(', ')}`);
      for (const s of r.lockedStatements) out(`      waiting on a lock (${s.samples} samples): ${s.statement}`);
      for (const s of r.idleInTransactionAfter) out(`      idle in transaction after (${s.samples} samples): ${s.statement}`);
    }
    out(`  speed-up ${result.speedup}x wall with ${many} workers (load average ${result.loadAverage.join(' -> ')}); ${result.speedupIdleCores}x from CPU time on idle cores; total CPU (workers + backends) ${result.cpuRatio}x of one worker's`);
    out(`  exports: PostgreSQL 1 worker ${result.identical.postgres1VsSqlite ? 'identical to' : 'DIFFERS from'} SQLite; ${many} workers ${result.identical.postgresNVsSqlite ? 'identical to' : 'DIFFER from'} SQLite; event clusters ${result.identical.clusters ? 'the same' : 'DIFFER'}`);
    for (const d of result.differences.slice(0, 10)) out(`    ${d}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    const firstStart = Math.min(...jobs.map((j) => Date.parse(j.started_at ?? '')).filter(Number.isFinite));
    const data = comparable(await exportJson(kb));
    const clusters = await kb.db.withTables<{ event_clusters: { cluster: string; event: string; undone: number } }>()
      .selectFrom('event_clusters').select(['cluster', 'event']).where('undone', '=', 0).execute();
    return {
      backend: target.backend, workers, seconds,
      startupSeconds: Number.isFinite(firstStart) ? (firstStart - started) / 1000 : NaN,
      processes: names.map((name, i) => {
        const mine = jobs.filter((j) => j.worker === name && j.started_at && j.finished_at);
        return {
          name, ...results[i]!.usage, jobs: mine.length,
          busySeconds: mine.reduce((n, j) => n + (Date.parse(j.finished_at!) - Date.parse(j.started_at!)) / 1000, 0),
        };
      }),
      serverCpuSeconds: server?.cpuSeconds ?? null,
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
function cli(args: string[], measured = false): Promise<{ code: number | null; stderr: string; usage: { cpuSeconds: number; maxRssMb: number } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(measured ? ['--import', CPU_HOOK] : []), path.join(ROOT, 'bin', 'diplograph.js'), ...args], {
      cwd: ROOT, env: { ...process.env, DIPLOGRAPH_DB_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('error', reject);
    child.on('close', (code) => {
      const mark = stderr.lastIndexOf(CPU_MARK);
      const usage = mark >= 0 ? JSON.parse(stderr.slice(mark + CPU_MARK.length).split('\n', 1)[0]!) as { cpu: number; maxRssMb: number } : { cpu: NaN, maxRssMb: NaN };
      resolve({ code, stderr: mark >= 0 ? stderr.slice(0, mark) : stderr, usage: { cpuSeconds: usage.cpu, maxRssMb: usage.maxRssMb } });
    });
  });
}

/**
 * Every SAMPLE_MS: the CPU time of this database's backends (found in /proc by their process
 * title, which names the database) and, from pg_stat_activity, what each was doing. A backend's
 * CPU after its last sample is missed, so the total is a lower bound (by at most SAMPLE_MS each).
 */
async function startSampler(database: string): Promise<{ stop(): Promise<{ cpuSeconds: number | null; waits: Record<string, number>; locked: Array<{ statement: string; samples: number }>; idleAfter: Array<{ statement: string; samples: number }> }> }> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  const ticks = 100; // USER_HZ on Linux
  const onProc = existsSync('/proc/self/stat') && /^(127\.|localhost$|\[::1\]$)/.test(new URL(ADMIN_URL).hostname);
  const cpuByPid = new Map<number, number>();
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
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuByPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / ticks);
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
      await client.end();
      const pct = (n: number) => Math.round((1000 * n) / Math.max(1, samples)) / 10;
      return {
        cpuSeconds: onProc ? [...cpuByPid.values()].reduce((a, b) => a + b, 0) : null,
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
