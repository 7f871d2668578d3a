import { TextBuilder } from './text-builder.js';

/**
 * What one line of a plain-text report looks like: a heading, a footnote, a title line or body text.
 * Built by lineShape only, every field present (undefined when absent) in one order, so that the
 * code reading shapes sees one hidden class rather than one per kind of line.
 */
export interface LineShape {
  kind: 'heading' | 'footnote' | 'title' | 'paragraph';
  label?: string;
  /** Heading label family ("chapter", "paren-number", "letter", ...); the order of first use gives the level. */
  style?: string;
  /** Extra depth inside a family: "1.2" is one deeper than "1". */
  depth?: number;
  /** Where the heading's title starts in the cleaned line. */
  titleOffset?: number;
  /** Where a footnote's body starts in the cleaned line. */
  bodyOffset?: number;
}

function lineShape(kind: LineShape['kind'], label?: string, style?: string, depth?: number, titleOffset?: number, bodyOffset?: number): LineShape {
  return { kind, label, style, depth, titleOffset, bodyOffset };
}

interface HeadingPattern {
  style: string | ((m: RegExpExecArray) => string);
  pattern: RegExp;
  depth?: (m: RegExpExecArray) => number;
}

// Order matters: the first pattern that matches names the label family.
const HEADING_PATTERNS: HeadingPattern[] = [
  { style: (m) => m[1]!.toLowerCase(), pattern: /^(Chapter|Part|Section|Annex|Appendix|Article)\s+([0-9]{1,3}|[IVXLC]{1,6}|[A-Z])\b[.:]?\s*/i },
  { style: 'paren-number', pattern: /^\((\d{1,2})\)\s+/ },
  { style: 'paren-letter', pattern: /^\(([a-z])\)\s+/ },
  { style: 'paren-roman', pattern: /^\(([ivx]{1,5})\)\s+/ },
  { style: 'roman', pattern: /^([IVX]{1,5})\.\s+/ },
  { style: 'number', pattern: /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[A-Z"“‘'])/, depth: (m) => (m[1]!.match(/\./g) ?? []).length },
  { style: 'letter', pattern: /^([A-Z])\.?\s+(?=[A-Z"“‘'])/ },
  { style: 'number-paren', pattern: /^(\d{1,2})\)\s+/ },
];

const FOOTNOTE_PATTERNS = [
  /^[-*\u2013\u2022]\s?(\d{1,3})\s+(?=\S)/,
  /^\[(\d{1,3})\]\s*(?=\S)/,
  /^\*(\d{1,3})\s+(?=\S)/,
];

const MAX_HEADING_LENGTH = 150;
const MAX_HEADING_WORDS = 16;

/** Classify one line (its whitespace is collapsed and trimmed first). */
export function classifyPlainLine(rawLine: string): LineShape {
  return classifyCleanLine(TextBuilder.clean(rawLine));
}

/** Classify one already-cleaned line (whitespace collapsed, trimmed, as TextBuilder.clean gives it). */
export function classifyCleanLine(line: string): LineShape {
  for (const pattern of FOOTNOTE_PATTERNS) {
    const m = pattern.exec(line);
    if (m) return lineShape('footnote', m[1]!, undefined, undefined, undefined, m[0].length);
  }
  if (looksLikeHeadingText(line)) {
    for (const hp of HEADING_PATTERNS) {
      const m = hp.pattern.exec(line);
      if (!m) continue;
      const style = typeof hp.style === 'string' ? hp.style : hp.style(m);
      const label = m[0].trim();
      // "A" or "1" followed by a long sentence-like text is body text, not a heading.
      if (line.length - m[0].length === 0 && !/^(chapter|part|section|annex|appendix|article)/i.test(style)) break;
      return lineShape('heading', label, style, hp.depth?.(m) || undefined, m[0].length);
    }
    const words = line.split(' ').length;
    if (line.length <= 100 && words <= 12) return lineShape('title');
  }
  return lineShape('paragraph');
}

function looksLikeHeadingText(line: string): boolean {
  if (line.length === 0 || line.length > MAX_HEADING_LENGTH) return false;
  if (line.split(' ').length > MAX_HEADING_WORDS) return false;
  // Sentences end with punctuation; headings do not (a closing quote or bracket is fine).
  return !/[.!?:;,]["”’)]*$/.test(line);
}
