// Child process of `npm run bench -- threads`: ingest the given files with N threads into a fresh
// SQLite file, as `diplograph ingest --threads N` does in a process of its own, and print one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPipelineCode } from './shipped-code.js';
import { cpuSeconds, sampleThreadCpu } from './measure.js';
import { digestKnowledgeBase } from './threads-scaling.js';

const [from, threadsArg, ...files] = process.argv.slice(2) as ['dist' | 'src', string, ...string[]];
const code = await loadPipelineCode(from === 'src');
const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-threads-'));
const kb = await code.open.openKnowledgeBase(path.join(dir, 'kb.sqlite'));
try {
  const sampler = sampleThreadCpu();
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const outcomes = await code.parallel.ingestFilesParallel(kb, files, { threads: Number(threadsArg) });
  const seconds = (performance.now() - started) / 1000;
  // Process CPU time counts every thread: the ingest's own and V8's compiler and collector helpers.
  const cpu = cpuSeconds(cpu0);
  const threadCpu = sampler.stop();
  process.stdout.write(JSON.stringify({ seconds, cpu, threadCpu, digest: await digestKnowledgeBase(kb), failed: outcomes.filter((o) => !o.ok).length }) + '\n');
} finally {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
}
