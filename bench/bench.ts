// Benchmarks: `npm run bench -- [name] [corpus folder ...] [--json] [options]`, names:
//   ingest      end-to-end ingest throughput per core, per stage, peak memory, peers on the same text (--warm: steady state,
//               measured on every other file after warming up on the rest)
//   threads     the same files with 1 and N worker threads (--threads N, default the cores), each in a fresh process (--rounds R alternates them R times)
//   workers     the same files queued in fresh PostgreSQL databases, ingested by 1 and N `diplograph worker` processes (--workers N, default 2; --rounds R alternates them R times), beside a SQLite reference
//   long-line   one generated paragraph without line breaks (--size MB, default 0.8 and 5) analysed; seconds per stage
//   large       a generated text file of --size MB (default 100) ingested streaming; peak RSS
//   events-api  GET /api/events latency on a generated knowledge base of --events N (default 1M) in documents of --doc-chars MIN-MAX (default 20000-60000; 0: bare event sentences)
//   time        the time layer alone in MB/s on one core, beside chrono-node on the same text
//   load-api    read routes under autocannon on loopback: requests, errors, p50/p95/p99 (--requests N, --connections N)
//   import      diplograph import of --copies N editions of the sample as json and jsonl; read/check and write timed apart
// Common options: --limit N (corpus files), --src (measure sources through tsx, not dist/).
import { benchIngest } from './ingest-throughput.js';
import { benchThreads } from './threads-scaling.js';
import { benchWorkers } from './workers-scaling.js';
import { benchLarge } from './large-file.js';
import { benchLongLine } from './long-line.js';
import { benchEventsApi } from './events-api.js';
import { benchTime } from './time-speed.js';
import { benchLoadApi } from './load-api.js';
import { benchImport } from './import-throughput.js';

const args = process.argv.slice(2);
const VALUED = new Set(['--limit', '--threads', '--size', '--events', '--requests', '--keep', '--connections', '--copies', '--workers', '--rounds', '--doc-chars']);
const value = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const number = (name: string): number | undefined => {
  const v = value(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`${name} needs a positive number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const json = args.includes('--json');
const src = args.includes('--src');
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
const sub = positional[0] && !positional[0].includes('/') && !positional[0].includes('.') ? positional.shift()! : 'ingest';
const corpora = positional.length ? positional : ['../shared/data/ungdc', 'samples'];

if (sub === 'ingest') {
  await benchIngest({ corpora, json, limit: number('--limit'), src, warm: args.includes('--warm') });
} else if (sub === 'threads') {
  await benchThreads({ corpora, json, limit: number('--limit'), threads: number('--threads'), rounds: number('--rounds'), src });
} else if (sub === 'workers') {
  await benchWorkers({ corpora, json, limit: number('--limit'), workers: number('--workers'), rounds: number('--rounds') });
} else if (sub === 'long-line') {
  await benchLongLine({ json, sizesMb: value('--size') ? [number('--size')!] : undefined, src });
} else if (sub === 'large') {
  await benchLarge({ corpora, json, sizeMb: number('--size'), src });
} else if (sub === 'events-api') {
  await benchEventsApi({ json, events: number('--events'), requests: number('--requests'), keep: value('--keep'), documentChars: value('--doc-chars') });
} else if (sub === 'time') {
  await benchTime({ corpora: positional.length ? positional : ['../shared/data/ungdc'], json, limit: number('--limit'), src });
} else if (sub === 'load-api') {
  await benchLoadApi({ corpora, json, limit: number('--limit'), requests: number('--requests'), connections: number('--connections') });
} else if (sub === 'import') {
  await benchImport({ json, copies: number('--copies') });
} else {
  process.stderr.write(`unknown benchmark "${sub}"; available: ingest, threads, workers, long-line, large, events-api, time, load-api, import\n`);
  process.exit(2);
}
