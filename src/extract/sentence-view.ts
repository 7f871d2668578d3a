import type { AnalysedDocument, Mention, Quantity, Sentence, Timex } from '../model/index.js';
import { detachedString } from '../model/detached-string.js';
import { sentenceItems, type SentenceItems, type TimexRef } from './sentence-items.js';

export type { TimexRef } from './sentence-items.js';
import { splitClauses, type Clause } from './split-clauses.js';
import { tokenise, type Token } from './tokenise.js';
import { findMatches, type CompiledPattern, type PatternMatch } from './trigger-pattern.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const HYPHENATED = /\p{L}-\p{L}/u;
const PARTICIPANT_COMPOUND_NAME = /^(?:the )?\p{Lu}[\p{L}.]*-\p{Lu}[\p{L}.]* /u;

/** A linked mention placed on the sentence's tokens. */
export interface MentionRef {
  mention: Mention;
  entity: string;
  // The mention's kind, offsets and text, copied: mentions come from several stages with differing
  // optional fields (so several object shapes), and extraction reads these on every ref; read from
  // refs, which all have one shape, the reads stay monomorphic and V8 does not deoptimise on them.
  kind: Mention['kind'];
  start: number;
  end: number;
  text: string;
  /** Token indices (inclusive) the mention covers. */
  first: number;
  last: number;
  /** An adjectival or demonym form ("Russian"): an argument only before an agent noun ("the Russian authorities"). */
  modifier: boolean;
  /** Followed by "'s" (or a bare apostrophe after -s). */
  possessive: boolean;
  /**
   * A participant named inside a compound name ("Japan" in "the Japan-Russia Summit"), added by
   * extraction (rule extract.inner-participant). Kept on the ref: reading the rule from the mention
   * met its several shapes, and the optimised reader was deoptimised by each new one.
   */
  inner: boolean;
}

/** Everything extraction needs about one sentence, each part computed at most once. */
export interface SentenceView {
  readonly doc: AnalysedDocument;
  readonly sentence: Sentence;
  readonly tokens: Token[];
  readonly clauses: Clause[];
  readonly mentions: MentionRef[];
  readonly timexes: readonly TimexRef[];
  readonly quantities: readonly Quantity[];
  /** For each token, the mention refs overlapping it. */
  readonly mentionsAt: MentionRef[][];
  /** Matches of whole lexicons over the sentence (see lexiconMatches), one scan per lexicon. */
  scans?: LexiconScan;
}

/**
 * One lexicon's matches over a sentence, and the scan of the lexicon asked for before it. A sentence is
 * scanned with a handful of lexicons: a short chain of these (40 bytes each) holds them, where two
 * lists grown by push took some 370 bytes per sentence.
 */
export interface LexiconScan {
  readonly entries: readonly object[];
  readonly found: readonly { entry: unknown; match: PatternMatch }[];
  readonly next: LexiconScan | undefined;
}

const MODIFIER_RULE = /adjectiv|demonym|modifier/i;
// Shared by the tokens in no mention. Made with the elements kind of the one-mention lists ([ref]):
// an empty literal has a kind (and map) of its own, and code reading both kinds of list would see two.
const NO_MENTIONS: MentionRef[] = emptyObjectList();

function emptyObjectList<T extends object>(): T[] {
  const list = [{}] as T[];
  list.pop();
  return list;
}

/** The first token ending after a document offset (tokens.length if none): tokens are in order and do not overlap. */
export function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function buildSentenceView(doc: AnalysedDocument, sentence: Sentence): SentenceView {
  return new LazySentenceView(doc, sentence, tokenise(doc.text, sentence.start, sentence.end), sentenceItems(doc, sentence));
}

/**
 * Mentions, their places on the tokens and clauses are worked out when first asked for: most
 * sentences match no trigger of any lexicon, and extraction then never reads them (the same values
 * as working them out at once, only later or never).
 */
class LazySentenceView implements SentenceView {
  scans: LexiconScan | undefined = undefined;
  readonly timexes: readonly TimexRef[];
  readonly quantities: readonly Quantity[];
  private placed: { mentions: MentionRef[]; mentionsAt: MentionRef[][] } | undefined = undefined;
  private split: Clause[] | undefined = undefined;

