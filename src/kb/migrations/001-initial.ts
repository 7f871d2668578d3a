import type { Kysely } from 'kysely';
import { serialKey, type DialectName } from '../dialect.js';

/** The first schema: documents, their structure, and every annotation with its provenance. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('dct', 'text')
    .addColumn('period_rule', 'text', (c) => c.notNull())
    .addColumn('period_reason', 'text', (c) => c.notNull())
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_source').on('documents').column('source').execute();

  await db.schema.createTable('sections')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('heading_start', 'integer', (c) => c.notNull())
    .addColumn('heading_end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sections_pk', ['doc', 'id'])
    .execute();

  await db.schema.createTable('paragraphs')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('paragraphs_pk', ['doc', 'idx'])
    .execute();

  await db.schema.createTable('sentences')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sentences_pk', ['doc', 'idx'])
    .execute();

  await db.schema.createTable('footnotes')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('markers', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('footnotes_pk', ['doc', 'label'])
    .execute();

  await db.schema.createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('wikidata', 'text')
    .addColumn('iso3', 'text')
    .addColumn('country', 'text')
    .addColumn('sector', 'text')
    .addColumn('offices', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entities_kind').on('entities').column('kind').execute();

  await db.schema.createTable('mentions')
    .$call((t) => serialKey(t, dialect))
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('inferred', 'text')
    .execute();
  await db.schema.createIndex('mentions_doc').on('mentions').columns(['doc', 'start']).execute();
  await db.schema.createIndex('mentions_entity').on('mentions').column('entity').execute();

  await db.schema.createTable('timexes')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('mod', 'text')
    .addColumn('range_start', 'text')
    .addColumn('range_end', 'text')
    .addColumn('anchor', 'text')
    .addColumn('inferred', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('timexes_pk', ['doc', 'idx'])
    .execute();

  await db.schema.createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('contexts', 'text', (c) => c.notNull())
    .addColumn('date_value', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_source', 'text')
    .addColumn('date_inferred', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('quantity_value', 'double precision')
    .addColumn('quantity_unit', 'text')
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('quad', 'integer', (c) => c.notNull())
    .addColumn('intensity', 'double precision', (c) => c.notNull())
    .addColumn('trigger_start', 'integer', (c) => c.notNull())
    .addColumn('trigger_end', 'integer', (c) => c.notNull())
    .addColumn('trigger_text', 'text', (c) => c.notNull())
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('responds_to', 'text')
    .execute();
  await db.schema.createIndex('events_doc').on('events').column('doc').execute();
  await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date_start']).execute();
  await db.schema.createIndex('events_date').on('events').column('date_start').execute();

  await db.schema.createTable('event_actors')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_actors_pk', ['event', 'role', 'ord'])
    .execute();
  await db.schema.createIndex('event_actors_entity').on('event_actors').columns(['entity', 'role']).execute();

  await db.schema.createTable('stances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('date_value', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stances_doc').on('stances').column('doc').execute();

  await db.schema.createTable('agreement_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('by_entities', 'text', (c) => c.notNull())
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('date_value', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreement_status_doc').on('agreement_status').column('doc').execute();

  await db.schema.createTable('figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('period_value', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('figures_doc').on('figures').column('doc').execute();

  await db.schema.createTable('messages')
    .$call((t) => serialKey(t, dialect))
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_doc').on('messages').column('doc').execute();
}
