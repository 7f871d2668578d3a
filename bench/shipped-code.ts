import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Analyse from '../src/pipeline/analyse.js';
import type * as Context from '../src/pipeline/context.js';
import type * as Ingest from '../src/pipeline/ingest.js';
import type * as Parallel from '../src/pipeline/parallel-ingest.js';
import type * as ReadFile from '../src/read/read-file.js';
import type * as Open from '../src/kb/open-knowledge-base.js';
import type * as Store from '../src/kb/store-document.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The pipeline modules a benchmark measures, and where they were loaded from. */
export interface PipelineCode {
  from: 'dist' | 'src';
  analyse: typeof Analyse;
  context: typeof Context;
  ingest: typeof Ingest;
  parallel: typeof Parallel;
  read: typeof ReadFile;
  open: typeof Open;
  store: typeof Store;
}

/**
 * Benchmarks measure the code users run: the compiled dist/ when it is at least as new as every
 * source file, otherwise the sources through tsx (which is slower: it wraps every function to keep
 * its name) with a note on stderr. `--src` forces the sources.
 */
export async function loadPipelineCode(forceSrc = false): Promise<PipelineCode> {
  const from = !forceSrc && distIsFresh() ? 'dist' : 'src';
  if (from === 'src' && !forceSrc) {
    process.stderr.write('bench: dist/ is missing or older than src/; measuring the sources through tsx (slower). Run `npx tsc -p tsconfig.build.json` for figures of the shipped code.\n');
  }
  const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, from, from === 'dist' ? rel.replace(/\.ts$/, '.js') : rel)).href)) as T;
  return {
    from,
    analyse: await load('pipeline/analyse.ts'),
    context: await load('pipeline/context.ts'),
    ingest: await load('pipeline/ingest.ts'),
    parallel: await load('pipeline/parallel-ingest.ts'),
    read: await load('read/read-file.ts'),
    open: await load('kb/open-knowledge-base.ts'),
    store: await load('kb/store-document.ts'),
  };
}

/** The source folders the ingest path runs (the CLI, API and web are not measured). */
const MEASURED = ['read', 'segment', 'recognize', 'resolve', 'extract', 'pipeline', 'kb', 'model'];

/** Every .ts file of the measured folders has a dist/ .js at least as new. */
export function distIsFresh(): boolean {
  const src = path.join(ROOT, 'src');
  const stack = MEASURED.map((d) => path.join(src, d));
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = path.join(ROOT, 'dist', path.relative(src, full)).replace(/\.ts$/, '.js');
        try {
          if (statSync(built).mtimeMs < statSync(full).mtimeMs) return false;
        } catch {
          return false;
        }
      }
    }
  }
  return true;
}
