// Checks that a speed change left the analysis and the stored knowledge base exactly as they were.
//
//   npx tsx scripts/check-identical-output.ts save  <snapshot.json> [--corpus DIR] [--count N]
//   npx tsx scripts/check-identical-output.ts check <snapshot.json> [--corpus DIR] [--count N]
//
// `save` ingests the sample and N (default 20) UN speeches spread over the corpus into a fresh
// SQLite file and writes every row of every table, in insertion order, to the snapshot; `check`
// does the same with the current code and exits 1 naming the first difference. To make a baseline
// of an earlier commit, run `save` in a `git archive` copy of it (the script imports ../src, so it
// measures the tree it sits in). Rows are read straight from the tables, so a change in an exporter
// cannot hide or fake a difference in what was stored.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { readBytes } from '../src/read/read-file.js';
import { analyse } from '../src/pipeline/analyse.js';
import { defaultContext } from '../src/pipeline/context.js';
import { openKnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { storeDocument } from '../src/kb/store-document.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const [mode, snapshotPath] = args;
if ((mode !== 'save' && mode !== 'check') || !snapshotPath) {
  process.stderr.write('usage: check-identical-output.ts save|check <snapshot.json> [--corpus DIR] [--count N]\n');
  process.exit(2);
}
const corpus = path.resolve(option('--corpus') ?? path.join(ROOT, '..', 'shared', 'data', 'ungdc'));
const count = Number(option('--count') ?? 20);

function txtFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...txtFiles(p));
    else if (p.endsWith('.txt')) out.push(p);
  }
  return out;
}

// Evenly spread over the sorted corpus, so every year and many kinds of speech are in.
const speeches = txtFiles(corpus);
const step = Math.max(1, Math.floor(speeches.length / count));
const chosen = speeches.filter((_, i) => i % step === 0).slice(0, count);
const inputs = [
  ...txtFiles(path.join(ROOT, 'samples')).map((f) => ({ file: f, source: `samples/${path.basename(f)}` })),
  ...chosen.map((f) => ({ file: f, source: `ungdc/${path.relative(corpus, f)}` })),
];

const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-identical-'));
const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
const snapshot: Record<string, unknown> = {};
try {
  const ctx = defaultContext();
  const now = new Date(Date.UTC(2020, 0, 1));
  for (const input of inputs) {
    const read = await readBytes(input.file, readFileSync(input.file), { source: input.source });
    await storeDocument(kb, analyse(read, ctx), now);
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sentences_fts%' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`.execute(kb.db);
  for (const { name } of tables.rows) {
    snapshot[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(kb.db)).rows;
  }
  // The full-text index answers the same searches.
  snapshot['fts: the'] = (await sql`select rowid from sentences_fts where sentences_fts match 'the' order by rowid`.execute(kb.db)).rows.length;
} finally {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
}

if (mode === 'save') {
  writeFileSync(snapshotPath, JSON.stringify(snapshot));
  process.stdout.write(`saved ${inputs.length} documents, ${Object.keys(snapshot).length} tables to ${snapshotPath}\n`);
} else {
  const expected = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, unknown>;
  const actual = JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
  let differences = 0;
  for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const a = JSON.stringify(expected[table]);
    const b = JSON.stringify(actual[table]);
    if (a === b) continue;
    differences++;
    const ea = Array.isArray(expected[table]) ? (expected[table] as unknown[]) : [expected[table]];
    const ab = Array.isArray(actual[table]) ? (actual[table] as unknown[]) : [actual[table]];
    const at = ea.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(ab[i]));
    process.stdout.write(`${table}: differs (${ea.length} rows expected, ${ab.length} found); first at row ${at}:\n  expected ${JSON.stringify(ea[at])}\n  found    ${JSON.stringify(ab[at])}\n`);
  }
  if (differences) process.exit(1);
  process.stdout.write(`identical: ${inputs.length} documents, ${Object.keys(actual).length} tables\n`);
}
