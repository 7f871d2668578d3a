import type { Block, Footnote } from '../model/index.js';
import type { FormatOutput } from './format-reader.js';
import { splitHeadingLabel } from './heading-label.js';
import { TextBuilder } from './text-builder.js';

/** A run of text inside a block, or a footnote marker that may be detached from the text. */
export type Piece =
  | { kind: 'text'; text: string }
  | {
    kind: 'marker';
    /** The marker's label as printed, without brackets: "1", "*", "a". */
    label: string;
    /** The id of the footnote body it links to, when the source says (an HTML href, a Markdown label). */
    target?: string;
    /** The marker as it stood in the text; put back when it links to no footnote. */
    raw: string;
  };

/** A footnote body as a reader found it, before we know whether anything points at it. */
export interface PendingNote {
  id?: string;
  label?: string;
  /** Bodies of one group (one footnote list) are footnotes together or not at all. */
  group: number;
}

/** A block as a reader found it: its kind, and its text as pieces, not yet cleaned. */
export interface PendingBlock {
  kind: Block['kind'];
  level?: number;
  pieces: Piece[];
  note?: PendingNote;
  /** What a footnote body becomes if its group turns out not to be footnotes. */
  fallbackKind?: Block['kind'];
}

export interface AssembleOptions {
  /** A title given by the format's metadata (an HTML <title>, Markdown front matter). */
  title?: string;
  /** Groups that are footnotes even if no marker points at them (Markdown definitions, Word's notes). */
  confirmedGroups?: Set<number>;
}

const MAX_TITLE = 200;

/**
 * Turn a reader's pending blocks into the normalised text: markers that point at a footnote are
 * removed from the running text and remembered as zero-width positions; those that point at
 * nothing are put back as text; footnote lists nothing points at become ordinary blocks.
 */
export function assembleBlocks(pending: PendingBlock[], options: AssembleOptions = {}): FormatOutput {
  const links = linkMarkers(pending, options.confirmedGroups ?? new Set());
  const letterSequence = pending.some((b) => b.kind === 'heading' && /^\s*B\b/.test(plainText(b.pieces).trimStart()));
  const builder = new TextBuilder();
  const notes = new Map<number, Footnote>();
  const messages: FormatOutput['messages'] = [];
  /** [index of the note block, offset in the text]; attached once every note has its span. */
  const pendingMarkers: Array<[number, number]> = [];

  pending.forEach((block, index) => {
    const isNote = block.note !== undefined && links.confirmed.has(block.note.group);
    const kind = block.note && !isNote ? (block.fallbackKind ?? 'paragraph') : block.kind;
    const { text, markers } = cleanPieces(block.pieces, (piece, position) => {
      if (isNote) return position === 'leading' ? 'drop' : 'text';
      return links.byPiece.has(piece) ? 'marker' : 'text';
    });
    if (text === '') return;
    if (isNote) {
      const label = links.labels.get(index)!;
      // A label printed at the head of the body ("[1] ...", "1. ..."); a bare "1 " may be the text ("1 March").
      const l = escapeRegExp(label);
      const printed = new RegExp(`^(?:\\[${l}\\]|\\(${l}\\)|${l}[.):])\\s+`).exec(text);
      const added = builder.add('footnote', text, true, undefined, label)!;
      notes.set(index, { label, body: { start: added.start + (printed ? printed[0].length : 0), end: added.end }, markers: [] });
      return;
    }
    let added: Block;
    if (kind === 'heading') {
      const split = splitHeadingLabel(text, { letterSequence });
      added = split.label
        ? builder.add(kind, text, true, block.level ?? 1, split.label, split.titleOffset)!
        : builder.add(kind, text, true, block.level ?? 1)!;
    } else {
      added = builder.add(kind, text, true)!;
    }
    for (const [piece, offset] of markers) {
      const target = links.byPiece.get(piece);
      if (target !== undefined) pendingMarkers.push([target, added.start + offset]);
    }
  });

  for (const [noteIndex, at] of pendingMarkers) notes.get(noteIndex)?.markers.push({ start: at, end: at });
  const footnotes = [...notes.values()];
  for (const fn of footnotes) {
    if (fn.markers.length === 0) {
      messages.push({ rule: 'read.footnote-unreferenced', severity: 'info', start: fn.body.start, end: fn.body.end, message: `footnote ${fn.label} has no marker in the text` });
    }
  }
  const text = builder.toString();
  return { title: chooseTitle(options.title, builder.blocks, text), text, blocks: builder.blocks, footnotes, messages };
}

