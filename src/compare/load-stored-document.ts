import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { ComparableDocument } from './comparable-document.js';

/** Load a stored document and its facts as a ComparableDocument; undefined when there is no such id. */
export async function loadStoredDocument(kb: KnowledgeBase, id: string): Promise<ComparableDocument | undefined> {
  const doc = await kb.db.selectFrom('documents').select(['id', 'title', 'source', 'text', 'period_start']).where('id', '=', id).executeTakeFirst();
  if (!doc) return undefined;
  const [sections, sentences, events, actors, stances, agreements, timexes, mentions] = await Promise.all([
    kb.db.selectFrom('sections').select(['id', 'title', 'level', 'start', 'end']).where('doc', '=', id).orderBy('start').execute(),
    kb.db.selectFrom('sentences').select(['start', 'end']).where('doc', '=', id).orderBy('idx').execute(),
    kb.db.selectFrom('events').selectAll().where('doc', '=', id).orderBy('evidence_start').orderBy('trigger_start').execute(),
    kb.db.selectFrom('event_actors').innerJoin('events', 'events.id', 'event_actors.event')
      .select(['event_actors.event', 'event_actors.entity', 'event_actors.role', 'event_actors.ord']).where('events.doc', '=', id)
      .orderBy('event_actors.ord').execute(),
    kb.db.selectFrom('stances').selectAll().where('doc', '=', id).orderBy('evidence_start').execute(),
    kb.db.selectFrom('agreement_status').selectAll().where('doc', '=', id).orderBy('evidence_start').execute(),
    kb.db.selectFrom('timexes').select(['start', 'end', 'text', 'type', 'value']).where('doc', '=', id).orderBy('start').execute(),
    kb.db.selectFrom('mentions').select(['start', 'end', 'entity']).where('doc', '=', id).where('entity', 'is not', null).orderBy('start').execute(),
  ]);
  const roles = new Map<string, { actors: string[]; recipients: string[] }>();
  for (const a of actors) {
    const r = roles.get(a.event) ?? { actors: [], recipients: [] };
    (a.role === 'actor' ? r.actors : r.recipients).push(a.entity);
    roles.set(a.event, r);
  }
  const ids = new Set<string>();
  for (const m of mentions) if (m.entity) ids.add(m.entity);
  for (const r of roles.values()) for (const e of [...r.actors, ...r.recipients]) ids.add(e);
  for (const s of stances) { ids.add(s.holder); if (s.target) ids.add(s.target); }
  for (const a of agreements) ids.add(a.entity);
  const names: Record<string, string> = {};
  const idList = [...ids];
  for (let i = 0; i < idList.length; i += 500) {
    const rows = await kb.db.selectFrom('entities').select(['id', 'name']).where('id', 'in', idList.slice(i, i + 500)).execute();
    for (const r of rows) names[r.id] = r.name;
  }
  return {
    id: doc.id,
    title: doc.title,
    source: doc.source,
    text: doc.text,
    ...(doc.period_start ? { year: doc.period_start.slice(0, 4) } : {}),
    sections: sections.map((s) => ({ id: s.id, title: s.title, level: s.level, start: s.start, end: s.end })),
    sentences,
    events: events.map((e) => ({
      id: e.id, type: e.type, ...(e.mode ? { mode: e.mode } : {}),
      actors: roles.get(e.id)?.actors ?? [], recipients: roles.get(e.id)?.recipients ?? [],
      negated: !!e.negated, modality: e.modality,
      date: e.date_value ? { value: e.date_value, start: e.date_start, end: e.date_end } : null,
      trigger: { start: e.trigger_start, end: e.trigger_end, text: e.trigger_text },
      evidence: { start: e.evidence_start, end: e.evidence_end },
    })),
    stances: stances.map((s) => ({
      id: s.id, holder: s.holder, target: s.target, stance: s.stance, negated: !!s.negated,
      ...(s.topic ? { topic: s.topic } : {}), evidence: { start: s.evidence_start, end: s.evidence_end },
    })),
    agreements: agreements.map((a) => ({
      id: a.id, entity: a.entity, status: a.status, negated: !!a.negated, by: parseList(a.by_entities),
      evidence: { start: a.evidence_start, end: a.evidence_end },
    })),
    timexes,
    mentions: mentions.flatMap((m) => (m.entity ? [{ start: m.start, end: m.end, entity: m.entity }] : [])),
    names,
  };
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
