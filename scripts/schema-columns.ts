/**
 * The knowledge base's tables and views with their columns, read from a freshly migrated SQLite
 * file (so from the migrations themselves, never from a hand-kept list). Prints a Markdown
 * skeleton for docs/schema.md; test/kb/schema-doc.test.ts uses the same function to check that
 * the document names every table, view and column, and nothing else.
 *
 *   npx tsx scripts/schema-columns.ts            # skeleton of every table and view
 *   npx tsx scripts/schema-columns.ts events     # one of them
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { openKnowledgeBase } from '../src/kb/open-knowledge-base.js';

export interface SchemaColumn { name: string; type: string; notNull: boolean; primaryKey: boolean }
export interface SchemaObject { name: string; kind: 'table' | 'view'; columns: SchemaColumn[] }

/** FTS5 keeps its index in shadow tables named after the virtual table; they are documented with it. */
const SHADOW = /^sentences_fts_(data|idx|docsize|config|content)$/;

export async function describeSchema(): Promise<SchemaObject[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-schema-'));
  const file = path.join(dir, 'schema.sqlite');
  try {
    const kb = await openKnowledgeBase(file);
    await kb.close();
    const db = new SQLite(file, { readonly: true });
    try {
      const objects = db.prepare(`select name, type from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%' order by type, name`).all() as Array<{ name: string; type: 'table' | 'view' }>;
      return objects.filter((o) => !SHADOW.test(o.name)).map((o) => ({
        name: o.name,
        kind: o.type,
        columns: (db.prepare(`select name, type, "notnull" as nn, pk from pragma_table_info(?) order by cid`).all(o.name) as Array<{ name: string; type: string; nn: number; pk: number }>)
          .map((c) => ({ name: c.name, type: c.type.toLowerCase() || (o.type === 'view' ? 'any' : 'text'), notNull: c.nn === 1, primaryKey: c.pk > 0 })),
      }));
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function skeleton(o: SchemaObject): string {
  const rows = o.columns.map((c) => `| \`${c.name}\` | ${c.type}${c.primaryKey ? ', key' : c.notNull ? '' : ', null'} | |`);
  return [`### ${o.name}`, '', '| column | type | meaning |', '|---|---|---|', ...rows, ''].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const only = process.argv[2];
  for (const o of await describeSchema()) if (!only || o.name === only) process.stdout.write(`${skeleton(o)}\n`);
}
