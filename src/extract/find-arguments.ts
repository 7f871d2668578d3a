import type { EntityKind } from '../model/entity.js';
import { isRole } from './function-words.js';
import type { MentionRef, SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';

/** Coordinated mentions read as one argument: "the G7, the EU, and others", "Japan-Russia". */
export interface MentionChain {
  refs: MentionRef[];
  first: number;
  last: number;
}

export interface Arguments {
  actors: string[];
  recipients: string[];
  passive: boolean;
  /** The actor search stopped at a pronoun subject ("it", "they"); the caller may resolve it. */
  pronounSubject: boolean;
  /** Both sides came from one compound or "between X and Y": joint action, actors = recipients. */
  symmetric: boolean;
}

export interface TriggerSpan {
  first: number;
  last: number;
}

const ARGUMENT_KINDS = new Set<EntityKind>(['state', 'person', 'organization', 'bloc']);
const JOINERS = /^(,|and|or|nor|the|both|either|neither|as|well)$/;
// Prepositions that introduce the party acted upon ("sanctions against X", "talks with X").
const RECIPIENT_PREPS = /^(against|on|upon|to|with|from|toward|towards|at|over|into|of|for|between|onto)$/;
const GAP_STOP = /^(that|which|who|whom|because|while|whereas|although|since|after|before|when|if|saying|stating|including|such)$/;
const MAX_OBJECT_GAP = 10;

/** Group the usable mentions of a clause into coordinated chains. */
export function mentionChains(view: SentenceView, clause: Clause): MentionChain[] {
  const usable = view.mentions.filter(
    (m) => m.first >= clause.first && m.last <= clause.last && ARGUMENT_KINDS.has(m.mention.kind) && (!m.modifier || modifiesAgent(view, m)),
  );
  const chains: MentionChain[] = [];
  for (const ref of usable) {
    const prev = chains[chains.length - 1];
    if (prev) {
      const between = view.tokens.slice(prev.last + 1, ref.first);
      if (ref.first <= prev.last || (between.length <= 4 && between.every((t) => JOINERS.test(t.lower)) && between.length > 0)) {
        prev.refs.push(ref);
        prev.last = Math.max(prev.last, ref.last);
        continue;
      }
    }
    chains.push({ refs: [ref], first: ref.first, last: ref.last });
  }
  return chains;
}

/** An adjectival mention stands for its state before an agent noun: "the Russian authorities". */
function modifiesAgent(view: SentenceView, ref: MentionRef): boolean {
  const next = view.tokens[ref.last + 1];
  const after = view.tokens[ref.last + 2];
  return isRole(next, 'agent-head') || (next !== undefined && !next.punct && isRole(after, 'agent-head') && /^(military|armed|central|federal|national|foreign|security|defense)$/.test(next.lower));
}

function entitiesOf(chains: readonly MentionChain[]): string[] {
  return [...new Set(chains.flatMap((c) => c.refs.map((r) => r.entity)))];
}

/** The token before a chain, skipping determiners ("against the EU" -> "against"). */
function wordBefore(view: SentenceView, first: number, floor: number): number {
  let i = first - 1;
  while (i >= floor && (isRole(view.tokens[i], 'determiner') || /^[“”"'‘’]$/.test(view.tokens[i]!.text))) i--;
  return i;
}

function blockedByPreposition(view: SentenceView, chain: MentionChain, floor: number): boolean {
  const i = wordBefore(view, chain.first, floor);
  if (i < floor) return false;
  const tok = view.tokens[i]!;
  if (!isRole(tok, 'preposition')) return false;
  if (tok.lower === 'of') return !isRole(view.tokens[i - 1], 'of-head');
  return true;
}

/** A chain right after another verb or trigger is that verb's object, not the next verb's subject. */
function isObjectOfEarlierVerb(view: SentenceView, chain: MentionChain, floor: number, triggerTokens: ReadonlySet<number>): boolean {
  const i = wordBefore(view, chain.first, floor);
  if (i < floor) return false;
  const tok = view.tokens[i]!;
  if (triggerTokens.has(i)) return true;
  return isRole(tok, 'object-verb') && tok.lemmas.some((c) => c.inflection !== 'base') && !isRole(tok, 'preposition');
}

/** A relative pronoun after a common noun lies between: "countries that have not imposed". */
function relativeSubjectBetween(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = view.tokens[i]!;
    if (!/^(that|which|who)$/.test(t.lower)) continue;
    const prev = view.tokens[i - 1];
    if (prev && !prev.punct && view.mentionsAt[i - 1]!.length === 0 && /^[a-z]/.test(prev.text) && !isRole(prev, 'preposition')) return true;
  }
  return false;
}

/** Does a predicate start at i (before the trigger): an auxiliary, an adverb, a verb form or the trigger itself? */
function startsPredicate(view: SentenceView, i: number, triggerFirst: number): boolean {
  let j = i;
  while (j < triggerFirst && (/ly$/.test(view.tokens[j]!.lower) || /^[“”"'‘’]$/.test(view.tokens[j]!.text))) j++;
  if (j === triggerFirst) return true;
  const t = view.tokens[j];
  if (!t || t.punct || view.mentionsAt[j]!.length > 0) return false;
  return isRole(t, 'modal') || isRole(t, 'be') || /^(has|have|had)$/.test(t.lower) || t.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular');
}

export function isPassive(view: SentenceView, trigger: TriggerSpan): boolean {
  const tok = view.tokens[trigger.first]!;
  if (!tok.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular')) return false;
  // "occupied by Russia", "detained by the authorities".
  if (trigger.first === trigger.last && view.tokens[trigger.last + 1]?.lower === 'by') return true;
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 3); i--) {
    const t = view.tokens[i]!;
    if (isRole(t, 'be')) return true;
    if (!/ly$/.test(t.lower) && !/^(also|then|not|never|already|subsequently|similarly|formally)$/.test(t.lower)) return false;
  }
  return false;
}

/**
 * Actors are on the subject side of the trigger: the nearest chain before it in the clause that is
 * neither governed by a preposition ("relations with Russia") nor the object of an earlier verb
 * ("condemned Belarus and imposed"). A possessive right before the trigger is its actor ("Russia's
 * aggression"). Recipients follow the trigger, directly or after "against/on/to/with/from ...".
 * In the passive the roles flip and the actor follows "by".
 */
export function findArguments(view: SentenceView, clauseIndex: number, trigger: TriggerSpan, triggerTokens: ReadonlySet<number> = new Set()): Arguments {
  const clause = view.clauses[clauseIndex]!;
  const chains = mentionChains(view, clause);
  const passive = isPassive(view, trigger);
  const result: Arguments = { actors: [], recipients: [], passive, pronounSubject: false, symmetric: false };

  // Joint action named by a compound right before the trigger: "the Japan-Russia summit".
  const compound = chains.find(
    (c) => c.last === trigger.first - 1 && !c.refs.some((r) => r.possessive) && (c.refs.length >= 2 || /\p{L}-\p{L}/u.test(view.tokens[c.last]!.text)),
  );
  const subject = findSubject(view, clause, chains, trigger, triggerTokens);
  // "declared an attaché of X persona non grata": a party inside a gapped trigger is its object.
  const inside = chains.find((c) => c.first > trigger.first && c.last < trigger.last);
  const object = inside ? { chain: inside, between: false } : findObject(view, clause, chains, trigger, passive);
  const byAgent = passive ? findByAgent(view, clause, chains, trigger) : null;

  if (compound) {
    result.actors = entitiesOf([compound]);
    result.recipients = [...result.actors];
    result.symmetric = true;
    return result;
  }
  if (passive) {
    result.actors = byAgent ? entitiesOf([byAgent]) : [];
    // "was awarded to X": the party after "to" receives; otherwise the subject does.
    const toObject = object && view.tokens[wordBefore(view, object.chain.first, trigger.last + 1)]?.lower === 'to';
    result.recipients = toObject ? entitiesOf([object.chain]) : subject.chain ? entitiesOf([subject.chain]) : object ? entitiesOf([object.chain]) : [];
  } else {
    result.actors = subject.chain ? entitiesOf([subject.chain]) : [];
    result.pronounSubject = !subject.chain && subject.pronoun;
    if (object) {
      result.recipients = entitiesOf([object.chain]);
      const jointName = object.chain.refs.length >= 2 && object.chain.first === object.chain.last;
      if ((object.between || jointName) && result.actors.length === 0) {
        result.actors = [...result.recipients];
        result.symmetric = true;
      }
    }
  }
  result.recipients = result.recipients.filter((r) => !result.actors.includes(r) || result.symmetric);
  return result;
}

function findSubject(
  view: SentenceView,
  clause: { first: number; last: number },
  chains: readonly MentionChain[],
  trigger: TriggerSpan,
  triggerTokens: ReadonlySet<number>,
): { chain: MentionChain | null; pronoun: boolean } {
  const before = chains.filter((c) => c.last < trigger.first);
  // "Russia's aggression", "Russia's moves to build up": a possessive a few words before the trigger.
  const poss = before[before.length - 1];
  if (poss && poss.refs[poss.refs.length - 1]!.possessive && trigger.first - poss.last <= 4) {
    const gap = view.tokens.slice(poss.last + 1, trigger.first);
    if (gap.every((t) => !t.punct || t.lower === "'s" || t.text === "'" || t.text === '’')) return { chain: poss, pronoun: false };
  }
  // "X announced it would ...": a pronoun subject refers to the nearest subject before it in the
  // clause if there is one; otherwise the caller looks back to earlier sentences.
  let pronoun = false;
  let pronounAt = -1;
  for (let i = trigger.first - 1; i >= Math.max(clause.first, trigger.first - 6); i--) {
    if (/^(it|they|he|she)$/.test(view.tokens[i]!.lower)) {
      pronoun = true;
      pronounAt = i;
      break;
    }
  }
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before[k]!;
    // "other countries that have not imposed ...": the subject is the noun before the relative pronoun.
    if (relativeSubjectBetween(view, c.last + 1, pronounAt >= 0 ? pronounAt : trigger.first)) return { chain: null, pronoun };
    if (blockedByPreposition(view, c, clause.first)) {
      // "... in Ukraine, and Russia annexed": the last item of a blocked list can be the next subject.
      const lastRef = c.refs[c.refs.length - 1]!;
      if (c.refs.length > 1 && /^(and|,)$/.test(view.tokens[lastRef.first - 1]?.lower ?? '') && startsPredicate(view, lastRef.last + 1, trigger.first)) {
        return { chain: { refs: [lastRef], first: lastRef.first, last: lastRef.last }, pronoun: false };
      }
      continue;
    }
    if (isObjectOfEarlierVerb(view, c, clause.first, triggerTokens)) continue;
    return { chain: c, pronoun: false };
  }
  return { chain: null, pronoun };
}

function findObject(
  view: SentenceView,
  clause: { first: number; last: number },
  chains: readonly MentionChain[],
  trigger: TriggerSpan,
  passive: boolean,
): { chain: MentionChain; between: boolean } | null {
  for (const c of chains) {
    if (c.first <= trigger.last) continue;
    const gap = view.tokens.slice(trigger.last + 1, c.first);
    if (gap.length > MAX_OBJECT_GAP) return null;
    if (gap.some((t) => GAP_STOP.test(t.lower) || (t.punct && !/^[“”"'‘’(),-]$/.test(t.text)))) return null;
    if (gap.some((t) => t.text === ',') && gap.length > 2) return null;
    const p = wordBefore(view, c.first, trigger.last + 1);
    const prep = p > trigger.last ? view.tokens[p]! : null;
    if (prep && isRole(prep, 'preposition') && !RECIPIENT_PREPS.test(prep.lower)) continue;
    // "in the vicinity of Japan": a place, not a party.
    if (prep && prep.lower === 'of' && isRole(view.tokens[p - 1], 'place-noun')) continue;
    if (passive && prep?.lower === 'by') continue;
    return { chain: c, between: prep?.lower === 'between' };
  }
  return null;
}

function findByAgent(view: SentenceView, clause: { first: number; last: number }, chains: readonly MentionChain[], trigger: TriggerSpan): MentionChain | null {
  for (const c of chains) {
    if (c.first <= trigger.last || c.first - trigger.last > MAX_OBJECT_GAP) continue;
    const p = wordBefore(view, c.first, trigger.last + 1);
    if (p > trigger.last && view.tokens[p]!.lower === 'by') return c;
  }
  void clause;
  return null;
}
