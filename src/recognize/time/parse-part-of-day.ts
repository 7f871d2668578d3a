import { PART_OF_DAY } from './lexicon.js';
import { relative } from './relative-value.js';
import type { TimeParser, TimexCandidate } from './time-parser.js';

// A part of the day with no day named in it: "the next morning", "in the morning", "by mid-afternoon". Its day is
// the one the narrative is on (or the text's own); a day right after it joins it ("mid-afternoon yesterday").
// "that night", "early that morning", "later that evening": the part of the day the narrative is on; "the night
// before", "the morning after", closing a clause: the one before or after the narrative's day ("the night before the
// vote" is left: its day is the event's).
const PATTERN =
  /(?<![\w-])(?:the[ \t]+(next|following|previous|same)[ \t]+(morning|afternoon|evening|night)|(?<=\b(?:in|during)[ \t]+)the[ \t]+(?:(early|late)[ \t]+)?(morning|afternoon|evening)|(mid|early|late)(?:-|[ \t]+)?(morning|afternoon|evening)|(?:(early|late|later|earlier)[ \t]+)?that[ \t]+(?:same[ \t]+)?(morning|afternoon|evening|night)|the[ \t]+(morning|afternoon|evening|night)[ \t]+(before|after)(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:and|but|when|as)\b))(?![\w-])/gi;

// "He said that night is the worst time": "that" opens a clause whose subject is the noun; a verb follows it.
const VERB_AFTER = /^[ \t]+(?:is|was|are|were|has|had|have|will|would|can|could|may|might|should|must|does|did|falls?|fell|comes?|came|brings?|brought|seems?|seemed|means?|meant)\b/i;

const NOUN_AFTER = /^[ \t]+(?!(?:and|or|but|to|of|in|on|at|by|for|with|from|as|when|while|after|before|until|that|which|the|a|an|he|she|it|they|we|was|were|is|are|had|has|have|will|would)\b)[a-z]/;

const EDGE: Record<string, TimexCandidate['mod']> = { mid: 'MID', early: 'START', late: 'END' };

export const partOfDayParser: TimeParser = {
  name: 'time.part-of-day',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    // "in the evening game", "the morning session": the part of the day qualifies a noun, which is what is meant.
    if (m[4] && NOUN_AFTER.test(text.slice(end, end + 16))) return null;
    if (m[8] && VERB_AFTER.test(text.slice(end, end + 10))) return null;
    const part = (m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[9])!.toLowerCase();
    const code = `T${PART_OF_DAY[part]}`;
    const step = m[1]?.toLowerCase();
    const side = m[10]?.toLowerCase();
    const offset = step === 'next' || step === 'following' || side === 'after' ? 1 : step === 'previous' || side === 'before' ? -1 : 0;
    const edge = (m[3] ?? m[5] ?? m[7])?.toLowerCase();
    const mod = edge ? EDGE[edge] : undefined;
    // Offset 0 on the narrative's day reads as a clock time does, so the compound rule joins a day after it.
    return { start, end, type: 'TIME', value: relative('REF', 'D', offset, code), ...(mod ? { mod } : {}), rule: 'time.time-of-day' };
  },
};
