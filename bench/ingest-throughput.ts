import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusFiles } from './corpus-files.js';
import { loadPipelineCode } from './shipped-code.js';
import { cpuSeconds, printJson, round, sampleThreadCpu } from './measure.js';

interface Options { corpora: string[]; json: boolean; limit?: number; src?: boolean; peers?: boolean; warm?: boolean }

/**
 * End-to-end ingest (read + all stages + store into SQLite, consolidation included) in one thread, per stage, and peers on
 * the same text. Throughput per core is MB of text per CPU-second of this process (the machine is
 * shared, so CPU time is steadier than wall time; both are printed).
 */
export async function benchIngest(opts: Options): Promise<void> {
  const code = await loadPipelineCode(opts.src);
  const files = corpusFiles(opts.corpora, opts.limit);
  const all = files.map((f) => ({ file: f, bytes: readFileSync(f) }));
  // --warm: steady state. The process first ingests every other file (untimed, into a knowledge base thrown away), so
  // that V8 has compiled the pipeline, then the other half is measured. The halves share no document, so no cache
  // holds what is measured; what is left out is only the warming up a long ingest pays once.
  const inputs = opts.warm ? all.filter((_, i) => i % 2 === 1) : all;
  const ctx = code.context.defaultContext();
  if (opts.warm) await warmUp(code, ctx, all.filter((_, i) => i % 2 === 0));
  const totalBytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const mb = totalBytes / 1e6;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-'));
  const kb = await code.open.openKnowledgeBase(path.join(dir, 'bench.sqlite'));
  const stageMs: Record<string, number> = Object.fromEntries(code.analyse.STAGE_NAMES.map((s) => [s, 0]));
  // Stage times are CPU time of this process (the machine is shared: wall time counts other
  // programs' turns); the end-to-end line gives both.
  let readMs = 0;
  let storeMs = 0;
  let events = 0;
  let mentions = 0;
  let peakRss = process.memoryUsage().rss;
  const cpuMs = (since: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
  // Stored as an ingest stores: a few documents per transaction, each consolidated after it.
  const batch = new code.ingest.IngestBatch(kb);
  let failed = 0;
  const threadCpu = sampleThreadCpu();
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (const input of inputs) {
    let t = process.cpuUsage();
    const read = await code.read.readBytes(input.file, input.bytes);
    readMs += cpuMs(t);
    const doc = code.analyse.analyse(read, ctx, { onStageDone: (s, _ms, cpu) => { stageMs[s] = (stageMs[s] ?? 0) + cpu; } });
    events += doc.events.length;
    mentions += doc.mentions.length;
    t = process.cpuUsage();
    await batch.store(() => code.ingest.storeAnalysed(kb, input.file, doc), (o) => { if (!o.ok) failed++; });
    storeMs += cpuMs(t);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  let t = process.cpuUsage();
  await batch.commit();
  storeMs += cpuMs(t);
  if (failed) throw new Error(`${failed} document(s) could not be stored`);
  const totalMs = performance.now() - started;
  const cpu = cpuSeconds(cpu0);
  const threads = threadCpu.stop();
  await kb.close();
  rmSync(dir, { recursive: true, force: true });

  const peers = opts.peers === false ? {} : await runPeers(inputs.map((i) => i.bytes.toString('utf8')).join('\n\n'));
  const perStage = { read: readMs, ...stageMs, store: storeMs };
  const result = {
    benchmark: 'ingest',
    code: code.from,
    steadyState: !!opts.warm,
    files: inputs.length,
    megabytes: round(mb),
    wallSeconds: round(totalMs / 1000),
    cpuSeconds: round(cpu),
    mbPerSecondPerCore: round(mb / cpu),
    mbPerSecondWall: round(mb / (totalMs / 1000)),
    stages: Object.fromEntries(Object.entries(perStage).map(([k, ms]) => [k, { cpuSeconds: round(ms / 1000), share: round(ms / (cpu * 1000)), mbPerSecond: round(mb / (ms / 1000)) }])),
    // This thread's CPU, and that of V8's helper threads (optimising compiler, garbage collector) it kept busy.
    mainThreadCpuSeconds: round(threads.main),
    v8HelpersCpuSeconds: round(threads.others + threads.started.reduce((a, b) => a + b, 0)),
    peakRssMb: round(peakRss / 1e6),
    mentions,
    events,
    peers: Object.fromEntries(Object.entries(peers).map(([k, p]) => [k, {
      seconds: round(p.ms / 1000), measuredMegabytes: round(p.measuredChars / 1e6), mbPerSecond: round(p.measuredChars / 1e6 / (p.ms / 1000)),
      diplographSpeedup: round((mb / cpu) / (p.measuredChars / 1e6 / (p.ms / 1000))),
    }])),
  };
  if (opts.json) return printJson(result);
  const out = process.stdout;
  if (opts.warm) out.write(`steady state: measured after warming up on the other ${all.length - inputs.length} files (every other file of the corpus)\n`);
  out.write(`ingest (${code.from}): ${result.files} files, ${result.megabytes} MB in ${result.wallSeconds} s wall, ${result.cpuSeconds} s CPU\n`);
  out.write(`  end to end   ${result.mbPerSecondPerCore} MB/s per core (CPU time), ${result.mbPerSecondWall} MB/s wall; peak RSS ${result.peakRssMb} MB; ${mentions} mentions, ${events} events\n`);
  out.write(`  threads      this one ${result.mainThreadCpuSeconds} s CPU, V8 helpers (compiler, garbage collector) ${result.v8HelpersCpuSeconds} s\n`);
  for (const [stage, s] of Object.entries(result.stages)) out.write(`  ${stage.padEnd(10)} ${String(s.cpuSeconds).padStart(8)} s CPU  ${String(Math.round(s.share * 100)).padStart(3)}%  ${String(s.mbPerSecond).padStart(8)} MB/s\n`);
  for (const [peer, s] of Object.entries(result.peers)) {
    out.write(`  peer ${peer.padEnd(32)} ${String(s.mbPerSecond).padStart(6)} MB/s on ${s.measuredMegabytes} MB; diplograph end to end is ${s.diplographSpeedup}x its speed\n`);
  }
}

/** Ingest files untimed into a knowledge base that is thrown away: V8 compiles the pipeline on them. */
async function warmUp(code: Awaited<ReturnType<typeof loadPipelineCode>>, ctx: ReturnType<Awaited<ReturnType<typeof loadPipelineCode>>['context']['defaultContext']>, inputs: { file: string; bytes: Buffer }[]): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-warm-'));
  const kb = await code.open.openKnowledgeBase(path.join(dir, 'warm.sqlite'));
  const batch = new code.ingest.IngestBatch(kb);
  for (const input of inputs) {
    const doc = code.analyse.analyse(await code.read.readBytes(input.file, input.bytes), ctx);
    await batch.store(() => code.ingest.storeAnalysed(kb, input.file, doc), () => {});
  }
  await batch.commit();
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Well-known peers on the same text in the same process (dev dependencies only). compromise is
 * slow and superlinear on one huge string, so it runs document by document on up to 1 MB: its
 * most favourable setting. Speeds are compared as MB/s.
 */
async function runPeers(text: string): Promise<Record<string, { ms: number; measuredChars: number }>> {
  const out: Record<string, { ms: number; measuredChars: number }> = {};
  const docs = text.split('\n\n');
  const sample: string[] = [];
  let chars = 0;
  for (const d of docs) {
    if (chars >= 1_000_000) break;
    sample.push(d);
    chars += d.length;
  }
  const nlp = (await import('compromise')).default;
  // CPU time, like diplograph's own figure.
  let t = process.cpuUsage();
  for (const d of sample) {
    const doc = nlp(d);
    doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
  }
  out['compromise (people/places/orgs)'] = { ms: cpuSeconds(t) * 1000, measuredChars: chars };
  const chrono = await import('chrono-node');
  t = process.cpuUsage();
  for (const d of docs) chrono.parse(d, new Date(Date.UTC(2019, 0, 1)));
  out['chrono-node (dates)'] = { ms: cpuSeconds(t) * 1000, measuredChars: text.length };
  return out;
}
