import { partyList } from './party-list.js';
import type { AnalysedDocument, DiploEvent, Message } from '../model/index.js';
import { scoreEvent } from './code-event.js';
import { roleAt } from './function-words.js';
import { tokenStartingAt, type SentenceView } from './sentence-view.js';
import { stateOf, statesOf } from './state-of.js';
import type { EventLexicon } from './trigger-lexicon.js';
import { territoryOwner } from './infer-participants.js';
import { isPurposeInfinitive } from './purpose-infinitive.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const COMPOUND_RULE = /\.compound(\+|$)/;
const INTRA_INTER_BEFORE = /\b(?:intra|inter)-\p{L}+\s+$/u;
const AT_THE_BEFORE = /\b(?:at|upon|on)\s+(?:the\s+)?$/i;
const OF_AFTER = /^\s+of\b/;
const CAPITALISED = /^\p{Lu}/u;
const CAPITALISED_WORD_AFTER = /^\s+\p{Lu}\p{Ll}/u;
const CAPITALISED_WORD_BEFORE = /\p{Lu}\p{L}*\s+$/u;
const ARTICLE_AND_WORD_BETWEEN = /^\s+(?:the|a|an)\s+(?:\p{L}+\s+)?$/u;
const ONLY_SPACE = /^\s+$/;
const LICENSED_AFTER_RULE = /\.(verb-after|passive-after|reduced-passive)(\+|$)/;
const ARTICLE = /^(the|a|an)$/;

/** An event found in a sentence, with what the finder knew about how it was written. */
export interface FoundEvent {
  event: DiploEvent;
  /** Joint or reciprocal: every party acts and receives. */
  symmetric: boolean;
  /** Written in the passive (or as the subject of a passive support verb). */
  passive: boolean;
  /** Introduced by "including", "such as" (a part of an act already named) or "by <-ing>" (its means). */
  elaboration: 'part' | 'means' | null;
  /** The trigger is a noun. */
  noun: boolean;
}

const EXERCISE = /exercise|drill|maneuver|manoeuvre/i;
const PARTICIPATION = /^(participate|participated|participating|participation|join|joined|joining)$/;
const KEEP_WITHOUT_PARTIES = new Set(['PROTEST']);
const JOINT_TYPES = new Set(['AGREE', 'CONSULT', 'COOPERATE']);
// After a noun licensed by a later verb ("sanctions that were imposed on X by Y"): who it was done to, and by whom.
const TARGET_PREPS = /^(on|upon|against)$/;
// Between an accusation and the act it names: an adverbial ("in the strongest possible terms"), a determiner, two modifiers.
const CONDEMNED_ACTS = new Set(['ASSAULT', 'COERCE', 'MOBILIZE', 'THREATEN', 'SANCTION']);
const CONDEMNED_GAP = /^\s*(,?\s*(in the strongest( possible)? terms?|strongly|firmly|once again|again|also|unequivocally)\s*,?\s*)?((the|this|that|these|those|its|their|any|all|every)\s+)?([\p{L}-]+\s+){0,2}$/iu;

/**
 * What can only be decided once all of a sentence's events are known: parties shared between its
 * acts, joint exercises, umbrella nouns elaborated by their parts, and acts with no party at all.
 * Each step is a function of its own: as one large function the optimising compiler spent more CPU
 * compiling it, again after each deopt, than running it on a single pass over a corpus.
 */
export function refineSentenceEvents(
  doc: AnalysedDocument,
  lexicon: EventLexicon,
  view: SentenceView,
  found: FoundEvent[],
  previous: readonly DiploEvent[],
  messages: Omit<Message, 'doc'>[],
): DiploEvent[] {
  shareSameTypeAgent(doc, view, found);
  meansOfSupport(found);
  jointExercises(doc, lexicon, view, found);
  const kept = withoutUmbrellasAndAims(view, found);
  for (const f of kept) partiesOfLicensingVerb(view, f);
  agentOfActCondemned(doc, kept);
  sameActorListTarget(kept);
  jointParties(doc, kept);
  // "As a result, the bodies were handed over in September": the parties of the act it results from.
  if (opensWithResult(view)) partiesOfResultingAct(kept, previous);
  return withParties(kept, messages);
}