  constructor(
    readonly doc: AnalysedDocument,
    readonly sentence: Sentence,
    readonly tokens: Token[],
    private readonly items: SentenceItems,
  ) {
    this.timexes = items.timexes;
    this.quantities = items.quantities;
  }

  get mentions(): MentionRef[] {
    return (this.placed ??= placeMentions(this.doc, this.tokens, this.items)).mentions;
  }

  get mentionsAt(): MentionRef[][] {
    return (this.placed ??= placeMentions(this.doc, this.tokens, this.items)).mentionsAt;
  }

  get clauses(): Clause[] {
    if (!this.split) {
      const mentionsAt = this.mentionsAt;
      this.split = splitClauses(this.tokens, (i) => mentionsAt[i] !== undefined && mentionsAt[i] !== NO_MENTIONS);
    }
    return this.split;
  }
}

/** The sentence's linked mentions on its tokens (outermost ones, and participants inside compound names), and for each token the mentions over it. */
function placeMentions(doc: AnalysedDocument, tokens: Token[], items: SentenceItems): { mentions: MentionRef[]; mentionsAt: MentionRef[][] } {
  const linked = items.mentions.filter((m): m is Mention & { entity: string } => m.entity !== null);
  if (linked.length > 1 && !inOrder(linked, byStartOutermostFirst)) linked.sort(byStartOutermostFirst);
  const mentions: MentionRef[] = [];
  // Keep outermost mentions: "the Government of Japan" rather than also "Japan" inside it (placed as
  // they are kept, without a list of them apart).
  let kept: (Mention & { entity: string }) | undefined;
  for (const m of linked) {
    // "the two countries" may be linked to two states on one span: keep both.
    if (kept && m.start >= kept.start && m.end <= kept.end && !(m.start === kept.start && m.end === kept.end && m.entity !== kept.entity)) continue;
    kept = m;
    const first = firstTokenEndingAfter(tokens, m.start);
    if (first === tokens.length) continue;
    let end = first;
    while (end + 1 < tokens.length && tokens[end + 1]!.start < m.end) end++;
    const next = tokens[end + 1];
    const possessive = next !== undefined && next.start === tokens[end]!.end && (next.lower === "'s" || (next.text === "'" || next.text === '’'));
    mentions.push({ mention: m, entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text, first, last: end, modifier: MODIFIER_RULE.test(m.rule), possessive, inner: false });
  }
  for (const inner of innerParticipants(doc, tokens, mentions)) mentions.push(inner);
  if (mentions.length > 1 && !inOrder(mentions, byFirstToken)) mentions.sort(byFirstToken);
  // Most tokens are in no mention: they share one empty list (never written to).
  const mentionsAt: MentionRef[][] = new Array<MentionRef[]>(tokens.length).fill(NO_MENTIONS);
  for (const ref of mentions) {
    for (let i = ref.first; i <= ref.last; i++) {
      const at = mentionsAt[i]!;
      if (at === NO_MENTIONS) mentionsAt[i] = [ref];
      else at.push(ref);
    }
  }
  return { mentions, mentionsAt };
}

const byStartOutermostFirst = (a: Mention, b: Mention): number => a.start - b.start || b.end - a.end;
const byFirstToken = (a: MentionRef, b: MentionRef): number => a.first - b.first || a.start - b.start;

/**
 * Whether a (stable) sort by `compare` would leave the list as it is. Mentions mostly come in
 * document order already, and each sort call allocated its work lists (9 MB on 400 speeches).
 */
function inOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let k = 1; k < list.length; k++) if (compare(list[k - 1]!, list[k]!) > 0) return false;
  return true;
}

const PARTICIPANT_KINDS = new Set(['state', 'bloc', 'organization']);

/** Meetings and joint bodies named by their participants: "the Japan-Russia Summit", "the Japan-Russia Intergovernmental Committee". */
function namedByParticipants(r: MentionRef): boolean {
  return r.kind !== 'person' && HYPHENATED.test(r.text) && (!PARTICIPANT_KINDS.has(r.kind) || (r.kind === 'organization' && PARTICIPANT_COMPOUND_NAME.test(r.text)));
}

const NO_REFS: readonly MentionRef[] = [];

/**
 * Names like "the Japan-Russia Summit" or "the China-Russia Joint Statement" are recognised as one
 * entity, but their participants act in the sentence. Where such a name contains a surface the
 * document links elsewhere by name ("Japan", "Russia"), add those as (inner) mentions.
 */
