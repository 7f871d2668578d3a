import { Parser } from 'htmlparser2';
import { marked, type Token, type Tokens } from 'marked';
import { assembleBlocks, type PendingBlock, type Piece } from './block-assembler.js';
import { decodeText } from './decode-text.js';
import type { FormatOutput, FormatReader } from './format-reader.js';
import { htmlToBlocks } from './html-blocks.js';
import { frontMatterDate } from './metadata-date.js';

/**
 * Markdown: headings, paragraphs, list items, block quotes and table rows become blocks, inline
 * markup is reduced to its text (links keep their text, images their alt text), and `[^1]`
 * references with their `[^1]: ...` definitions become footnotes.
 *
 * Fenced code blocks are dropped (an author fenced them off as code, not prose); indented code
 * blocks are kept as paragraphs, because text converted to Markdown often carries indented
 * paragraphs that Markdown then reads as code, and losing them would lose report text.
 */
export const readMarkdown: FormatReader = async ({ file, bytes }) => markdownToDocument(decodeText(file, bytes));

const FOOTNOTE_GROUP = 0;
// A footnote definition line: "[^1]: text"; continuation lines are indented.
const DEFINITION = /^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]?(.*)$/;
const REFERENCE = /\[\^([^\]\s]{1,40})\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Lines that start a new block and so cannot lazily continue a definition.
const BLOCK_START = /^ {0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|`{3}|~{3}|\|)/;

export function markdownToDocument(source: string): FormatOutput {
  const { body, title, published } = splitFrontMatter(source.replace(/\r\n?/g, '\n'));
  const { text, definitions } = extractDefinitions(body);
  const messages: FormatOutput['messages'] = [];
  const pending: PendingBlock[] = [];
  const walker = new MarkdownWalker(new Set(definitions.keys()), pending, messages);
  walker.blocks(marked.lexer(text, { gfm: true }), 'paragraph');
  for (const [label, definition] of definitions) {
    const pieces: Piece[] = [];
    walker.inlineOf(marked.lexer(definition, { gfm: true }), pieces);
    pending.push({ kind: 'footnote', pieces, note: { id: label, label, group: FOOTNOTE_GROUP }, fallbackKind: 'paragraph' });
  }
  const options: Parameters<typeof assembleBlocks>[1] = { confirmedGroups: new Set([FOOTNOTE_GROUP]) };
  if (title !== undefined) options.title = title;
  const out = assembleBlocks(pending, options);
  out.messages.unshift(...messages);
  if (published) out.published = published;
  return out;
}

class MarkdownWalker {
  constructor(
    private readonly footnoteLabels: Set<string>,
    private readonly pending: PendingBlock[],
    private readonly messages: FormatOutput['messages'],
  ) {}

  blocks(tokens: Token[], kind: 'paragraph' | 'list-item'): void {
    for (const token of tokens) this.block(token, kind);
  }

  private block(token: Token, kind: 'paragraph' | 'list-item'): void {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        this.push({ kind: 'heading', level: t.depth, pieces: this.inline(t.tokens) });
        return;
      }
      case 'paragraph':
      case 'text': {
        const t = token as Tokens.Paragraph | Tokens.Text;
        this.push({ kind, pieces: t.tokens ? this.inline(t.tokens) : this.scan(decodeEntities(t.text)) });
        return;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) this.blocks(item.tokens, 'list-item');
        return;
      case 'blockquote':
        this.blocks((token as Tokens.Blockquote).tokens, kind);
        return;
      case 'table': {
        const t = token as Tokens.Table;
        for (const row of [t.header, ...t.rows]) {
          const pieces: Piece[] = [];
          row.forEach((cell, i) => {
            if (i > 0) pieces.push({ kind: 'text', text: ' | ' });
            pieces.push(...this.inline(cell.tokens));
          });
          this.push({ kind: 'paragraph', pieces });
        }
        return;
      }
      case 'code': {
        const t = token as Tokens.Code;
        if (t.codeBlockStyle === 'indented') {
          for (const chunk of t.text.split(/\n\s*\n/)) this.push({ kind, pieces: [{ kind: 'text', text: chunk }] });
        } else {
          this.messages.push({ rule: 'read.code-block-dropped', severity: 'info', message: `a fenced code block${t.lang ? ` (${t.lang})` : ''} of ${plural(t.text.split('\n').length, 'line')} was left out of the text` });
        }
        return;
      }
      case 'html': {
        const { pending } = htmlToBlocks((token as Tokens.HTML).text, { footnotes: false });
        for (const block of pending) this.push(block.kind === 'paragraph' ? { ...block, kind } : block);
        return;
      }
      default: {
        // hr, space, def (link definitions) carry no text; unknown extension tokens keep theirs.
        const t = token as Tokens.Generic;
        if (Array.isArray(t.tokens) && t.tokens.length > 0 && t.type !== 'def') this.push({ kind, pieces: this.inline(t.tokens) });
      }
    }
  }

  private push(block: PendingBlock): void {
    if (block.pieces.length > 0) this.pending.push(block);
  }

  /** The text of block tokens run together (a footnote definition with several paragraphs). */
  inlineOf(tokens: Token[], out: Piece[]): void {
    for (const token of tokens) {
      const t = token as Tokens.Generic;
      if (t.type === 'space' || t.type === 'hr' || t.type === 'def') continue;
      if (out.length > 0) out.push({ kind: 'text', text: ' ' });
      if (t.type === 'list') for (const item of (t as Tokens.List).items) this.inlineOf(item.tokens, out);
      else if (t.type === 'table' || t.type === 'code' || !Array.isArray(t.tokens)) out.push({ kind: 'text', text: decodeEntities(typeof t.text === 'string' ? t.text : '') });
      else if (t.type === 'blockquote') this.inlineOf(t.tokens, out);
      else out.push(...this.inline(t.tokens as Token[]));
    }
  }

  /** Inline tokens to pieces: markup stripped, `[^1]` references turned into markers. */
  private inline(tokens: Token[]): Piece[] {
    const out: Piece[] = [];
    let scannable = '';
    const flushScannable = (): void => {
      if (scannable) out.push(...this.scan(decodeEntities(scannable)));
      scannable = '';
    };
    const literal = (text: string): void => {
      flushScannable();
      out.push({ kind: 'text', text });
    };
    const walk = (list: Token[]): void => {
      for (const token of list) {
        const t = token as Tokens.Generic;
        switch (t.type) {
          case 'text':
            if (Array.isArray(t.tokens) && t.tokens.length > 0) walk(t.tokens as Token[]);
            else scannable += String(t.text ?? '');
            break;
          case 'codespan':
            literal(decodeEntities(String(t.text ?? '')));
            break;
          case 'escape':
            literal(String(t.text ?? ''));
            break;
          case 'image':
            literal(decodeEntities(String(t.text ?? '')));
            break;
          case 'br':
            scannable += ' ';
            break;
          case 'html':
            // Inline tags (<sup>, <span>) leave their contents; a <br> is a space.
            if (/^<br\b/i.test(String(t.text ?? ''))) scannable += ' ';
            break;
          case 'checkbox':
            break;
          default:
            if (Array.isArray(t.tokens)) walk(t.tokens as Token[]);
            else if (typeof t.text === 'string') scannable += t.text;
        }
      }
    };
    walk(tokens);
    flushScannable();
    return out;
  }

  /** Split text at `[^label]` references to defined footnotes. */
  private scan(text: string): Piece[] {
    const out: Piece[] = [];
    let last = 0;
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
      if (!this.footnoteLabels.has(m[1]!)) continue;
      if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
      out.push({ kind: 'marker', label: m[1]!, target: m[1]!, raw: m[0] });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
    return out;
  }
}

/** Footnote definitions are taken out before lexing (marked does not know them), outside code fences. */
function extractDefinitions(source: string): { text: string; definitions: Map<string, string> } {
  const lines = source.split('\n');
  const kept: string[] = [];
  const definitions = new Map<string, string>();
  let fence: string | undefined;
  let current: { label: string; lines: string[] } | undefined;
  const close = (): void => {
    if (current && !definitions.has(current.label)) definitions.set(current.label, current.lines.join('\n').trim());
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      kept.push(line);
      continue;
    }
    const def = DEFINITION.exec(line);
    if (def) {
      close();
      current = { label: def[1]!, lines: [def[2]!] };
      continue;
    }
    if (current) {
      const indented = /^(?: {2,}|\t)\S/.test(line);
      const blank = line.trim() === '';
      const nextIndented = blank && /^(?: {2,}|\t)\S/.test(lines[i + 1] ?? '');
      const lastBlank = current.lines[current.lines.length - 1]?.trim() === '';
      if (indented || nextIndented || (!blank && !lastBlank && !BLOCK_START.test(line))) {
        current.lines.push(line.replace(/^(?: {1,4}|\t)/, ''));
        continue;
      }
      close();
    }
    if (fenceMark) fence = fenceMark;
    kept.push(line);
  }
  close();
  return { text: kept.join('\n'), definitions };
}

/** YAML front matter ("---" ... "---" at the very top) is metadata: drop it, keep its title and date. */
function splitFrontMatter(source: string): { body: string; title?: string; published?: string } {
  const m = /^\ufeff?---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!m) return { body: source };
  const title = /^title:[ \t]*(.+)$/m.exec(m[1]!)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2');
  // Keep the line count so nothing else shifts; the lines are blank now.
  const body = '\n'.repeat(m[0].split('\n').length - 1) + source.slice(m[0].length);
  const published = frontMatterDate(m[1]!);
  return { body, ...(title ? { title } : {}), ...(published ? { published } : {}) };
}

/** Decode HTML entities (&amp; &#8217; &eacute;) with htmlparser2's full table; "<" is escaped first so no tag is read. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  const parser = new Parser({ ontext: (t) => { out += t; } }, { decodeEntities: true });
  parser.write(text.replace(/</g, '&lt;'));
  parser.end();
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
