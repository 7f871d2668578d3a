import { execFileSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';
import { storeSample } from '../import/sample-kb.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

const VIEWS = ['events_readable', 'stance_matrix', 'agreement_timeline', 'figures_readable', 'entity_mentions_count', 'actor_pairs', 'documents_overview'];
const SEP = '; ';

type Row = Record<string, unknown>;
const rows = async (kb: KnowledgeBase, view: string): Promise<Row[]> => (await sql<Row>`select * from ${sql.table(view)}`.execute(kb.db)).rows;
const sqlite3Available = (() => { try { execFileSync('sqlite3', ['--version']); return true; } catch { return false; } })();

for (const target of await testDatabases('sql views')) describe.skipIf(!!target.skip)(`SQL views (${target.label})`, () => {
  let kb: KnowledgeBase & { scratch: { location: string } };
  let data: ExportJson;
  let names: Map<string, string>;
  let texts: Map<string, string>;

  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    await storeSample(kb);
    data = await exportJson(kb);
    names = new Map(data.entities.map((e) => [e.id, e.name]));
    texts = new Map(data.documents.map((d) => [d.id, d.text]));
  }, 120_000);
  afterAll(async () => { await kb?.close(); }, 60_000);

  const nameList = (ids: string[]) => (ids.length ? ids.map((id) => names.get(id) ?? id).join(SEP) : null);

  it('events_readable: one row per event, with names in order, the sentence and the document title', async () => {
    const got = new Map((await rows(kb, 'events_readable')).map((r) => [r.id, r]));
    expect(data.events.length).toBeGreaterThan(0);
    expect(got.size).toBe(data.events.length);
    for (const e of data.events) {
      const r = got.get(e.id)!;
      expect.soft(r).toMatchObject({
        doc: e.doc, doc_title: data.documents.find((d) => d.id === e.doc)!.title, type: e.type, mode: e.mode ?? null,
        contexts: e.contexts.length ? e.contexts.join(', ') : null,
        date: e.date?.value ?? null, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null,
        actors: nameList(e.actors), recipients: nameList(e.recipients),
        actor_ids: e.actors.length ? e.actors.join(SEP) : null, recipient_ids: e.recipients.length ? e.recipients.join(SEP) : null,
        negated: e.negated ? 1 : 0, modality: e.modality, quad: e.quad, intensity: e.intensity,
        trigger_text: e.trigger.text, evidence: e.evidence.text, rule: e.rule,
      });
      expect(['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'][e.quad - 1]).toBe(r.quad_class);
    }
  });

  it('stance_matrix: stances counted by holder, target, stance and negation, with first and last dates', async () => {
    const expected = new Map<string, { count: number; first: string | null; last: string | null }>();
    for (const s of data.stances) {
      const key = JSON.stringify([s.holder, s.target, s.stance, s.negated ? 1 : 0]);
      const g = expected.get(key) ?? { count: 0, first: null, last: null };
      g.count++;
      const start = s.date?.start ?? null;
      const end = s.date?.end ?? null;
      if (start !== null && (g.first === null || start < g.first)) g.first = start;
      if (end !== null && (g.last === null || end > g.last)) g.last = end;
      expected.set(key, g);
    }
    const got = await rows(kb, 'stance_matrix');
    expect(got.length).toBe(expected.size);
    for (const r of got) {
      const g = expected.get(JSON.stringify([r.holder_id, r.target_id, r.stance, r.negated]))!;
      expect(g).toBeDefined();
      expect(r).toMatchObject({ count: g.count, first_date: g.first, last_date: g.last, holder: names.get(r.holder_id as string) });
      if (r.target_id) expect(r.target).toBe(names.get(r.target_id as string));
    }
    expect(data.stances.length).toBeGreaterThan(0);
  });

  it('agreement_timeline: every status change with the agreement, who changed it and the sentence', async () => {
    const got = await rows(kb, 'agreement_timeline');
    const changes = data.agreements.flatMap((a) => a.history.map((h) => ({ ...h, entity: a.entity })));
    expect(got.length).toBe(changes.length);
    const key = (x: { agreement_id?: unknown; entity?: string; status: unknown; evidence_start?: unknown }) => JSON.stringify([x.agreement_id ?? x.entity, x.status, x.evidence_start]);
    const expected = changes.map((h) => ({ k: key({ entity: h.entity, status: h.status, evidence_start: h.evidence.start }), agreement: names.get(h.entity), changed_by: nameList(h.by), evidence: h.evidence.text, date: h.date?.value ?? null }));
    for (const r of got) {
      expect(expected.filter((x) => x.k === key(r as never)).map(({ k: _k, ...rest }) => rest)).toContainEqual({ agreement: r.agreement, changed_by: r.changed_by, evidence: r.evidence, date: r.date });
    }
  });

  it('figures_readable: the quoted number and its sentence', async () => {
    const got = new Map((await rows(kb, 'figures_readable')).map((r) => [r.id, r]));
    expect(got.size).toBe(data.figures.length);
    for (const f of data.figures) {
      expect(got.get(f.id)).toMatchObject({ what: f.what, value: f.value, unit: f.unit, quoted: f.span.text, evidence: f.evidence.text, subject: f.subject ? names.get(f.subject) : null });
    }
  });

  it('entity_mentions_count and actor_pairs agree with the rows they summarise', async () => {
    const mentionCount = new Map<string, number>();
    for (const m of data.mentions) if (m.entity) mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
    for (const r of await rows(kb, 'entity_mentions_count')) {
      expect.soft(r.mentions, String(r.id)).toBe(mentionCount.get(r.id as string) ?? 0);
      expect.soft(r.events_as_actor).toBe(data.events.filter((e) => e.actors.includes(r.id as string)).length);
    }
    const pairs = new Map<string, number>();
    for (const e of data.events) {
      if (e.negated) continue;
      for (const a of e.actors) for (const r of e.recipients) pairs.set(JSON.stringify([a, r, e.type]), (pairs.get(JSON.stringify([a, r, e.type])) ?? 0) + 1);
    }
    const got = await rows(kb, 'actor_pairs');
    expect(new Map(got.map((r) => [JSON.stringify([r.actor_id, r.recipient_id, r.type]), r.events]))).toEqual(pairs);
  });

  it('documents_overview counts each document\'s rows', async () => {
    const [r] = await rows(kb, 'documents_overview');
    const d = data.documents[0]!;
    expect(r).toMatchObject({ id: d.id, title: d.title, chars: d.text.length, sentences: d.sentences.length, events: data.events.length, mentions: data.mentions.length, figures: data.figures.length, stances: data.stances.length });
  });

  it('evidence is exact after characters beyond the Basic Multilingual Plane (offsets count UTF-16 units, SQL characters)', async () => {
    const other = await freshKnowledgeBase(target);
    try {
      const text = '\u{1F600}\u{1F30D} Alphaland condemned Betastan in March.\nBetastan expelled two diplomats.';
      const doc = handBuiltDocument(text, 'emoji.txt', 'doc-emoji');
      await storeDocument(other, doc);
      const [row] = await rows(other, 'events_readable');
      expect(row!.evidence).toBe(doc.events[0]!.evidence.text);
      expect(row!.evidence).toBe(text.slice(0, text.indexOf('\n')));
    } finally {
      await other.close();
    }
  });

  it.skipIf(target.dialect !== 'sqlite')('standard tools read the file without diplograph: better-sqlite3 alone, read-only', () => {
    const db = new SQLite(kb.scratch.location, { readonly: true, fileMustExist: true });
    try {
      const views = db.prepare(`select name from sqlite_master where type = 'view' order by name`).all().map((r) => (r as { name: string }).name);
      expect(views).toEqual([...VIEWS].sort());
      for (const v of VIEWS) expect(db.prepare(`select count(*) as n from ${v}`).get()).toMatchObject({ n: expect.any(Number) });
      const ev = db.prepare('select evidence, evidence_start, evidence_end, doc from events_readable').all() as Array<{ evidence: string; evidence_start: number; evidence_end: number; doc: string }>;
      expect(ev.length).toBe(data.events.length);
      for (const e of ev) expect(e.evidence).toBe(texts.get(e.doc)!.slice(e.evidence_start, e.evidence_end));
    } finally {
      db.close();
    }
  });

  it.skipIf(target.dialect !== 'sqlite' || !sqlite3Available)('the sqlite3 shell (whatever SQLite version it has) reads every view', () => {
    for (const v of VIEWS) {
      const out = execFileSync('sqlite3', ['-readonly', kb.scratch.location, `select count(*) from ${v}`], { encoding: 'utf8' });
      expect(Number(out.trim())).toBeGreaterThan(0);
    }
    const csv = execFileSync('sqlite3', ['-readonly', '-csv', kb.scratch.location, 'select actors, type, evidence from events_readable where actors is not null limit 1'], { encoding: 'utf8' });
    expect(csv.trim().length).toBeGreaterThan(0);
  });
});
