import { expect } from 'vitest';
import type { FormatOutput } from '../../src/read/format-reader.js';

/** Every block has these keys in this order (undefined when absent): one hidden class for all blocks. */
export const BLOCK_KEYS = ['kind', 'start', 'end', 'level', 'label', 'titleStart'];

/** The invariants every reader's output keeps: blocks in order, inside the text, one line each, one shape. */
export function expectWellFormed(out: FormatOutput): void {
  let previousEnd = -1;
  for (const block of out.blocks) {
    expect(Object.keys(block)).toEqual(BLOCK_KEYS);
    expect(block.start).toBeGreaterThanOrEqual(0);
    expect(block.end).toBeLessThanOrEqual(out.text.length);
    expect(block.start).toBeLessThan(block.end);
    expect(block.start).toBeGreaterThan(previousEnd);
    expect(out.text.slice(block.start, block.end)).not.toContain('\n');
    if (block.titleStart !== undefined) {
      expect(block.titleStart).toBeGreaterThanOrEqual(block.start);
      expect(block.titleStart).toBeLessThanOrEqual(block.end);
    }
    previousEnd = block.end;
  }
  // Blocks are separated by exactly one newline and nothing else is in the text.
  expect(out.blocks.map((b) => out.text.slice(b.start, b.end)).join('\n')).toBe(out.text);
  for (const fn of out.footnotes) {
    expect(fn.body.start).toBeGreaterThanOrEqual(0);
    expect(fn.body.end).toBeLessThanOrEqual(out.text.length);
    expect(fn.body.start).toBeLessThanOrEqual(fn.body.end);
    for (const marker of fn.markers) {
      expect(marker.start).toBe(marker.end);
      expect(marker.start).toBeGreaterThanOrEqual(0);
      expect(marker.start).toBeLessThanOrEqual(out.text.length);
    }
  }
}