function innerParticipants(doc: AnalysedDocument, tokens: Token[], refs: MentionRef[]): readonly MentionRef[] {
  // Most sentences name no compound: no list is made for them.
  if (!refs.some(namedByParticipants)) return NO_REFS;
  const compound = refs.filter(namedByParticipants);
  const bySurface = participantSurfaces(doc);
  const out: MentionRef[] = [];
  for (const ref of compound) {
    for (const [surface, link] of bySurface) {
      // A plain substring test first: most surfaces are not in the name at all.
      if (link.entity === ref.entity || !ref.text.includes(surface)) continue;
      const at = ref.text.search(wholeWord(surface));
      if (at < 0) continue;
      const start = ref.start + at;
      const end = start + surface.length;
      const first = firstTokenEndingAfter(tokens, start);
      if (first === tokens.length) continue;
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
      out.push({
        mention: { ...ref.mention, start, end, text: surface, entity: link.entity, kind: link.kind, rule: 'extract.inner-participant' },
        entity: link.entity,
        kind: link.kind,
        start,
        end,
        text: surface,
        first,
        last,
        modifier: false,
        possessive: false,
        inner: true,
      });
    }
  }
  return out;
}

// Built once per document (not per sentence): surfaces the document links by name to a participant.
const surfacesByDoc = new WeakMap<AnalysedDocument['mentions'], Map<string, { entity: string; kind: Mention['kind'] }>>();

function participantSurfaces(doc: AnalysedDocument): Map<string, { entity: string; kind: Mention['kind'] }> {
  let bySurface = surfacesByDoc.get(doc.mentions);
  if (bySurface) return bySurface;
  bySurface = new Map();
  for (const m of doc.mentions) {
    if (m.entity && PARTICIPANT_KINDS.has(m.kind) && !MODIFIER_RULE.test(m.rule) && !bySurface.has(m.text)) bySurface.set(m.text, { entity: m.entity, kind: m.kind });
  }
  surfacesByDoc.set(doc.mentions, bySurface);
  return bySurface;
}

// One compiled expression per surface, not one per compound name and surface.
const wholeWordCache = new Map<string, RegExp>();

function wholeWord(surface: string): RegExp {
  let re = wholeWordCache.get(surface);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    if (wholeWordCache.size >= 10_000) wholeWordCache.clear();
    // Kept beyond this document: a detached copy, or the key would keep the document's text alive.
    wholeWordCache.set(detachedString(surface), re);
  }
  return re;
}

/** Index of the clause holding token i. */
export function clauseOf(view: SentenceView, i: number): number {
  const clauses = view.clauses;
  for (let k = 0; k < clauses.length; k++) if (i >= clauses[k]!.first && i <= clauses[k]!.last) return k;
  return 0;
}

/** The token index at or after a document offset (tokens.length if none). */
/** The first token starting at or after a document offset (tokens.length if none). */
export function firstTokenStartingFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many tokens lie within [from, to) of the document (start >= from and end <= to). */
export function tokensWithin(tokens: readonly Token[], from: number, to: number): number {
  return Math.max(0, firstTokenEndingAfter(tokens, to) - firstTokenStartingFrom(tokens, from));
}

/** The token starting exactly at a document offset, or -1. */
export function tokenStartingAt(view: SentenceView, offset: number): number {
  const k = firstTokenStartingFrom(view.tokens, offset);
  return k < view.tokens.length && view.tokens[k]!.start === offset ? k : -1;
}

export function tokenAtOffset(view: SentenceView, offset: number): number {
  return firstTokenEndingAfter(view.tokens, offset);
}

/**
 * findMatches over the whole sentence, worked out once per sentence and lexicon: the events'
 * triggers and the event nouns they are checked against come from one scan. Callers only read it.
 */
export function lexiconMatches<T extends { pattern: CompiledPattern }>(view: SentenceView, entries: readonly T[]): readonly { entry: T; match: PatternMatch }[] {
  // A sentence is scanned with a handful of lexicons: a short chain is searched, no map is made per sentence.
  for (let scan = view.scans; scan !== undefined; scan = scan.next) {
    if (scan.entries === entries) return scan.found as { entry: T; match: PatternMatch }[];
  }
  const found = findMatches(view.tokens, entries);
  view.scans = { entries, found, next: view.scans };
  return found;
}
