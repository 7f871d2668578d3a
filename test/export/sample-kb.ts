import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';

export const SAMPLE = fileURLToPath(new URL('../../samples/diplomatic-bluebook-2023-ch2-russia-belarus.txt', import.meta.url));

/** The sample report ingested by the CLI into a new temporary SQLite knowledge base. */
export async function ingestSample(prefix: string): Promise<{ dir: string; db: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = path.join(dir, 'kb.sqlite');
  const r = await runCli(['ingest', SAMPLE, '--db', db, '--quiet']);
  if (r.code !== 0) throw new Error(`ingesting the sample failed (${r.code}): ${r.stderr}`);
  return { dir, db, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
