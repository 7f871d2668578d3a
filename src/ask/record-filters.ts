import { lemmaCandidates } from '../extract/lemmatise.js';
import type { QuestionEntity, StructuredQuery } from './answer-types.js';
import { familyOf, type EntityIndex } from './entity-index.js';
import type { KbRecord } from './load-records.js';
import { dateMatches, periodWithin } from './question-time.js';

/** What a filter needs beyond the record itself. */
export interface FilterContext {
  index: EntityIndex;
  /** "doc:evidenceStart" -> entities mentioned in that sentence. */
  mentions: Map<string, Set<string>>;
  periods: Map<string, { start: string; end: string }>;
  /** Sentence text of a record (lower case), for names the index does not know. */
  sentenceText: (r: KbRecord) => string;
}

const overlaps = (ids: string[], family: Set<string>) => ids.some((id) => family.has(id));

/** The entities that fill each role of a record. */
export function rolesOf(r: KbRecord): { actors: string[]; recipients: string[] } {
  switch (r.kind) {
    case 'event': return { actors: r.actors, recipients: r.recipients };
    case 'stance': return { actors: [r.holder], recipients: r.target ? [r.target] : [] };
    case 'agreement': return { actors: r.by, recipients: [r.entity] };
    case 'figure': return { actors: r.subject ? [r.subject] : [], recipients: [] };
  }
}

function mentioned(r: KbRecord, family: Set<string>, ctx: FilterContext): boolean {
  const m = ctx.mentions.get(`${r.doc}:${r.evidenceStart}`);
  return !!m && [...m].some((id) => family.has(id));
}

/** Does the record give each question entity the role the question gives it? */
export function entitiesFit(r: KbRecord, entities: QuestionEntity[], ctx: FilterContext): boolean {
  const { actors, recipients } = rolesOf(r);
  const all = [...actors, ...recipients];
  const participants = entities.filter((e) => e.role === 'participant');
  for (const e of entities) {
    const fam = familyOf(ctx.index, e.id);
    if (e.kind === 'agreement') {
      // An agreement is what an agreement record is about; any other record must at least mention it.
      if (r.kind === 'agreement' ? r.entity !== e.id && !fam.has(r.entity) : !mentioned(r, fam, ctx)) return false;
      continue;
    }
    switch (e.role) {
      case 'actor':
        if (!overlaps(actors, fam)) return false;
        break;
      case 'recipient':
        if (!overlaps(recipients, fam)) return false;
        break;
      case 'subject':
        if (!overlaps(all, fam) && !mentioned(r, fam, ctx)) return false;
        break;
      case 'participant':
        if (!overlaps(all, fam) && !mentioned(r, fam, ctx)) return false;
        break;
      case 'context':
        if (!overlaps(all, fam) && !mentioned(r, fam, ctx)) return false;
        break;
    }
  }
  // "between Japan and Russia": at least one side must act or be acted on, not only be named.
  // A figure has no parties, only a subject: for it, being named in the sentence is enough.
  if (r.kind !== 'figure' && participants.length && !participants.some((e) => overlaps(all, familyOf(ctx.index, e.id)))) return false;
  // Two sides of "between" are different sides: the same entity cannot stand for both.
  if (participants.length >= 2) {
    const sides = participants.map((e) => familyOf(ctx.index, e.id));
    const covered = sides.filter((fam) => overlaps(all, fam) || mentioned(r, fam, ctx));
    if (covered.length < sides.length) return false;
  }
  return true;
}

/** Dated records must fall in the question's time; undated ones only when their document's whole period does. */
export function timeFits(r: KbRecord, q: StructuredQuery, ctx: FilterContext): boolean {
  if (!q.time) return true;
  if (r.date) return dateMatches(q.time, r.date.value, r.date.start, r.date.end);
  const p = ctx.periods.get(r.doc);
  return !!p && periodWithin(q.time, p.start, p.end);
}

export function namesFit(r: KbRecord, q: StructuredQuery, ctx: FilterContext): boolean {
  if (!q.unknownNames.length) return true;
  const text = ctx.sentenceText(r);
  return q.unknownNames.every((n) => text.includes(n.toLowerCase()));
}

/** How well an event's trigger fits the question's verb: 2 same lemma, 1 same mode, 0 otherwise. */
export function triggerFit(r: KbRecord, q: StructuredQuery): number {
  if (r.kind !== 'event') return 0;
  const words = r.trigger.text.toLowerCase().split(/\s+/);
  const lemmas = new Set(words.flatMap((w) => lemmaCandidates(w).map((c) => c.lemma)));
  if (q.triggerLemmas.some((l) => lemmas.has(l) || lemmas.has(l.split(' ')[0]!))) return 2;
  if (r.mode && q.eventModes.includes(r.mode)) return 1;
  return 0;
}
