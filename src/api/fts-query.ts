import { HIT_CLOSE, HIT_OPEN } from '../kb/full-text.js';

// Parsing what a person types lives with the dialect-specific search SQL in src/kb/full-text.ts.
export { HIT_CLOSE, HIT_OPEN, parseSearchTerms, toFtsQuery } from '../kb/full-text.js';

/** Snippet text with hit markers -> segments, so clients never have to trust HTML from the server. */
export function hitSegments(marked: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let hit = false;
  let buf = '';
  for (const ch of marked) {
    if (ch === HIT_OPEN || ch === HIT_CLOSE) {
      if (buf) out.push({ text: buf, hit });
      buf = '';
      hit = ch === HIT_OPEN;
      continue;
    }
    buf += ch;
  }
  if (buf) out.push({ text: buf, hit });
  return out;
}
