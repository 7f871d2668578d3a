import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { AnswerItem, AnswerRow, AnswerStatus, Citation, StructuredQuery } from './answer-types.js';
import { CitationBook } from './citations.js';
import { closestEvidence } from './closest-evidence.js';
import { familyOf, stateOf, type EntityIndex } from './entity-index.js';
import { formatDate, formatValue, formatWhen, joinList, nameOf, namesOf, stanceLabel, statusLabel } from './format-answer-parts.js';
import {
  loadAgreementStatus, loadEvents, loadFigures, loadPeriods, loadStances, mentionsIn,
  type EventRecord, type FigureRecord, type KbRecord, type StanceRecord,
} from './load-records.js';
import { measureWords } from './measure-words.js';
import { entitiesFit, namesFit, rolesOf, timeFits, triggerFit, type FilterContext } from './record-filters.js';
import { lemmaCandidates } from '../extract/lemmatise.js';

export interface Outcome {
  status: AnswerStatus;
  answer: string;
  items: AnswerItem[];
  rows: AnswerRow[];
  citations: Citation[];
  closest: Citation[];
  notes: string[];
}

/** Rows listed in one answer at most; the text says how many more there are. */
const MAX_ROWS = 15;

const NOT_IN_KB = 'Not in the knowledge base';

/** Run a structured query over the knowledge base and compose the answer; never states what no record supports. */
export async function answerQuery(kb: KnowledgeBase, q: StructuredQuery, index: EntityIndex): Promise<Outcome> {
  const book = new CitationBook(kb);
  const run = new QueryRun(kb, q, index, book);
  const missing = q.entities.filter((e) => !e.inKnowledgeBase);
  if (missing.length) return run.decline(`no document of the knowledge base mentions ${joinList(missing.map((e) => e.name))}.`);
  switch (q.focus) {
    case 'status': return run.status();
    case 'stance': return run.stance();
    case 'figure': return run.figure();
    case 'when': return run.when();
    case 'where': return run.where();
    case 'yesno': return run.yesNo();
    case 'who': return run.who();
    default: return run.what();
  }
}

class QueryRun {
  private ctx: FilterContext | undefined;
  private texts = new Map<string, string>();

  constructor(private kb: KnowledgeBase, private q: StructuredQuery, private index: EntityIndex, private book: CitationBook) {}

  // ---- shared steps ----------------------------------------------------------------------------

  private async context(records: KbRecord[]): Promise<FilterContext> {
    const mentions = await mentionsIn(this.kb, records);
    for (const doc of new Set(records.map((r) => r.doc))) if (!this.texts.has(doc)) this.texts.set(doc, (await this.book.document(doc)).text);
    const periods = this.ctx?.periods ?? await loadPeriods(this.kb);
    const prev = this.ctx?.mentions;
    if (prev) for (const [k, v] of prev) if (!mentions.has(k)) mentions.set(k, v);
    this.ctx = {
      index: this.index, mentions, periods,
      sentenceText: (r) => (this.texts.get(r.doc) ?? '').slice(r.evidenceStart, r.evidenceEnd).toLowerCase(),
    };
    return this.ctx;
  }

  /** Records that fit the question's entities, time and unknown names. */
  private async fit<T extends KbRecord>(records: T[], opts: { time?: boolean } = {}): Promise<T[]> {
    const ctx = await this.context(records);
    return records.filter((r) => entitiesFit(r, this.q.entities, ctx) && (opts.time === false || timeFits(r, this.q, ctx)) && namesFit(r, this.q, ctx));
  }

  /**
   * Events that fit the question. With `preferVerb`, when some events carry the question's own verb
   * ("condemned" rather than "protested", both ACCUSE), only those are kept: a pointed question
   * (who, when, did) is about that act, while a list (what) keeps the whole type.
   */
  private async events(negated: boolean | undefined, types = this.q.eventTypes, preferVerb = this.q.focus !== 'what'): Promise<EventRecord[]> {
    const found = await this.fit(await loadEvents(this.kb, types, negated));
    const best = Math.max(0, ...found.map((r) => triggerFit(r, this.q)));
    const ranked = best > 0 && preferVerb ? found.filter((r) => triggerFit(r, this.q) === best) : found;
    return sortByDate(ranked);
  }