/**
 * "the referenda ... were held ..., and Russia annexed these regions": an agentless passive shares
 * the agent of the sentence's act of the same type.
 */
function shareSameTypeAgent(doc: AnalysedDocument, view: SentenceView, found: FoundEvent[]): void {
  for (const f of found) {
    if (f.event.actors.length > 0 || !f.passive) continue;
    const donor = found.find((o) => o !== f && o.event.type === f.event.type && o.event.actors.length > 0);
    if (donor) {
      f.event.actors = partyList([...donor.event.actors]);
      f.event.rule += '+actors:same-type-in-sentence';
      const mine = statesOf(doc.entities, f.event.actors);
      f.event.recipients = partyList(f.event.recipients.filter((r) => !mine.has(stateOf(doc.entities, r))));
      if (f.event.recipients.length === 0 && f.event.type === 'ASSAULT' && f.event.contexts.includes('territory')) f.event.recipients = partyList(territoryOwner(doc, view, f.event.actors));
    }
  }
}

/** "Belarus supported Russia by allowing the use of its territory": the means is the act, Russia its recipient. */
function meansOfSupport(found: FoundEvent[]): void {
  for (const f of found) {
    if (f.event.type !== 'SUPPORT') continue;
    const means = found.find((o) => o.elaboration === 'means' && o.event.trigger.start > f.event.trigger.start && o.event.quad === 2);
    if (!means) continue;
    if (means.event.actors.length === 0) means.event.actors = partyList([...f.event.actors]);
    if (means.event.recipients.length === 0) means.event.recipients = partyList([...f.event.recipients]);
    means.event.rule += '+means-of-support';
    f.event.rule = 'drop';
  }
}

/** "the exercise Vostok 2022 ... the Chinese military had three branches participate": a joint exercise. */
function jointExercises(doc: AnalysedDocument, lexicon: EventLexicon, view: SentenceView, found: FoundEvent[]): void {
  for (const f of found) {
    const e = f.event;
    if (e.type !== 'MOBILIZE' || !EXERCISE.test(e.trigger.text)) continue;
    const partner = exerciseParticipant(doc, view, e);
    if (!partner) continue;
    const parties = [...e.actors, partner];
    const { quad, intensity } = scoreEvent(lexicon, 'COOPERATE');
    Object.assign(e, { type: 'COOPERATE', quad, intensity, actors: parties, recipients: parties, rule: `${e.rule}+joint-exercise` });
    // Cleared, not deleted: a deleted field gives the event a shape of its own (see newEvent).
    e.mode = undefined;
    f.symmetric = true;
  }
}

/**
 * The events that are acts of their own: not "countermeasures, such as forcing the transfer ... and
 * restricting gas supplies" (the parts are the acts), not dropped, not an aim or means.
 */
function withoutUmbrellasAndAims(view: SentenceView, found: FoundEvent[]): FoundEvent[] {
  const umbrellas = new Set<FoundEvent>();
  found.forEach((f, k) => {
    if (!f.noun) return;
    const parts = found.slice(k + 1).filter((o) => o.elaboration === 'part');
    if (parts.length > 0 && parts.some((o) => o.event.type !== f.event.type)) umbrellas.add(f);
  });
  return found.filter((f) => !umbrellas.has(f) && f.event.rule !== 'drop' && !isAimOrMeans(view, f, found));
}

/** "X condemns in the strongest terms the attack launched by Y": the one condemned is the agent of the act condemned. */
function agentOfActCondemned(doc: AnalysedDocument, kept: FoundEvent[]): void {
  for (const f of kept) {
    if (f.event.type !== 'ACCUSE' || f.event.recipients.length > 0) continue;
    const act = kept.find((o) => o.noun && CONDEMNED_ACTS.has(o.event.type) && o.event.actors.length > 0 && o.event.trigger.start > f.event.trigger.end &&
      CONDEMNED_GAP.test(f.event.evidence.text.slice(f.event.trigger.end - f.event.evidence.start, o.event.trigger.start - f.event.evidence.start)));
    if (!act) continue;
    const mine = statesOf(doc.entities, f.event.actors);
    const theirs = act.event.actors.filter((a) => !mine.has(stateOf(doc.entities, a)));
    if (theirs.length === 0) continue;
    f.event.recipients = partyList(theirs);
    f.event.rule += '+recipients:agent-of-act-condemned';
  }
}

