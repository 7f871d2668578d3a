import type { FormatOutput, FormatReader } from './format-reader.js';
import { splitHeadingLabel, type HeadingLabelStyle } from './heading-label.js';
import { ReadError } from './read-error.js';
import { TextBuilder } from './text-builder.js';

/**
 * PDF: the text layer, page by page; running headers, footers and page numbers are dropped and
 * the lines are joined back into paragraphs. Footnotes are left as text (a text layer does not
 * say which lines are footnotes).
 */
export const readPdf: FormatReader = async ({ file, bytes }) => {
  // Loaded on first use: pdf.js and its native canvas cost about a second at start-up, which every
  // command and ingest worker paid even when no PDF was read.
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of (detaches) the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    let pages: string[];
    let metadataTitle: string | undefined;
    try {
      const info = await parser.getInfo();
      const title: unknown = info.info?.Title;
      if (typeof title === 'string') metadataTitle = title;
      const result = await parser.getText({ pageJoiner: '', cellSeparator: ' ' });
      pages = result.pages.map((p) => p.text);
    } catch (err) {
      throw pdfError(file, err);
    }
    const out = pdfPagesToDocument(pages, metadataTitle);
    if (out.text.trim() === '') {
      throw new ReadError(file, 'no-text', `has no extractable text in its ${pages.length} page${pages.length === 1 ? '' : 's'} (it is probably scanned images)`,
        'run OCR on it first, e.g. `ocrmypdf in.pdf out.pdf`, then read the result');
    }
    return out;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
};

function pdfError(file: string, err: unknown): ReadError {
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(detail)) {
    return new ReadError(file, 'encrypted', 'is password-protected', 'remove the password (e.g. `qpdf --decrypt in.pdf out.pdf`) and read it again');
  }
  return new ReadError(file, 'corrupt', `is not a readable PDF (${detail})`, 'check that the download is complete, or re-export the PDF');
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// Sentence-final punctuation, allowing a closing quote or bracket after it.
const TERMINAL = /[.!?:]["”’)\]]*$/;
const LIST_START = /^(?:[•▪●◦‣·*-]\s|\(?\d{1,2}[.)]\s|\([a-z]\)\s)/;
const EDGE_LINES = 2;
// Prefixes that keep their hyphen when a line breaks after them ("self-\ndefence", "non-\nproliferation").
const HYPHEN_PREFIXES = new Set(['self', 'non', 'well', 'ex', 'cross', 'so', 'vice', 'quasi', 'long', 'short', 'full', 'half', 'all']);
const MAX_HEADING_WORDS = 12;

/** Lines of text per page -> paragraphs. Exported for tests that do not need a real PDF. */
export function pdfPagesToDocument(pages: string[], metadataTitle?: string): FormatOutput {
  const pageLines = pages.map((page) => page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== ''));
  const { lines, dropped } = dropRunningLines(pageLines);
  const messages: FormatOutput['messages'] = [];
  if (dropped > 0) {
    messages.push({ rule: 'read.pdf-running-lines', severity: 'info', message: `dropped ${dropped} page number, running header or footer line${dropped === 1 ? '' : 's'}` });
  }
  const vocabulary = wordsOf(lines);
  // Line length says something only where the text was wrapped: then many lines start lowercase.
  // A document with one paragraph per line gets no length rules (Infinity).
  const wrapped = lines.filter((l) => /^\p{Ll}/u.test(l)).length >= 0.15 * lines.length;
  const typical = wrapped ? percentile(lines.map((l) => l.length), 0.9) : Infinity;
  const full = 0.8 * typical;
  const brim = 0.96 * typical;
  const paragraphs: Array<{ text: string; lines: number; lastLength: number }> = [];
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    if (current && continues(current.text, current.lastLength, line, full, brim)) {
      current.text = joinLines(current.text, line, vocabulary);
      current.lines++;
      current.lastLength = line.length;
    } else {
      paragraphs.push({ text: line, lines: 1, lastLength: line.length });
    }
  }

  const title = usableTitle(metadataTitle);
  const builder = new TextBuilder();
  const styles: HeadingLabelStyle[] = [];
  const letterSequence = paragraphs.some((p) => /^B\s+\p{Lu}/u.test(p.text));
  paragraphs.forEach((p, index) => {
    const text = TextBuilder.clean(p.text);
    const headingLike = p.lines === 1 && p.text.length < Math.min(full, 150) && looksLikeHeading(text);
    if (index === 0 && headingLike && (!title || sameText(title, text))) {
      builder.add('title', text, true);
      return;
    }
    if (!headingLike) {
      builder.add(LIST_START.test(text) ? 'list-item' : 'paragraph', text, true);
      return;
    }
    const split = splitHeadingLabel(text, { letterSequence });
    if (split.label && split.style) {
      if (!styles.includes(split.style)) styles.push(split.style);
      builder.add('heading', text, true, styles.indexOf(split.style) + 1, split.label, split.titleOffset);
    } else {
      // An unlabelled heading: a guess, one level below the labelled ones seen so far.
      builder.add('heading', text, true, styles.length + 1);
    }
  });
  const text = builder.toString();
  const first = builder.blocks[0];
  return {
    title: title ?? (first ? text.slice(first.start, first.end).slice(0, 200) : ''),
    text,
    blocks: builder.blocks,
    footnotes: [],
    messages,
  };
}

