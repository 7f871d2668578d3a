import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PATH, openKnowledgeBase, resolveLocation } from '../../src/kb/open-knowledge-base.js';
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
