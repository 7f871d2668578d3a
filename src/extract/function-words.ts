import { readDataRows } from './data-files.js';
import { compilePattern, longestMatchEndAt, type CompiledPattern } from './trigger-pattern.js';
import type { LemmaCandidate } from './lemmatise.js';
import { hasLemma, type Token } from './tokenise.js';
import type { WordForm } from './word-form.js';

/** Roles of data/extract-function-words.tsv. */
export type FunctionRole =
  | 'determiner' | 'preposition' | 'of-head' | 'agent-head' | 'subject-pronoun' | 'modal' | 'be'
  | 'negator' | 'negator-phrase' | 'hypothetical' | 'planned' | 'reported' | 'response' | 'inherit-date' | 'inherit-date-after'
  | 'clause-break' | 'object-verb' | 'light-before' | 'light-after' | 'background' | 'place-noun' | 'nominal-infinitive' | 'compound-head';

export interface FunctionWords {
  /** Single words by role, matched on the token's surface or any lemma. */
  words: ReadonlyMap<FunctionRole, ReadonlySet<string>>;
  /** Multi-word entries by role, as patterns. */
  phrases: ReadonlyMap<FunctionRole, readonly CompiledPattern[]>;
}

let cached: FunctionWords | undefined;

export function functionWords(): FunctionWords {
  if (cached) return cached;
  const words = new Map<FunctionRole, Set<string>>();
  const phrases = new Map<FunctionRole, CompiledPattern[]>();
  for (const [role, list] of readDataRows('extract-function-words.tsv')) {
    if (!role || !list) continue;
    for (const item of list.split('|')) {
      const entry = item.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes(' ')) {
        const arr = phrases.get(role as FunctionRole) ?? [];
        arr.push(compilePattern(entry));
        phrases.set(role as FunctionRole, arr);
      } else {
        const set = words.get(role as FunctionRole) ?? new Set<string>();
        set.add(entry);
        words.set(role as FunctionRole, set);
      }
    }
  }
  cached = { words, phrases };
  return cached;
}

/** Is the token a single-word member of the role (by surface, or by lemma for content words)? */
export function isRole(token: Token | undefined, role: FunctionRole): boolean {
  if (!token) return false;
  // A token of the tokeniser: all roles of its form are worked out once.
  const form = token.form;
  if (form !== undefined) {
    const bit = roleBits().get(role);
    if (bit !== undefined) return (rolesOf(form) & bit) !== 0;
  }
  const set = functionWords().words.get(role);
  return set !== undefined && hasRole(token.lower, token.lemmas, set);
}

function hasRole(lower: string, lemmas: readonly LemmaCandidate[], set: ReadonlySet<string>): boolean {
  if (set.has(lower)) return true;
  // Lemma readings only for longer words: "its" must not read as "it", "does" may read as "do".
  return lemmas.some((c) => (c.inflection === 'irregular' || (c.inflection !== 'base' && lower.length > 3)) && set.has(c.lemma));
}

let bitsByRole: Map<FunctionRole, number> | undefined;

/** One bit for each role with single words (up to 31; any further role is looked up in its set each time). */
function roleBits(): Map<FunctionRole, number> {
  if (bitsByRole) return bitsByRole;
  bitsByRole = new Map();
  let n = 0;
  for (const role of functionWords().words.keys()) if (n < 31) bitsByRole.set(role, 1 << n++);
  return bitsByRole;
}

let bitsByWord: Map<string, number> | undefined;

/** For each word listed under any role with a bit, the bits of the roles listing it. */
function roleBitsByWord(): Map<string, number> {
  if (bitsByWord) return bitsByWord;
  bitsByWord = new Map();
  for (const [role, bit] of roleBits()) for (const w of functionWords().words.get(role)!) bitsByWord.set(w, (bitsByWord.get(w) ?? 0) | bit);
  return bitsByWord;
}

/** hasRole for every role at once: the roles listing the surface, or (as hasRole allows) one of its readings. */
function rolesOf(form: WordForm): number {
  if (form.roles < 0) {
    const byWord = roleBitsByWord();
    let bits = byWord.get(form.lower) ?? 0;
    for (const c of form.lemmas) {
      if (c.inflection === 'irregular' || (c.inflection !== 'base' && form.lower.length > 3)) bits |= byWord.get(c.lemma) ?? 0;
    }
    form.roles = bits;
  }
  return form.roles;
}

/** Is this one reading of a word a member of the role (as isRole on a token with only that reading)? */
export function isRoleReading(reading: LemmaCandidate, role: FunctionRole): boolean {
  const set = functionWords().words.get(role);
  return set !== undefined && hasRole(reading.lemma, [reading], set);
}

/** A role member (word or phrase) starting at token i: its last token index, or -1. */
export function roleAt(tokens: readonly Token[], i: number, role: FunctionRole, limit = tokens.length): number {
  // Only the role's phrases that can start with token i are tried (the patterns' first-word index).
  let last = longestMatchEndAt(tokens, i, phraseEntries(role), limit);
  if (last < 0 && i < limit && isRole(tokens[i], role)) last = i;
  return last;
}

// One list per role, kept, so that the index of its first words is built once.
const phraseEntriesByRole = new Map<FunctionRole, { pattern: CompiledPattern }[]>();

function phraseEntries(role: FunctionRole): { pattern: CompiledPattern }[] {
  let entries = phraseEntriesByRole.get(role);
  if (!entries) {
    entries = (functionWords().phrases.get(role) ?? []).map((pattern) => ({ pattern }));
    phraseEntriesByRole.set(role, entries);
  }
  return entries;
}

export { hasLemma };
