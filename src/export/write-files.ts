import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ExportFile } from './export-format.js';

/** Write a multi-file export into a folder (created if needed); returns the paths written. */
export function writeFilesToFolder(files: Iterable<ExportFile>, folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(folder, file.name);
    const fd = openSync(target, 'w');
    try {
      for (const chunk of file.chunks) {
        if (typeof chunk === 'string') writeSync(fd, chunk);
        else writeSync(fd, chunk);
      }
    } finally {
      closeSync(fd);
    }
    written.push(target);
  }
  return written;
}
