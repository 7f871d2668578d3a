/** Typed client of the diplograph JSON API (the same routes every view's JSON twin links to). */
export interface DateValue { value: string; start: string | null; end: string | null; inferred?: boolean }
export interface Evidence { doc?: string; start: number; end: number; text: string }

export interface DocumentSummary {
  id: string; source: string; title: string; format: string; period_start: string; period_end: string;
  dct: string | null; period_rule: string; chars: number; ingested_at: string; sentences: number; events: number; messages: number;
}
export interface Section { id: string; parent: string | null; level: number; label: string | null; title: string; start: number; end: number; heading_start: number; heading_end: number }
export interface Message { id?: number; start: number | null; end: number | null; rule: string; severity: string; message: string }
export interface DocumentDetail {
  document: DocumentSummary & { period_reason: string; pipeline_version: string };
  sections: Section[]; footnotes: { label: string; start: number; end: number; markers: number[] }[]; messages: Message[];
}
export interface MentionAnn { start: number; end: number; text: string; entity: string | null; kind: string; rule: string; inferred: string | null }
export interface TimexAnn { idx: number; start: number; end: number; text: string; type: string; value: string; mod: string | null; range_start: string | null; range_end: string | null; anchor: string | null; inferred: string; rule: string }
export interface EventAnn { id: string; type: string; mode: string | null; negated: number; modality: string; date_value: string | null; start: number; end: number; evidence_start: number; evidence_end: number; rule: string }
export interface DocumentText {
  id: string; title: string; text: string;
  paragraphs: { idx: number; section: string | null; kind: string; start: number; end: number }[];
  sentences: { idx: number; paragraph: number; start: number; end: number }[];
  mentions: MentionAnn[]; timexes: TimexAnn[]; events: EventAnn[];
}
export interface Office { title: string; country?: string; start: string; end?: string }
export interface Entity {
  id: string; kind: string; name: string; aliases: string[]; wikidata: string | null; iso3: string | null; country: string | null;
  sector: string | null; offices: Office[] | null; source: string; mentions: number; documents: number;
}
export interface EntityDetail {
  entity: Entity;
  mentions: { doc: string; start: number; end: number; text: string; rule: string; sentence: Evidence }[];
}
export interface DiploEvent {
  id: string; doc: string; type: string; mode: string | null; contexts: string[]; actors: string[]; recipients: string[];
  date: DateValue | null; location: string | null; quantity: { value: number; unit: string } | null;
  negated: boolean; modality: string; quad: number; intensity: number;
  trigger: Evidence; evidence: Evidence; rule: string; respondsTo: string | null;
}
export interface EventPage { total: number; totalExact?: boolean; limit: number; offset: number; events: DiploEvent[] }
export interface SearchResult { doc: string; title: string; sentence: number; start: number; end: number; text: string; snippet: { text: string; hit: boolean }[]; rank: number }
export interface SearchPage { query: string; total: number; limit: number; offset: number; results: SearchResult[]; facets: { docs: { doc: string; count: number }[]; types: { type: string; count: number }[] } }
export interface NetworkNode { id: string; name: string; kind: string; asActor: number; asRecipient: number }
export interface NetworkEdge { source: string; target: string; weight: number; cooperation: number; conflict: number; quads: number[]; types: Record<string, number> }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[]; events: number }
export type EntityNames = Record<string, { name: string; kind: string }>;
export interface Stance { id: string; doc: string; holder: string; target: string | null; stance: string; negated: boolean; topic: string | null; date: DateValue | null; evidence: Evidence; rule: string }
export interface StancePage { total: number; stances: Stance[]; entities: EntityNames }
export interface StatusChange { id: string; doc: string; status: string; by: string[]; negated: boolean; modality: string; date: DateValue | null; evidence: Evidence; rule: string }
export interface Agreement { entity: string; name: string; kind: string; history: StatusChange[] }
export interface AgreementList { agreements: Agreement[]; entities: EntityNames }
export interface Figure { id: string; doc: string; what: string; subject: string | null; value: number; unit: string; period: DateValue | null; span: Evidence; evidence: Evidence; rule: string }
export interface FigurePage { total: number; figures: Figure[]; measures: { what: string; unit: string; count: number }[]; entities: EntityNames }
export interface IngestJob { id: number; name: string; bytes: number; state: string; stage: string | null; startedAt: string; finishedAt: string | null; outcome: Record<string, unknown> | null }
export interface IngestStatus { writable: boolean; jobs: IngestJob[] }
export interface IngestResult { job: IngestJob; messages: Message[] }

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

type Query = Record<string, string | number | boolean | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

async function get<T>(path: string, query: Query = {}): Promise<T> {
  const res = await fetch(apiUrl(path, query), { headers: { accept: 'application/json' } });
  return parse<T>(res);
}

async function parse<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = body as { code?: string; message?: string; error?: string };
    throw new ApiFailure(res.status, e.code ?? 'HTTP', e.error ?? e.message ?? res.statusText);
  }
  return body as T;
}

/** Fetch every page of a paged list (the API caps a page at 1000 rows). */
async function all<T, K extends string>(path: string, key: K, query: Query, max = 20000): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; offset < max; offset += 1000) {
    const page = await get<{ total?: number } & Record<K, T[]>>(path, { ...query, limit: 1000, offset });
    out.push(...page[key]);
    if (page[key].length < 1000) break;
  }
  return out;
}

export const api = {
  documents: () => get<{ documents: DocumentSummary[] }>('documents', { limit: 1000 }).then((r) => r.documents),
  document: (id: string) => get<DocumentDetail>(`documents/${encodeURIComponent(id)}`),
  documentText: (id: string) => get<DocumentText>(`documents/${encodeURIComponent(id)}/text`),
  entities: (q: Query = {}) => get<{ entities: Entity[] }>('entities', { limit: 1000, ...q }).then((r) => r.entities),
  entity: (id: string) => get<EntityDetail>(`entities/${encodeURIComponent(id)}`, { limit: 200 }),
  events: (q: Query = {}) => get<EventPage>('events', q),
  allEvents: (q: Query = {}) => all<DiploEvent, 'events'>('events', 'events', q),
  search: (q: Query) => get<SearchPage>('search', q),
  network: (q: Query = {}) => get<Network>('network', q),
  stances: (q: Query = {}) => get<StancePage>('stances', { limit: 1000, ...q }),
  agreements: (q: Query = {}) => get<AgreementList>('agreements', q),
  figures: (q: Query = {}) => get<FigurePage>('figures', { limit: 1000, ...q }),
  ingestStatus: () => get<IngestStatus>('ingest/status'),
  async upload(file: File, token: string): Promise<IngestResult> {
    const res = await fetch(apiUrl('documents', { name: file.name }), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}`, accept: 'application/json' },
      body: file,
    });
    return parse<IngestResult>(res);
  },
};
