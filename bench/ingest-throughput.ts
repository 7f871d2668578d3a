import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBytes } from '../src/read/read-file.js';
import { analyse, STAGE_NAMES } from '../src/pipeline/analyse.js';
import { defaultContext } from '../src/pipeline/context.js';
import { openKnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { storeDocument } from '../src/kb/store-document.js';
import { corpusFiles } from './corpus-files.js';

interface Options { corpora: string[]; json: boolean; limit?: number }

/** End-to-end ingest (read + all stages + store into SQLite) on one core, and peers on the same text. */
export async function benchIngest(opts: Options): Promise<void> {
  const files = corpusFiles(opts.corpora, opts.limit);
  const inputs = files.map((f) => ({ file: f, bytes: readFileSync(f) }));
  const totalBytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const mb = totalBytes / 1e6;
  const ctx = defaultContext();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-'));
  const kb = await openKnowledgeBase(path.join(dir, 'bench.sqlite'));
  const stageMs: Record<string, number> = Object.fromEntries(STAGE_NAMES.map((s) => [s, 0]));
  let readMs = 0;
  let storeMs = 0;
  let events = 0;
  let mentions = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (const input of inputs) {
    let t = performance.now();
    const read = await readBytes(input.file, input.bytes);
    readMs += performance.now() - t;
    const doc = analyse(read, ctx, { onStageDone: (s, ms) => { stageMs[s] = (stageMs[s] ?? 0) + ms; } });
    events += doc.events.length;
    mentions += doc.mentions.length;
    t = performance.now();
    await storeDocument(kb, doc);
    storeMs += performance.now() - t;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const totalMs = performance.now() - started;
  await kb.close();
  rmSync(dir, { recursive: true, force: true });

  const text = inputs.map((i) => i.bytes.toString('utf8')).join('\n\n');
  const peers = await runPeers(text);
  const perStage = { read: readMs, ...stageMs, store: storeMs };
  const result = {
    files: inputs.length,
    megabytes: round(mb),
    seconds: round(totalMs / 1000),
    mbPerSecondPerCore: round(mb / (totalMs / 1000)),
    stages: Object.fromEntries(Object.entries(perStage).map(([k, ms]) => [k, { seconds: round(ms / 1000), mbPerSecond: round(mb / (ms / 1000)) }])),
    peakRssMb: round(peakRss / 1e6),
    mentions,
    events,
    peers: Object.fromEntries(Object.entries(peers).map(([k, ms]) => [k, { seconds: round(ms / 1000), mbPerSecond: round(mb / (ms / 1000)), diplographSpeedup: round(ms / totalMs) }])),
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  process.stdout.write(`ingest: ${result.files} files, ${result.megabytes} MB in ${result.seconds} s = ${result.mbPerSecondPerCore} MB/s on one core (peak RSS ${result.peakRssMb} MB; ${mentions} mentions, ${events} events)\n`);
  for (const [stage, s] of Object.entries(result.stages)) process.stdout.write(`  ${stage.padEnd(10)} ${String(s.seconds).padStart(7)} s  ${String(s.mbPerSecond).padStart(8)} MB/s\n`);
  for (const [peer, s] of Object.entries(result.peers)) process.stdout.write(`  peer ${peer.padEnd(28)} ${String(s.seconds).padStart(7)} s  ${String(s.mbPerSecond).padStart(8)} MB/s  (diplograph end-to-end is ${s.diplographSpeedup}x its speed)\n`);
}

async function runPeers(text: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Peers are measured on the same text in the same process; they are dev dependencies only.
  const nlp = (await import('compromise')).default;
  // compromise is slow on large inputs; measure it on a slice and scale, which favours it (no GC pressure).
  const slice = text.slice(0, Math.min(text.length, 1_000_000));
  let t = performance.now();
  const doc = nlp(slice);
  doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
  out['compromise (people/places/orgs)'] = (performance.now() - t) * (text.length / slice.length);
  const chrono = await import('chrono-node');
  t = performance.now();
  chrono.parse(text, new Date(Date.UTC(2019, 0, 1)));
  out['chrono-node (dates)'] = performance.now() - t;
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
