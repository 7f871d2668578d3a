import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AnalysedDocument } from '../../src/model/index.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { deleteDocument, storeDocument } from '../../src/kb/store-document.js';
import { compareCodePoints, ranksBefore } from '../../src/kb/entity-definition.js';
import { exportJson } from '../../src/export/export-json.js';
import { importExport } from '../../src/import/import-export.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { freshKnowledgeBase, testDatabases, type TestDatabase } from '../helpers/test-databases.js';

/**
 * A document naming one person the text spells its own way (an entity built from the text, as
 * resolve builds `person:<slug>`), and Alphaland with an alias of its own (a gazetteer entity
 * carrying a document's alias).
 */
function naming(id: string, source: string, spelling: string, alias: string): AnalysedDocument {
  const text = `Alphaland condemned Betastan in March.\n${spelling} expelled two diplomats.`;
  const doc = handBuiltDocument(text, source, id);
  const at = text.indexOf(spelling);
  doc.mentions.push({ doc: id, start: at, end: at + spelling.length, text: spelling, entity: 'person:ana-novak', kind: 'person', rule: 'test' });
  doc.entities.set('person:ana-novak', { id: 'person:ana-novak', kind: 'person', name: spelling, aliases: [], sector: 'GOV', source: 'text' });
  doc.entities.set('state:ALP', { ...doc.entities.get('state:ALP')!, aliases: ['Alpha', alias] });
  return doc;
}

const A = () => naming('doc-a', 'a.txt', 'Ana Novák', 'Alfa');
const B = () => naming('doc-b', 'b.txt', 'Ana Novak', 'Alphalandia');
const C = () => naming('doc-c', 'c.txt', 'A. Novak', 'Alphaländ');

const ORDERS: Array<[string, Array<() => AnalysedDocument>]> = [
  ['a, b, c', [A, B, C]],
  ['c, b, a', [C, B, A]],
  ['b, c, a', [B, C, A]],
  ['c, a, b', [C, A, B]],
];

async function entityRows(kb: KnowledgeBase) {
  return sql<Record<string, unknown>>`select * from entities order by id`.execute(kb.db).then((r) => r.rows);
}

async function person(kb: KnowledgeBase) {
  return kb.db.selectFrom('entities').select(['name', 'defined_by', 'defined_by_source']).where('id', '=', 'person:ana-novak').executeTakeFirstOrThrow();
}

const open: KnowledgeBase[] = [];
afterEach(async () => { for (const kb of open.splice(0)) await kb.close(); });

async function fresh(target: TestDatabase): Promise<KnowledgeBase> {
  const kb = await freshKnowledgeBase(target);
  open.push(kb);
  return kb;
}

