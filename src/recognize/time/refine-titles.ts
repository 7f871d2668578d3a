import type { TimexCandidate } from './time-parser.js';

// A calendar unit written with a capital inside a phrase is part of a name: ABC's "This Week", CBS's "60 Minutes",
// "Four Weddings". Holidays and named events ("Thanksgiving Day") are names meant as dates, and keep theirs.
const UNIT_WORD = /(?<![\w'-])(?:Centur(?:y|ies)|Decades?|Years?|Quarters?|Months?|Weeks?|Weekends?|Days?|Hours?|Minutes?|Seconds?)(?![\w'])/g;
const NAMES_AS_DATES = new Set(['time.holiday', 'time.named-event']);
// What may stand before the first word of a sentence (or a heading line).
const SENTENCE_START = /(?:^|[.!?:;\n]["'’”)]*)[ \t]*["'“‘`(]*[ \t]*$/;

/** Drop candidates whose unit word is capitalised as in a title, not at the start of a sentence. */
export function refineTitles(text: string, candidates: TimexCandidate[]): TimexCandidate[] {
  return candidates.filter((c) => {
    if (NAMES_AS_DATES.has(c.rule)) return true;
    const span = text.slice(c.start, c.end);
    UNIT_WORD.lastIndex = 0;
    for (let m = UNIT_WORD.exec(span); m; m = UNIT_WORD.exec(span)) {
      if (m.index > 0) return false;
      if (!SENTENCE_START.test(text.slice(Math.max(0, c.start - 6), c.start))) return false;
    }
    return true;
  });
}
