import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { listEvents } from '../kb/queries/list-events.js';
import { rangeOf } from '../resolve/time/calendar.js';
import { isScoped, type ExportFilters } from './export-filters.js';
import type { ExportDate, ExportJson, ExportSpan } from './export-types.js';

const ALL = 1_000_000_000;
/** Longest `in (...)` list sent; longer selections are filtered after reading (tests lower it to reach that path). */
const MAX_IN_LIST = 1000;

/**
 * Build the export contract object for the whole knowledge base, or for what the filters keep
 * (their meaning is spelled out in EXPORT_FILTER_SEMANTICS). Filters are expected validated
 * (validateExportFilters); a malformed date still fails with a RangeError.
 */
export async function exportJson(kb: KnowledgeBase, filters: ExportFilters = {}, { maxInList = MAX_IN_LIST }: { maxInList?: number } = {}): Promise<ExportJson> {
  const db = kb.db;
  const scoped = isScoped(filters);
  const fromDay = filters.from ? dateBound(filters.from, 'start') : undefined;
  const toDay = filters.to ? dateBound(filters.to, 'end') : undefined;
  const actors = filters.actors?.length ? filters.actors : undefined;
  // Undated records cannot be placed in a range, so a range leaves them out (as the events list does).
  const overlaps = (start: string | null | undefined, end: string | null | undefined) =>
    (!fromDay || (!!end && end >= fromDay)) && (!toDay || (!!start && start <= toDay));

  let docQuery = db.selectFrom('documents').selectAll().orderBy('ingested_at').orderBy('id');
  if (filters.docs?.length) docQuery = docQuery.where('id', 'in', filters.docs);
  const allDocs = await docQuery.execute();
  const candidateIds = allDocs.map((d) => d.id);

  const out: ExportJson = { documents: [], entities: [], events: [], stances: [], agreements: [], figures: [], timexes: [], mentions: [], messages: [] };
  if (candidateIds.length === 0) return out;

  // Without a document filter no `doc in (...)` list is sent: a large corpus would exceed the engines' parameter limits.
  const docList = filters.docs?.length ? candidateIds : undefined;
  // The dated, actor-bearing records first: with a scoping filter they decide which documents stay.
  let stanceQuery = db.selectFrom('stances').selectAll();
  if (docList) stanceQuery = stanceQuery.where('doc', 'in', docList);
  if (fromDay) stanceQuery = stanceQuery.where('date_end', '>=', fromDay);
  if (toDay) stanceQuery = stanceQuery.where('date_start', '<=', toDay);
  if (actors) stanceQuery = stanceQuery.where('holder', 'in', actors);
  let statusQuery = db.selectFrom('agreement_status').selectAll();
  if (docList) statusQuery = statusQuery.where('doc', 'in', docList);
  if (fromDay) statusQuery = statusQuery.where('date_end', '>=', fromDay);
  if (toDay) statusQuery = statusQuery.where('date_start', '<=', toDay);
  let figureQuery = db.selectFrom('figures').selectAll();
  if (docList) figureQuery = figureQuery.where('doc', 'in', docList);
  if (fromDay) figureQuery = figureQuery.where('period_end', '>=', fromDay);
  if (toDay) figureQuery = figureQuery.where('period_start', '<=', toDay);
  if (actors) figureQuery = figureQuery.where('subject', 'in', actors);
  const [stances, allStatuses, figures, { events }] = await Promise.all([
    stanceQuery.orderBy('doc').orderBy('evidence_start').orderBy('id').execute(),
    statusQuery.orderBy('date_start', (ob) => ob.asc().nullsFirst()).orderBy('evidence_start').orderBy('doc').orderBy('id').execute(),
    figureQuery.orderBy('doc').orderBy('span_start').orderBy('id').execute(),
    listEvents(kb, { docs: docList, actors, types: filters.types, from: filters.from, to: filters.to, limit: ALL, offset: 0 }),
  ]);
  // `by` is a JSON list, so who changed a status is matched here rather than in SQL.
  const statuses = actors
    ? allStatuses.filter((a) => (JSON.parse(a.by_entities) as string[]).some((b) => actors.includes(b)))
    : allStatuses;

  let docs = allDocs;
  if (scoped) {
    const holding = new Set<string>([...events.map((e) => e.doc), ...stances.map((s) => s.doc), ...statuses.map((a) => a.doc), ...figures.map((f) => f.doc)]);
    docs = allDocs.filter((d) => holding.has(d.id));
    if (docs.length === 0) return out;
  }
  const ids = docs.map((d) => d.id);
  // Rows of the kept documents: by an `in` list when it is short, otherwise read all and drop the others here
  // (a long list would exceed the engines' bound-parameter limits).
  const keptOnly = docList !== undefined || scoped;
  const keptList = keptOnly && ids.length <= maxInList ? ids : undefined;
  const kept = new Set(ids);
  const ofKept = <T extends { doc: string }>(rows: T[]) => (keptOnly && !keptList ? rows.filter((r) => kept.has(r.doc)) : rows);
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const span = (doc: string, start: number, end: number): ExportSpan => ({ doc, start, end, text: (texts.get(doc) ?? '').slice(start, end) });
  const date = (value: string | null, start: string | null, end: string | null): ExportDate | null => (value ? { value, start, end } : null);

  const [sections, sentences, footnotes, mentions, allTimexes, messages] = await Promise.all([
    db.selectFrom('sections').selectAll().$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('start').orderBy('level').execute().then(ofKept),
    db.selectFrom('sentences').select(['doc', 'start', 'end', 'paragraph']).$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('idx').execute().then(ofKept),
    db.selectFrom('footnotes').selectAll().$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('start').execute().then(ofKept),
    db.selectFrom('mentions').selectAll().$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('start').orderBy('id').execute().then(ofKept),
    db.selectFrom('timexes').selectAll().$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('idx').execute().then(ofKept),
    db.selectFrom('messages').selectAll().$if(!!keptList, (q) => q.where('doc', 'in', keptList!)).orderBy('doc').orderBy('id').execute().then(ofKept),
  ]);
  // A timex's dates are its range's, or the calendar span of its value; durations and sets have none.
  const timexes = fromDay || toDay
    ? allTimexes.filter((t) => {
      const first = rangeOf(t.range_start ?? t.value);
      const last = rangeOf(t.range_end ?? t.value);
      return overlaps(first?.start, last?.end);
    })
    : allTimexes;

  const sectionsOf = groupByDoc(sections);
  const sentencesOf = groupByDoc(sentences);
  const footnotesOf = groupByDoc(footnotes);
  for (const d of docs) {
    const period: ExportJson['documents'][number]['period'] = { start: d.period_start, end: d.period_end, rule: d.period_rule, reason: d.period_reason };
    if (d.dct) period.dct = d.dct;
    out.documents.push({
      id: d.id, title: d.title, source: d.source, format: d.format, period, text: d.text,
      sections: (sectionsOf.get(d.id) ?? []).map((s) => ({ id: s.id, parent: s.parent, level: s.level, label: s.label, title: s.title, start: s.start, end: s.end })),
      sentences: (sentencesOf.get(d.id) ?? []).map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
      footnotes: (footnotesOf.get(d.id) ?? []).map((f) => ({ label: f.label, start: f.start, end: f.end, text: d.text.slice(f.start, f.end), markers: JSON.parse(f.markers) })),
    });
  }
  for (const e of events) {
    const ev: ExportJson['events'][number] = {
      id: e.id, doc: e.doc, type: e.type, contexts: e.contexts, actors: e.actors, recipients: e.recipients,
      date: e.date, negated: e.negated, modality: e.modality, quad: e.quad, intensity: e.intensity,
      trigger: { doc: e.doc, ...e.trigger }, evidence: { doc: e.doc, ...e.evidence }, rule: e.rule,
    };
    if (e.mode) ev.mode = e.mode;
    if (e.location) ev.location = e.location;
    if (e.quantity) ev.quantity = e.quantity;
    if (e.respondsTo) ev.respondsTo = e.respondsTo;
    out.events.push(ev);
  }
  for (const s of stances) {
    const st: ExportJson['stances'][number] = {
      id: s.id, holder: s.holder, target: s.target, stance: s.stance, negated: !!s.negated,
      date: date(s.date_value, s.date_start, s.date_end), evidence: span(s.doc, s.evidence_start, s.evidence_end), rule: s.rule,
    };
    if (s.topic) st.topic = s.topic;
    out.stances.push(st);
  }
  const byAgreement = new Map<string, ExportJson['agreements'][number]>();
  for (const a of statuses) {
    const entry = byAgreement.get(a.entity) ?? { entity: a.entity, history: [] };
    entry.history.push({
      date: date(a.date_value, a.date_start, a.date_end), status: a.status, by: JSON.parse(a.by_entities),
      negated: !!a.negated, modality: a.modality, evidence: span(a.doc, a.evidence_start, a.evidence_end), rule: a.rule,
    });
    byAgreement.set(a.entity, entry);
  }
  out.agreements = [...byAgreement.values()];
  for (const f of figures) {
    const fig: ExportJson['figures'][number] = {
      id: f.id, what: f.what, value: f.value, unit: f.unit, period: date(f.period_value, f.period_start, f.period_end),
      span: span(f.doc, f.span_start, f.span_end), evidence: span(f.doc, f.evidence_start, f.evidence_end), rule: f.rule,
    };
    if (f.subject) fig.subject = f.subject;
    out.figures.push(fig);
  }
  out.timexes = timexes.map((t) => {
    const x: ExportJson['timexes'][number] = { doc: t.doc, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, inferred: JSON.parse(t.inferred), rule: t.rule };
    if (t.mod) x.mod = t.mod;
    if (t.range_start && t.range_end) x.range = { start: t.range_start, end: t.range_end };
    if (t.anchor) x.anchor = t.anchor;
    return x;
  });
  out.messages = messages.map((m) => {
    const x: ExportJson['messages'][number] = { doc: m.doc, rule: m.rule, severity: m.severity, message: m.message };
    if (m.start !== null) x.start = m.start;
    if (m.end !== null) x.end = m.end;
    return x;
  });

  const referenced = new Set<string>();
  for (const e of out.events) { e.actors.forEach((a) => referenced.add(a)); e.recipients.forEach((a) => referenced.add(a)); if (e.location) referenced.add(e.location); }
  for (const s of out.stances) { referenced.add(s.holder); if (s.target) referenced.add(s.target); }
  for (const a of out.agreements) { referenced.add(a.entity); a.history.forEach((h) => h.by.forEach((b) => referenced.add(b))); }
  for (const f of out.figures) if (f.subject) referenced.add(f.subject);
  // Unscoped, every mention stays (and names its entity); scoped, only the mentions of what the kept records name.
  const keptMentions = scoped ? mentions.filter((m) => m.entity !== null && referenced.has(m.entity)) : mentions;
  out.mentions = keptMentions.map((m) => {
    const x: ExportJson['mentions'][number] = { doc: m.doc, start: m.start, end: m.end, text: m.text, entity: m.entity, kind: m.kind, rule: m.rule };
    if (m.inferred) x.inferred = JSON.parse(m.inferred);
    return x;
  });
  for (const m of out.mentions) if (m.entity) referenced.add(m.entity);
  const entityRows = referenced.size === 0
    ? []
    : referenced.size <= maxInList
      ? await db.selectFrom('entities').selectAll().where('id', 'in', [...referenced]).orderBy('id').execute()
      : (await db.selectFrom('entities').selectAll().orderBy('id').execute()).filter((e) => referenced.has(e.id));
  out.entities = entityRows.map((e) => {
    const x: ExportJson['entities'][number] = { id: e.id, kind: e.kind, name: e.name, aliases: JSON.parse(e.aliases) };
    if (e.wikidata) x.wikidata = e.wikidata;
    if (e.iso3) x.iso3 = e.iso3;
    if (e.country) x.country = e.country;
    if (e.sector) x.sector = e.sector;
    if (e.offices) x.offices = JSON.parse(e.offices);
    return x;
  });
  return out;
}

/** Rows by document, in their query order (one pass instead of a filter per document). */
function groupByDoc<T extends { doc: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.doc);
    if (list) list.push(r);
    else out.set(r.doc, [r]);
  }
  return out;
}
