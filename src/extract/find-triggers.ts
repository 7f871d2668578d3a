import { isRole } from './function-words.js';
import { licenseNounTrigger, type NounLicence } from './license-noun-trigger.js';
import { clauseOf, lexiconMatches, type SentenceView } from './sentence-view.js';
import type { TriggerEntry } from './trigger-lexicon.js';
import { isVerbReading } from './verb-reading.js';

export interface FoundTrigger<T extends TriggerEntry> {
  entry: T;
  /** Token indices (inclusive). */
  first: number;
  last: number;
  clause: number;
  licence: NounLicence | 'verb';
}

export interface FindOptions<T> {
  /** Noun entries that a participant compound may license ("the Japan-Russia summit"). */
  compoundLicenses?: (entry: T) => boolean;
  /** Extra per-entry condition (e.g. context words). */
  accept?: (entry: T, view: SentenceView) => boolean;
  /** Keep backgrounded nouns ("since the buildup of ...") with licence 'background' for the caller to judge. */
  allowBackground?: boolean;
}

/**
 * Matches of a trigger lexicon in a sentence that read as the kind of word the entry wants (verb
 * readings for verbs, licensed nouns), de-overlapped: the longer pattern wins ("demanded the
 * expulsion" over "demanded"), then the one matching words as written.
 */
export function findTriggers<T extends TriggerEntry>(view: SentenceView, entries: readonly T[], opts: FindOptions<T> = NO_OPTIONS as FindOptions<T>): FoundTrigger<T>[] {
  const matches = lexiconMatches(view, entries);
  // Most sentences match no entry of a lexicon.
  if (matches.length === 0) return [];
  let verbTokens: Set<number> | undefined;
  for (const { entry, match } of matches) {
    if ((entry.pos === 'verb' || entry.pos === 'phrase') && !isRole(view.tokens[match.first], 'light-before') && isVerbReading(view, match.first, match.inflection)) {
      (verbTokens ??= new Set()).add(match.first);
    }
  }
  const candidates: Candidate<T>[] = [];
  for (const { entry, match } of matches) {
    const clause = clauseOf(view, match.first);
    if (clauseOf(view, match.last) !== clause) continue;
    if (opts.accept && !opts.accept(entry, view)) continue;
    if (inInstitutionName(view, match.last)) continue;
    let licence: FoundTrigger<T>['licence'] = 'verb';
    if (entry.pos === 'verb' || entry.pos === 'phrase') {
      if (!isVerbReading(view, match.first, match.inflection)) continue;
    } else if (entry.pos === 'noun') {
      // Noun entries match singular or plural nouns only, never "-ed"/"-ing" verb forms.
      if (match.inflection !== 'base' && match.inflection !== 's') continue;
      licence = licenseNounTrigger(view, view.clauses[clause]!, match.first, match.last, { allowCompound: opts.compoundLicenses?.(entry) ?? false, blockers: verbTokens ?? NO_TOKENS });
      if (!licence || (licence === 'background' && !opts.allowBackground)) continue;
    }
    candidates.push({ found: { entry, first: match.first, last: match.last, clause, licence }, weight: entry.pattern.weight, rank: match.rank });
  }
  if (candidates.length === 0) return [];
  if (candidates.length > 1) candidates.sort((a, b) => b.weight - a.weight || a.rank - b.rank || a.found.first - b.found.first || a.found.entry.line - b.found.entry.line);
  const kept: FoundTrigger<T>[] = [];
  for (const { found } of candidates) {
    // Kept triggers are few: a candidate is checked against each rather than against a set of taken tokens.
    if (kept.some((k) => k.first <= found.last && found.first <= k.last)) continue;
    kept.push(found);
  }
  return kept.length > 1 ? kept.sort((a, b) => a.first - b.first) : kept;
}

// Shared: a fresh {} per call was made for every sentence and lexicon, though most match nothing.
const NO_OPTIONS: FindOptions<never> = {};

interface Candidate<T extends TriggerEntry> {
  found: FoundTrigger<T>;
  weight: number;
  rank: number;
}

const NO_TOKENS: ReadonlySet<number> = new Set();

/** Head words of institution names: a capitalised trigger noun before one ("the Victim Support Fund") names a body, not an act. */
const INSTITUTION_HEAD = /^(?:Fund|Funds|Office|Unit|Programme|Program|Mission|Centre|Center|Committee|Agency|Trust|Facility|Network|Service|Foundation|Bank|Board|Secretariat|Initiative)$/u;

const CAPITALISED = /^\p{Lu}/u;

function inInstitutionName(view: SentenceView, last: number): boolean {
  const word = view.tokens[last];
  const next = view.tokens[last + 1];
  return word !== undefined && next !== undefined && CAPITALISED.test(word.text) && INSTITUTION_HEAD.test(next.text);
}
