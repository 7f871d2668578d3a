import { SEASON_CODE, SEASON_SRC } from './lexicon.js';
import { relative } from './relative-value.js';
import { wordBefore, type TimeParser } from './time-parser.js';

// "the fall of 2021", "autumn 2021", "last fall", "this summer", "in the spring".
const PATTERN = new RegExp(
  `(?<![\\w-])(?:(this|last|next|that|the)[ \\t]+)?(${SEASON_SRC})(?:[ \\t]+(?:of[ \\t]+)?((?:19|20)\\d{2})(?![\\w%-]))?(?![\\w-])`,
  'gi',
);

export const seasonParser: TimeParser = {
  name: 'time.season',
  pattern: PATTERN,
  extract(m, text) {
    const det = m[1]?.toLowerCase();
    const code = SEASON_CODE[m[2]!.toLowerCase()]!;
    const year = m[3];
    const start = m.index;
    const end = start + m[0].length;
    // "Arab Spring" and "fall" the verb: without a year or a deictic word a season needs "in the".
    if (/^[A-Z]/.test(m[2]!) && !det && !year && m.index > 0 && !/[.!?]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return null;
    if (year) return { start, end, type: 'DATE', value: `${year}-${code}`, rule: 'time.season' };
    if (det === 'this') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 0, `-${code}`), rule: 'time.season' };
    if (det === 'last') return { start, end, type: 'DATE', value: relative('DCT', 'Y', -1, `-${code}`), rule: 'time.season' };
    if (det === 'next') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 1, `-${code}`), rule: 'time.season' };
    if (det === 'that') return { start, end, type: 'DATE', value: relative('REF', 'Y', 0, `-${code}`), rule: 'time.season' };
    if (det === 'the' && /^(?:in|during|by|until|since|through|early|late|that|this)$/i.test(wordBefore(text, start))) {
      return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.season' };
    }
    return null;
  },
};