describe('ranking definers', () => {
  it.each([
    [{ source: 'a.txt', id: 'z' }, { source: 'b.txt', id: 'a' }, true],
    [{ source: 'b.txt', id: 'a' }, { source: 'a.txt', id: 'z' }, false],
    [{ source: 'a.txt', id: 'd1' }, { source: 'a.txt', id: 'd2' }, true],
    [{ source: 'a.txt', id: 'd1' }, { source: 'a.txt', id: 'd1' }, false],
    [{ source: 'z.txt', id: 'z' }, null, true],
    // By code point, as SQLite and PostgreSQL's "C" collation order text: U+1F600 after U+FF5E.
    [{ source: '\u{1F600}.txt', id: 'x' }, { source: '\uFF5E.txt', id: 'x' }, false],
    [{ source: 'B.txt', id: 'x' }, { source: 'a.txt', id: 'x' }, true],
  ])('%o before %o: %s', (a, b, expected) => {
    expect(ranksBefore(a, b)).toBe(expected);
  });

  it('compares by code point, unlike < on UTF-16 units above U+FFFF', () => {
    expect('\u{1F600}' < '\uFF5E').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFF5E')).toBeGreaterThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});

for (const target of await testDatabases('entity-definition')) describe.skipIf(!!target.skip)(`entity rows (${target.label})`, () => {
  it('are the same whatever order the documents are stored in: those of the first source', async () => {
    const results: Array<Record<string, unknown>[]> = [];
    for (const [, order] of ORDERS) {
      const kb = await fresh(target);
      for (const make of order) await storeDocument(kb, make());
      results.push(await entityRows(kb));
    }
    for (const [i, [label]] of ORDERS.entries()) expect(results[i], label).toEqual(results[0]);
    const rows = new Map(results[0]!.map((r) => [r.id, r]));
    expect(rows.get('person:ana-novak')).toMatchObject({ name: 'Ana Novák', source: 'text', defined_by: 'doc-a', defined_by_source: 'a.txt' });
    expect(JSON.parse(rows.get('state:ALP')!.aliases as string)).toEqual(['Alpha', 'Alfa']);
  });

  it('break a tie of sources by document id (two versions of a file after an import)', async () => {
    const one = naming('doc-2', 'same.txt', 'Ana Novak', 'Alfa');
    const two = naming('doc-1', 'same.txt', 'Ana Novák', 'Alfa');
    const stored: unknown[] = [];
    for (const docs of [[one, two], [two, one]]) {
      const kb = await fresh(target);
      // Two versions of one source side by side, as an import keeps them: store each alone, then import the other.
      await storeDocument(kb, docs[0]!);
      const other = await fresh(target);
      await storeDocument(other, docs[1]!);
      await importExport(kb, await exportJson(other), { file: 'other.json' });
      stored.push(await person(kb));
    }
    expect(stored[0]).toEqual({ name: 'Ana Novák', defined_by: 'doc-1', defined_by_source: 'same.txt' });
    expect(stored[1]).toEqual(stored[0]);
  });

  it('go to the next document naming them when the defining one is deleted', async () => {
    const kb = await fresh(target);
    await storeDocument(kb, A());
    await storeDocument(kb, B());
    expect(await deleteDocument(kb, 'doc-a')).toBe(true);
    // Kept (doc-b's mentions point at it), with no definer until a document names it again.
    expect(await person(kb)).toEqual({ name: 'Ana Novák', defined_by: null, defined_by_source: null });
    await storeDocument(kb, C());
    expect(await person(kb)).toEqual({ name: 'A. Novak', defined_by: 'doc-c', defined_by_source: 'c.txt' });
    await storeDocument(kb, A());
    expect(await person(kb)).toEqual({ name: 'Ana Novák', defined_by: 'doc-a', defined_by_source: 'a.txt' });
  });

  it('take the new version of a replaced file, whatever its id', async () => {
    for (const newId of ['doc-0', 'doc-z']) {
      const kb = await fresh(target);
      await storeDocument(kb, A());
      await storeDocument(kb, B());
      const result = await storeDocument(kb, naming(newId, 'a.txt', 'Anna Nowak', 'Alfa'));
      expect(result.replaced).toEqual(['doc-a']);
      expect(await person(kb), newId).toEqual({ name: 'Anna Nowak', defined_by: newId, defined_by_source: 'a.txt' });
    }
  });

  it('are imported by the same rule, so importing and storing agree in either order', async () => {
    const exporting = await fresh(target);
    await storeDocument(exporting, A());
    const exported = await exportJson(exporting);
    const pick = async (kb: KnowledgeBase) => (await entityRows(kb)).map(({ source: _source, ...rest }) => rest);

    const storeThenImport = await fresh(target);
    await storeDocument(storeThenImport, B());
    const summary = await importExport(storeThenImport, exported, { file: 'a.json' });
    expect(summary.entitiesAdded).toBe(0);
    const importThenStore = await fresh(target);
    await importExport(importThenStore, exported, { file: 'a.json' });
    await storeDocument(importThenStore, B());
    expect(await pick(importThenStore)).toEqual(await pick(storeThenImport));
    expect(await person(storeThenImport)).toEqual({ name: 'Ana Novák', defined_by: 'doc-a', defined_by_source: 'a.txt' });
  });
});

describe('entity rows on one SQLite file written by two connections', () => {
  const sqlite = testDatabasesSqlite();
  it('are redefined when the other connection deleted the definer this one remembers', async () => {
    const target = await sqlite;
    const scratch = await target.create();
    const first = await scratch.open();
    const second = await scratch.open();
    try {
      await storeDocument(first, A());
      await deleteDocument(second, 'doc-a');
      await storeDocument(first, B());
      expect(await person(first)).toEqual({ name: 'Ana Novak', defined_by: 'doc-b', defined_by_source: 'b.txt' });
    } finally {
      await first.close();
      await second.close();
      await scratch.drop();
    }
  });
});

async function testDatabasesSqlite(): Promise<TestDatabase> {
  return (await testDatabases('entity-definition (two connections)')).find((t) => t.dialect === 'sqlite')!;
}