interface MarkerLinks {
  /** Marker piece -> index of the pending note block it points at. */
  byPiece: Map<Piece, number>;
  confirmed: Set<number>;
  /** Pending note block index -> its footnote label. */
  labels: Map<number, string>;
}

function linkMarkers(pending: PendingBlock[], confirmedGroups: Set<number>): MarkerLinks {
  const byId = new Map<string, number>();
  const byLabel = new Map<string, number[]>();
  const labels = new Map<number, string>();
  const ordinals = new Map<number, number>();
  pending.forEach((block, index) => {
    const note = block.note;
    if (!note) return;
    const ordinal = (ordinals.get(note.group) ?? 0) + 1;
    ordinals.set(note.group, ordinal);
    const leading = block.pieces.find((p) => p.kind === 'marker' || p.text.trim() !== '');
    const label = note.label ?? (leading?.kind === 'marker' ? leading.label : String(ordinal));
    labels.set(index, label);
    if (note.id !== undefined && !byId.has(note.id)) byId.set(note.id, index);
    byLabel.set(label, [...(byLabel.get(label) ?? []), index]);
  });
  const byPiece = new Map<Piece, number>();
  const confirmed = new Set(confirmedGroups);
  if (labels.size === 0) return { byPiece, confirmed, labels };
  pending.forEach((block, index) => {
    if (block.note) return;
    for (const piece of block.pieces) {
      if (piece.kind !== 'marker') continue;
      let note = piece.target !== undefined ? byId.get(piece.target) : undefined;
      if (note === undefined && piece.target === undefined) {
        // Footnote numbering may restart per chapter: take the nearest body after the marker.
        const candidates = byLabel.get(piece.label) ?? [];
        note = candidates.find((c) => c > index) ?? candidates[candidates.length - 1];
      }
      if (note === undefined) continue;
      byPiece.set(piece, note);
      confirmed.add(pending[note]!.note!.group);
    }
  });
  return { byPiece, confirmed, labels };
}

type PieceFate = 'marker' | 'text' | 'drop';

/**
 * Join pieces into one cleaned line (whitespace runs collapsed, trimmed), deciding for each marker
 * whether it is detached (its offset recorded), kept as text, or dropped.
 */
export function cleanPieces(
  pieces: Piece[],
  fate: (piece: Piece & { kind: 'marker' }, position: 'leading' | 'inner') => PieceFate,
): { text: string; markers: Array<[Piece, number]> } {
  let out = '';
  let space = false;
  const markers: Array<[Piece, number]> = [];
  const append = (text: string): void => {
    // Alternating runs of non-space and space (JavaScript's \s, as TextBuilder.clean uses).
    for (const run of text.split(/(\s+)/)) {
      if (run === '') continue;
      if (/^\s/.test(run)) {
        space = out.length > 0;
      } else {
        if (space) out += ' ';
        space = false;
        out += run;
      }
    }
  };
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      append(piece.text);
      continue;
    }
    const what = fate(piece, out === '' ? 'leading' : 'inner');
    if (what === 'marker') markers.push([piece, out.length]);
    else if (what === 'text') append(piece.raw);
  }
  return { text: out, markers };
}

function plainText(pieces: Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.raw)).join('');
}

function chooseTitle(given: string | undefined, blocks: Block[], text: string): string {
  const cleaned = given === undefined ? '' : TextBuilder.clean(given);
  if (cleaned) return cleaned.slice(0, MAX_TITLE);
  const pick = blocks.find((b) => b.kind === 'title') ?? blocks.find((b) => b.kind === 'heading' && b.level === 1)
    ?? blocks.find((b) => b.kind !== 'footnote');
  return pick ? text.slice(pick.start, pick.end).slice(0, MAX_TITLE) : '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
