import { sql } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { loadGazetteer } from '../recognize/gazetteer.js';

export interface IndexedEntity {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  /** False for names the gazetteer knows that no document of the knowledge base mentions. */
  inKnowledgeBase: boolean;
}

/** One name form to look for in questions. */
export interface Surface {
  /** Lower-cased, apostrophes straightened. */
  key: string;
  /** Short upper-case forms ("US", "UN") match only as written, so "us" the pronoun is not the United States. */
  caseSensitive?: string;
  ids: string[];
}

/** Everything about entities a question needs, loaded once per knowledge base state. */
export interface EntityIndex {
  entities: Map<string, IndexedEntity>;
  surfaces: Surface[];
  /** State id -> itself plus organisations and people that belong to it (its government, army, leaders). */
  families: Map<string, Set<string>>;
  /** Bloc id -> member state ids (from the gazetteer). */
  blocMembers: Map<string, string[]>;
}

const cache = new WeakMap<KnowledgeBase, { signature: string; index: EntityIndex }>();

/** The index for this knowledge base; rebuilt when documents were added or replaced since the last call. */
export async function entityIndex(kb: KnowledgeBase): Promise<EntityIndex> {
  const sig = await sql<{ n: number; last: string | null }>`select count(*) as n, max(ingested_at) as last from documents`.execute(kb.db);
  const signature = `${sig.rows[0]?.n ?? 0}|${sig.rows[0]?.last ?? ''}`;
  const hit = cache.get(kb);
  if (hit && hit.signature === signature) return hit.index;
  const index = await buildEntityIndex(kb);
  cache.set(kb, { signature, index });
  return index;
}

export function normaliseName(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** An agreement or organisation found only in the text has an id such as `agreement:text:free-visits`; its tail reads as a name. */
export function readableId(id: string): string {
  const tail = id.split(':').pop() ?? id;
  return tail.replace(/[-_]+/g, ' ').trim();
}

async function buildEntityIndex(kb: KnowledgeBase): Promise<EntityIndex> {
  const gazetteer = loadGazetteer();
  const rows = await kb.db.selectFrom('entities').select(['id', 'kind', 'name', 'aliases', 'country']).execute();
  // Ids that some record of the knowledge base actually uses: only those can answer a question.
  const used = await sql<{ id: string }>`
    select entity as id from mentions where entity is not null
    union select entity from event_actors
    union select holder from stances union select target from stances where target is not null
    union select entity from agreement_status
    union select subject from figures where subject is not null`.execute(kb.db);
  const usedIds = new Set(used.rows.map((r) => r.id));

  const entities = new Map<string, IndexedEntity>();
  const names = new Map<string, { original: string; ids: Set<string> }>();
  const addName = (name: string, id: string) => {
    const key = normaliseName(name);
    if (key.length < 2) return;
    let entry = names.get(key);
    if (!entry) names.set(key, (entry = { original: name.trim(), ids: new Set() }));
    entry.ids.add(id);
  };

  for (const r of rows) {
    entities.set(r.id, { id: r.id, kind: r.kind, name: r.name, country: r.country, inKnowledgeBase: usedIds.has(r.id) });
    addName(r.name, r.id);
    for (const a of safeList(r.aliases)) addName(a, r.id);
  }
  for (const id of usedIds) {
    if (entities.has(id)) continue;
    const kind = id.split(':')[0] ?? 'other';
    const name = readableId(id);
    entities.set(id, { id, kind: kind === 'org' ? 'organization' : kind, name, country: null, inKnowledgeBase: true });
    addName(name, id);
  }
  for (const e of gazetteer.entities.values()) {
    if (!entities.has(e.id)) entities.set(e.id, { id: e.id, kind: e.kind, name: e.name, country: e.country ?? null, inKnowledgeBase: false });
    // Gazetteer names of entities the knowledge base also holds are added too: a question may use a form the documents do not.
    addName(e.name, e.id);
    for (const a of e.aliases) addName(a, e.id);
  }

  const surfaces: Surface[] = [...names.entries()].map(([key, { original, ids }]) => ({
    key,
    ...(/^[A-Z][A-Z.]{1,3}$/.test(original) ? { caseSensitive: original } : {}),
    ids: preferKnown([...ids], entities),
  }));
  // Longest first, so "Government of Russia" wins over "Russia" when both match at one place.
  surfaces.sort((a, b) => b.key.length - a.key.length);

  const families = new Map<string, Set<string>>();
  for (const e of entities.values()) {
    if (e.kind === 'state') families.set(e.id, new Set([e.id, ...(families.get(e.id) ?? [])]));
    if (e.country && e.country !== e.id) {
      const f = families.get(e.country) ?? new Set([e.country]);
      f.add(e.id);
      families.set(e.country, f);
    }
  }
  return { entities, surfaces, families, blocMembers: gazetteer.blocMembers };
}

/** When one name stands for several entities, the ones the knowledge base uses come first. */
function preferKnown(ids: string[], entities: Map<string, IndexedEntity>): string[] {
  const known = ids.filter((id) => entities.get(id)?.inKnowledgeBase);
  return known.length ? known : ids;
}

function safeList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The entity and everything that acts for it: a state's government, ministries, army and office holders. */
export function familyOf(index: EntityIndex, id: string): Set<string> {
  return index.families.get(id) ?? new Set([id]);
}

/** The state an entity belongs to (itself for a state). */
export function stateOf(index: EntityIndex, id: string): string | undefined {
  const e = index.entities.get(id);
  if (!e) return undefined;
  if (e.kind === 'state') return e.id;
  return e.country ?? undefined;
}
