/** Rough grammatical tense of a sentence, enough to choose "the March before" or "the March after". */
export type Tense = 'past' | 'present' | 'future';

// "would" in news is mostly the future seen from a past report ("it said flights would start in August"), but not
// in a courtesy ("I would like to congratulate him on his election on 13 June") or a speaker's own conditional.
const FUTURE = /\b(?:will|shall|won't|going to|is scheduled to|are scheduled to)\b|'ll\b|(?<!\b(?:I|we|We)[ \t]+)\bwould\b(?![ \t]+(?:also[ \t]+)?(?:like|love|wish|want|prefer|rather|have)\b)/i;
// Regular pasts plus the common irregular ones (news reports events in them).
const PAST = /\b(?:was|were|had|did|said|told|took|made|began|came|went|met|gave|sent|fell|rose|grew|lost|won|sold|bought|paid|left|held|became|brought|thought|found|kept|led|ran|spent|struck|fought|knew|wrote|spoke|broke|chose|drove|flew|got|saw|stood|sought|meant|felt|heard|began|taught|caught|built|hung|shot|slid|sank|swung|tore|wore|woke|withdrew|overtook|[a-z]+ed)\b/;
const PRESENT = /\b(?:is|are|am|has|have|does|do|says|continues)\b/i;

export function sentenceTense(sentence: string): Tense {
  if (FUTURE.test(sentence)) return 'future';
  if (PAST.test(sentence)) return 'past';
  if (PRESENT.test(sentence)) return 'present';
  return 'present';
}
