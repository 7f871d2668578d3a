import { newBlock, type Block, type Paragraph, type ReadDocument, type Segmentation, type Sentence, type Span } from '../model/index.js';
import { buildSections } from './build-sections.js';
import { splitSentences } from './split-sentences.js';

/**
 * Sections, paragraphs and sentences of a read document. Every block is one paragraph; titles and
 * headings are one sentence each (so that every character of content lies in some sentence), the
 * other blocks, footnotes included, are split into sentences.
 */
export function segment(doc: ReadDocument): Segmentation {
  const { text } = doc;
  const blocks = inDocumentOrder(doc.blocks, text.length);
  const { sections, sectionOfBlock } = buildSections(text, blocks);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];

  blocks.forEach((block, index) => {
    paragraphs.push({ index, start: block.start, end: block.end, section: sectionOfBlock[index] ?? null, kind: block.kind });
    const spans = block.kind === 'title' || block.kind === 'heading' ? wholeLine(text, block) : splitSentences(text, block.start, block.end);
    for (const span of spans) sentences.push({ index: sentences.length, paragraph: index, start: span.start, end: span.end });
  });
  return { sections, paragraphs, sentences };
}

/** The block as one trimmed span, or nothing when it is blank. */
function wholeLine(text: string, block: Span): Span[] {
  let { start, end } = block;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? [{ start, end }] : [];
}

/**
 * Blocks clamped to the text and sorted by position (readers emit them in order; this guards the rest).
 * Built by push, not map: map makes packed arrays when it runs as a builtin and holey ones when
 * inlined into optimised code, so the loop below met two array maps ('wrong map' deopt).
 */
function inDocumentOrder(blocks: readonly Block[], length: number): Block[] {
  const clamped: Block[] = [];
  for (const block of blocks) {
    const start = Math.max(0, Math.min(block.start, length));
    const end = Math.max(start, Math.min(block.end, length));
    clamped.push(start === block.start && end === block.end ? block : newBlock(block.kind, start, end, block.level, block.label, block.titleStart));
  }
  for (let i = 1; i < clamped.length; i++) {
    if (clamped[i]!.start < clamped[i - 1]!.start) return clamped.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return clamped;
}
