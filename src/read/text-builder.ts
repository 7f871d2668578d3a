import { newBlock, type Block, type Footnote } from '../model/index.js';

/**
 * Whether clean() would change the text: it has whitespace other than single inner spaces. A loop
 * over code units, which allocates nothing and is faster than any expression for it.
 */
function needsCleaning(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  let afterSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return true;
      afterSpace = true;
    } else {
      afterSpace = false;
      if (c < 32 ? c >= 9 && c <= 13 : c >= 0xa0 && isOtherWhitespace(c)) return true;
    }
  }
  return false;
}

/** The code units above U+009F that \s matches (Unicode spaces, line and paragraph separators, BOM). */
function isOtherWhitespace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

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