/** "discontinuing negotiations ..., and withdrawing from the dialogue": one actor's list of acts shares its target. */
function sameActorListTarget(kept: FoundEvent[]): void {
  for (const f of kept) {
    if (f.event.recipients.length > 0 || f.event.actors.length === 0 || f.symmetric) continue;
    const donor = kept.find((o) => o !== f && o.event.type === f.event.type && sameMembers(o.event.actors, f.event.actors) && o.event.recipients.length > 0);
    if (donor) {
      f.event.recipients = partyList([...donor.event.recipients]);
      f.event.rule += '+recipients:same-actor-list';
    }
  }
}

/** Joint acts: every party acts and receives ("Kenya and Ethiopia signed an agreement": all named as its subject). */
function jointParties(doc: AnalysedDocument, kept: FoundEvent[]): void {
  for (const f of kept) {
    if (JOINT_TYPES.has(f.event.type) && f.event.actors.length >= 2 && f.event.recipients.length === 0 && statesOf(doc.entities, f.event.actors).size >= 2) f.symmetric = true;
  }
  for (const f of kept) {
    if (!f.symmetric) continue;
    const parties = [...new Set([...f.event.actors, ...f.event.recipients])];
    f.event.actors = partyList(parties);
    f.event.recipients = partyList([...parties]);
  }
}

/** Agentless passives after "As a result": the parties of the previous sentence's act of the same type. */
function partiesOfResultingAct(kept: FoundEvent[], previous: readonly DiploEvent[]): void {
  for (const f of kept) {
    const e = f.event;
    if (e.actors.length > 0 || e.recipients.length > 0 || !f.passive) continue;
    const source = [...previous].reverse().find((p) => p.type === e.type && p.actors.length > 0);
    if (source) {
      e.actors = partyList([...source.actors]);
      e.recipients = partyList([...source.recipients]);
      e.rule += '+parties:result-of-previous';
    }
  }
}

/** The events with at least one party (nobody acting on themselves unless the act is joint); the others reported. */
function withParties(kept: FoundEvent[], messages: Omit<Message, 'doc'>[]): DiploEvent[] {
  const out: DiploEvent[] = [];
  for (const { event: e, symmetric } of kept) {
    // Nobody acts on themselves unless the act is joint.
    if (!symmetric) e.recipients = partyList(e.recipients.filter((r) => !e.actors.includes(r)));
    // An act with no party at all ("a ban on the refusal of contracts") says nothing about who did what to whom.
    if (e.actors.length === 0 && e.recipients.length === 0 && !KEEP_WITHOUT_PARTIES.has(e.type)) {
      messages.push({ rule: 'extract.event-no-parties', severity: 'info', start: e.trigger.start, end: e.trigger.end, message: `"${e.trigger.text}" read as ${e.type} but names no party; not coded` });
      continue;
    }
    out.push(e);
  }
  return out;
}

/**
 * Not an act of its own: an infinitive of purpose ("trained to attack"), a meeting named only by its
 * participants as a hypothetical means ("can be resolved only through intra-Syrian dialogue"), or the
 * second word of one trigger read twice ("summit meeting").
 */
