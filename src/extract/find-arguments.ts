import type { EntityKind } from '../model/entity.js';
import { isRole } from './function-words.js';
import type { MentionRef, SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';
import { noParties, partyList } from './party-list.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const AGENT_MODIFIER = /^(military|armed|central|federal|national|foreign|security|defense)$/;
const QUOTE_MARK = /^[“”"'‘’]$/;
const CAPITALISED = /^[A-Z]/;
const HAVE_FORM = /^(has|have|had)$/;
const ED_ENDING = /ed$/;
const LY_ENDING = /ly$/;
const AUXILIARY = /^(has|have|had|will|would|could|may|might|must|should|did|does|do)$/;
const RELATIVE_PRONOUN = /^(that|which|who)$/;
const LIST_JOIN_OR_CLOSE = /^(,|and|or|\))$/;
const LOWER_INITIAL = /^[a-z]/;
const PASSIVE_ADVERB = /^(also|then|not|never|already|subsequently|similarly|formally)$/;
const HYPHENATED = /\p{L}-\p{L}/u;
const SUBJECT_PRONOUN = /^(it|they|he|she)$/;
const ING_ENDING = /ing$/;
const AND_OR_COMMA = /^(and|,)$/;
const GAP_MARK = /^[“”"'‘’(),-]$/;

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
  /** The preposition before the object ("from" marks a source: "threats were made from X"). */
  objectPrep: string | undefined;
}

/**
 * The arguments with other parties (and voice). Every argument object is made with all fields in
 * one order, here or in findArguments: copies by spreading, or a field added to some only, gave
 * them several shapes, and the code reading them was deoptimised and compiled again for each.
 */
export function argumentsWith(a: Arguments, actors: string[], recipients: string[], passive: boolean = a.passive): Arguments {
  return { actors: partyList(actors), recipients: partyList(recipients), passive, pronounSubject: a.pronounSubject, symmetric: a.symmetric, objectPrep: a.objectPrep };
}

export interface TriggerSpan {
  first: number;
  last: number;
}

const ARGUMENT_KINDS = new Set<EntityKind>(['state', 'person', 'organization', 'bloc']);
const JOINERS = /^(,|and|or|nor|the|both|either|neither|as|well)$/;
// Prepositions that introduce the party acted upon ("sanctions against X", "talks with X").
const RECIPIENT_PREPS = /^(against|on|upon|to|with|from|toward|towards|at|over|into|of|for|between|onto)$/;
const GAP_STOP = /^(that|which|who|whom|because|while|whereas|although|since|after|before|when|where|if|saying|stating|including|such)$/;
const MAX_OBJECT_GAP = 10;

/** Group the usable mentions of a clause into coordinated chains. */
export function mentionChains(view: SentenceView, clause: Clause): MentionChain[] {
  const usable = view.mentions.filter(
    (m) => m.first >= clause.first && m.last <= clause.last && ARGUMENT_KINDS.has(m.kind) && (!m.modifier || modifiesAgent(view, m)),
  );
  const chains: MentionChain[] = [];
  for (const ref of usable) {
    const prev = chains[chains.length - 1];
    if (prev) {
      const between = view.tokens.slice(prev.last + 1, ref.first);
      // "taken by Russia, Japan declared": a comma before a new subject does not join a list.
      const newSubject = between.length === 1 && between[0]!.text === ',' && startsFinitePredicate(view, ref.last + 1);
      if (ref.first <= prev.last || (!newSubject && between.length <= 4 && between.every((t) => JOINERS.test(t.lower)) && between.length > 0)) {
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
  return isRole(next, 'agent-head') || (next !== undefined && !next.punct && isRole(after, 'agent-head') && AGENT_MODIFIER.test(next.lower));
}

/** The chains' entities, each once, in order (a chain's inner participants for it when it has two or more). */
function entitiesOf(chains: readonly MentionChain[]): string[] {
  // Called for every trigger's actors and recipients: no list is made per chain, and most chains hold no inner participant.
  const out: string[] = [];
  for (const c of chains) {
    const refs = innerCount(c) >= 2 ? innerOf(c) : c.refs;
    for (const r of refs) if (!out.includes(r.entity)) out.push(r.entity);
  }
  return out;
}

function innerCount(c: MentionChain): number {
  let n = 0;
  for (const r of c.refs) if (r.inner) n++;
  return n;
}

/** Participants named inside a joint body's name ("the Japan-Russia ... Committee"): they stand for it. */
function innerOf(c: MentionChain): MentionRef[] {
  return c.refs.filter((r) => r.inner);
}

/** The token before a chain, skipping determiners ("against the EU" -> "against"). */
function wordBefore(view: SentenceView, first: number, floor: number): number {
  let i = first - 1;
  while (i >= floor && (isRole(view.tokens[i], 'determiner') || QUOTE_MARK.test(view.tokens[i]!.text) || isTitleWord(view, i))) i--;
  return i;
}

// "told President Putin": a title written before a name that the mention does not cover.
const TITLE = /^(president|prime|minister|foreign|defense|chancellor|king|queen|secretary-general|secretary|general|ambassador|premier|mr|ms|mrs|dr|vice|deputy)$/;
function isTitleWord(view: SentenceView, i: number): boolean {
  const t = view.tokens[i]!;
  return CAPITALISED.test(t.text) && TITLE.test(t.lower) && view.mentionsAt[i]!.length === 0;
}

// Subordinators that are also prepositions: "after the Ukrainian military had recaptured ...".
const SUBORDINATOR = /^(after|before|since|until|till|once|as|because|when|while|whereas|although)$/;

function blockedByPreposition(view: SentenceView, chain: MentionChain, floor: number): boolean {
  const i = wordBefore(view, chain.first, floor);
  if (i < floor) return false;
  const tok = view.tokens[i]!;
  if (!isRole(tok, 'preposition')) return false;
  if (tok.lower === 'of') return !isRole(view.tokens[i - 1], 'of-head');
  // "after the Ukrainian military had recaptured": the word opens a clause whose subject this is.
  if (SUBORDINATOR.test(tok.lower) && startsFinitePredicate(view, chain.last + 1)) return false;
  return true;
}

/** A chain right after another verb or trigger is that verb's object, not the next verb's subject. */
function isObjectOfEarlierVerb(view: SentenceView, chain: MentionChain, floor: number, triggerTokens: ReadonlySet<number>): boolean {
  const i = wordBefore(view, chain.first, floor);
  if (i < floor) return false;
  const tok = view.tokens[i]!;
  if (triggerTokens.has(i)) return true;
  if (isRole(tok, 'preposition') || isRole(tok, 'be') || HAVE_FORM.test(tok.lower)) return false;
  if (isRole(tok, 'object-verb') && tok.lemmas.some((c) => c.inflection !== 'base')) return true;
  // "Putin shifted the Russian Army's forces": a past verb form (not "the occupied") governs what follows.
  const prev = view.tokens[i - 1];
  return ED_ENDING.test(tok.lower) && tok.lemmas.some((c) => c.inflection === 'ed') && !!prev && !isRole(prev, 'determiner') && !isRole(prev, 'preposition') && !prev.punct;
}

/** An auxiliary or a finite verb form right after a chain: "the military had recaptured", "Russia annexed". */
function startsFinitePredicate(view: SentenceView, i: number): boolean {
  let j = i;
  while (j < view.tokens.length && LY_ENDING.test(view.tokens[j]!.lower)) j++;
  const t = view.tokens[j];
  if (!t || t.punct || view.mentionsAt[j]!.length > 0) return false;
  return isRole(t, 'be') || AUXILIARY.test(t.lower) || (ED_ENDING.test(t.lower) && t.lemmas.some((c) => c.inflection === 'ed'));
}

/**
 * "China, India, ... and other countries that have not imposed sanctions": the relative clause
 * describes the whole list that "and other <noun>" closes, so the list is its subject.
 */
function listBeforeOther(view: SentenceView, before: readonly MentionChain[], limit: number, floor: number): MentionChain | null {
  let rel = -1;
  for (let i = limit - 1; i >= floor; i--) if (RELATIVE_PRONOUN.test(view.tokens[i]!.lower)) { rel = i; break; }
  if (rel < 0) return null;
  let i = rel - 1;
  let words = 0;
  while (i >= floor && words < 2 && view.tokens[i]!.lower !== 'other' && !view.tokens[i]!.punct) { i--; words++; }
  if (view.tokens[i]?.lower !== 'other') return null;
  i--;
  while (i >= floor && LIST_JOIN_OR_CLOSE.test(view.tokens[i]!.lower)) i--;
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before[k]!;
    if (c.last > i) continue;
    // "(excluding Georgia)": skip a parenthetical exception and keep looking.
    if (view.tokens[c.last + 1]?.text === ')' && blockedByPreposition(view, c, floor)) continue;
    return c;
  }
  return null;
}

/** A relative pronoun after a common noun lies between: "countries that have not imposed". */
function relativeSubjectBetween(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = view.tokens[i]!;
    if (!RELATIVE_PRONOUN.test(t.lower)) continue;
    const prev = view.tokens[i - 1];
    if (prev && !prev.punct && view.mentionsAt[i - 1]!.length === 0 && LOWER_INITIAL.test(prev.text) && !isRole(prev, 'preposition')) return true;
  }
  return false;
}

/** Does a predicate start at i (before the trigger): an auxiliary, an adverb, a verb form or the trigger itself? */
function startsPredicate(view: SentenceView, i: number, triggerFirst: number): boolean {
  let j = i;
  while (j < triggerFirst && (LY_ENDING.test(view.tokens[j]!.lower) || QUOTE_MARK.test(view.tokens[j]!.text))) j++;
  if (j === triggerFirst) return true;
  const t = view.tokens[j];
  if (!t || t.punct || view.mentionsAt[j]!.length > 0) return false;
  return isRole(t, 'modal') || isRole(t, 'be') || HAVE_FORM.test(t.lower) || t.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular');
}

export function isPassive(view: SentenceView, trigger: TriggerSpan): boolean {
  const tok = view.tokens[trigger.first]!;
  if (!tok.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular')) return false;
  // "occupied by Russia", "detained by the authorities".
  if (trigger.first === trigger.last && view.tokens[trigger.last + 1]?.lower === 'by') return true;
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 3); i--) {
    const t = view.tokens[i]!;
    if (isRole(t, 'be')) return true;
    if (!LY_ENDING.test(t.lower) && !PASSIVE_ADVERB.test(t.lower)) return false;
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
export function findArguments(
  view: SentenceView,
  clauseIndex: number,
  trigger: TriggerSpan,
  triggerTokens: ReadonlySet<number> = new Set(),
  /** Words naming acts ("the attack on Kenya"): a party after one belongs to that act, not to the trigger. */
  eventNouns: ReadonlySet<number> = new Set(),
): Arguments {
  const clause = view.clauses[clauseIndex]!;
  const chains = mentionChains(view, clause);
  const passive = isPassive(view, trigger);
  const result: Arguments = { actors: noParties(), recipients: noParties(), passive, pronounSubject: false, symmetric: false, objectPrep: undefined };

  // Joint action named by a compound right before the trigger: "the Japan-Russia summit".
  // A written-out list governed by a preposition ("in parts of Kenya, and Ethiopia annexed") is not a compound.
  const compound = chains.find(
    (c) =>
      c.last === trigger.first - 1 &&
      !c.refs.some((r) => r.possessive) &&
      ((c.refs.length >= 2 && (c.first === c.last || !blockedByPreposition(view, c, clause.first))) || HYPHENATED.test(view.tokens[c.last]!.text)),
  );
  const subject = findSubject(view, clause, chains, trigger, triggerTokens);
  // "declared an attaché of X persona non grata": a party inside a gapped trigger is its object.
  const inside = chains.find((c) => c.first > trigger.first && c.last < trigger.last);
  const object = inside ? { chain: inside, between: false } : findObject(view, clause, chains, trigger, passive, eventNouns);
  if (object && 'prep' in object && object.prep) result.objectPrep = object.prep;
  const byAgent = passive ? findByAgent(view, clause, chains, trigger) : null;

  if (compound) {
    result.actors = partyList(entitiesOf([compound]));
    result.recipients = partyList([...result.actors]);
    result.symmetric = true;
    return result;
  }
  if (passive) {
    result.actors = byAgent ? entitiesOf([byAgent]) : noParties();
    // "was awarded to X": the party after "to" receives; otherwise the subject does.
    const toObject = object && view.tokens[wordBefore(view, object.chain.first, trigger.last + 1)]?.lower === 'to';
    result.recipients = toObject ? entitiesOf([object.chain]) : subject.chain ? entitiesOf([subject.chain]) : object ? entitiesOf([object.chain]) : noParties();
  } else {
    result.actors = subject.chain ? entitiesOf([subject.chain]) : noParties();
    result.pronounSubject = !subject.chain && subject.pronoun;
    if (object) {
      result.recipients = entitiesOf([object.chain]);
      const jointName = (object.chain.refs.length >= 2 && object.chain.first === object.chain.last) || innerCount(object.chain) >= 2;
      if ((object.between || jointName) && result.actors.length === 0) {
        result.actors = [...result.recipients];
        result.symmetric = true;
      }
    }
  }
  result.actors = partyList(result.actors);
  result.recipients = partyList(result.recipients.filter((r) => !result.actors.includes(r) || result.symmetric));
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
    // "Russia's moves to build up" is Russia's act; "the Army's forces to high alert" is not the Army's alert.
    const prepOk = gap.every((t, k) => !isRole(t, 'preposition') || (t.lower === 'to' && k === gap.length - 1 && !view.tokens[trigger.first]!.lemmas.every((c) => c.inflection === 's')));
    if (prepOk && gap.every((t) => !t.punct || t.lower === "'s" || t.text === "'" || t.text === '’')) return { chain: poss, pronoun: false };
  }
  // "X announced it would ...": a pronoun subject refers to the nearest subject before it in the
  // clause if there is one; otherwise the caller looks back to earlier sentences.
  let pronoun = false;
  let pronounAt = -1;
  for (let i = trigger.first - 1; i >= Math.max(clause.first, trigger.first - 6); i--) {
    if (SUBJECT_PRONOUN.test(view.tokens[i]!.lower)) {
      pronoun = true;
      pronounAt = i;
      break;
    }
  }
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before[k]!;
    // "the possibility of Russia using nuclear weapons": a name right before a gerund is its subject.
    if (c.last === trigger.first - 1 && view.tokens[trigger.first]!.lemmas.some((x) => x.inflection === 'ing') && ING_ENDING.test(view.tokens[trigger.first]!.lower)) return { chain: c, pronoun: false };
    // "other countries that have not imposed ...": the subject is the noun before the relative pronoun.
    if (relativeSubjectBetween(view, c.last + 1, pronounAt >= 0 ? pronounAt : trigger.first)) {
      const list = listBeforeOther(view, before.slice(0, k + 1), pronounAt >= 0 ? pronounAt : trigger.first, clause.first);
      return { chain: list, pronoun: list ? false : pronoun };
    }
    if (blockedByPreposition(view, c, clause.first)) {
      // "... in Ukraine, and Russia annexed": the last item of a blocked list can be the next subject.
      const lastRef = c.refs[c.refs.length - 1]!;
      if (c.refs.length > 1 && AND_OR_COMMA.test(view.tokens[wordBefore(view, lastRef.first, c.first)]?.lower ?? '') && startsPredicate(view, lastRef.last + 1, trigger.first)) {
        return { chain: { refs: [lastRef], first: lastRef.first, last: lastRef.last }, pronoun: false };
      }
      continue;
    }
    if (isObjectOfEarlierVerb(view, c, clause.first, triggerTokens)) continue;
    // "the Council of the ICAO (ICAO) adopted": an abbreviation in brackets restates the name before it.
    if (view.tokens[c.first - 1]?.text === '(' && view.tokens[c.last + 1]?.text === ')' && k > 0 && before[k - 1]!.last === c.first - 2) continue;
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
  eventNouns: ReadonlySet<number>,
): { chain: MentionChain; between: boolean; prep?: string } | null {
  for (const c of chains) {
    if (c.first <= trigger.last) continue;
    const gap = view.tokens.slice(trigger.last + 1, c.first);
    // "condemned the attack on Kenya": Kenya is the attack's target, not the one condemned.
    for (let i = trigger.last + 1; i < c.first; i++) if (eventNouns.has(i)) return null;
    if (gap.length > MAX_OBJECT_GAP) return null;
    if (gap.some((t) => GAP_STOP.test(t.lower) || (t.punct && !GAP_MARK.test(t.text)))) return null;
    if (gap.some((t) => t.text === ',') && gap.length > 2) return null;
    // "discussions to maintain Japan's rights": a purpose clause, not the party talked to.
    if (gap.some((t, k) => t.lower === 'to' && k < gap.length - 1 && !gap[k + 1]!.punct && !isRole(gap[k + 1], 'determiner'))) return null;
    const p = wordBefore(view, c.first, trigger.last + 1);
    const prep = p > trigger.last ? view.tokens[p]! : null;
    if (prep && isRole(prep, 'preposition') && !RECIPIENT_PREPS.test(prep.lower)) continue;
    // "in the vicinity of Japan": a place, not a party.
    if (prep && prep.lower === 'of' && isRole(view.tokens[p - 1], 'place-noun')) continue;
    // The word is compared only when there is one: comparing no word (undefined) with a string deoptimised the code.
    if (passive && prep && prep.lower === 'by') continue;
    return { chain: c, between: !!prep && prep.lower === 'between', prep: prep?.lower };
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
