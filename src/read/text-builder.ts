import type { Block, Footnote } from '../model/index.js';

/** Whitespace that clean() would change: any but a single inner space. */
const NEEDS_CLEANING = /[^\S ]| {2}|^ | $/;

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
    if (!NEEDS_CLEANING.test(text)) return text;
    return text.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();
  }

  get offset(): number {
    return this.length;
  }

  /**
   * Append a block. Returns the block, or undefined when the text was empty after cleaning.
   * `labelLength` marks how many leading characters of the cleaned text are a label ("(1) ").
   */
  add(kind: Block['kind'], rawText: string, extra: Omit<Block, 'kind' | 'start' | 'end'> = {}, alreadyClean = false): Block | undefined {
    const text = alreadyClean ? rawText : TextBuilder.clean(rawText);
    if (text === '') return undefined;
    if (this.parts.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    const block: Block = { kind, start, end: this.length, ...extra };
    if (extra.titleStart !== undefined) block.titleStart = start + extra.titleStart;
    this.blocks.push(block);
    return block;
  }

  toString(): string {
    return this.parts.join('');
  }
}
