import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './built-cli.js';

/** Real speeches read at test time by path (never copied into the repository); the sample stands in where they are absent. */
export const UN_SPEECHES = process.env.DIPLOGRAPH_UNGDC ?? path.resolve(ROOT, '..', 'shared', 'data', 'ungdc');
const UN_FALLBACK = '/work/shared/data/ungdc';
export const SAMPLE = path.join(ROOT, 'samples', 'diplomatic-bluebook-2023-ch2-russia-belarus.txt');

export function unSpeechFiles(limit: number): string[] {
  const base = existsSync(UN_SPEECHES) ? UN_SPEECHES : UN_FALLBACK;
  if (!existsSync(base)) return [];
  const files: string[] = [];
  for (const year of readdirSync(base).filter((d) => /^\d{4}$/.test(d)).sort().reverse()) {
    for (const f of readdirSync(path.join(base, year)).filter((n) => n.endsWith('.txt')).sort()) {
      files.push(path.join(base, year, f));
      if (files.length >= limit) return files;
    }
  }
  return files;
}

/** Copy `count` distinct reports into `dir`: UN speeches when available, else numbered parts of the sample. */
export function writeCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const speeches = unSpeechFiles(count);
  if (speeches.length >= count) {
    return speeches.map((f) => {
      const to = path.join(dir, path.basename(f));
      copyFileSync(f, to);
      return to;
    });
  }
  const sample = readFileSync(SAMPLE, 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const to = path.join(dir, `part-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(to, `Part ${i + 1} of the collection\n${sample}`);
    return to;
  });
}