  private async stances(negated: boolean | undefined): Promise<StanceRecord[]> {
    const all = await loadStances(this.kb, this.q.stances);
    return sortByDate(await this.fit(all.filter((s) => negated === undefined || s.negated === negated)));
  }

  private async cite(r: KbRecord): Promise<number | undefined> {
    const quote = r.kind === 'event' ? r.trigger : r.kind === 'figure' ? r.span : undefined;
    return this.book.cite(r.doc, r.evidenceStart, r.evidenceEnd, quote);
  }

  private async row(r: KbRecord): Promise<AnswerRow | undefined> {
    const cite = await this.cite(r);
    if (cite === undefined) return undefined;
    return { kind: r.kind, id: r.id, summary: this.summary(r), data: dataOf(r), cite };
  }

  private summary(r: KbRecord): string {
    const ix = this.index;
    switch (r.kind) {
      case 'event': {
        const who = r.actors.length ? namesOf(ix, r.actors) : 'unnamed actor';
        const whom = r.recipients.length ? ` → ${namesOf(ix, r.recipients)}` : '';
        const mode = r.mode ? ` (${r.mode})` : '';
        return `${r.negated ? 'NOT ' : ''}${r.type}${mode}: ${who}${whom}, “${r.trigger.text}”, ${formatWhen(r.date)}`;
      }
      case 'stance':
        return `${nameOf(ix, r.holder)} ${stanceLabel(r.stance, r.negated)} ${r.target ? nameOf(ix, r.target) : (r.topic ?? '')}${r.topic && r.target ? ` (${r.topic})` : ''}, ${formatWhen(r.date)}`;
      case 'agreement':
        return `${nameOf(ix, r.entity)}: ${r.negated ? 'not ' : ''}${statusLabel(r.status)}${r.by.length ? ` by ${namesOf(ix, r.by)}` : ''}, ${formatWhen(r.date)}`;
      case 'figure':
        return `${r.what}${r.subject ? ` of ${nameOf(ix, r.subject)}` : ''}: ${formatValue(r.value, r.unit)}, ${formatWhen(r.date)}`;
    }
  }

  /** Cite and list records (at most MAX_ROWS); returns the rows in order. */
  private async rowsOf(records: KbRecord[]): Promise<AnswerRow[]> {
    const rows: AnswerRow[] = [];
    for (const r of records.slice(0, MAX_ROWS)) {
      const row = await this.row(r);
      if (row) rows.push(row);
    }
    return rows;
  }

  private more(records: unknown[]): string {
    return records.length > MAX_ROWS ? ` (${records.length - MAX_ROWS} more not listed)` : '';
  }

  private done(answer: string, items: AnswerItem[], rows: AnswerRow[]): Outcome {
    return { status: 'answered', answer, items, rows, citations: this.book.citations, closest: [], notes: [] };
  }

  /** Say plainly that the knowledge base does not support an answer, and show the closest sentences. */
  async decline(reason: string, evidence: KbRecord[] = []): Promise<Outcome> {
    const closest: Citation[] = [];
    const evidenceBook = new CitationBook(this.kb);
    for (const r of evidence.slice(0, 3)) await evidenceBook.cite(r.doc, r.evidenceStart, r.evidenceEnd, r.kind === 'event' ? r.trigger : undefined);
    closest.push(...evidenceBook.citations);
    if (closest.length < 3) {
      for (const c of await closestEvidence(this.kb, this.q, 3 - closest.length)) {
        if (!closest.some((x) => x.doc === c.doc && x.sentence === c.sentence)) closest.push({ ...c, n: closest.length + 1 });
      }
    }
    return {
      status: 'not-in-kb', answer: `${NOT_IN_KB}: ${reason}`, items: [], rows: [], citations: [], closest, notes: [],
    };
  }

  /** When nothing fits, records of the opposite polarity are worth saying (“China has never condemned Russia”). */
  private async opposite(): Promise<KbRecord[]> {
    const ev = this.q.eventTypes.length ? await this.events(!this.q.negated) : [];
    const st = this.q.stances.length ? await this.stances(!this.q.negated) : [];
    return [...st, ...ev];
  }

