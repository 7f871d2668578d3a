import { isRole } from './function-words.js';
import type { Token } from './tokenise.js';

/** A clause as an inclusive range of token indices within its sentence. */
export interface Clause {
  first: number;
  last: number;
}

/**
 * Split a sentence's tokens into clauses: at ";" and ":", before "but", "whereas", "although",
 * "while" and the like, and at ", and" when what follows is a new verb phrase rather than the next
 * item of a list ("the G7, the EU, and others" stays together). Clauses scope negation, modality,
 * dates and the search for arguments; they need not be grammatical clauses to do that job.
 */
export function splitClauses(tokens: readonly Token[], isMentionToken: (i: number) => boolean): Clause[] {
  const starts = new Set<number>([0]);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (prev.text === ';' || prev.text === ':') starts.add(i);
    else if (isRole(t, 'clause-break') && i > 1 && (prev.text === ',' || /^(but|whereas|while|although|though)$/.test(t.lower))) starts.add(i);
    else if ((t.lower === 'and' || t.lower === 'or') && prev.text === ',' && startsVerbPhrase(tokens, i + 1, isMentionToken)) starts.add(i);
  }
  const sorted = [...starts].filter((s) => s < tokens.length).sort((a, b) => a - b);
  return sorted.map((first, k) => ({ first, last: (sorted[k + 1] ?? tokens.length) - 1 }));
}

/** After ", and": a verb-like word (not a name, determiner or "other(s)") starts a new verb phrase. */
function startsVerbPhrase(tokens: readonly Token[], i: number, isMentionToken: (i: number) => boolean): boolean {
  let j = i;
  while (j < tokens.length && /ly$/.test(tokens[j]!.lower) && !isMentionToken(j)) j++;
  const t = tokens[j];
  if (!t || t.punct || isMentionToken(j)) return false;
  if (/^[A-Z]/.test(t.text)) return false;
  if (isRole(t, 'determiner') || /^others?$/.test(t.lower) || /^\d/.test(t.text)) return false;
  return t.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular' || c.inflection === 's') || isRole(t, 'modal') || isRole(t, 'be');
}
