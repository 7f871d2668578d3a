import type { SentenceStatus } from './align-sentences.js';
import type { DiffPart } from './word-diff.js';

export type ChangeKind = 'event' | 'stance' | 'agreement' | 'date' | 'description';
export type ChangeType = 'appeared' | 'disappeared' | 'changed';

/** Where a fact or a sentence is: its document, offsets and the sentence text. */
export interface Evidence { doc: string; start: number; end: number; text: string }

/** One change in substance between A and B, with the evidence on each side it exists on. */
export interface SubstanceChange {
  kind: ChangeKind;
  change: ChangeType;
  /** One line, e.g. `Japan: not condemns Russia → condemns`. */
  summary: string;
  /** What differs when changed: `negated`, `stance`, `status`, `date`, `modality`, `actors`, ... */
  fields?: string[];
  /** For descriptions: the entity described and the term. */
  entity?: string;
  term?: string;
  /** Ids of the facts on each side (events, stances, agreement status rows). */
  aId?: string;
  bId?: string;
  a?: Evidence;
  b?: Evidence;
  /** How the two sides were paired: `sentence` (an aligned sentence pair) or `document` (anywhere in both). */
  pairedBy?: 'sentence' | 'document';
}

export interface SentenceRow {
  status: SentenceStatus;
  moved?: boolean;
  similarity?: number;
  a?: Evidence & { index: number; section?: string };
  b?: Evidence & { index: number; section?: string };
  /** Word-level diff, for reworded pairs. */
  diff?: DiffPart[];
}

export type SectionStatus = 'same' | 'renamed' | 'added' | 'removed';

export interface SectionRow {
  status: SectionStatus;
  a?: { id: string; title: string; level: number };
  b?: { id: string; title: string; level: number };
  /** How the pair was made: identical title, similar title, or the sentences they share. */
  rule?: 'title' | 'similar-title' | 'content';
  counts: Record<SentenceStatus, number>;
}

export interface DocumentRef { id: string; title: string; source: string; year?: string; sentences: number }

export interface Comparison {
  a: DocumentRef;
  b: DocumentRef;
  counts: Record<SentenceStatus, number> & { moved: number };
  /** Changes in substance, in this order: agreements, stances, events, dates, descriptions. */
  changes: SubstanceChange[];
  sections: SectionRow[];
  sentences: SentenceRow[];
  /** How many facts of each kind were found on both sides unchanged (the changes are the rest). */
  unchanged: { events: number; stances: number; agreements: number };
}
