import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the analysis a document was stored by: a release line plus a fingerprint of the code and the data
 * that decide what is stored, so that after any change to a rule, a lexicon or a gazetteer, re-ingesting an unchanged
 * file refreshes its rows instead of keeping stale ones. A version number bumped by hand was forgotten for months of
 * rule changes; a fingerprint cannot be.
 */
const ANALYSIS_RELEASE = '0.3';

// The stages (and what they share) whose code decides a document's rows; src/ when run from source, dist/ when built.
const ANALYSIS_DIRS = ['read', 'segment', 'recognize', 'resolve', 'extract', 'model', 'pipeline'];
const ROW_BUILDER = path.join('kb', 'document-rows');

let version: string | undefined;

/** The analysis version, computed once per process (reading the analysis code and data/ takes a few milliseconds). */
export function pipelineVersion(): string {
  version ??= `${ANALYSIS_RELEASE}+${analysisFingerprint(path.dirname(path.dirname(fileURLToPath(import.meta.url))), fileURLToPath(new URL('../../data/', import.meta.url)))}`;
  return version;
}

/** A fingerprint of the analysis code under codeRoot (src/ or dist/) and of the data files under dataRoot. */
export function analysisFingerprint(codeRoot: string, dataRoot: string): string {
  const hash = createHash('sha256');
  const files = [
    ...ANALYSIS_DIRS.flatMap((dir) => filesUnder(path.join(codeRoot, dir))),
    ...['.ts', '.js'].map((ext) => path.join(codeRoot, ROW_BUILDER + ext)),
  ].filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
  for (const file of [...files.sort(), ...filesUnder(dataRoot).sort()]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // the row builder exists as .ts or as .js, not both
    }
    // Paths relative to their root, so that the same code checked out elsewhere has the same version.
    const name = path.relative(file.startsWith(dataRoot) ? dataRoot : codeRoot, file);
    hash.update(name).update('\0').update(bytes).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}
