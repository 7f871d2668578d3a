import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles } from './corpus-files.js';
import { distIsFresh } from './shipped-code.js';
import { printJson, round } from './measure.js';

interface Options { corpora: string[]; json: boolean; sizeMb?: number; src?: boolean }

/**
 * Generate one large text file (the corpus repeated up to --size MB, default 100) in the temp
 * folder, ingest it in a child process (streamed in parts) and report time, peak RSS of that
 * process, and a check that every stored mention and event offset slices its part's text.
 */
export async function benchLarge(opts: Options): Promise<void> {
  const sizeMb = opts.sizeMb ?? 100;
  const file = path.join(os.tmpdir(), `diplograph-large-${sizeMb}mb.txt`);
  if (!existsSync(file) || statSync(file).size < sizeMb * 1e6) await generate(file, corpusFiles(opts.corpora), sizeMb * 1e6);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-large-'));
  try {
    const from = !opts.src && distIsFresh() ? 'dist' : 'src';
    const child = await runChild(from, file, path.join(dir, 'kb.sqlite'));
    const mb = statSync(file).size / 1e6;
    const result = { benchmark: 'large', code: from, file, megabytes: round(mb), ...child, mbPerSecond: round(mb / child.seconds), mbPerCpuSecond: round(mb / child.cpuSeconds) };
    if (opts.json) return printJson(result);
    process.stdout.write(`large (${from}): ${result.megabytes} MB text file streamed in ${result.parts} parts: ${result.seconds} s (${result.mbPerSecond} MB/s wall, ${result.mbPerCpuSecond} MB/s per CPU-second)\n`);
    process.stdout.write(`  peak RSS ${result.maxRssMb} MB; ${result.sentences} sentences, ${result.mentions} mentions, ${result.events} events; offsets checked: ${result.badOffsets} bad of ${result.checkedOffsets}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The corpus texts one after another, separated by blank lines, repeated until `bytes`. */
async function generate(file: string, sources: string[], bytes: number): Promise<void> {
  if (sources.length === 0) throw new Error('no corpus files to build the large file from');
  const out = createWriteStream(file);
  let written = 0;
  for (let round = 0; written < bytes; round++) {
    for (const src of sources) {
      const text = readFileSync(src, 'utf8').trim() + '\n\n';
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += Buffer.byteLength(text);
      if (written >= bytes) break;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface ChildResult { ok: boolean; seconds: number; cpuSeconds: number; maxRssMb: number; parts: number; sentences: number; mentions: number; events: number; checkedOffsets: number; badOffsets: number; message?: string }

function runChild(from: 'dist' | 'src', file: string, db: string): Promise<ChildResult> {
  const script = fileURLToPath(new URL('./large-file-ingest.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, script, from, file, db], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '') as ChildResult;
        if (!r.ok) reject(new Error(`large file ingest failed: ${r.message}`));
        else resolve(r);
      } catch {
        reject(new Error(`large file ingest exited with ${code}: ${out.slice(-500)}`));
      }
    });
  });
}
