import { candidateList, type TimexCandidate } from './time-parser.js';

// A calendar unit written with a capital inside a phrase is part of a name: ABC's "This Week", CBS's "60 Minutes",
// "Four Weddings". Holidays and named events ("Thanksgiving Day") are names meant as dates, and keep theirs.
const UNIT_WORD = /(?<![\w'-])(?:Centur(?:y|ies)|Decades?|Years?|Quarters?|Months?|Weeks?|Weekends?|Days?|Hours?|Minutes?|Seconds?)(?![\w'])/g;
const NAMES_AS_DATES = new Set(['time.holiday', 'time.named-event']);
// What may stand before the first word of a sentence (or a heading line).
const SENTENCE_START = /(?:^|[.!?:;\n]["'’”)]*)[ \t]*["'“‘`(]*[ \t]*$/;

/** Drop candidates whose unit word is capitalised as in a title, not at the start of a sentence. */
export function refineTitles(text: string, candidates: TimexCandidate[]): TimexCandidate[] {
  // A loop into a list of the filled kind, not filter: an empty filter result is a list of another map (time-parser.ts).
  const out = candidateList();
  for (let i = 0; i < candidates.length; i++) if (!isTitle(text, candidates[i]!)) out.push(candidates[i]!);
  return out;
}

function isTitle(text: string, c: TimexCandidate): boolean {
  if (NAMES_AS_DATES.has(c.rule)) return false;
  const span = text.slice(c.start, c.end);
  UNIT_WORD.lastIndex = 0;
  for (let m = UNIT_WORD.exec(span); m; m = UNIT_WORD.exec(span)) {
    if (m.index > 0) return true;
    if (!SENTENCE_START.test(text.slice(Math.max(0, c.start - 6), c.start))) return true;
  }
  return false;
}