  private async declineWithOpposite(reason: string): Promise<Outcome> {
    const opp = await this.opposite();
    if (opp.length) {
      const label = this.q.negated ? 'it does record that it happened' : 'it records the opposite';
      return this.decline(`${reason} (${label}: see the closest evidence).`, opp);
    }
    return this.decline(`${reason}.`);
  }

  // ---- focuses ---------------------------------------------------------------------------------

  async who(): Promise<Outcome> {
    const asked = this.q.asked ?? 'actor';
    const records: KbRecord[] = [];
    if (this.q.stances.length) records.push(...await this.stances(this.q.negated));
    if (this.q.eventTypes.length) records.push(...await this.events(this.q.negated));
    if (this.q.agreementStatuses.length) {
      records.push(...(await this.fit(await loadAgreementStatus(this.kb, this.agreementIds()))).filter((r) => this.q.agreementStatuses.includes(r.status as never) && r.negated === this.q.negated));
    }
    if (!this.q.eventTypes.length && !this.q.stances.length && !this.q.agreementStatuses.length) {
      return this.decline(`the question names no action the knowledge base records (such as condemned, sanctioned, met, banned).`);
    }
    const inQuestion = new Set(this.q.entities.flatMap((e) => [...familyOf(this.index, e.id)]));
    const items = new Map<string, { label: string; records: KbRecord[] }>();
    for (const r of records) {
      const roles = rolesOf(r);
      for (const id of asked === 'actor' ? roles.actors : roles.recipients) {
        const shown = this.answerEntity(id);
        if (!shown || inQuestion.has(shown)) continue;
        const item = items.get(shown) ?? { label: nameOf(this.index, shown), records: [] };
        item.records.push(r);
        items.set(shown, item);
      }
    }
    if (!items.size) return this.declineWithOpposite(`no record says who ${this.q.negated ? 'did not' : 'did'} this${this.describeConstraints()}`);
    const answerItems: AnswerItem[] = [];
    const rows: AnswerRow[] = [];
    for (const [id, item] of items) {
      const cites: number[] = [];
      for (const r of item.records.slice(0, 3)) {
        const row = await this.row(r);
        if (!row) continue;
        cites.push(row.cite);
        if (!rows.some((x) => x.id === row.id)) rows.push(row);
      }
      if (cites.length) answerItems.push({ kind: 'entity', value: id, label: item.label, cites: [...new Set(cites)] });
    }
    const text = answerItems.map((i) => `${i.label} ${refs(i.cites)}`);
    return this.done(`${joinList(text)}.`, answerItems, rows);
  }

  /** The entity to show for a record's entity: narrowed to the kinds asked for ("which countries" shows the state of a ministry). */
  private answerEntity(id: string): string | undefined {
    const kinds = this.q.answerKinds;
    const e = this.index.entities.get(id);
    if (!kinds) return id;
    if (e && kinds.includes(e.kind)) return id;
    if (kinds.includes('state')) return stateOf(this.index, id);
    return undefined;
  }

  private agreementIds(): string[] {
    return this.q.entities.filter((e) => e.kind === 'agreement').map((e) => e.id);
  }

  async when(): Promise<Outcome> {
    let records: KbRecord[] = [];
    const agreements = this.agreementIds();
    if (agreements.length) {
      const statuses = await this.fit(await loadAgreementStatus(this.kb, agreements), { time: false });
      records = statuses.filter((r) => (!this.q.agreementStatuses.length || this.q.agreementStatuses.includes(r.status as never)) && r.negated === this.q.negated);
    }
    if (!records.length && this.q.eventTypes.length) records = await this.events(this.q.negated);
    if (!records.length && this.q.stances.length) records = await this.stances(this.q.negated);
    if (!records.length) {
      if (!this.q.eventTypes.length && !this.q.stances.length && !agreements.length) return this.decline('the question names no event the knowledge base records.');
      return this.declineWithOpposite(`no record of this${this.describeConstraints()}`);
    }
    const dated = records.filter((r) => r.date);
    if (!dated.length) return this.decline('the knowledge base records this but no date for it.', records);
    const rows = await this.rowsOf(dated);
    const items: AnswerItem[] = [];
    for (const row of rows) {
      const r = dated.find((x) => x.id === row.id)!;
      const value = r.date!.value;
      const item = items.find((i) => i.value === value);
      if (item) { if (!item.cites.includes(row.cite)) item.cites.push(row.cite); }
      else items.push({ kind: 'date', value, label: formatDate(value), cites: [row.cite] });
    }
    const lines = rows.map((row) => `${row.summary} [${row.cite}]`);
    return this.done(`${joinList(items.map((i) => `${i.label} ${refs(i.cites)}`))}.\n${lines.join('\n')}${this.more(dated)}`, items, rows);
  }

