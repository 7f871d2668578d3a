import type { ExportJson } from '../export/export-types.js';

type Item<K extends keyof ExportJson> = ExportJson[K][number];

/** One agreement status change with the agreement it belongs to (the export groups them by agreement). */
export type AgreementEntry = Item<'agreements'>['history'][number] & { entity: string };

/** Everything an export holds about one document, in the export's order. */
export interface DocumentSlice {
  document: Item<'documents'>;
  events: Item<'events'>[];
  stances: Item<'stances'>[];
  agreementStatus: AgreementEntry[];
  figures: Item<'figures'>[];
  timexes: Item<'timexes'>[];
  mentions: Item<'mentions'>[];
  messages: Item<'messages'>[];
  /** Ids of the entities the document's rows refer to. */
  entityIds: Set<string>;
}

/** Group a validated export by document, keeping the documents' order and each list's order. */
export function splitByDocument(data: ExportJson): DocumentSlice[] {
  const slices = new Map<string, DocumentSlice>();
  for (const document of data.documents) {
    slices.set(document.id, { document, events: [], stances: [], agreementStatus: [], figures: [], timexes: [], mentions: [], messages: [], entityIds: new Set() });
  }
  const of = (doc: string) => slices.get(doc)!;
  for (const e of data.events) {
    const s = of(e.doc);
    s.events.push(e);
    for (const id of [...e.actors, ...e.recipients]) s.entityIds.add(id);
    if (e.location) s.entityIds.add(e.location);
  }
  for (const st of data.stances) {
    const s = of(st.evidence.doc);
    s.stances.push(st);
    s.entityIds.add(st.holder);
    if (st.target) s.entityIds.add(st.target);
  }
  for (const a of data.agreements) {
    for (const h of a.history) {
      const s = of(h.evidence.doc);
      s.agreementStatus.push({ ...h, entity: a.entity });
      s.entityIds.add(a.entity);
      for (const id of h.by) s.entityIds.add(id);
    }
  }
  for (const f of data.figures) {
    const s = of(f.evidence.doc);
    s.figures.push(f);
    if (f.subject) s.entityIds.add(f.subject);
  }
  for (const t of data.timexes) of(t.doc).timexes.push(t);
  for (const m of data.mentions) {
    const s = of(m.doc);
    s.mentions.push(m);
    if (m.entity) s.entityIds.add(m.entity);
  }
  for (const m of data.messages) of(m.doc).messages.push(m);
  return [...slices.values()];
}
