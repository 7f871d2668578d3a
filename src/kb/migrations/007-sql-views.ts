import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Views that make the knowledge base readable without diplograph: open the SQLite file in
 * Datasette, DB Browser or the sqlite3 shell (or point psql at PostgreSQL) and events come with
 * actor names and their sentence, stances as a matrix, agreements as a timeline. They are plain
 * SQL over the tables, so they never go stale, and they use only what SQLite 3.38+ (json_each
 * built in) and PostgreSQL 12+ both have. docs/schema.md documents every column.
 *
 * A later migration that drops or renames a column these views read must drop the view first
 * and create it again (SQLite refuses to drop a column a view uses).
 *
 * Offsets are UTF-16 code units (JavaScript strings) and SQL's substr counts characters, so a
 * span sliced in SQL is exact for text in the Basic Multilingual Plane and shifts after a
 * character beyond it (an emoji, a rare CJK ideograph). Evidence sentences are therefore read
 * from the sentences table, and only the figures' quoted numbers are sliced.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  for (const [name, body] of Object.entries(viewDefinitions(dialect))) {
    await sql`create view ${sql.id(name)} as ${body}`.execute(db);
  }
}

const SEPARATOR = '; ';

/** The views by name, in the SQL of one dialect. */
function viewDefinitions(dialect: DialectName): Record<string, RawBuilder<unknown>> {
  const d = dialects[dialect];
  const slice = (table: string, start: string, end: string) =>
    sql.raw(`substr(d.text, ${table}.${start} + 1, ${table}.${end} - ${table}.${start})`);
  // Evidence is a whole sentence: its stored text is exact whatever the characters (see above),
  // and reading it avoids loading the document's whole text for every row.
  const sentence = (table: string) =>
    sql`coalesce((select s.text from sentences s where s.doc = ${sql.raw(`${table}.doc`)} and s.start = ${sql.raw(`${table}.evidence_start`)} and s."end" = ${sql.raw(`${table}.evidence_end`)}), ${slice(table, 'evidence_start', 'evidence_end')})`;
  const quadClass = sql.raw(`case e.quad when 1 then 'verbal cooperation' when 2 then 'material cooperation' when 3 then 'verbal conflict' when 4 then 'material conflict' end`);

  return {
    events_readable: sql`
      select e.id, e.doc, d.title as doc_title, e.type, e.mode, ${d.jsonList('e.contexts')} as contexts,
        e.date_value as date, e.date_start, e.date_end, e.date_inferred,
        ${d.names('e.id', 'actor', 'coalesce(en.name, ea.entity)')} as actors,
        ${d.names('e.id', 'recipient', 'coalesce(en.name, ea.entity)')} as recipients,
        ${d.names('e.id', 'actor', 'ea.entity')} as actor_ids,
        ${d.names('e.id', 'recipient', 'ea.entity')} as recipient_ids,
        coalesce(loc.name, e.location) as location, e.negated, e.modality, e.quad, ${quadClass} as quad_class, e.intensity,
        e.trigger_text, ${sentence('e')} as evidence,
        e.evidence_start, e.evidence_end, e.rule
      from events e
      join documents d on d.id = e.doc
      left join entities loc on loc.id = e.location`,

    stance_matrix: sql`
      select s.holder as holder_id, coalesce(h.name, s.holder) as holder, s.target as target_id, coalesce(t.name, s.target) as target,
        s.stance, s.negated, count(*) as count, count(distinct s.doc) as documents,
        min(s.date_start) as first_date, max(s.date_end) as last_date
      from stances s
      left join entities h on h.id = s.holder
      left join entities t on t.id = s.target
      group by s.holder, h.name, s.target, t.name, s.stance, s.negated`,

    agreement_timeline: sql`
      select a.entity as agreement_id, coalesce(ag.name, a.entity) as agreement, a.date_value as date, a.date_start, a.date_end,
        a.status, ${d.jsonNames('a.by_entities')} as changed_by, a.by_entities as changed_by_ids, a.negated, a.modality,
        ${sentence('a')} as evidence, a.evidence_start, a.evidence_end,
        a.doc, d.title as doc_title, a.rule, a.id
      from agreement_status a
      join documents d on d.id = a.doc
      left join entities ag on ag.id = a.entity`,

    figures_readable: sql`
      select f.id, f.what, f.subject as subject_id, coalesce(su.name, f.subject) as subject, f.value, f.unit,
        f.period_value as period, f.period_start, f.period_end,
        ${slice('f', 'span_start', 'span_end')} as quoted, ${sentence('f')} as evidence,
        f.evidence_start, f.evidence_end, f.doc, d.title as doc_title, f.rule
      from figures f
      join documents d on d.id = f.doc
      left join entities su on su.id = f.subject`,

    entity_mentions_count: sql`
      select en.id, en.kind, en.name, en.iso3, en.wikidata, en.country, en.sector,
        count(m.id) as mentions, count(distinct m.doc) as documents,
        (select count(*) from event_actors ea where ea.entity = en.id and ea.role = 'actor') as events_as_actor,
        (select count(*) from event_actors ea where ea.entity = en.id and ea.role = 'recipient') as events_as_recipient
      from entities en
      left join mentions m on m.entity = en.id
      group by en.id, en.kind, en.name, en.iso3, en.wikidata, en.country, en.sector`,

    // The actor network as a table: negated events ("has never condemned") are not edges.
    actor_pairs: sql`
      select a.entity as actor_id, coalesce(an.name, a.entity) as actor, r.entity as recipient_id, coalesce(rn.name, r.entity) as recipient,
        e.type, count(*) as events, count(distinct e.doc) as documents,
        min(e.date_start) as first_date, max(e.date_end) as last_date, avg(e.intensity) as mean_intensity
      from events e
      join event_actors a on a.event = e.id and a.role = 'actor'
      join event_actors r on r.event = e.id and r.role = 'recipient'
      left join entities an on an.id = a.entity
      left join entities rn on rn.id = r.entity
      where e.negated = 0
      group by a.entity, an.name, r.entity, rn.name, e.type`,

    documents_overview: sql`
      select d.id, d.title, d.source, d.format, d.period_start, d.period_end, d.chars, d.ingested_at, d.pipeline_version,
        (select count(*) from sentences x where x.doc = d.id) as sentences,
        (select count(*) from mentions x where x.doc = d.id) as mentions,
        (select count(*) from events x where x.doc = d.id) as events,
        (select count(*) from stances x where x.doc = d.id) as stances,
        (select count(*) from agreement_status x where x.doc = d.id) as agreement_changes,
        (select count(*) from figures x where x.doc = d.id) as figures,
        (select count(*) from messages x where x.doc = d.id) as messages
      from documents d`,
  };
}

