// Throughput of the event-data exports (plover, gdelt, jsonld) on many events:
//   npx tsx bench/event-data-exports.ts [--copies N] [--json export.json]
// The events of the sample report (ingested into a scratch knowledge base, or read from a `json` export
// given with --json) are copied N times (default 1000) with fresh ids; each format is rendered in full
// and its bytes counted. Prints events/s, MB written and MB/s per format.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportJson } from '../src/export/export-types.js';
import { ploverFormat } from '../src/export/export-plover.js';
import { gdeltFormat } from '../src/export/export-gdelt.js';
import { jsonldFormat } from '../src/export/export-jsonld.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const copies = Number(arg('--copies') ?? 1000);
if (!Number.isInteger(copies) || copies <= 0) {
  process.stderr.write(`--copies needs a positive whole number, got "${arg('--copies')}"\n`);
  process.exit(2);
}

async function sample(): Promise<ExportJson> {
  const file = arg('--json');
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as ExportJson;
  const { openKnowledgeBase } = await import('../src/kb/open-knowledge-base.js');
  const { ingestFiles } = await import('../src/pipeline/ingest.js');
  const { exportJson } = await import('../src/export/export-json.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-event-exports-'));
  const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
  try {
    const files = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'samples', f));
    await ingestFiles(kb, files);
    return await exportJson(kb);
  } finally {
    await kb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = await sample();
const data: ExportJson = { ...base, events: [] };
for (let i = 0; i < copies; i++) for (const e of base.events) data.events.push({ ...e, id: `${e.id}#${i}` });
process.stdout.write(`${data.events.length} events (${base.events.length} x ${copies})\n`);
for (const format of [ploverFormat, gdeltFormat, jsonldFormat]) {
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (const chunk of format.render(data) as Iterable<string>) bytes += Buffer.byteLength(chunk);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mb = bytes / 1e6;
  process.stdout.write(`${format.name.padEnd(7)} ${(data.events.length / seconds).toFixed(0).padStart(8)} events/s  ${mb.toFixed(1).padStart(7)} MB  ${(mb / seconds).toFixed(1).padStart(6)} MB/s  (${seconds.toFixed(2)} s)\n`);
}