/**
 * Page numbers at the top or bottom of a page, and lines that repeat at the top or bottom of at
 * least half the pages (digits ignored, so "Page 3" and "Page 4" repeat), are furniture.
 */
function dropRunningLines(pages: string[][]): { lines: string[]; dropped: number } {
  const key = (line: string): string => line.toLowerCase().replace(/\d+/g, '#');
  // On a short page the second line from an edge is body text more often than furniture.
  const edgeLines = (lines: string[]): number => (lines.length >= 6 ? EDGE_LINES : 1);
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const n = edgeLines(lines);
    const edges = new Set([...lines.slice(0, n), ...lines.slice(-n)].map(key));
    for (const k of edges) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (line: string): boolean => pages.length >= 2 && (counts.get(key(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const out: string[] = [];
  let dropped = 0;
  for (const lines of pages) {
    const n = edgeLines(lines);
    lines.forEach((line, i) => {
      const edge = i < n || i >= lines.length - n;
      if (edge && (PAGE_NUMBER.test(line) || repeated(line))) dropped++;
      else out.push(line);
    });
  }
  return { lines: out, dropped };
}

/**
 * Does line `next` continue `paragraph`, whose last line was `lastLength` characters long? `full`
 * is the length of a line that runs to the margin, `brim` of one that fills it to the last word.
 */
function continues(paragraph: string, lastLength: number, next: string, full: number, brim: number): boolean {
  if (LIST_START.test(next)) return false;
  if (/\p{L}-$/u.test(paragraph) && /^\p{L}/u.test(next)) return true;
  const terminal = TERMINAL.test(paragraph);
  if (/^\p{Ll}/u.test(next) && !terminal) return true;
  // A line that runs to the margin without ending a sentence goes on (the next may start "Japan").
  // A sentence that ends right at the margin rarely ends the paragraph too.
  if (terminal) return lastLength >= brim;
  return lastLength >= full && !paragraph.endsWith(';');
}

/**
 * Join two lines, undoing hyphenation where the word was split by the line break: the joined or
 * the hyphenated form is taken if the document uses it elsewhere; otherwise a few prefixes keep
 * their hyphen and capitals or digits after it ("Japan-\nRussia", "COVID-\n19") keep it too.
 */
function joinLines(paragraph: string, next: string, vocabulary: Set<string>): string {
  const hyphen = /(\p{L}+)-$/u.exec(paragraph);
  if (hyphen && /^\p{L}/u.test(next)) {
    const prefix = hyphen[1]!;
    const suffix = /^[\p{L}]+/u.exec(next)![0];
    const joined = (prefix + suffix).toLowerCase();
    const hyphenated = `${prefix}-${suffix}`.toLowerCase();
    const keep = vocabulary.has(joined) ? false
      : vocabulary.has(hyphenated) ? true
        : /^\p{Lu}/u.test(suffix) || HYPHEN_PREFIXES.has(prefix.toLowerCase());
    return keep ? paragraph + next : paragraph.slice(0, -1) + next;
  }
  if (/[—]$/.test(paragraph)) return paragraph + next;
  return `${paragraph} ${next}`;
}

function wordsOf(lines: string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // Words inside lines, not those broken at the line's end.
    for (const m of line.matchAll(/\p{L}+(?:-\p{L}+)*(?=[\s.,;:!?)”’"']|$)/gu)) {
      if (m.index + m[0].length === line.length && line.endsWith('-')) continue;
      words.add(m[0].toLowerCase());
    }
  }
  return words;
}

function looksLikeHeading(text: string): boolean {
  if (TERMINAL.test(text) || /[,;]$/.test(text)) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  return /^["“‘(\[]?[\p{Lu}\d]/u.test(text);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A metadata title worth showing: not empty, not a file name, not "Microsoft Word - x.docx". */
function usableTitle(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const title = TextBuilder.clean(raw.replace(/^Microsoft (?:Word|PowerPoint) - /i, ''));
  if (title.length < 3 || title.length > 300) return undefined;
  if (/\.(?:docx?|pdf|indd|txt|rtf|odt|pptx?)$/i.test(title) || /^(?:untitled|document\d*)$/i.test(title)) return undefined;
  return title;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}
