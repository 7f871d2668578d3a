import { relative } from './relative-value.js';
import type { TimeParser } from './time-parser.js';

// "the weekend", "this weekend", "last weekend", "over the weekend", "the weekend after next": the Saturday and Sunday of an ISO week.
const PATTERN = /(?<![\w-])(?:(the|this|last|next|that|the[ \t]+past|the[ \t]+coming)[ \t]+)weekend(?:[ \t]+(after[ \t]+next))?(?!s?[\w-])/gi;

const OFFSET: Record<string, number> = { the: 0, this: 0, that: 0, last: -1, 'the past': -1, next: 1, 'the coming': 1 };

/** Weekend values wait for resolution: `REL:WE:0:<-1 last | 1 next | 0 tense decides>`, then `1990-W32-WE`. */
export const weekendParser: TimeParser = {
  name: 'time.weekend',
  pattern: PATTERN,
  extract(m) {
    const det = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    // "the weekend after next": one phrase, the weekend after the coming one.
    if (m[2]) return det === 'the' ? { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('WE', 0 as never, 2), rule: 'time.weekend' } : null;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('WE', 0 as never, OFFSET[det] ?? 0), rule: 'time.weekend' };
  },
};
