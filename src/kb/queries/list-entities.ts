import { sql } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import { caseInsensitiveLike } from '../dialect.js';

export interface EntityRow {
  id: string; kind: string; name: string; aliases: string[]; wikidata: string | null; iso3: string | null;
  country: string | null; sector: string | null; offices: unknown[] | null; source: string;
  mentions: number; documents: number;
}

export interface EntityFilters { kind?: string; q?: string; doc?: string; limit?: number; offset?: number }

export async function listEntities(kb: KnowledgeBase, f: EntityFilters = {}): Promise<EntityRow[]> {
  let q = kb.db.selectFrom('entities as e')
    .innerJoin('mentions as m', 'm.entity', 'e.id')
    .select(['e.id', 'e.kind', 'e.name', 'e.aliases', 'e.wikidata', 'e.iso3', 'e.country', 'e.sector', 'e.offices', 'e.source'])
    .select([sql<number>`count(m.id)`.as('mentions'), sql<number>`count(distinct m.doc)`.as('documents')])
    .groupBy(['e.id', 'e.kind', 'e.name', 'e.aliases', 'e.wikidata', 'e.iso3', 'e.country', 'e.sector', 'e.offices', 'e.source']);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.doc) q = q.where('m.doc', '=', f.doc);
  if (f.q) {
    // Names match without regard to case on both stores (SQLite's LIKE already ignores ASCII case).
    const like = caseInsensitiveLike(kb.dialect);
    const pattern = `%${f.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('e.name', like, pattern), eb('e.aliases', like, pattern), eb('e.id', '=', f.q!)]));
  }
  const rows = await q.orderBy('mentions', 'desc').orderBy('e.id').limit(f.limit ?? 1000).offset(f.offset ?? 0).execute();
  return rows.map(toEntityRow);
}

export async function getEntity(kb: KnowledgeBase, id: string): Promise<EntityRow | undefined> {
  const row = await kb.db.selectFrom('entities as e')
    .selectAll('e')
    .select([
      sql<number>`(select count(*) from mentions m where m.entity = e.id)`.as('mentions'),
      sql<number>`(select count(distinct m.doc) from mentions m where m.entity = e.id)`.as('documents'),
    ])
    .where('e.id', '=', id).executeTakeFirst();
  return row ? toEntityRow(row) : undefined;
}

function toEntityRow(r: any): EntityRow {
  return {
    id: r.id, kind: r.kind, name: r.name, aliases: JSON.parse(r.aliases), wikidata: r.wikidata, iso3: r.iso3,
    country: r.country, sector: r.sector, offices: r.offices ? JSON.parse(r.offices) : null, source: r.source,
    mentions: Number(r.mentions), documents: Number(r.documents),
  };
}
