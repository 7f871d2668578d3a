import { newBlock, type Block, type Footnote } from '../model/index.js';

/**
 * Whether clean() would change the text: it has whitespace other than single inner spaces. Tested
 * at the ends, then by one expression with no look-behind, which the engine scans for several
 * times faster than a loop over code units, and which allocates nothing.
 */
function needsCleaning(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  return OTHER_WHITESPACE_OR_TWO_SPACES.test(text);
}

/** Two spaces, or any code unit \s matches but a space: tab to carriage return, Unicode spaces, line and paragraph separators, BOM. */
const OTHER_WHITESPACE_OR_TWO_SPACES = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * Accumulates a document's normalised text one block per line, recording each block's span.
 * Readers of every format use it so that all documents share one shape: blocks never contain a
 * newline, and blocks are separated by exactly one "\n".
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];
  readonly footnotes: Footnote[] = [];

  /** Collapse runs of whitespace (including newlines) into single spaces and trim. */
  static clean(text: string): string {
    // Most lines are clean already: a test that allocates nothing spares a copy of each.
    if (!needsCleaning(text)) return text;
    return text.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();
  }

  get offset(): number {
    return this.length;
  }

  /**
   * Append a block. Returns the block, or undefined when the text was empty after cleaning.
   * A heading's level and label, and a heading's or footnote's label, are given one by one (not as
   * an object of optional fields, which came in several shapes); `titleStart` is an offset in the
   * cleaned text, where the title starts after the label.
   */
  add(kind: Block['kind'], rawText: string, alreadyClean = false, level?: number, label?: string, titleStart?: number): Block | undefined {
    const text = alreadyClean ? rawText : TextBuilder.clean(rawText);
    if (text === '') return undefined;
    if (this.parts.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    const block = newBlock(kind, start, this.length, level, label, titleStart === undefined ? undefined : start + titleStart);
    this.blocks.push(block);
    return block;
  }

  toString(): string {
    return this.parts.join('');
  }
}
