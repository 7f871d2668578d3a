// A clause in the future: "will host the summit in 2020", "the elections, to be held in 2016".
export const FUTURE_CLAUSE = /\b(?:will|shall|to be held|is to be|are to be|going to|plans? to|aims? to|intends? to|proposes? to|seeks? to|next)\b[^.;!?]*$/i;
const LOOKING_AHEAD = /\b(?:next|upcoming|forthcoming|coming|future)\s+$/i;
const PRESENT = /\b(?:this|the\s+present|the\s+current|our\s+present|our\s+current)\s+$/i;

/**
 * Whether a mention (a session, an anniversary) is one the text looks ahead to: "next year's seventy-fifth
 * anniversary", "the forthcoming session", "will be taken up at the seventy-second session". One marked as the
 * present ("this seventieth session") is not, whatever the clause around it says.
 */
export function isFutureMention(text: string, start: number, _end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (PRESENT.test(before)) return false;
  return LOOKING_AHEAD.test(before) || FUTURE_CLAUSE.test(before);
}
