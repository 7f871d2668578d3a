import { sql } from 'kysely';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';

const TABLES: [string, string][] = [
  ['documents', 'id'], ['sentences', 'doc, idx'], ['entities', 'id'], ['mentions', 'doc, start, "end", kind, rule'],
  ['timexes', 'doc, idx'], ['events', 'id'], ['event_actors', 'event, role, ord'], ['stances', 'id'],
  ['agreement_status', 'id'], ['figures', 'id'], ['messages', 'doc, start, rule, message'],
];

/** Every analysis row of a knowledge base in a fixed order, without ingest times and serial ids. */
export async function knowledgeBaseRows(kb: KnowledgeBase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(kb.db);
    out[table] = rows.rows.map((row) => {
      const { ingested_at: _t, ...rest } = row;
      if (table === 'mentions' || table === 'messages') delete rest.id;
      return rest;
    });
  }
  return out;
}
