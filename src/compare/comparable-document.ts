import type { AgreementStatusKind, AnalysedDocument, EventDate, Modality, StanceKind } from '../model/index.js';

/**
 * What a comparison needs to know about one document, whether it was just analysed from a file or
 * loaded from the knowledge base: its text, structure and the facts found in it, each with offsets.
 */
export interface ComparableDocument {
  id: string;
  title: string;
  source: string;
  text: string;
  /** Report period start year, when known (labels corpus and comparison output). */
  year?: string;
  sections: ComparableSection[];
  sentences: Array<{ start: number; end: number }>;
  events: ComparableEvent[];
  stances: ComparableStance[];
  agreements: ComparableAgreementStatus[];
  timexes: ComparableTimex[];
  mentions: Array<{ start: number; end: number; entity: string }>;
  /** Entity id -> display name. */
  names: Record<string, string>;
}

export interface ComparableSection { id: string; title: string; level: number; start: number; end: number }

export interface ComparableEvent {
  id: string;
  type: string;
  mode?: string;
  actors: string[];
  recipients: string[];
  negated: boolean;
  modality: Modality | string;
  date: Pick<EventDate, 'value' | 'start' | 'end'> | null;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number };
}

export interface ComparableStance {
  id: string;
  holder: string;
  target: string | null;
  stance: StanceKind | string;
  negated: boolean;
  topic?: string;
  evidence: { start: number; end: number };
}

export interface ComparableAgreementStatus {
  id: string;
  entity: string;
  status: AgreementStatusKind | string;
  negated: boolean;
  by: string[];
  evidence: { start: number; end: number };
}

export interface ComparableTimex { start: number; end: number; text: string; type: string; value: string }

/** The comparable view of a document the pipeline has just analysed (not stored). */
export function fromAnalysed(doc: AnalysedDocument): ComparableDocument {
  const names: Record<string, string> = {};
  for (const [id, e] of doc.entities) names[id] = e.name;
  return {
    id: doc.id,
    title: doc.title,
    source: doc.source,
    text: doc.text,
    ...(doc.period.start ? { year: doc.period.start.slice(0, 4) } : {}),
    sections: doc.segmentation.sections.map((s) => ({ id: s.id, title: s.title, level: s.level, start: s.start, end: s.end })),
    sentences: doc.segmentation.sentences.map((s) => ({ start: s.start, end: s.end })),
    events: doc.events.map((e) => ({
      id: e.id, type: e.type, ...(e.mode ? { mode: e.mode } : {}), actors: e.actors, recipients: e.recipients,
      negated: e.negated, modality: e.modality, date: e.date ? { value: e.date.value, start: e.date.start, end: e.date.end } : null,
      trigger: { start: e.trigger.start, end: e.trigger.end, text: e.trigger.text }, evidence: { start: e.evidence.start, end: e.evidence.end },
    })),
    stances: doc.stances.map((s) => ({
      id: s.id, holder: s.holder, target: s.target, stance: s.stance, negated: s.negated,
      ...(s.topic ? { topic: s.topic } : {}), evidence: { start: s.evidence.start, end: s.evidence.end },
    })),
    agreements: doc.agreementStatus.map((a, n) => ({
      id: `${doc.id}:a${n}`, entity: a.entity, status: a.status, negated: !!a.negated, by: a.by,
      evidence: { start: a.evidence.start, end: a.evidence.end },
    })),
    timexes: doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value })),
    mentions: doc.mentions.flatMap((m) => (m.entity ? [{ start: m.start, end: m.end, entity: m.entity }] : [])),
    names,
  };
}
