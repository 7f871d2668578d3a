import { Parser } from 'htmlparser2';
import type { Block } from '../model/index.js';
import type { FormatOutput } from './format-reader.js';
import { assembleBlocks, type PendingBlock, type Piece } from './block-assembler.js';
import { PublishedDateCollector } from './metadata-date.js';

export interface HtmlBlockOptions {
  /** Look for footnotes (markers and note lists); off for HTML fragments inside Markdown. */
  footnotes?: boolean;
  /** Elements that hold the document title as a block (mammoth marks Word's "Title" style so). */
  isTitleElement?: (name: string, attribs: Record<string, string>) => boolean;
  /** Footnote groups to take as footnotes even without markers (Word's notes). */
  trustNoteIds?: RegExp;
}

export interface HtmlBlocks {
  pending: PendingBlock[];
  /** The <title> element's text, if any. */
  title?: string;
  /** The publication date its <meta> tags or a <time> element give, if any (YYYY-MM-DD). */
  published?: string;
  confirmedGroups: Set<number>;
  messages: FormatOutput['messages'];
}

// Content that is never part of the document's text (site navigation included).
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'iframe', 'object', 'canvas', 'select', 'button', 'math', 'nav']);
// Elements that end the current block when they open or close.
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'figcaption',
  'address', 'hr', 'body', 'html', 'form', 'fieldset', 'legend', 'details', 'summary', 'center', 'hgroup', 'menu',
]);
const NOTE_BODY_ELEMENTS = new Set(['li', 'p', 'div', 'aside', 'section', 'dd', 'footer']);
const NOTE_CONTAINER_ELEMENTS = new Set(['ol', 'ul', 'section', 'div', 'aside', 'footer', 'dl']);

// Ids of footnote bodies: "fn1", "fn:1", "footnote-1", "_ftn1", "cite_note-Smith-3", "user-content-fn-2".
const NOTE_ID = /(?:^|[-_:])(?:fn|ftn|edn|footnote|endnote|cite_note|note)[-_:.]?(?:[\w.-]*?[-_:.])?(\d{1,4})$/i;
// Ids of the markers pointing at them (targets of back-links): "fnref1", "footnote-ref-1", "cite_ref-3".
const REF_ID = /(?:^|[-_:])(?:fn|ftn|edn|footnote|endnote|cite|note)[-_]?ref/i;
// A class / id / role word of an element holding the footnotes ("footnotes", "doc-endnotes", "references").
const NOTE_CONTAINER = /^(?:(?:foot|end)notes?(?:[-_](?:list|section|area|container|wrapper|block))?|doc-(?:end|foot)notes?|notes|references|fns?)$/i;
const NOTE_MARKER_CLASS = /footnote-ref|doc-noteref|\bfnref\b|noteref/i;
const BACKLINK_CLASS = /footnote-back|doc-backlink|\bfnback\b/i;
// What a marker looks like: "1", "[1]", "(12)", "*", "†", "a".
const MARKER_TEXT = /^[\[(]?\s*(\d{1,3}|[*†‡§¶]{1,3}|[a-z])\s*[\])]?$/i;
// Beyond this depth elements count as inline; keeps memory bounded on pathological nesting.
const MAX_DEPTH = 512;

interface Frame {
  name: string;
  block: boolean;
  drop?: boolean;
  heading?: number;
  listItem?: boolean;
  group?: number;
  note?: boolean;
  title?: boolean;
  capture?: boolean;
}

interface Capture {
  text: string;
  target?: string;
}