interface ViewDialect {
  /** Names (or ids) of an event's actors or recipients in their order, joined with SEPARATOR; `value` may use `en` (entities) and `ea` (event_actors). */
  names(event: string, role: 'actor' | 'recipient', value: string): RawBuilder<string>;
  /** A JSON array of entity ids (TEXT) as names in order, joined with SEPARATOR. */
  jsonNames(column: string): RawBuilder<string>;
  /** A JSON array of strings (TEXT) joined with ", ". */
  jsonList(column: string): RawBuilder<string>;
}

// SQLite before 3.44 (the sqlite3 shell Debian ships, older Datasette builds) has no ORDER BY inside
// group_concat; an ordered subquery is what those versions honour.
const dialects: Record<DialectName, ViewDialect> = {
  sqlite: {
    names: (event, role, value) => sql.raw(`(select group_concat(v, '${SEPARATOR}') from (select ${value} as v from event_actors ea left join entities en on en.id = ea.entity where ea.event = ${event} and ea.role = '${role}' order by ea.ord))`),
    jsonNames: (column) => sql.raw(`(select group_concat(v, '${SEPARATOR}') from (select coalesce(en.name, j.value) as v from json_each(${column}) j left join entities en on en.id = j.value order by j.key))`),
    jsonList: (column) => sql.raw(`(select group_concat(v, ', ') from (select j.value as v from json_each(${column}) j order by j.key))`),
  },
  postgres: {
    names: (event, role, value) => sql.raw(`(select string_agg(${value}, '${SEPARATOR}' order by ea.ord) from event_actors ea left join entities en on en.id = ea.entity where ea.event = ${event} and ea.role = '${role}')`),
    jsonNames: (column) => sql.raw(`(select string_agg(coalesce(en.name, j.value), '${SEPARATOR}' order by j.ord) from jsonb_array_elements_text(${column}::jsonb) with ordinality as j(value, ord) left join entities en on en.id = j.value)`),
    jsonList: (column) => sql.raw(`(select string_agg(j.value, ', ' order by j.ord) from jsonb_array_elements_text(${column}::jsonb) with ordinality as j(value, ord))`),
  },
};
