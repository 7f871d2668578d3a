import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openKnowledgeBase, type KnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { loadGazetteer } from '../src/recognize/gazetteer.js';
import { PLOVER_TYPES, type PloverType } from '../src/model/index.js';
import { pipelineVersion } from '../src/pipeline/version.js';

export interface GenerateOptions {
  events?: number;
  eventsPerDocument?: number;
  /** Seed of the pseudo-random sequence, so that runs are repeatable. */
  seed?: number;
  /**
   * Pad each document with sentences that report no event (built from FILLER's templates) to a
   * length drawn between these two numbers of characters, as real speeches and reports run to
   * 20-100 KB; the events stay the same (the padding has its own random sequence). Without it a
   * document is its event sentences alone, about 3 KB at 40 events.
   */
  documentChars?: [number, number];
}

export interface GeneratedKnowledgeBase {
  events: number;
  documents: number;
  /** Actors by how often they act, most frequent first (for realistic filters). */
  actors: string[];
  firstYear: number;
  lastYear: number;
}

/** Verb phrases per type: "{A} {trigger} {B}" reads as a report sentence. */
const TEMPLATES: Record<PloverType, { trigger: string; pattern: string; quad: number; intensity: number }[]> = {
  AGREE: [{ trigger: 'signed', pattern: '{A} signed an agreement with {B}', quad: 1, intensity: 4 }, { trigger: 'agreed', pattern: '{A} agreed with {B} to extend the arrangement', quad: 1, intensity: 3 }],
  CONSULT: [{ trigger: 'held talks', pattern: '{A} held talks with {B}', quad: 1, intensity: 1 }, { trigger: 'visited', pattern: 'The Foreign Minister of {A} visited {B}', quad: 1, intensity: 2 }],
  SUPPORT: [{ trigger: 'welcomed', pattern: '{A} welcomed the decision of {B}', quad: 1, intensity: 3 }],
  CONCEDE: [{ trigger: 'released', pattern: '{A} released detained nationals of {B}', quad: 2, intensity: 5 }],
  COOPERATE: [{ trigger: 'cooperated', pattern: '{A} cooperated with {B} on border management', quad: 2, intensity: 5 }],
  AID: [{ trigger: 'provided', pattern: '{A} provided humanitarian assistance to {B}', quad: 2, intensity: 6 }],
  RETREAT: [{ trigger: 'withdrew', pattern: '{A} withdrew its troops from the border with {B}', quad: 2, intensity: 6 }],
  REQUEST: [{ trigger: 'called on', pattern: '{A} called on {B} to resume negotiations', quad: 1, intensity: 2 }],
  ACCUSE: [{ trigger: 'accused', pattern: '{A} accused {B} of violating the ceasefire', quad: 3, intensity: -3 }],
  REJECT: [{ trigger: 'rejected', pattern: '{A} rejected the proposal of {B}', quad: 3, intensity: -4 }],
  THREATEN: [{ trigger: 'threatened', pattern: '{A} threatened {B} with countermeasures', quad: 3, intensity: -6 }],
  PROTEST: [{ trigger: 'lodged a protest', pattern: '{A} lodged a protest with {B}', quad: 3, intensity: -4 }],
  SANCTION: [{ trigger: 'imposed sanctions', pattern: '{A} imposed sanctions on {B}', quad: 4, intensity: -7 }],
  MOBILIZE: [{ trigger: 'deployed', pattern: '{A} deployed forces near {B}', quad: 4, intensity: -7 }],
  COERCE: [{ trigger: 'expelled', pattern: '{A} expelled diplomats of {B}', quad: 4, intensity: -8 }],
  ASSAULT: [{ trigger: 'attacked', pattern: '{A} attacked positions of {B}', quad: 4, intensity: -10 }],
};
/** How common each type is in reports (consultations and statements dominate, assaults are rare). */
const TYPE_WEIGHTS: Record<PloverType, number> = {
  AGREE: 10, CONSULT: 30, SUPPORT: 12, CONCEDE: 1, COOPERATE: 8, AID: 5, RETREAT: 1, REQUEST: 10,
  ACCUSE: 6, REJECT: 4, THREATEN: 2, PROTEST: 3, SANCTION: 3, MOBILIZE: 2, COERCE: 2, ASSAULT: 1,
};
/** Sentences that report no event, with {A} and {B} states, to pad documents to a real length. */
const FILLER = [
  'The delegation of {A} stressed the importance of a continued dialogue with {B} on questions of regional security',
  'Officials of {A} described relations with {B} as stable, although several questions remained open',
  'The situation along the border between {A} and {B} was discussed at some length in the capital',
  'According to the embassy, public opinion in {A} followed the developments in {B} closely',
  'Trade between {A} and {B} grew in the period under review, mostly in agricultural goods and machinery',
  'The press of {A} commented on the economic situation of {B} and on its effects on the region',
  'It was noted that the position of {A} on the questions concerning {B} had not changed since the previous year',
  'Further meetings between experts of {A} and {B} were expected later in the year, the date of which was not yet fixed',
  'Observers in {A} considered that the government of {B} faced considerable difficulties at home',
  'The ambassador of {A} recalled the long history of the relations between the two peoples and the ties with {B}',
  'The question of the status of the nationals of {B} living in {A} was raised again without result',
  'Representatives of {A} attended the reception given by the embassy of {B} on the occasion of its national day',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Fill a new SQLite knowledge base with `events` events (default 1 million) in documents of
 * `eventsPerDocument` sentences built from templates: states from the gazetteer as actors and
 * recipients with a long-tailed frequency, PLOVER types weighted as in real reports, dates over
 * 1946-2023 at day, month or year precision (some undated), negation and modality now and then.
 * Rows go in with prepared statements in large transactions.
 */
export async function generateEventsKnowledgeBase(file: string, opts: GenerateOptions = {}): Promise<GeneratedKnowledgeBase> {
  const total = opts.events ?? 1_000_000;
  const perDoc = opts.eventsPerDocument ?? 40;
  const rand = mulberry32(opts.seed ?? 42);
  // Padding draws from its own sequence, so that the events are the same with and without it.
  const padRand = mulberry32((opts.seed ?? 42) ^ 0x5bd1e995);
  const [padMin, padMax] = opts.documentChars ?? [0, 0];
  const kb = await openKnowledgeBase(file);
  await kb.close();
  const gaz = loadGazetteer();
  const states = [...gaz.entities.values()].filter((e) => e.kind === 'state');
  // Zipf-like: the k-th state acts with weight 1/(k+1).
  const actorWeights = states.map((_, k) => 1 / (k + 1));
  const pickActor = weightedPicker(actorWeights, rand);
  const typeList = [...PLOVER_TYPES];
  const pickType = weightedPicker(typeList.map((t) => TYPE_WEIGHTS[t]), rand);

  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertEntity = db.prepare('insert or ignore into entities (id, kind, name, aliases, wikidata, iso3, country, sector, offices, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertDoc = db.prepare(`insert into documents (id, source, format, title, text, period_start, period_end, dct, period_rule, period_reason, chars, ingested_at, pipeline_version)
    values (?, ?, 'text', ?, ?, ?, ?, null, 'period.filename-year', 'generated', ?, ?, ?)`);
  const insertEvent = db.prepare(`insert into events (id, doc, type, mode, contexts, date_value, date_start, date_end, date_source, date_inferred, location,
    quantity_value, quantity_unit, negated, modality, quad, intensity, trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, rule, responds_to)
    values (?, ?, ?, null, '[]', ?, ?, ?, ?, ?, null, null, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`);
  const insertActor = db.prepare('insert into event_actors (event, entity, role, ord) values (?, ?, ?, ?)');
  const insertParagraph = db.prepare('insert into paragraphs (doc, idx, section, kind, start, "end") values (?, ?, null, ?, ?, ?)');
  const insertSentence = db.prepare('insert into sentences (doc, idx, paragraph, start, "end", text) values (?, ?, ?, ?, ?, ?)');
  // As the store does: the documents are listed while their sentences go in (an insert trigger,
  // where the schema still has one, stands aside for them), then indexed with one statement.
  const deferIndex = db.prepare('insert into sentences_fts_deferred (doc) values (?)');
  const indexDeferred = db.prepare('insert into sentences_fts (rowid, text) select s.rowid, s.text from sentences_fts_deferred d join sentences s on s.doc = d.doc order by d.rowid, s.idx');
  const clearDeferred = db.prepare('delete from sentences_fts_deferred');
  db.transaction(() => {
    for (const e of states) insertEntity.run(e.id, e.kind, e.name, JSON.stringify(e.aliases), e.wikidata ?? null, e.iso3 ?? null, null, e.sector ?? null, null, e.source);
  })();

  const firstYear = 1946;
  const lastYear = 2023;
  const now = new Date().toISOString();
  let made = 0;
  let docs = 0;
  const writeDocuments = db.transaction((count: number) => {
    for (let d = 0; d < count && made < total; d++) {
      const year = firstYear + Math.floor(rand() * (lastYear - firstYear + 1));
      const docId = `gen${String(docs++).padStart(8, '0')}`;
      const title = `Report on foreign relations, ${year}`;
      let text = `${title}\n`;
      const rows: unknown[][] = [];
      const actors: unknown[][] = [];
      // Sentences and paragraphs as the segmenter stores them: the title is one of each, then a
      // paragraph break (a blank line) after every few sentences; sentences are apart by a space.
      const sentences: [number, number, number, string][] = [[0, 0, title.length, title]];
      const paragraphs: [string, number, number][] = [['title', 0, title.length]];
      let paraStart = -1;
      const addSentence = (sentence: string): number => {
        if (paraStart >= 0 && padRand() < 0.18) {
          paragraphs.push(['paragraph', paraStart, text.length - 1]);
          text = `${text.slice(0, -1)}\n\n`;
          paraStart = -1;
        }
        if (paraStart < 0) paraStart = text.length;
        const start = text.length;
        sentences.push([paragraphs.length, start, start + sentence.length, sentence]);
        text += sentence + ' ';
        return start;
      };
      const length = padMax > 0 ? padMin + Math.floor(padRand() * (padMax - padMin + 1)) : 0;
      const pad = (upTo: number) => {
        while (text.length < upTo) {
          const a = states[Math.floor(padRand() * Math.min(states.length, 60))]!;
          const b = states[Math.floor(padRand() * states.length)]!;
          addSentence(`${FILLER[Math.floor(padRand() * FILLER.length)]!.replace('{A}', a.name).replace('{B}', b.name)}.`);
        }
      };
      for (let k = 0; k < perDoc && made < total; k++, made++) {
        const type = typeList[pickType()]!;
        const variants = TEMPLATES[type];
        const t = variants[Math.floor(rand() * variants.length)]!;
        const a = states[pickActor()]!;
        let b = states[pickActor()]!;
        if (b.id === a.id) b = states[(states.indexOf(a) + 1) % states.length]!;
        const month = 1 + Math.floor(rand() * 12);
        const day = 1 + Math.floor(rand() * 28);
        const precision = rand();
        const mm = String(month).padStart(2, '0');
        const dd = String(day).padStart(2, '0');
        // A few dates span several years ("between 1990 and 1993") or have only an end ("until
        // March 1990"), as reports have them; the list query treats those apart.
        const later = year + 1 + Math.floor(rand() * 3);
        const date = precision < 0.5 ? { value: `${year}-${mm}-${dd}`, start: `${year}-${mm}-${dd}`, end: `${year}-${mm}-${dd}`, phrase: `On ${MONTHS[month - 1]} ${day}, ${year}, ` }
          : precision < 0.78 ? { value: `${year}-${mm}`, start: `${year}-${mm}-01`, end: `${year}-${mm}-28`, phrase: `In ${MONTHS[month - 1]} ${year}, ` }
            : precision < 0.93 ? { value: `${year}`, start: `${year}-01-01`, end: `${year}-12-31`, phrase: `In ${year}, ` }
              : precision < 0.945 ? { value: `${year}/${later}`, start: `${year}-01-01`, end: `${later}-12-31`, phrase: `Between ${year} and ${later}, ` }
                : precision < 0.95 ? { value: `${year}-${mm}`, start: null, end: `${year}-${mm}-28`, phrase: `Until ${MONTHS[month - 1]} ${year}, ` }
                  : null;
        const negated = rand() < 0.04;
        const modality = rand() < 0.1 ? 'reported' : rand() < 0.05 ? 'planned' : 'asserted';
        const body = t.pattern.replace('{A}', a.name).replace('{B}', b.name);
        const sentence = `${date?.phrase ?? ''}${negated ? body.replace(t.trigger, `did not ${t.trigger}`) : body}.`;
        // Padding before each event sentence, so that events spread over the whole document.
        pad(Math.floor((length * k) / perDoc));
        const start = addSentence(sentence);
        const trig = sentence.indexOf(t.trigger);
        const id = `${docId}:e${k + 1}`;
        rows.push([id, docId, type, date?.value ?? null, date?.start ?? null, date?.end ?? null, date ? 'sentence' : null, 0,
          negated ? 1 : 0, modality, t.quad, t.intensity, start + trig, start + trig + t.trigger.length, t.trigger, start, start + sentence.length,
          `extract.event.generated:${type}`]);
        actors.push([id, a.id, 'actor', 0], [id, b.id, 'recipient', 0]);
        if (rand() < 0.15) actors.push([id, states[pickActor()]!.id, 'actor', 1]);
      }
      pad(length);
      if (paraStart >= 0) paragraphs.push(['paragraph', paraStart, text.length - 1]);
      insertDoc.run(docId, `/generated/${docId}.txt`, title, text, `${year}-01-01`, `${year}-12-31`, text.length, now, pipelineVersion());
      paragraphs.forEach(([kind, start, end], idx) => insertParagraph.run(docId, idx, kind, start, end));
      deferIndex.run(docId);
      sentences.forEach(([paragraph, start, end, sentence], idx) => insertSentence.run(docId, idx, paragraph, start, end, sentence));
      for (const r of rows) insertEvent.run(...r);
      for (const r of actors) {
        try {
          insertActor.run(...r);
        } catch {
          // A third actor equal to the first (same role and ord) is skipped.
        }
      }
    }
    indexDeferred.run();
    clearDeferred.run();
  });
  while (made < total) writeDocuments(500);
  db.pragma('optimize');
  db.exec('analyze');
  db.close();
  return { events: made, documents: docs, actors: states.map((s) => s.id), firstYear, lastYear };
}

/**
 * Copy a generated SQLite knowledge base (entities, documents, events, their actors) into another
 * knowledge base, e.g. PostgreSQL, in multi-row inserts; then refresh the planner's statistics
 * (and on PostgreSQL the visibility map, which index-only scans need).
 */
export async function copyEventsKnowledgeBase(sourceFile: string, target: KnowledgeBase, progress?: (table: string, rows: number) => void): Promise<void> {
  const source = new SQLite(sourceFile, { readonly: true });
  try {
    for (const table of ['entities', 'documents', 'paragraphs', 'sentences', 'events', 'event_actors'] as const) {
      const columns = (source.prepare(`select * from ${table} limit 1`).columns()).length;
      // Both engines cap the bound parameters of one statement (SQLite 32766, PostgreSQL 65535).
      const batch = Math.max(1, Math.floor(30_000 / columns));
      let rows: Record<string, unknown>[] = [];
      let done = 0;
      const flush = async () => {
        if (rows.length) await target.db.insertInto(table).values(rows as never).execute();
        done += rows.length;
        rows = [];
        progress?.(table, done);
      };
      for (const row of source.prepare(`select * from ${table}`).iterate()) {
        rows.push(row as Record<string, unknown>);
        if (rows.length >= batch) await flush();
      }
      await flush();
    }
  } finally {
    source.close();
  }
  await sql.raw(target.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(target.db);
}

function weightedPicker(weights: number[], rand: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A small seeded generator (repeatable runs; not for anything secret). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
