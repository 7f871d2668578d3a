import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openExisting } from '../../src/cli/open-existing.js';
import { UsageError } from '../../src/cli/shared-options.js';
import { DB_URL_ENV, DEFAULT_DB_PATH, openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';

describe('openExisting', () => {
  const saved = process.env[DB_URL_ENV];
  const dirs: string[] = [];
  afterEach(() => {
    if (saved === undefined) delete process.env[DB_URL_ENV]; else process.env[DB_URL_ENV] = saved;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => { const d = mkdtempSync(path.join(tmpdir(), 'open-existing-')); dirs.push(d); return d; };

  it('uses DIPLOGRAPH_DB_URL when --db is left at its default', async () => {
    const file = path.join(tempDir(), 'kb.sqlite');
    await (await openKnowledgeBase(file)).close();
    process.env[DB_URL_ENV] = file;
    const kb = await openExisting(DEFAULT_DB_PATH);
    try { expect(kb.location).toContain('kb.sqlite'); } finally { await kb.close(); }
  });

  it('names the resolved location when nothing is there', async () => {
    const missing = path.join(tempDir(), 'missing.sqlite');
    process.env[DB_URL_ENV] = missing;
    await expect(openExisting(DEFAULT_DB_PATH)).rejects.toThrow(UsageError);
    await expect(openExisting(DEFAULT_DB_PATH)).rejects.toThrow(missing);
  });

  it('lets an explicit --db win over the variable', async () => {
    const file = path.join(tempDir(), 'explicit.sqlite');
    await (await openKnowledgeBase(file)).close();
    process.env[DB_URL_ENV] = path.join(tempDir(), 'other.sqlite');
    const kb = await openExisting(file);
    try { expect(kb.location).toContain('explicit.sqlite'); } finally { await kb.close(); }
  });
});
