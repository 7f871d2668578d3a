import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeSchema, type SchemaObject } from '../../scripts/schema-columns.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

const DOC = path.resolve('docs', 'schema.md');

/** `### name` sections of docs/schema.md with the columns their tables list (first cell, in backticks) and the type cells. */
function documented(markdown: string): Map<string, Array<{ name: string; type: string }>> {
  const out = new Map<string, Array<{ name: string; type: string }>>();
  let current: Array<{ name: string; type: string }> | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^###\s+(\S+)\s*$/.exec(line);
    if (heading) { current = []; out.set(heading[1]!, current); continue; }
    if (/^##\s/.test(line)) { current = undefined; continue; }
    const row = /^\|\s*`([^`]+)`\s*\|\s*([^|]*)\|/.exec(line);
    if (row && current) current.push({ name: row[1]!, type: row[2]!.trim() });
  }
  return out;
}

let schema: SchemaObject[];
let doc: Map<string, Array<{ name: string; type: string }>>;
beforeAll(async () => {
  schema = await describeSchema();
  doc = documented(readFileSync(DOC, 'utf8'));
}, 60_000);

describe('docs/schema.md', () => {
  it('documents every table and view of the migrated schema, and nothing that is not there', () => {
    expect(schema.length).toBeGreaterThan(10);
    expect([...doc.keys()].sort()).toEqual(schema.map((o) => o.name).sort());
  });

  it('lists each one\'s columns, in order, with their types', () => {
    for (const o of schema) {
      const listed = doc.get(o.name) ?? [];
      expect.soft(listed.map((c) => c.name), o.name).toEqual(o.columns.map((c) => c.name));
      for (const c of o.columns) {
        const type = listed.find((l) => l.name === c.name)?.type ?? '';
        expect.soft(type.startsWith(c.type), `${o.name}.${c.name}: documented as "${type}", is ${c.type}`).toBe(true);
        if (o.kind === 'table') expect.soft(/\bnull\b/.test(type), `${o.name}.${c.name} nullability`).toBe(!c.notNull && !c.primaryKey);
      }
    }
  });

  it('fails on a missing column (the check can fail)', () => {
    const damaged = documented(readFileSync(DOC, 'utf8').replace('| `trigger_text` | text |', '| trigger text | text |'));
    expect(damaged.get('events')!.map((c) => c.name)).not.toContain('trigger_text');
  });
});

for (const target of await testDatabases('schema doc')) describe.skipIf(!!target.skip || target.dialect !== 'postgres')(`the ${target.label} schema`, () => {
  it('has the same tables, views and columns as SQLite, except SQLite\'s full-text table', async () => {
    const kb = await freshKnowledgeBase(target);
    try {
      const r = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() order by table_name, ordinal_position`.execute(kb.db);
      const pg = new Map<string, string[]>();
      for (const row of r.rows) pg.set(row.table_name, [...(pg.get(row.table_name) ?? []), row.column_name]);
      const lite = new Map(schema.filter((o) => o.name !== 'sentences_fts').map((o) => [o.name, o.columns.map((c) => c.name)]));
      expect(pg).toEqual(lite);
    } finally {
      await kb.close();
    }
  });
});

describe('Datasette metadata from docs/schema.md', () => {
  it('describes every table and view, and means something for every column it lists', async () => {
    const { metadataFromSchemaDoc } = await import('../../scripts/datasette-metadata.js');
    const meta = metadataFromSchemaDoc(readFileSync(DOC, 'utf8'));
    for (const o of schema) {
      expect.soft(meta[o.name]?.description, `${o.name} description`).toBeTruthy();
      // A column left blank continues the one above it (`end` after `start`); the first of a table never is.
      expect.soft(meta[o.name]?.columns[o.columns[0]!.name], `${o.name}.${o.columns[0]!.name}`).toBeTruthy();
    }
  });
});
