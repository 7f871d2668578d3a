import { sql } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import { sentenceSlice } from './load-events.js';

/** Spans probed per statement (two bound parameters each, under both engines' limits). */
const CHUNK = 1_000;

export interface Span { doc: string; start: number; end: number }

/**
 * Cuts spans of documents the way loadEvents cuts events' evidence: each span comes with the
 * stored sentence starting nearest at or before it (one probe of migration 014's index per
 * distinct document and start), and is sliced out of that sentence's own text in JavaScript
 * (UTF-16 offsets, never SQL's character counts) when the sentence holds it (sentenceSlice).
 * Only documents with a span no sentence holds (a quoted number across sentences, a document
 * stored without sentences, an end before its start) have their text read, once, as before.
 * The returned function gives (document's text ?? '').slice(start, end) for each span asked here.
 */
export async function spanTexts(kb: KnowledgeBase, asked: Iterable<Span>): Promise<(doc: string, start: number, end: number) => string> {
  const spans = [...asked];
  const probes = new Map<string, { doc: string; start: number }>();
  for (const s of spans) probes.set(key(s.doc, s.start), { doc: s.doc, start: s.start });
  const list = [...probes.values()];
  type Held = { n: number; sentence_start: number | null; sentence_end: number | null; sentence_text: string | null };
  const sentences = new Map<string, Held>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    const values = sql.join(part.map((p, j) => sql`(${i + j}, ${p.doc}, cast(${p.start} as integer))`));
    const got = kb.dialect === 'postgres'
      ? await sql<Held>`select p.n, s.start as sentence_start, s."end" as sentence_end, s.text as sentence_text
          from (values ${values}) as p(n, doc, start)
          left join lateral (select x.start, x."end", x.text from sentences x where x.doc = p.doc and x.start <= p.start order by x.start desc limit 1) s on true`.execute(kb.db)
      : await sql<Held>`with p(n, doc, start) as (values ${values})
          select p.n, s.start as sentence_start, s."end" as sentence_end, s.text as sentence_text
          from p left join sentences s on s.rowid = (select x.rowid from sentences x where x.doc = p.doc and x.start <= p.start order by x.start desc limit 1)`.execute(kb.db);
    for (const r of got.rows) {
      const p = list[Number(r.n)]!;
      sentences.set(key(p.doc, p.start), r);
    }
  }
  const cut = (doc: string, start: number, end: number): string | undefined => {
    const s = sentences.get(key(doc, start));
    return s ? sentenceSlice({ ...s, evidence_start: start, evidence_end: end }) : undefined;
  };
  const unheld = new Set<string>();
  for (const s of spans) if (cut(s.doc, s.start, s.end) === undefined) unheld.add(s.doc);
  const texts = new Map<string, string>();
  const docs = [...unheld];
  for (let i = 0; i < docs.length; i += CHUNK) {
    for (const d of await kb.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', docs.slice(i, i + CHUNK)).execute()) texts.set(d.id, d.text);
  }
  return (doc, start, end) => cut(doc, start, end) ?? (texts.get(doc) ?? '').slice(start, end);
}

function key(doc: string, start: number): string {
  return `${start}\u0000${doc}`;
}
