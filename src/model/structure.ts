import type { Span } from './span.js';

export interface Section extends Span {
  id: string;
  /** Index of the parent section, or null at the top. */
  parent: string | null;
  level: number;
  label?: string;
  title: string;
  /** The heading line itself. */
  heading: Span;
}

export interface Paragraph extends Span {
  index: number;
  section: string | null;
  kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'footnote';
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface Segmentation {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
}
