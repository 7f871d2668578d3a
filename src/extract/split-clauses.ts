import { isRole } from './function-words.js';
import type { Token } from './tokenise.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const LY_ENDING = /ly$/;
const CAPITALISED = /^[A-Z]/;
const OTHERS = /^others?$/;
const DIGIT_FIRST = /^\d/;

/** A clause as an inclusive range of token indices within its sentence. */
export interface Clause {
  first: number;
  last: number;
}

// Clause breaks that start a clause even without a comma before them.
const BREAK_ANYWHERE = /^(but|whereas|while|although|though)$/;

/**
 * Split a sentence's tokens into clauses: at ";" and ":", before "but", "whereas", "although",
 * "while" and the like, and at ", and" when what follows is a new verb phrase rather than the next
 * item of a list ("the G7, the EU, and others" stays together). Clauses scope negation, modality,
 * dates and the search for arguments; they need not be grammatical clauses to do that job.
 */
export function splitClauses(tokens: readonly Token[], isMentionToken: (i: number) => boolean): Clause[] {
  if (tokens.length === 0) return [];
  // Starts are found in increasing order, each once: each clause ends where the next starts.
  const clauses: Clause[] = [];
  let first = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    let starts = false;
    if (prev.text === ';' || prev.text === ':') starts = true;
    else if (isRole(t, 'clause-break') && i > 1 && (prev.text === ',' || BREAK_ANYWHERE.test(t.lower))) starts = true;
    // The comma first: one-character strings compare by identity, a word against "and" by its characters.
    else if (prev.text === ',' && (t.lower === 'and' || t.lower === 'or') && startsVerbPhrase(tokens, i + 1, isMentionToken)) starts = true;
    if (starts) {
      clauses.push({ first, last: i - 1 });
      first = i;
    }
  }
  clauses.push({ first, last: tokens.length - 1 });
  return clauses;
}

/** After ", and": a verb-like word (not a name, determiner or "other(s)") starts a new verb phrase. */
function startsVerbPhrase(tokens: readonly Token[], i: number, isMentionToken: (i: number) => boolean): boolean {
  let j = i;
  while (j < tokens.length && LY_ENDING.test(tokens[j]!.lower) && !isMentionToken(j)) j++;
  const t = tokens[j];
  if (!t || t.punct || isMentionToken(j)) return false;
  if (CAPITALISED.test(t.text)) return false;
  if (isRole(t, 'determiner') || OTHERS.test(t.lower) || DIGIT_FIRST.test(t.text)) return false;
  return t.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular' || c.inflection === 's') || isRole(t, 'modal') || isRole(t, 'be');
}