  async what(): Promise<Outcome> {
    const records: KbRecord[] = [];
    if (this.q.stances.length) records.push(...await this.stances(this.q.negated));
    if (this.q.eventTypes.length || !this.q.stances.length) records.push(...await this.events(this.q.negated));
    if (!this.q.entities.length && !this.q.time && !this.q.eventTypes.length && !this.q.stances.length) {
      return this.decline('the question names no actor, time or kind of event to look for.');
    }
    if (!records.length) return this.declineWithOpposite(`no record of this${this.describeConstraints()}`);
    const sorted = sortByDate(records);
    const rows = await this.rowsOf(sorted);
    const items: AnswerItem[] = rows.map((r) => ({ kind: 'text', value: r.id, label: r.summary, cites: [r.cite] }));
    return this.done(`${rows.map((r) => `${r.summary} [${r.cite}]`).join('\n')}${this.more(sorted)}`, items, rows);
  }

  async where(): Promise<Outcome> {
    const records: KbRecord[] = this.q.eventTypes.length ? await this.events(this.q.negated) : await this.fit(await loadEvents(this.kb, [], this.q.negated));
    const withPlace = records.filter((r) => r.kind === 'event' && r.location) as EventRecord[];
    const items: AnswerItem[] = [];
    const rows: AnswerRow[] = [];
    const add = async (r: KbRecord, place: string) => {
      const row = await this.row(r);
      if (!row) return;
      if (!rows.some((x) => x.id === row.id)) rows.push(row);
      const item = items.find((i) => i.value === place);
      if (item) item.cites.push(row.cite);
      else items.push({ kind: 'entity', value: place, label: nameOf(this.index, place), cites: [row.cite] });
    };
    for (const r of withPlace) await add(r, r.location!);
    if (!items.length) {
      // No stored location: a place the sentence names after "in"/"at", other than the question's own entities.
      const inQuestion = new Set(this.q.entities.flatMap((e) => [...familyOf(this.index, e.id)]));
      for (const r of records) {
        for (const place of await this.placesIn(r)) if (!inQuestion.has(place)) await add(r, place);
      }
    }
    if (!items.length) return this.decline(`no record says where${this.describeConstraints()}.`, records);
    return this.done(`${joinList(items.map((i) => `${i.label} ${refs(i.cites)}`))}.`, items, rows);
  }

