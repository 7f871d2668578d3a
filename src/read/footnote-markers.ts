import { newBlock, type Block, type Span } from '../model/index.js';

export interface DetachedMarkers {
  text: string;
  blocks: Block[];
  /** [footnote label, zero-width offset in the new text where the marker stood]. */
  markers: Array<[string, number]>;
  /** Maps a span of the old text onto the new text. */
  shift: (span: Span) => Span;
}

// A marker glued to a word ("Islands1", "issue2,"), or written as "*1" / "[1]" after a word.
const MARKER = /(?<=[a-z]{2}[)”"’']?)(\d{1,3})(?=[\s.,;:!?)”"’]|$)|(?<=\S)\*(\d{1,3})(?=\W|$)|(?<=\S)\[(\d{1,3})\]/g;

/**
 * Remove footnote markers from the running text, remembering where they stood. Only labels that
 * have a footnote are taken, each once and in increasing order, so "G7" or "COVID-19" never are.
 */
export function detachFootnoteMarkers(text: string, blocks: Block[], labels: string[]): DetachedMarkers {
  const wanted = new Set(labels);
  const removals: Array<{ at: number; length: number; label: string }> = [];
  let last = 0;
  for (const block of blocks) {
    if (block.kind === 'footnote') continue;
    const slice = text.slice(block.start, block.end);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(slice); m; m = MARKER.exec(slice)) {
      const label = m[1] ?? m[2] ?? m[3]!;
      const n = Number(label);
      if (!wanted.has(label) || n <= last) continue;
      last = n;
      removals.push({ at: block.start + m.index, length: m[0].length, label });
    }
  }
  const mapOffset = (offset: number): number => {
    let removed = 0;
    for (const r of removals) {
      if (r.at >= offset) break;
      removed += Math.min(r.length, offset - r.at);
    }
    return offset - removed;
  };
  let out = '';
  let cursor = 0;
  for (const r of removals) {
    out += text.slice(cursor, r.at);
    cursor = r.at + r.length;
  }
  out += text.slice(cursor);
  const shift = (span: Span): Span => ({ start: mapOffset(span.start), end: mapOffset(span.end) });
  // Pushed, not mapped, so that the list is a packed array as every reader's is (see inDocumentOrder).
  const moved: Block[] = [];
  for (const b of blocks) moved.push(newBlock(b.kind, mapOffset(b.start), mapOffset(b.end), b.level, b.label, b.titleStart === undefined ? undefined : mapOffset(b.titleStart)));
  return {
    text: out,
    blocks: moved,
    markers: removals.map((r) => [r.label, mapOffset(r.at)]),
    shift,
  };
}
