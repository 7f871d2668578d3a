import type { AnalysedDocument, Mention } from '../model/index.js';
import { agreementParties } from './agreement-parties.js';
import { mentionChains } from './find-arguments.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';
import { stateOf } from './state-of.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const JOINT = /^joint(ly)?$/;
const MUTUAL = /^(jointly|mutually|mutual|reciprocal|reciprocally|joint)$/;
const THE_OR_BOTH = /^(the|both)$/;

/*
 * Participants a careful reader supplies when the clause does not name them in subject or object
 * position. Each function states one inference; callers record which one fired in the event's rule.
 */

const PARTY_KINDS = new Set(['state', 'bloc']);

/** "joint exercises", "mutually expelling", "reciprocal visits": every party acts and receives. */
export function isJointAct(view: SentenceView, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (JOINT.test(view.tokens[i]!.lower)) return true;
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = view.tokens[i]!;
    if (MUTUAL.test(t.lower)) return true;
    if (t.punct) break;
  }
  return false;
}

/** The distinct states and blocs a sentence names (adjectival forms count as their state). */
export function sentenceParties(view: SentenceView): string[] {
  return [...new Set(view.mentions.filter((m) => PARTY_KINDS.has(m.kind)).map((m) => m.entity))];
}

/** Parties named in "between X and Y" before a token: "contacts between Russia and Germany ...". */
export function betweenParties(view: SentenceView, before: number): string[] {
  const out: string[] = [];
  for (const clause of view.clauses) {
    if (clause.first >= before) break;
    for (const chain of mentionChains(view, clause)) {
      if (chain.last >= before || chain.refs.length < 2) continue;
      let p = chain.first - 1;
      while (p >= 0 && THE_OR_BOTH.test(view.tokens[p]!.lower)) p--;
      if (view.tokens[p]?.lower === 'between') out.push(...chain.refs.map((r) => r.entity));
    }
  }
  return [...new Set(out)];
}

/**
 * Whose territory an annexation, occupation or capture takes: the country of the places the
 * sentence names ("Donetsk ... in Ukraine"), else the one state it names besides the actors
 * ("an inherent territory of Japan ... occupied by Russia").
 */
export function territoryOwner(doc: AnalysedDocument, view: SentenceView, actors: readonly string[]): string[] {
  const actorStates = new Set(actors.map((a) => stateOf(doc.entities, a)));
  const fromPlaces = new Set<string>();
  for (const m of view.mentions) {
    if (m.kind !== 'place') continue;
    const country = doc.entities.get(m.entity)?.country;
    if (country && !actorStates.has(country)) fromPlaces.add(country);
  }
  if (fromPlaces.size === 1) return [...fromPlaces];
  const states = new Set(view.mentions.filter((m) => m.kind === 'state').map((m) => m.entity).filter((s) => !actorStates.has(s)));
  return states.size === 1 ? [...states] : [];
}

/**
 * The other parties of the agreement an act suspends, leaves or refuses: agreements named after the
 * trigger in its clause, or "this agreement" meaning the last one named earlier in the paragraph.
 */
export function agreementCounterparts(doc: AnalysedDocument, view: SentenceView, clause: Clause, last: number, actors: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const m of view.mentions) if (m.kind === 'agreement' && m.first > last && m.last <= clause.last) ids.add(m.entity);
  if (ids.size === 0) {
    for (let i = last + 1; i < clause.last; i++) {
      if (/^(this|that|the)$/.test(view.tokens[i]!.lower) && /^(agreement|treaty|accord|convention|deal|framework)$/.test(view.tokens[i + 1]!.lower)) {
        const previous = earlierAgreement(doc, view);
        if (previous) ids.add(previous);
        break;
      }
    }
  }
  const actorStates = new Set(actors.map((a) => stateOf(doc.entities, a)));
  const out = new Set<string>();
  for (const id of ids) for (const p of agreementParties(id)) if (!actorStates.has(p)) out.add(p);
  return actorStates.size > 0 ? [...out] : [];
}

function earlierAgreement(doc: AnalysedDocument, view: SentenceView): string | undefined {
  const paragraph = doc.segmentation.paragraphs[view.sentence.paragraph];
  const from = paragraph?.start ?? view.sentence.start;
  const until = view.sentence.start;
  const agreements = agreementMentions(doc.mentions);
  if (!agreements.sorted) {
    const before = agreements.list.filter((m) => m.start >= from && m.end <= until);
    return before[before.length - 1]?.entity ?? undefined;
  }
  // Sorted by start: the last one starting by `until`, walking back to `from`, that also ends by `until`.
  let lo = 0;
  let hi = agreements.list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (agreements.list[mid]!.start <= until) lo = mid + 1; else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && agreements.list[k]!.start >= from; k--) {
    const m = agreements.list[k]!;
    if (m.end <= until) return m.entity ?? undefined;
  }
  return undefined;
}

// Per document (its mention list): the linked agreement mentions, and whether they are in start order.
const agreementCache = new WeakMap<readonly Mention[], { list: Mention[]; sorted: boolean }>();

function agreementMentions(mentions: readonly Mention[]): { list: Mention[]; sorted: boolean } {
  let found = agreementCache.get(mentions);
  if (!found) {
    const list = mentions.filter((m) => m.kind === 'agreement' && m.entity);
    // Equal starts must not be reordered either: the walk back returns the last in list order.
    const sorted = list.every((m, k) => k === 0 || list[k - 1]!.start < m.start);
    found = { list, sorted };
    agreementCache.set(mentions, found);
  }
  return found;
}

/** "phase out its dependence on Russian energy": an adjectival state form in the object is the target. */
export function modifierObject(view: SentenceView, clause: Clause, first: number, last: number): string | undefined {
  for (const m of view.mentions) {
    // After the trigger, or inside a gapped one ("forced Kenyan newspapers to suspend").
    if (m.first <= first || m.last > clause.last || m.first - last > 5) continue;
    if (!m.modifier || m.kind !== 'state') continue;
    const gap = view.tokens.slice(Math.max(first + 1, last + 1), m.first);
    if (gap.some((t) => t.lower === 'by' || (t.punct && t.text !== '“' && t.text !== '"'))) return undefined;
    return m.entity;
  }
  return undefined;
}
