/** A problem found while processing, kept on the document as data (vfile-style), never only in a log. */
export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  doc: string;
  start?: number;
  end?: number;
  /** Stable id of the rule or stage that raised it, e.g. `read.footnote-unmatched`. */
  rule: string;
  severity: Severity;
  message: string;
}
