import type { Span } from './span.js';
import type { Message } from './message.js';

export type SourceFormat = 'text' | 'html' | 'markdown' | 'pdf' | 'docx';

/**
 * A structural block found by a reader. Blocks tile the parts of the normalised text that carry
 * content; segmentation turns them into sections, paragraphs and sentences. Readers build every
 * block with newBlock, so that all blocks have one shape (see there).
 */
export interface Block extends Span {
  kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'footnote';
  /** Heading depth, 1 = top; only for headings. */
  level?: number;
  /** Label printed before a heading or footnote: "Chapter 2", "(1)", "A", "1". */
  label?: string;
  /** For headings with a label: where the title text starts (after the label). */
  titleStart?: number;
}

/**
 * A block with every field present, undefined when absent, always in this order. Blocks that
 * differed in which optional fields they had were objects of different hidden classes, and the
 * code that reads blocks (segmentation, period inference) was deoptimised and recompiled each
 * time it met another one. Nothing stores or prints a block, so the undefined fields show nowhere.
 */
export function newBlock(kind: Block['kind'], start: number, end: number, level?: number, label?: string, titleStart?: number): Block {
  return { kind, start, end, level, label, titleStart };
}

/** A footnote: its body block and the markers in the running text that point at it. */
export interface Footnote {
  label: string;
  /** The footnote's body text (without its "- 1" label). */
  body: Span;
  /** Zero-width positions in the normalised text where the detached markers stood. */
  markers: Span[];
}

/** How the report period was decided: stated in a title, a dateline, the text, or given by the user. */
export type PeriodRule =
  | 'period.override'
  | 'period.edition-year'
  | 'period.dateline'
  | 'period.metadata-date'
  | 'period.filename-year'
  | 'period.numbered-session'
  | 'period.anniversary'
  | 'period.years-counted'
  | 'period.event-this-year'
  | 'period.session-president'
  | 'period.latest-year'
  | 'period.none';

export interface ReportPeriod {
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** Document creation time, when the document is dated (a speech, a statement). */
  dct?: string;
  rule: PeriodRule;
  /** Human-readable reason, e.g. `"Diplomatic Bluebook 2023" reports on the year before`. */
  reason: string;
  /** Where in the text the evidence for the period is, when it comes from the text. */
  evidence?: Span;
}

/** What a reader produces: one model whatever the input format. */
export interface ReadDocument {
  /** Content hash (sha256 of the normalised text), the document's identity in the knowledge base. */
  id: string;
  source: string;
  format: SourceFormat;
  title: string;
  text: string;
  blocks: Block[];
  footnotes: Footnote[];
  messages: Message[];
  /** The publication date the file's metadata gives (YYYY-MM-DD): an HTML <meta>, Markdown front matter. */
  published?: string;
}

/**
 * A report period with every field present (dct and evidence undefined when absent), always in
 * this order, for the reason newBlock gives: the resolvers read doc.period in their hot paths.
 * Stored rows write an absent and an undefined dct alike (null column); evidence is not stored.
 */
export function newPeriod(start: string, end: string, rule: PeriodRule, reason: string, dct?: string, evidence?: Span): ReportPeriod {
  return { start, end, dct, rule, reason, evidence };
}

export interface DocumentWithPeriod extends ReadDocument {
  period: ReportPeriod;
}