function isAimOrMeans(view: SentenceView, f: FoundEvent, found: readonly FoundEvent[]): boolean {
  const e = f.event;
  const first = tokenStartingAt(view, e.trigger.start);
  if (!f.noun && first >= 0 && isPurposeInfinitive(view, first)) return true;
  if (f.noun && COMPOUND_RULE.test(e.rule)) {
    // "intra-Afghan dialogue": a kind of dialogue, not a meeting named by its participants.
    if (e.modality === 'hypothetical' || INTRA_INTER_BEFORE.test(before(e))) return true;
  }
  // "at the request of X": the circumstance of another act, not a request made here.
  if (f.noun && e.type === 'REQUEST' && AT_THE_BEFORE.test(before(e)) && OF_AFTER.test(e.evidence.text.slice(e.trigger.end - e.evidence.start))) return true;
  // "the United Nations Assistance Mission": a capitalised word inside a name is not a trigger.
  if (f.noun && CAPITALISED.test(e.trigger.text) && e.trigger.start > e.evidence.start && CAPITALISED_WORD_AFTER.test(e.evidence.text.slice(e.trigger.end - e.evidence.start)) && CAPITALISED_WORD_BEFORE.test(before(e))) return true;
  // "calling for the immediate lifting of sanctions": the act asked for is the request's object, not an act.
  if (found.some((o) => o !== f && o.event.type === 'REQUEST' && o.event.trigger.end <= e.trigger.start && ARTICLE_AND_WORD_BETWEEN.test(e.evidence.text.slice(o.event.trigger.end - e.evidence.start, e.trigger.start - e.evidence.start)))) return true;
  return found.some((o) => o !== f && o.event.type === e.type && o.event.trigger.end <= e.trigger.start && ONLY_SPACE.test(e.evidence.text.slice(o.event.trigger.end - e.evidence.start, e.trigger.start - e.evidence.start)));
}

/** The sentence text before an event's trigger. */
function before(e: DiploEvent): string {
  return e.evidence.text.slice(0, e.trigger.start - e.evidence.start);
}

/**
 * "the sanctions that were imposed on X in 2009", "a blockade imposed by Y": a noun licensed by a verb
 * after it takes its parties from that verb's "on/against" object and "by" agent when it has none.
 */
function partiesOfLicensingVerb(view: SentenceView, f: FoundEvent): void {
  const e = f.event;
  if (!f.noun || !LICENSED_AFTER_RULE.test(e.rule)) return;
  const t = view.tokens;
  const last = t.findIndex((x) => x.end === e.trigger.end);
  if (last < 0) return;
  let verb = -1;
  for (let i = last + 1; i < Math.min(t.length, last + 8); i++) {
    if (t[i]!.punct && t[i]!.text !== ',') break;
    if (t[i]!.lemmas.some((c) => (c.inflection === 'ed' || c.inflection === 'irregular') && c.lemma !== 'be' && c.lemma !== 'have')) { verb = i; break; }
  }
  if (verb < 0) return;
  const after = (prep: RegExp): string | undefined => {
    for (let i = verb + 1; i < Math.min(t.length, verb + 4); i++) {
      if (t[i]!.punct) return undefined;
      if (!prep.test(t[i]!.lower)) continue;
      let j = i + 1;
      while (j < t.length && ARTICLE.test(t[j]!.lower)) j++;
      return view.mentions.find((m) => m.first === j && m.kind !== 'place' && m.kind !== 'agreement' && m.kind !== 'other')?.entity;
    }
    return undefined;
  };
  const target = e.recipients.length === 0 ? after(TARGET_PREPS) : undefined;
  const agent = e.actors.length === 0 ? after(/^by$/) : undefined;
  if (target && !e.actors.includes(target)) {
    e.recipients = [target];
    e.rule += '+recipients:licensing-verb';
  }
  if (agent && !e.recipients.includes(agent)) {
    e.actors = [agent];
    e.rule += '+actors:licensing-verb';
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function opensWithResult(view: SentenceView): boolean {
  for (let i = 0; i < Math.min(4, view.tokens.length); i++) if (roleAt(view.tokens, i, 'inherit-date') >= 0) return true;
  return false;
}

/** A military or state of another country that takes part in the exercise, named in the same sentence. */
function exerciseParticipant(doc: AnalysedDocument, view: SentenceView, e: DiploEvent): string | undefined {
  const at = view.tokens.findIndex((t) => PARTICIPATION.test(t.lower) || (t.lower === 'part' && view.tokens[view.tokens.indexOf(t) - 1]?.lower.startsWith('t')));
  if (at < 0) return undefined;
  const mine = statesOf(doc.entities, e.actors);
  if (mine.size === 0) return undefined;
  const first = view.tokens.findIndex((t) => t.start >= e.trigger.end);
  for (const m of view.mentions) {
    if (m.first < first || m.first > at) continue;
    if (m.kind !== 'organization' && m.kind !== 'state') continue;
    const state = stateOf(doc.entities, m.entity);
    if (mine.has(state) || !doc.entities.get(m.entity)?.country && m.kind !== 'state') continue;
    return m.entity;
  }
  return undefined;
}
