import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../../src/kb/store-document.js';
import { handBuiltDocument } from '../../helpers/stored-doc.js';
import { testDatabases } from '../../helpers/test-databases.js';

/** A document naming person:ana-novak spelt its own way. */
function naming(id: string, source: string, spelling: string) {
  const text = `Alphaland condemned Betastan in March.\n${spelling} expelled two diplomats.`;
  const doc = handBuiltDocument(text, source, id);
  const at = text.indexOf(spelling);
  doc.mentions.push({ doc: id, start: at, end: at + spelling.length, text: spelling, entity: 'person:ana-novak', kind: 'person', rule: 'test' });
  doc.entities.set('person:ana-novak', { id: 'person:ana-novak', kind: 'person', name: spelling, aliases: [], source: 'text' });
  return doc;
}

/** Back to the schema before migration 011, with the rows the old store kept: the first stored version. */
async function asBeforeMigration(kb: KnowledgeBase, firstName: string): Promise<void> {
  await sql`drop index entities_defined_by`.execute(kb.db);
  await sql`alter table entities drop column defined_by`.execute(kb.db);
  await sql`alter table entities drop column defined_by_source`.execute(kb.db);
  await sql`delete from kysely_migration where name = '011-entity-definer'`.execute(kb.db);
  await sql`update entities set name = ${firstName} where id = 'person:ana-novak'`.execute(kb.db);
  await sql`insert into entities (id, kind, name, aliases, source) values ('org:named-by-none', 'organization', 'Named by none', '[]', 'text')`.execute(kb.db);
}

async function definers(kb: KnowledgeBase) {
  return kb.db.selectFrom('entities').select(['id', 'name', 'defined_by', 'defined_by_source']).where('id', 'in', ['person:ana-novak', 'org:named-by-none', 'state:ALP']).orderBy('id').execute();
}

for (const target of await testDatabases('migration 011')) describe.skipIf(!!target.skip)(`migration 011 (${target.label})`, () => {
  it('gives old rows the document stored first that mentions them, and none to rows no document mentions', async () => {
    const scratch = await target.create();
    let kb = await scratch.open();
    try {
      // b.txt was stored first, so the old store kept its spelling.
      await storeDocument(kb, naming('doc-b', 'b.txt', 'Ana Novak'), new Date('2024-01-01T00:00:00Z'));
      await storeDocument(kb, naming('doc-a', 'a.txt', 'Ana Novák'), new Date('2024-01-02T00:00:00Z'));
      await asBeforeMigration(kb, 'Ana Novak');
      await kb.close();
      kb = await scratch.open();
      expect(await definers(kb)).toEqual([
        { id: 'org:named-by-none', name: 'Named by none', defined_by: null, defined_by_source: null },
        { id: 'person:ana-novak', name: 'Ana Novak', defined_by: 'doc-b', defined_by_source: 'b.txt' },
        { id: 'state:ALP', name: 'Alphaland', defined_by: 'doc-b', defined_by_source: 'b.txt' },
      ]);
      if (target.dialect === 'postgres') {
        // Sources rank by code point whatever the database's collation (this one's is already C).
        const columns = await sql<{ column_name: string; collation_name: string }>`select column_name, collation_name from information_schema.columns where table_name = 'entities' and column_name like 'defined_by%' order by column_name`.execute(kb.db);
        expect(columns.rows).toEqual([{ column_name: 'defined_by', collation_name: 'C' }, { column_name: 'defined_by_source', collation_name: 'C' }]);
      }
      // From here on the rule holds: a later source does not redefine it, an earlier one does.
      await storeDocument(kb, naming('doc-c', 'c.txt', 'A. Novak'));
      expect((await definers(kb))[1]).toMatchObject({ name: 'Ana Novak', defined_by: 'doc-b' });
      await storeDocument(kb, naming('doc-0', '0.txt', 'Anna Novak'));
      expect((await definers(kb))[1]).toMatchObject({ name: 'Anna Novak', defined_by: 'doc-0', defined_by_source: '0.txt' });
    } finally {
      await kb.close();
      await scratch.drop();
    }
  });
});
