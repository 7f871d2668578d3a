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
export function findTriggers<T extends TriggerEntry>(view: SentenceView, entries: readonly T[], opts: FindOptions<T> = {}): FoundTrigger<T>[] {
  const candidates: (FoundTrigger<T> & { weight: number; rank: number })[] = [];
  const matches = lexiconMatches(view, entries);
  const verbTokens = new Set<number>();
  for (const { entry, match } of matches) {
    if ((entry.pos === 'verb' || entry.pos === 'phrase') && !isRole(view.tokens[match.first], 'light-before') && isVerbReading(view, match.first, match.inflection)) {
      verbTokens.add(match.first);
    }
  }
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
      licence = licenseNounTrigger(view, view.clauses[clause]!, match.first, match.last, { allowCompound: opts.compoundLicenses?.(entry) ?? false, blockers: verbTokens });
      if (!licence || (licence === 'background' && !opts.allowBackground)) continue;
    }
    candidates.push({ entry, first: match.first, last: match.last, clause, licence, weight: entry.pattern.weight, rank: match.rank });
  }
  candidates.sort((a, b) => b.weight - a.weight || a.rank - b.rank || a.first - b.first || a.entry.line - b.entry.line);
  const taken = new Set<number>();
  const kept: FoundTrigger<T>[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.first; i <= c.last; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = c.first; i <= c.last; i++) taken.add(i);
    const { weight: _w, rank: _r, ...found } = c;
    kept.push(found);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Head words of institution names: a capitalised trigger noun before one ("the Victim Support Fund") names a body, not an act. */
const INSTITUTION_HEAD = /^(?:Fund|Funds|Office|Unit|Programme|Program|Mission|Centre|Center|Committee|Agency|Trust|Facility|Network|Service|Foundation|Bank|Board|Secretariat|Initiative)$/u;

function inInstitutionName(view: SentenceView, last: number): boolean {
  const word = view.tokens[last];
  const next = view.tokens[last + 1];
  return word !== undefined && next !== undefined && /^\p{Lu}/u.test(word.text) && INSTITUTION_HEAD.test(next.text);
}
