import type { DocumentWithPeriod } from './document.js';
import type { Segmentation } from './structure.js';
import type { Entity, Mention } from './entity.js';
import type { Timex } from './timex.js';
import type { AgreementStatusChange, DiploEvent, Figure, Stance } from './event.js';

/** A number with its unit as written ("63 Japanese individuals", "+3.5%", "2,563.7 billion yen"). */
export interface Quantity {
  doc: string;
  start: number;
  end: number;
  text: string;
  value: number;
  /** Upper end when the text gives a range ("70 to 80%"); value is then the lower end. */
  high?: number;
  unit: string;
  approximate: boolean;
  rule: string;
}

/**
 * Everything the pipeline knows about one document. Each stage adds its own fields and never edits
 * what an earlier stage produced.
 */
export interface AnalysedDocument extends DocumentWithPeriod {
  segmentation: Segmentation;
  mentions: Mention[];
  timexes: Timex[];
  quantities: Quantity[];
  /** Entities referenced by this document's mentions and events (gazetteer records and ones built from the text). */
  entities: Map<string, Entity>;
  events: DiploEvent[];
  stances: Stance[];
  agreementStatus: AgreementStatusChange[];
  figures: Figure[];
}
