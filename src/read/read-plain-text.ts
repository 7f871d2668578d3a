import type { Block, Footnote } from '../model/index.js';
import { decodeText } from './decode-text.js';
import type { FormatOutput, FormatReader } from './format-reader.js';
import { classifyCleanLine, type LineShape } from './plain-line-shape.js';
import { detachFootnoteMarkers } from './footnote-markers.js';
import { TextBuilder } from './text-builder.js';

/**
 * Plain text as reports are usually exported: one paragraph per line (or paragraphs separated by
 * blank lines), headings as short labelled lines ("Chapter 2", "(1) ...", "A ..."), footnotes as
 * "- 1 ..." lines with markers glued to words in the running text ("Islands1").
 */
export const readPlainText: FormatReader = async ({ file, bytes }) => {
  return plainTextToDocument(decodeText(file, bytes));
};

interface PendingBlock {
  shape: LineShape;
  text: string;
  /** The text cleaned (TextBuilder.clean), once: classifying and adding the line both need it. */
  clean: string;
}

function pendingLine(text: string): PendingBlock {
  const clean = TextBuilder.clean(text);
  return { shape: classifyCleanLine(clean), text, clean };
}

export function plainTextToDocument(raw: string): FormatOutput {
  // Most files have no carriage return: the test spares a copy of the whole text.
  const lines = joinWrappedLines((raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).split('\n'));
  // A loop, not map: map's arrays are packed or holey depending on whether the caller is optimised,
  // and groupFootnotes, reading them, was deoptimised on meeting the other kind.
  const classified: PendingBlock[] = [];
  for (const line of lines) classified.push(pendingLine(line));
  const pending = groupFootnotes(classified);
  const styleOrder: string[] = [];
  const builder = new TextBuilder();
  const footnoteBodies = new Map<string, Footnote>();
  const paragraphs: Block[] = [];
  let seenBody = false;
  let title = '';

  for (const { shape, clean } of pending) {
    if (shape.kind === 'footnote') {
      const block = builder.add('footnote', clean, true, undefined, shape.label);
      if (block && shape.label && !footnoteBodies.has(shape.label)) {
        const bodyStart = block.start + (shape.bodyOffset ?? 0);
        footnoteBodies.set(shape.label, { label: shape.label, body: { start: Math.min(bodyStart, block.end), end: block.end }, markers: [] });
      }
      continue;
    }
    if (shape.kind === 'heading') {
      const style = shape.style ?? 'other';
      if (!styleOrder.includes(style)) styleOrder.push(style);
      const level = styleOrder.indexOf(style) + 1 + (shape.depth ?? 0);
      builder.add('heading', clean, true, level, shape.label || undefined, shape.titleOffset);
      continue;
    }
    if (shape.kind === 'title' && !seenBody) {
      builder.add('title', clean, true);
      if (!title) title = clean;
      continue;
    }
    seenBody = true;
    const block = builder.add('paragraph', clean, true);
    if (block) paragraphs.push(block);
  }

  let text = builder.toString();
  let blocks = builder.blocks;
  const messages: FormatOutput['messages'] = [];
  if (footnoteBodies.size > 0) {
    const detached = detachFootnoteMarkers(text, blocks, [...footnoteBodies.keys()]);
    text = detached.text;
    blocks = detached.blocks;
    for (const [label, at] of detached.markers) {
      const fn = footnoteBodies.get(label);
      if (fn) fn.markers.push({ start: at, end: at });
    }
    for (const fn of footnoteBodies.values()) {
      fn.body = detached.shift(fn.body);
      if (fn.markers.length === 0) {
        messages.push({ rule: 'read.footnote-unreferenced', severity: 'info', start: fn.body.start, end: fn.body.end, message: `footnote ${fn.label} has no marker in the text` });
      }
    }
  }
  if (!title) {
    const first = blocks[0];
    title = first ? text.slice(first.start, first.end).slice(0, 200) : '';
  }
  return { title, text, blocks, footnotes: [...footnoteBodies.values()], messages };
}

/**
 * Hard-wrapped text (lines broken at ~80 columns, paragraphs separated by blank lines) is joined
 * back into one line per paragraph; text that already has one paragraph per line is left as is.
 */
function joinWrappedLines(lines: string[]): string[] {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const blankSeparated = lines.length > nonEmpty.length * 1.3;
  const longest = nonEmpty.reduce((m, l) => Math.max(m, l.length), 0);
  const wrapped = blankSeparated && longest <= 100 && nonEmpty.length > 4;
  if (!wrapped) return nonEmpty;
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line.trim() === '') {
      if (current) out.push(current);
      current = '';
    } else {
      current = current ? `${current} ${line.trim()}` : line.trim();
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Footnote lines may wrap onto a continuation line (a URL) and several footnotes may share one
 * line ("... index.html - 3 Refers to ..."): regroup them into one block per footnote.
 */
function groupFootnotes(items: PendingBlock[]): PendingBlock[] {
  const out: PendingBlock[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && prev.shape.kind === 'footnote' && isFootnoteContinuation(prev.text, item)) {
      prev.text = `${prev.text} ${item.text.trim()}`;
      prev.clean = TextBuilder.clean(prev.text);
      continue;
    }
    out.push({ shape: item.shape, text: item.text, clean: item.clean });
  }
  const split: PendingBlock[] = [];
  for (const item of out) {
    if (item.shape.kind !== 'footnote' || !item.shape.label) {
      split.push(item);
      continue;
    }
    let rest = item.text;
    let label = Number(item.shape.label);
    for (;;) {
      const next = String(label + 1);
      const at = rest.search(new RegExp(`\\s[-*]\\s?${next}\\s+(?=\\S)`));
      if (at < 0) break;
      split.push(pendingLine(rest.slice(0, at)));
      rest = rest.slice(at + 1);
      label += 1;
    }
    split.push(pendingLine(rest));
  }
  return split;
}

function isFootnoteContinuation(previous: string, item: PendingBlock): boolean {
  if (item.shape.kind === 'footnote' || item.shape.kind === 'heading') return false;
  const line = item.text.trim();
  if (/^(https?:\/\/|www\.)/i.test(line) || /^[a-z]/.test(line)) return true;
  return /[:,;(\u2013-]$/.test(previous.trim());
}