/** Parse HTML into pending blocks; footnote markers and bodies are recognised but not yet linked. */
export function htmlToBlocks(html: string, options: HtmlBlockOptions = {}): HtmlBlocks {
  const withNotes = options.footnotes !== false;
  const pending: PendingBlock[] = [];
  const confirmedGroups = new Set<number>();
  const messages: FormatOutput['messages'] = [];
  const stack: Frame[] = [];
  const headings: number[] = [];
  const groups: number[] = [];
  let overflow = 0;
  let overflowed = false;
  let dropDepth = 0;
  let listItems = 0;
  let titleDepth = 0;
  let inTitleElement = false;
  let titleText = '';
  const published = new PublishedDateCollector();
  let pieces: Piece[] = [];
  let note: { frame: Frame; id?: string; label?: string; group: number; listItem: boolean } | undefined;
  let capture: Capture | undefined;
  let afterRule = false;
  let groupCount = 0;

  const appendText = (text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') last.text += text;
    else pieces.push({ kind: 'text', text });
  };
  const hasText = (): boolean => pieces.some((p) => p.kind === 'marker' || /\S/.test(p.text));

  const endCapture = (): void => {
    if (!capture) return;
    const raw = capture.text;
    const m = MARKER_TEXT.exec(raw.trim());
    const last = pieces[pieces.length - 1];
    // "10<sup>3</sup>" is a power, not a note, unless it links to one.
    const power = capture.target === undefined && last?.kind === 'text' && /\d$/.test(last.text);
    if (m && withNotes && !power) {
      const piece: Piece = { kind: 'marker', label: m[1]!, raw };
      if (capture.target !== undefined) piece.target = capture.target;
      pieces.push(piece);
    } else {
      appendText(raw);
    }
    capture = undefined;
  };

  const flush = (): void => {
    endCapture();
    if (note) {
      // A footnote body is one block however many paragraphs it has.
      appendText(' ');
      return;
    }
    if (!hasText()) {
      pieces = [];
      return;
    }
    const heading = headings[headings.length - 1];
    const kind: Block['kind'] = titleDepth > 0 ? 'title' : heading !== undefined ? 'heading' : listItems > 0 ? 'list-item' : 'paragraph';
    const block: PendingBlock = { kind, pieces };
    if (heading !== undefined && kind === 'heading') block.level = heading;
    pending.push(block);
    if (kind !== 'heading' && kind !== 'title') afterRule = false;
    pieces = [];
  };

  const flushNote = (): void => {
    endCapture();
    const current = note!;
    note = undefined;
    if (!hasText()) {
      pieces = [];
      return;
    }
    const block: PendingBlock = { kind: 'footnote', pieces, note: { group: current.group }, fallbackKind: current.listItem ? 'list-item' : 'paragraph' };
    if (current.id !== undefined) block.note!.id = current.id;
    if (current.label !== undefined) block.note!.label = current.label;
    pending.push(block);
    pieces = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length >= MAX_DEPTH) {
          overflow++;
          overflowed = true;
          return;
        }
        if (name === 'meta' || name === 'time') published.onTag(name, attribs);
        const frame: Frame = { name, block: BLOCK_ELEMENTS.has(name) };
        stack.push(frame);
        if (name === 'title' && titleText === '' && !stack.some((f) => f.name === 'svg')) inTitleElement = true;
        const hidden = attribs.role === 'navigation' || attribs.hidden !== undefined || attribs['aria-hidden'] === 'true';
        if (DROPPED.has(name) || hidden || dropDepth > 0) {
          // Dropped content between two blocks still separates them.
          if (dropDepth === 0 && frame.block) flush();
          frame.drop = true;
          frame.block = false;
          dropDepth++;
          return;
        }
        if (name === 'br' || name === 'wbr') {
          if (name === 'br') {
            if (capture) capture.text += ' ';
            else appendText(' ');
          }
          return;
        }
        if (name === 'img') return;
        if (name === 'td' || name === 'th') {
          endCapture();
          if (!note && hasText()) appendText(' | ');
          return;
        }
        const href = attribs.href?.startsWith('#') ? fragment(attribs.href) : undefined;
        if (name === 'a' && withNotes && note && href !== undefined && (REF_ID.test(href) || BACKLINK_CLASS.test(attribs.class ?? '') || attribs.role === 'doc-backlink')) {
          // A back-link from a footnote to its marker ("↩", "↑"): not text.
          endCapture();
          frame.drop = true;
          dropDepth++;
          return;
        }
        if (withNotes && (name === 'sup' || name === 'a')) {
          if (capture) {
            if (name === 'a' && href !== undefined && capture.target === undefined) capture.target = href;
            return;
          }
          const linksToNote = name === 'a' && href !== undefined && (NOTE_ID.test(href) && !REF_ID.test(href) || NOTE_MARKER_CLASS.test(`${attribs.class ?? ''} ${attribs.role ?? ''}`));
          if (name === 'sup' || linksToNote) {
            capture = { text: '' };
            if (linksToNote) capture.target = href!;
            frame.capture = true;
          }
          return;
        }
        if (!frame.block) return;
        flush();
        if (name === 'hr') {
          afterRule = true;
          return;
        }
        if (options.isTitleElement?.(name, attribs)) {
          frame.title = true;
          titleDepth++;
          return;
        }
        const level = /^h([1-6])$/.exec(name);
        if (level) {
          frame.heading = Number(level[1]);
          headings.push(frame.heading);
          return;
        }
        if (name === 'li') {
          frame.listItem = true;
          listItems++;
        }
        if (!withNotes || note) return;
        const marks = `${attribs.class ?? ''} ${attribs.id ?? ''} ${attribs.role ?? ''}`.split(/\s+/);
        if (NOTE_CONTAINER_ELEMENTS.has(name) && (marks.some((w) => NOTE_CONTAINER.test(w)) || (name === 'ol' && afterRule))) {
          frame.group = groupCount++;
          groups.push(frame.group);
          return;
        }
        const id = attribs.id;
        const idMatch = id !== undefined && !REF_ID.test(id) ? NOTE_ID.exec(id) : null;
        const group = groups[groups.length - 1];
        const container = group === undefined ? undefined : stack.findLast((f) => f.group !== undefined);
        const inList = container !== undefined && (container.name === 'ol' || container.name === 'ul');
        const bodyInGroup = group !== undefined && (name === 'li' || (!inList && (name === 'p' || name === 'div' || name === 'dd')));
        if (NOTE_BODY_ELEMENTS.has(name) && (idMatch || bodyInGroup)) {
          frame.note = true;
          note = { frame, group: bodyInGroup ? group! : groupCount++, listItem: name === 'li' };
          if (id !== undefined) note.id = id;
          if (idMatch) note.label = String(Number(idMatch[1]));
          if (options.trustNoteIds && id !== undefined && options.trustNoteIds.test(id)) confirmedGroups.add(note.group);
        }
      },
      ontext(text) {
        if (inTitleElement) {
          titleText += text;
          return;
        }
        if (dropDepth > 0) return;
        // Soft hyphens are invisible line-break hints, not text.
        const clean = text.includes('\u00ad') ? text.replace(/\u00ad/g, '') : text;
        if (capture) capture.text += clean;
        else appendText(clean);
      },
      onclosetag() {
        if (overflow > 0) {
          overflow--;
          return;
        }
        const frame = stack.pop();
        if (!frame) return;
        if (frame.name === 'title') inTitleElement = false;
        if (frame.drop) {
          dropDepth--;
          return;
        }
        if (frame.capture) {
          endCapture();
          return;
        }
        if (frame.note && note?.frame === frame) {
          flushNote();
        } else if (frame.block) {
          flush();
        }
        if (frame.title) titleDepth--;
        if (frame.heading !== undefined) headings.pop();
        if (frame.listItem) listItems--;
        if (frame.group !== undefined) groups.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  if (note) flushNote();
  flush();
  if (overflowed) {
    messages.push({ rule: 'read.html-deep-nesting', severity: 'info', message: `elements nested deeper than ${MAX_DEPTH} levels were read as inline text` });
  }
  const result: HtmlBlocks = { pending, confirmedGroups, messages };
  const title = titleText.replace(/\s+/g, ' ').trim();
  if (title) result.title = title;
  if (published.date) result.published = published.date;
  return result;
}

/** Convert a whole HTML document (or mammoth's output) to the normalised text with blocks and footnotes. */
export function htmlToDocument(html: string, options: HtmlBlockOptions = {}): FormatOutput {
  const blocks = htmlToBlocks(html, options);
  const assembleOptions: Parameters<typeof assembleBlocks>[1] = { confirmedGroups: blocks.confirmedGroups };
  if (blocks.title !== undefined) assembleOptions.title = blocks.title;
  const out = assembleBlocks(blocks.pending, assembleOptions);
  out.messages.unshift(...blocks.messages);
  if (blocks.published) out.published = blocks.published;
  return out;
}

function fragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    // A malformed escape ("%zz") is kept as written.
    return href.slice(1);
  }
}
