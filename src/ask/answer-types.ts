import type { PloverType, StanceKind, AgreementStatusKind } from '../model/event.js';

/** What the question asks for; decides which tables are read and how the answer is written. */
export type QuestionFocus =
  | 'who' // entities in the asked role
  | 'when' // dates
  | 'where' // locations, or the sentence that says where
  | 'what' // a list of events
  | 'status' // an agreement's status history
  | 'stance' // where an actor stands
  | 'figure' // numbers: how many, how did X change
  | 'yesno'; // did X do Y?

/** How an entity named in the question constrains the records that may answer it. */
export type EntityRole = 'actor' | 'recipient' | 'participant' | 'subject' | 'context';

export interface QuestionEntity {
  id: string;
  name: string;
  kind: string;
  /** The words of the question that named it. */
  text: string;
  start: number;
  end: number;
  role: EntityRole;
  /** False when the gazetteer knows the name but the knowledge base has nothing on it. */
  inKnowledgeBase: boolean;
}

export interface QuestionTime {
  text: string;
  /** TIMEX3 value; `XXXX-09` (no year) matches that month in any year. */
  value: string;
  start?: string;
  end?: string;
}

/** The structured query a question is turned into; every field comes from words of the question. */
export interface StructuredQuery {
  question: string;
  focus: QuestionFocus;
  /** For `who`: the role of the entities asked for. */
  asked?: 'actor' | 'recipient';
  /** "which countries" narrows the answer to states and blocs; "which organisations" to organisations. */
  answerKinds?: string[];
  entities: QuestionEntity[];
  eventTypes: PloverType[];
  eventModes: string[];
  stances: StanceKind[];
  agreementStatuses: AgreementStatusKind[];
  /** Lemmas of the question's verb or noun that the trigger of a matching event should share, to rank. */
  triggerLemmas: string[];
  negated: boolean;
  time?: QuestionTime;
  /** Content words (lower case) for measures and full-text search. */
  keywords: string[];
  /** Capitalised names the question uses that match no known entity: a supporting sentence must contain them. */
  unknownNames: string[];
  /** Why the parser decided as it did (rule ids), for the user and for debugging. */
  rules: string[];
}

/** A cited sentence: `text` is exactly `documents.text.slice(start, end)` of sentence `sentence` of `doc`. */
export interface Citation {
  n: number;
  doc: string;
  title: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** The words inside the sentence that carry the claim (an event trigger, a figure), when known. */
  quote?: { start: number; end: number; text: string };
}

export type RowKind = 'event' | 'stance' | 'agreement' | 'figure' | 'sentence';

/** One structured record behind the answer, with the citation that supports it. */
export interface AnswerRow {
  kind: RowKind;
  id: string;
  /** A one-line reading of the record ("Japan SANCTION Russia, 2022-04"). */
  summary: string;
  data: Record<string, unknown>;
  cite: number;
}

export type AnswerStatus = 'answered' | 'not-in-kb';

export interface Answer {
  question: string;
  mode: 'deterministic' | 'llm';
  status: AnswerStatus;
  /** The answer text; every claim ends with [n] naming its citation. */
  answer: string;
  /** Entities, dates or values the answer consists of (for the explorer and the evaluation). */
  items: AnswerItem[];
  rows: AnswerRow[];
  citations: Citation[];
  /** When not answered: the sentences closest to the question (full-text search), as citations. */
  closest: Citation[];
  query: StructuredQuery;
  /** LLM mode: quotes that were checked against their cited sentences. */
  verification?: Verification;
  /** Problems met while answering (an unreachable model, a failed check). */
  notes: string[];
  elapsedMs: number;
}

export interface AnswerItem {
  kind: 'entity' | 'date' | 'value' | 'status' | 'yes' | 'no' | 'text';
  value: string;
  label: string;
  cites: number[];
}

export interface Verification {
  ok: boolean;
  checked: number;
  failed: Array<{ sentence: string; cite?: number; quote?: string; problem: string }>;
}
