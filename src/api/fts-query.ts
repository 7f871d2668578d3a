/**
 * Turn what a person types into a safe FTS5 query: bare words and "quoted phrases" become quoted
 * FTS strings (so punctuation and FTS keywords can never be a syntax error), a trailing * keeps
 * prefix search, and an upper-case OR between two terms keeps alternation. Everything else is
 * implicit AND. Returns undefined when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | undefined {
  const parts: string[] = [];
  const token = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(input)) !== null) {
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = m[2] ?? '';
    if (raw === 'OR') {
      if (parts.length && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const prefix = raw.endsWith('*');
    // A word like "U.S." or "anti-war" is a phrase of its tokens, as FTS's tokenizer sees it.
    const words = wordsOf(raw);
    if (!words.length) continue;
    parts.push(`"${words.join(' ')}"${prefix ? '*' : ''}`);
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.length ? parts.join(' ') : undefined;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Snippet text with hit markers -> segments, so clients never have to trust HTML from the server. */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

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
