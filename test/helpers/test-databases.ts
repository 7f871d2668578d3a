import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import type { DialectName } from '../../src/kb/dialect.js';

/**
 * The knowledge-base backends a suite runs against: always SQLite, and PostgreSQL when a server
 * is reachable at DIPLOGRAPH_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres;
 * "off" turns it off). Every scratch database is new (a temp SQLite file, or
 * CREATE DATABASE diplograph_test_<random>) and dropped afterwards, so suites run in parallel.
 *
 *   for (const target of await testDatabases('my suite')) {
 *     describe.skipIf(!!target.skip)(`... (${target.label})`, () => { ... await target.create() ... });
 *   }
 */
export interface TestDatabase {
  dialect: DialectName;
  label: string;
  /** Why this backend's cases are skipped (printed once per suite); undefined when it runs. */
  skip?: string;
  /** A new, empty database. */
  create(): Promise<ScratchDatabase>;
}

export interface ScratchDatabase {
  /** A path or URL to open it again, or to hand to the CLI. */
  location: string;
  /** Open (migrating on first open). */
  open(): Promise<KnowledgeBase>;
  /** Remove it; close every knowledge base opened on it first. */
  drop(): Promise<void>;
}

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testPgUrl(): string | undefined {
  const given = process.env.DIPLOGRAPH_TEST_PG_URL?.trim();
  if (given === undefined || given === '') return DEFAULT_TEST_PG_URL;
  return /^(off|no|none|false|0)$/i.test(given) ? undefined : given;
}

let probed: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL is usable for tests, otherwise why not. */
export function postgresUnavailable(): Promise<string | undefined> {
  probed ??= probe();
  return probed;
}

async function probe(): Promise<string | undefined> {
  const url = testPgUrl();
  if (!url) return 'DIPLOGRAPH_TEST_PG_URL is off';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ ok: boolean }>('select rolcreatedb or rolsuper as ok from pg_roles where rolname = current_user');
    if (!r.rows[0]?.ok) return `the user of ${masked(url)} may not create databases (tests need CREATE DATABASE)`;
    return undefined;
  } catch (err) {
    return `no PostgreSQL at ${masked(url)} (${(err as Error).message || (err as { code?: string }).code || 'connection failed'})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const masked = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const sqliteTarget: TestDatabase = {
  dialect: 'sqlite',
  label: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-test-kb-'));
    const location = path.join(dir, 'kb.sqlite');
    return { location, open: () => openKnowledgeBase(location), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresTarget(adminUrl: string, skip: string | undefined): TestDatabase {
  return {
    dialect: 'postgres',
    label: 'postgres',
    skip,
    async create() {
      const name = `diplograph_test_${randomBytes(6).toString('hex')}`;
      // C collation orders text by code point, as SQLite does, so both return rows in one order.
      await admin(adminUrl, `create database ${name} template template0 encoding 'UTF8' lc_collate 'C'`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        location: url.toString(),
        open: () => openKnowledgeBase(url.toString()),
        drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`),
      };
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The backends for a suite; prints once why PostgreSQL's cases are skipped when they are. */
export async function testDatabases(suite: string): Promise<TestDatabase[]> {
  const reason = await postgresUnavailable();
  const url = testPgUrl() ?? DEFAULT_TEST_PG_URL;
  if (reason) {
    console.warn(`[${suite}] PostgreSQL cases SKIPPED: ${reason}. Start a server (see .ci/run) or set DIPLOGRAPH_TEST_PG_URL=postgres://user@host:port/db.`);
  }
  return [sqliteTarget, postgresTarget(url, reason)];
}

/**
 * A fresh knowledge base whose close() also removes its database: the common case of a suite
 * that needs one empty store per test or per suite.
 */
export async function freshKnowledgeBase(target: TestDatabase): Promise<KnowledgeBase & { scratch: ScratchDatabase }> {
  const scratch = await target.create();
  const kb = await scratch.open();
  return {
    ...kb,
    scratch,
    close: async () => {
      await kb.close();
      await scratch.drop();
    },
  };
}
