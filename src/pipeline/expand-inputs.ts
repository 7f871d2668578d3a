import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../read/read-file.js';

// Inside a directory, files that describe the collection rather than belong to it are skipped;
// naming such a file explicitly still ingests it.
const COLLECTION_NOTES = /^(notice|readme|license|licence|sources|changelog|copying)(\.[a-z]+)?$/i;

export interface ExpandedInputs {
  files: string[];
  /** Inputs that named nothing readable: a glob with no match, a directory with no supported file. */
  problems: Array<{ input: string; message: string }>;
}

/**
 * Turn the user's paths, directories and globs into a sorted list of files. A plain path that
 * does not exist is kept so that reading it reports the problem under its own name.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: ExpandedInputs['problems'] = [];
  const exts = SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',');
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const found = await glob(input, { onlyFiles: true, absolute: false, dot: false });
      if (found.length === 0) problems.push({ input, message: `${input}: no file matches this pattern` });
      files.push(...found.sort());
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input);
      continue;
    }
    if (stat.isDirectory()) {
      const found = await glob(`**/*.{${exts}}`, { cwd: input, onlyFiles: true, followSymbolicLinks: false });
      if (found.length === 0) problems.push({ input, message: `${input}: directory holds no readable file (${SUPPORTED_EXTENSIONS.join(' ')})` });
      const documents = found.filter((f) => !COLLECTION_NOTES.test(path.basename(f)));
      if (documents.length === 0 && found.length > 0) problems.push({ input, message: `${input}: directory holds only notes (${found.join(', ')}), no report` });
      files.push(...documents.sort().map((f) => path.join(input, f)));
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], problems };
}
