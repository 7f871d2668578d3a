import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { testDatabases } from '../../helpers/test-databases.js';

async function indexColumns(kb: KnowledgeBase, name: string): Promise<string[]> {
  if (kb.dialect === 'postgres') {
    const r = await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = ${name}`.execute(kb.db);
    return r.rows.length ? /\((.*)\)/.exec(r.rows[0]!.def)![1]!.split(',').map((c) => c.trim().replace(/"/g, '')) : [];
  }
  const r = await sql<{ name: string }>`select name from pragma_index_info(${name}) order by seqno`.execute(kb.db);
  return r.rows.map((x) => x.name);
}

for (const target of await testDatabases('migration 014')) describe.skipIf(!!target.skip)(`migration 014 (${target.label})`, () => {
  it('indexes sentences by document and start, and runs again when its record was removed', async () => {
    const scratch = await target.create();
    let kb = await scratch.open();
    try {
      expect(await indexColumns(kb, 'sentences_start')).toEqual(['doc', 'start']);
      expect(await indexColumns(kb, 'no_such_index')).toEqual([]);
      await sql`delete from kysely_migration where name = '014-sentence-start'`.execute(kb.db);
      await kb.close();
      kb = await scratch.open();
      const names = (await sql<{ name: string }>`select name from kysely_migration`.execute(kb.db)).rows.map((r) => r.name);
      expect(names).toContain('014-sentence-start');
      expect(await indexColumns(kb, 'sentences_start')).toEqual(['doc', 'start']);
    } finally {
      await kb.close();
      await scratch.drop();
    }
  });
});