  private async placesIn(r: KbRecord): Promise<string[]> {
    const text = (await this.book.document(r.doc)).text;
    const rows = await this.kb.db.selectFrom('mentions').select(['start', 'entity', 'kind'])
      .where('doc', '=', r.doc).where('start', '>=', r.evidenceStart).where('end', '<=', r.evidenceEnd).where('entity', 'is not', null).execute();
    return rows.filter((m) => (m.kind === 'place' || m.kind === 'state') && /\b(?:in|at)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 12), m.start))).map((m) => m.entity!);
  }

  async yesNo(): Promise<Outcome> {
    if (!this.q.eventTypes.length && !this.q.stances.length && !this.q.agreementStatuses.length) {
      return this.decline('the question names no action the knowledge base records.');
    }
    const positive: KbRecord[] = [];
    const negative: KbRecord[] = [];
    if (this.q.stances.length) {
      positive.push(...await this.stances(false));
      negative.push(...await this.stances(true));
    }
    if (this.q.eventTypes.length) {
      positive.push(...await this.events(false));
      negative.push(...await this.events(true));
    }
    if (this.q.agreementStatuses.length && this.agreementIds().length) {
      const st = (await this.fit(await loadAgreementStatus(this.kb, this.agreementIds()))).filter((r) => this.q.agreementStatuses.includes(r.status as never));
      positive.push(...st.filter((r) => !r.negated));
      negative.push(...st.filter((r) => r.negated));
    }
    // "Has China never condemned Russia?" asks about the negated record.
    const [yes, no] = this.q.negated ? [negative, positive] : [positive, negative];
    if (!yes.length && !no.length) return this.decline(`no record of this${this.describeConstraints()}.`);
    const chosen = yes.length ? yes : no;
    const rows = await this.rowsOf(sortByDate(chosen));
    const word = yes.length ? 'Yes' : 'No';
    const item: AnswerItem = { kind: yes.length ? 'yes' : 'no', value: word.toLowerCase(), label: word, cites: rows.map((r) => r.cite) };
    return this.done(`${word}. ${rows.map((r) => `${r.summary} [${r.cite}]`).join('\n')}`, [item], rows);
  }

  async status(): Promise<Outcome> {
    const ids = this.agreementIds();
    if (!ids.length) return this.decline('the question names no agreement the knowledge base knows.');
    const records = await this.fit(await loadAgreementStatus(this.kb, ids));
    if (!records.length) {
      const ctx = await this.mentionRecords(ids);
      return this.decline(`the knowledge base mentions ${joinList(ids.map((id) => nameOf(this.index, id)))} but records no change of its status.`, ctx);
    }
    const sorted = sortByDate(records);
    const rows = await this.rowsOf(sorted);
    const latest = sorted[sorted.length - 1]!;
    const latestRow = rows.find((r) => r.id === latest.id);
    const items: AnswerItem[] = rows.map((r) => {
      const rec = sorted.find((x) => x.id === r.id)! as Extract<KbRecord, { kind: 'agreement' }>;
      return { kind: 'status', value: rec.status, label: `${statusLabel(rec.status)} (${formatWhen(rec.date)})`, cites: [r.cite] };
    });
    const head = latest.kind === 'agreement' && latestRow ? `Latest recorded status: ${statusLabel(latest.status)}, ${formatWhen(latest.date)} [${latestRow.cite}].` : '';
    return this.done(`${head}\n${rows.map((r) => `${r.summary} [${r.cite}]`).join('\n')}`.trim(), items, rows);
  }

  /** Sentences that mention the entities, as pseudo-records for closest evidence. */
  private async mentionRecords(ids: string[]): Promise<KbRecord[]> {
    const rows = await this.kb.db.selectFrom('mentions').select(['doc', 'start', 'end']).where('entity', 'in', ids).limit(3).execute();
    return rows.map((m, k) => ({ kind: 'figure', id: `m${k}`, doc: m.doc, evidenceStart: m.start, evidenceEnd: m.end, date: null, negated: false, what: '', subject: null, value: 0, unit: '', span: { start: m.start, end: m.end } }));
  }

  async stance(): Promise<Outcome> {
    const holders = this.q.entities.filter((e) => e.role === 'actor' || e.role === 'participant' || e.role === 'subject');
    if (!holders.length) return this.decline('the question names no one whose stance to look up.');
    // The first named entity holds the stance; a second one ("on Russia") is its target.
    const [holder, ...rest] = holders;
    const q: StructuredQuery = { ...this.q, entities: [{ ...holder!, role: 'actor' }, ...rest.map((e) => ({ ...e, role: 'recipient' as const })), ...this.q.entities.filter((e) => !holders.includes(e))] };
    const sub = new QueryRun(this.kb, q, this.index, this.book);
    let records: KbRecord[] = await sub.stances(undefined);
    if (!records.length) {
      // Without stance records, the verbal acts of the holder show where it stands.
      records = (await sub.events(undefined, ['SUPPORT', 'ACCUSE', 'REJECT', 'REQUEST', 'AGREE'])).filter((r) => r.kind === 'event');
    }
    if (!records.length) return this.decline(`no stance of ${holder!.name} is recorded${this.describeConstraints()}.`);
    const rows = await sub.rowsOf(records);
    const items: AnswerItem[] = rows.map((r) => ({ kind: 'text', value: r.id, label: r.summary, cites: [r.cite] }));
    return this.done(`${rows.map((r) => `${r.summary} [${r.cite}]`).join('\n')}${this.more(records)}`, items, rows);
  }

  async figure(): Promise<Outcome> {
    const measures = measureWords();
    const whats = new Set(this.q.keywords.flatMap((w) => measures.get(w) ?? lemmaCandidates(w).flatMap((c) => measures.get(c.lemma) ?? [])).map((w) => w.toLowerCase()));
    const all = await loadFigures(this.kb);
    let figures: FigureRecord[] = [];
    if (this.q.eventTypes.length) {
      // "How many diplomats did Japan expel?": numbers in the sentences of the matching events, which
      // already met the question's entities and time.
      const events = await this.events(this.q.negated);
      const sentences = new Set(events.map((e) => `${e.doc}:${e.evidenceStart}`));
      figures = this.byUnit(all.filter((f) => sentences.has(`${f.doc}:${f.evidenceStart}`)), false);
    }
    if (!figures.length && whats.size) figures = this.closestWords(await this.fit(all.filter((f) => whats.has(f.what.toLowerCase()))));
    if (!figures.length) figures = this.byUnit(await this.fit(all), true);
    if (!figures.length) return this.decline(`no figure of this is recorded${this.describeConstraints()}.`);
    const sorted = sortByDate(figures);
    const rows = await this.rowsOf(sorted);
    const items: AnswerItem[] = rows.map((r) => {
      const f = sorted.find((x) => x.id === r.id)!;
      return { kind: 'value', value: String(f.value), label: `${formatValue(f.value, f.unit)} (${formatWhen(f.date)})`, cites: [r.cite] };
    });
    return this.done(`${rows.map((r) => `${r.summary} [${r.cite}]`).join('\n')}${this.more(sorted)}`, items, rows);
  }

  /**
   * Figures whose unit is a word of the question ("people", "troops"); among those, the ones with the
   * most other question words close to the number ("13,000 people have been killed", "1.5 million
   * people have been forced to leave"). With `required`, a unit alone is not enough.
   */
  private byUnit(figures: FigureRecord[], required: boolean): FigureRecord[] {
    const keyLemmas = new Set(this.q.keywords.flatMap((w) => lemmaCandidates(w).map((c) => c.lemma)));
    const unitOf = (f: FigureRecord) => lemmaCandidates(f.unit.toLowerCase()).map((c) => c.lemma);
    const withUnit = figures.filter((f) => unitOf(f).some((l) => keyLemmas.has(l)));
    const pool = withUnit.length ? withUnit : required ? [] : figures;
    const score = (f: FigureRecord) => {
      const text = (this.texts.get(f.doc) ?? '').slice(Math.max(f.evidenceStart, f.span.start - 40), Math.min(f.evidenceEnd, f.span.end + 60)).toLowerCase();
      const words = new Set((text.match(/[\p{L}]+/gu) ?? []).flatMap((w) => lemmaCandidates(w).map((c) => c.lemma)));
      const units = new Set(unitOf(f));
      return [...keyLemmas].filter((l) => !units.has(l) && words.has(l)).length;
    };
    const best = Math.max(0, ...pool.map(score));
    if (required && best === 0) return [];
    return pool.filter((f) => score(f) === best);
  }

  /** Of several figures of one measure, those with the most question words next to the number (all when none has any). */
  private closestWords(figures: FigureRecord[]): FigureRecord[] {
    const ranked = this.byUnit(figures, false);
    return ranked.length ? ranked : figures;
  }

  private describeConstraints(): string {
    const parts: string[] = [];
    for (const e of this.q.entities) parts.push(`${e.role === 'context' || e.role === 'participant' || e.role === 'subject' ? 'involving' : e.role === 'actor' ? 'by' : 'against'} ${e.name}`);
    if (this.q.time) parts.push(`in ${this.q.time.text}`);
    if (this.q.unknownNames.length) parts.push(`naming ${joinList(this.q.unknownNames)}`);
    return parts.length ? ` ${parts.join(' ')}` : '';
  }
}

function refs(cites: number[]): string {
  return cites.map((c) => `[${c}]`).join('');
}

function sortByDate<T extends KbRecord>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.date?.start ?? a.date?.value ?? '9999').localeCompare(b.date?.start ?? b.date?.value ?? '9999') || a.doc.localeCompare(b.doc) || a.evidenceStart - b.evidenceStart);
}

function dataOf(r: KbRecord): Record<string, unknown> {
  const { kind: _k, evidenceStart: _s, evidenceEnd: _e, ...rest } = r;
  return rest as Record<string, unknown>;
}
