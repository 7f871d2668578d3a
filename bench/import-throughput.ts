// Import throughput: `npx tsx bench/import-throughput.ts [--copies N] [--json]`.
// Builds an export of N editions of the sample (its text with a different closing line, so each
// has its own content hash and the same annotations), then times `diplograph import` of it as
// json and as jsonl into a new SQLite knowledge base: reading and checking the file, and writing
// (one transaction per document, then cross-document consolidation, as an ingest does).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { readAndAnalyse, storeAnalysed } from '../src/pipeline/ingest.js';
import { exportJson } from '../src/export/export-json.js';
import { jsonlLines } from '../src/export/export-jsonl.js';
import type { ExportJson } from '../src/export/export-types.js';
import { contentHash } from '../src/import/content-hash.js';
import { importExport } from '../src/import/import-export.js';
import { readExportFile } from '../src/import/read-export-file.js';

const SAMPLE = path.resolve('samples', 'diplomatic-bluebook-2023-ch2-russia-belarus.txt');

export interface ImportBench { format: string; documents: number; events: number; megabytes: number; readSeconds: number; writeSeconds: number; docsPerSecond: number; megabytesPerSecond: number; peakRssMb: number }

/** N editions of one exported document, each under its own content hash. */
function editions(base: ExportJson, copies: number): ExportJson {
  const doc = base.documents[0]!;
  const out: ExportJson = { ...base, documents: [], events: [], stances: [], agreements: [], figures: [], timexes: [], mentions: [], messages: [] };
  const { entities: _entities, ...perDocument } = base;
  const template = JSON.stringify(perDocument);
  for (let i = 1; i <= copies; i++) {
    const text = `${doc.text}\n\nEdition ${i}.`;
    const id = contentHash(text);
    const copy = JSON.parse(template.split(doc.id).join(id)) as Omit<ExportJson, 'entities'>;
    copy.documents[0]!.text = text;
    for (const key of ['documents', 'events', 'stances', 'agreements', 'figures', 'timexes', 'mentions', 'messages'] as const) {
      (out[key] as unknown[]).push(...(copy[key] as unknown[]));
    }
  }
  return out;
}

export async function benchImport(opts: { copies?: number; json?: boolean } = {}): Promise<ImportBench[]> {
  const copies = opts.copies ?? 20;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-import-'));
  const results: ImportBench[] = [];
  try {
    const source = await openKnowledgeBase(path.join(dir, 'source.sqlite'));
    const analysed = await readAndAnalyse(SAMPLE);
    if ('ok' in analysed) throw new Error(analysed.message);
    await storeAnalysed(source, SAMPLE, analysed);
    const data = editions(await exportJson(source), copies);
    await source.close();
    const files = { json: path.join(dir, 'editions.json'), jsonl: path.join(dir, 'editions.jsonl') };
    writeFileSync(files.json, JSON.stringify(data, null, 2));
    writeFileSync(files.jsonl, [...jsonlLines(data)].join(''));

    for (const format of ['json', 'jsonl'] as const) {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
      const t0 = performance.now();
      const parsed = await readExportFile(files[format]);
      const t1 = performance.now();
      const kb = await openKnowledgeBase(path.join(dir, `${format}.sqlite`));
      await importExport(kb, parsed, { file: files[format] });
      await kb.close();
      const t2 = performance.now();
      clearInterval(sampler);
      const megabytes = statSync(files[format]).size / 1e6;
      const total = (t2 - t0) / 1000;
      results.push({
        format, documents: parsed.documents.length, events: parsed.events.length, megabytes: round(megabytes),
        readSeconds: round((t1 - t0) / 1000), writeSeconds: round((t2 - t1) / 1000),
        docsPerSecond: round(parsed.documents.length / total), megabytesPerSecond: round(megabytes / total), peakRssMb: Math.round(peak / 1e6),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      process.stdout.write(`import ${r.format.padEnd(5)} ${r.documents} documents, ${r.events} events, ${r.megabytes} MB: read+check ${r.readSeconds} s, write ${r.writeSeconds} s → ${r.docsPerSecond} documents/s, ${r.megabytesPerSecond} MB/s, peak RSS ${r.peakRssMb} MB\n`);
    }
  }
  return results;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const at = process.argv.indexOf('--copies');
  await benchImport({ copies: at > 0 ? Number(process.argv[at + 1]) : undefined, json: process.argv.includes('--json') });
}
