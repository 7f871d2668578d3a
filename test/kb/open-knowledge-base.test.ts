import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PATH, WAL_CHECKPOINT_PAGES, openKnowledgeBase, resolveLocation } from '../../src/kb/open-knowledge-base.js';
import { dialectOf, displayLocation } from '../../src/kb/dialect.js';
import { postgresUnavailable, testPgUrl } from '../helpers/test-databases.js';

const URL_ = 'postgres://u:secret@db.example:5432/kb';

describe('resolveLocation', () => {
  it.each([
    [undefined, {}, DEFAULT_DB_PATH],
    [undefined, { DIPLOGRAPH_DB_URL: URL_ }, URL_],
    [DEFAULT_DB_PATH, { DIPLOGRAPH_DB_URL: URL_ }, URL_],
    ['other.sqlite', { DIPLOGRAPH_DB_URL: URL_ }, 'other.sqlite'],
    ['postgres://x/y', { DIPLOGRAPH_DB_URL: URL_ }, 'postgres://x/y'],
    [undefined, { DIPLOGRAPH_DB_URL: '  ' }, DEFAULT_DB_PATH],
  ] as const)('%s with %j -> %s', (given, env, expected) => {
    expect(resolveLocation(given, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

describe('dialectOf and displayLocation', () => {
  it.each([
    ['kb.sqlite', 'sqlite', 'kb.sqlite'],
    [':memory:', 'sqlite', ':memory:'],
    ['postgresql://h/db', 'postgres', 'postgresql://h/db'],
    [URL_, 'postgres', 'postgres://u:***@db.example:5432/kb'],
    ['./postgres://not-a-url', 'sqlite', './postgres://not-a-url'],
  ])('%s is %s, shown as %s', (location, dialect, shown) => {
    expect(dialectOf(location)).toBe(dialect);
    expect(displayLocation(location)).toBe(shown);
  });
});

describe.skipIf(!!(await postgresUnavailable()))('opening PostgreSQL', () => {
  it('says clearly when a read-only open finds no knowledge base, and never prints the password', async () => {
    const url = new URL(testPgUrl()!);
    await expect(openKnowledgeBase(url.toString(), { readonly: true })).rejects.toThrow(/holds no diplograph schema/);
    url.pathname = '/diplograph_test_no_such_database';
    url.password = 'hunter2';
    const err = await openKnowledgeBase(url.toString()).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/cannot open knowledge base postgres:\/\/.*diplograph_test_no_such_database/);
    expect(err?.message).not.toContain('hunter2');
  });
});

describe('opening SQLite', () => {
  // What a crash can cost rests on these: a change to any of them must be argued, not slipped in.
  it.each([
    ['journal_mode', 'wal'],
    ['synchronous', 1],
    ['wal_autocheckpoint', WAL_CHECKPOINT_PAGES],
    ['busy_timeout', 10000],
    ['foreign_keys', 1],
  ] as const)('sets %s to %s', async (pragma, value) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-open-'));
    const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
    try {
      expect(kb.sqlite!.pragma(pragma, { simple: true })).toBe(value);
    } finally {
      await kb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checkpoints the write-ahead log less often than SQLite\'s default of 1000 pages, but still does', () => {
    expect(WAL_CHECKPOINT_PAGES).toBeGreaterThan(1000);
    expect(WAL_CHECKPOINT_PAGES).toBeLessThanOrEqual(20_000);
  });
});
