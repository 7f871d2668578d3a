import type { AnalysedDocument, DiploEvent, EventDate, Message, Quantity } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { scoreEvent } from './code-event.js';
import { detectModality } from './detect-modality.js';
import { isNegated } from './detect-negation.js';
import { coarsenToYear, continuesPreviousTime, eventDate, isDatingTimex, lastDateOf, ownDate, toEventDate } from './event-date.js';
import { partyList } from './party-list.js';
import { argumentsWith, findArguments, isPassive, mentionChains, type Arguments } from './find-arguments.js';
import { findTriggers, type FoundTrigger } from './find-triggers.js';
import { findMatchesWhere } from './trigger-pattern.js';
import { lexiconMatches, tokenStartingAt, tokensWithin, type SentenceView } from './sentence-view.js';
import { findRespondedEvent, hasResponseMarker } from './responds-to.js';
import { isRole } from './function-words.js';
import { tokenAt } from './tokenise.js';
import { eventLexicon, type EventLexicon, type EventTriggerEntry } from './trigger-lexicon.js';
import { agreementCounterparts, betweenParties, isJointAct, modifierObject, sentenceParties, territoryOwner } from './infer-participants.js';
import { stateOf, statesOf } from './state-of.js';
import { refineSentenceEvents, type FoundEvent } from './refine-sentence-events.js';
import type { Clause } from './split-clauses.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const BE_FORM = /^(was|were|been|is|are|be)$/;
const BEFORE_SCOURGE_VERB = /^(?:to|continue|continues|continued|has|have|had|will|would|can|could|may|might|also|still|now|already|increasingly|seriously|directly|further|is|are|was|were|not|never)$/;
const MEETING_PREPOSITION = /^(?:with|in|at|on|for)$/;
const CLAUSE_JOIN = /^(?:and|but|while)$/;
const COORDINATED_GAP = /^\s*(,\s*)?(and|or)\s+(\p{Ll}+\s+)?$/u;

// Meetings and joint statements can be named by their participants; cooperation ("Japan-Russia cooperation") is a relationship.
const MEETING_TYPES = new Set(['CONSULT', 'AGREE']);
// "refused to yield", "urged Russia to withdraw": what is asked for or refused is not an act.
const CONTENT_OF_REQUEST = new Set(['REQUEST', 'REJECT']);
const ASKING = /^(?:call|appeal|demand|request|plea|plead|urge|press|push)$/;
const LOCATION_PREPS = /^(in|at|off|near)$/;
// Acts done together: parties named around them act on each other.
const JOINT_TYPES = new Set(['CONSULT', 'COOPERATE', 'AGREE']);
// Acts on agreements and talks: the agreement's other parties receive them.
const AGREEMENT_ACTS = new Set(['SANCTION', 'REJECT']);
// Acts with a victim: in "condemned the attack on X", X is the attack's, not the condemnation's.
const VICTIM_TYPES = new Set(['ASSAULT', 'COERCE', 'MOBILIZE', 'THREATEN']);
const SOURCE_TYPES = new Set(['THREATEN', 'ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'AID', 'SANCTION']);

/** Shared across a document's sentences: what earlier sentences established. */
export interface EventContext {
  doc: AnalysedDocument;
  lexicon: EventLexicon;
  events: DiploEvent[];
  messages: Omit<Message, 'doc'>[];
  /** Per paragraph: the previous sentence's view and the events found in it. */
  previous: Map<number, { view: SentenceView; events: DiploEvent[] }>;
  /** Per paragraph: the latest date its sentences stated (for "therefore", "these measures" two sentences on). */
  paragraphDate: Map<number, EventDate>;
  /** Per paragraph, per type and mode: its events so far (looking back within a long paragraph stays cheap). */
  paragraphEvents: Map<number, Map<string, DiploEvent[]>>;
  /**
   * Whether the document's sentences come paragraph after paragraph (as segmentation makes them):
   * then, sentences being taken in document order, a paragraph left is never looked up again, and
   * its entries above are dropped. Kept, they held a view per paragraph (its tokens, mentions and
   * matches) alive to the document's end, and each scavenge copied them.
   */
  paragraphsInOrder: boolean;
  /** The paragraph of the sentence last kept (-1 before the first). */
  lastParagraph: number;
}

export function newEventContext(doc: AnalysedDocument, lexicon: EventLexicon = eventLexicon()): EventContext {
  return { doc, lexicon, events: [], messages: [], previous: new Map(), paragraphDate: new Map(), paragraphEvents: new Map(), paragraphsInOrder: paragraphsInOrder(doc), lastParagraph: -1 };
}

function paragraphsInOrder(doc: AnalysedDocument): boolean {
  const sentences = doc.segmentation.sentences;
  for (let k = 1; k < sentences.length; k++) if (sentences[k]!.paragraph < sentences[k - 1]!.paragraph) return false;
  return true;
}

/** Forget the paragraph last kept once a sentence of a later one comes (see EventContext.paragraphsInOrder). */
function leaveParagraph(ctx: EventContext, paragraph: number): void {
  const left = ctx.lastParagraph;
  ctx.lastParagraph = paragraph;
  if (!ctx.paragraphsInOrder || left < 0 || paragraph <= left) return;
  ctx.previous.delete(left);
  ctx.paragraphDate.delete(left);
  ctx.paragraphEvents.delete(left);
}

/** Every lemma reading of the sentence's words. */
function lemmasOf(view: SentenceView): Set<string> {
  const lemmas = new Set<string>();
  for (const t of view.tokens) for (const c of t.lemmas) lemmas.add(c.lemma);
  return lemmas;
}

function typeKey(type: string, mode: string | undefined): string {
  return `${type}\u0000${mode ?? ''}`;
}

// The work below is split into functions of one step each: as one function of several hundred lines,
// the optimising compiler spent more CPU compiling it (and compiling it again after each deopt, as
// new documents took new paths) than running it, on a single pass over a corpus.

type Trigger = FoundTrigger<EventTriggerEntry>;
type PreviousSentence = { view: SentenceView; events: DiploEvent[] } | undefined;

/** What the events of a sentence share: the sentence's triggers and their tokens, and what came before. */
interface SentenceEvents {
  ctx: EventContext;
  view: SentenceView;
  triggers: Trigger[];
  triggerTokens: ReadonlySet<number>;
  eventNouns: ReadonlySet<number>;
  prev: PreviousSentence;
  found: FoundEvent[];
}

/** Events of one sentence, appended to ctx.events in order (ids follow document order). */
export function extractSentenceEvents(ctx: EventContext, view: SentenceView): DiploEvent[] {
  const triggers = sentenceTriggers(ctx, view);
  const prev = ctx.previous.get(view.sentence.paragraph);
  const found: FoundEvent[] = [];
  if (triggers.length > 0) {
    const s = withTriggerTokens(ctx, view, triggers, prev, found);
    for (const trig of triggers) {
      const item = eventOfTrigger(s, trig);
      if (item && !mergeInto(found, item)) found.push(item);
    }
  }
  // Refining a sentence without events finds nothing and reports nothing.
  const kept = found.length === 0 ? [] : refineSentenceEvents(ctx.doc, ctx.lexicon, view, found, prev?.events ?? [], ctx.messages);
  keepEvents(ctx, view, kept);
  return kept;
}

function sentenceTriggers(ctx: EventContext, view: SentenceView): Trigger[] {
  // Most sentences match no entry: the options' closures below are not made for them (findTriggers would find none).
  if (lexiconMatches(view, ctx.lexicon.triggers).length === 0) return [];
  // Built only when an entry with context words matched (few do): most sentences never need it.
  let sentenceLemmas: Set<string> | undefined;
  const hasKind = (kind: string): boolean => view.mentions.some((m) => m.kind === kind);
  return findTriggers(view, ctx.lexicon.triggers, {
    compoundLicenses: (e) => MEETING_TYPES.has(e.type),
    accept: (e) => {
      if (!e.contextWords) return true;
      for (const w of e.contextWords) {
        if ((sentenceLemmas ??= lemmasOf(view)).has(w) || (w === '@place' && hasKind('place')) || (w === '@person' && hasKind('person'))) return true;
      }
      return false;
    },
    allowBackground: true,
  }).filter((t) => !isLicensingRequest(view, t, ctx.lexicon.triggers));
}

/** The tokens of the triggers, and of the nouns of acts with a victim from the scan the triggers were found in. */
function withTriggerTokens(ctx: EventContext, view: SentenceView, triggers: Trigger[], prev: PreviousSentence, found: FoundEvent[]): SentenceEvents {
  const inTriggers = new Set<number>();
  for (const t of triggers) for (let i = t.first; i <= t.last; i++) inTriggers.add(i);
  const inNouns = new Set<number>();
  for (const { entry, match } of lexiconMatches(view, ctx.lexicon.triggers)) {
    if (entry.pos === 'noun' && VICTIM_TYPES.has(entry.type)) for (let i = match.first; i <= match.last; i++) inNouns.add(i);
  }
  return { ctx, view, triggers, triggerTokens: inTriggers, eventNouns: inNouns, prev, found };
}

/** The event a trigger codes, or undefined when it codes none. */
function eventOfTrigger(s: SentenceEvents, trig: Trigger): FoundEvent | undefined {
  const { ctx, view, triggers } = s;
  if (isContentOfRequest(view, trig, triggers) || insistsOnDoing(view, trig) || notAnAct(view, trig) || hostsNamedMeeting(view, trig, triggers)) return undefined;
  const clause = view.clauses[trig.clause]!;
  const inferred: string[] = [];
  let args = triggerArguments(s, trig, clause, inferred);
  if (!codesNewAct(ctx, view, trig, args)) return undefined;

  const triggerSpan = { start: view.tokens[trig.first]!.start, end: view.tokens[trig.last]!.end };
  let date: EventDate | null = ownDate(view, clause, triggerSpan.start, triggerSpan.end);
  // "since the reported buildup of Russian forces ... in the fall of 2021": a backgrounded act is coded
  // only when this is where the text dates it and no earlier sentence coded it.
  if (trig.licence === 'background') {
    const own = phraseDate(view, trig.last);
    if (!own || args.actors.length === 0 || codedBefore(ctx, trig.entry, args.actors)) return undefined;
    date = own;
    inferred.push('background-act');
  }
  const parties = inferParties(ctx, view, trig, clause, args, inferred);
  args = parties.args;
  date ??= inheritedDate(s, clause, trig);
  // "we call for the lifting of sanctions against X": what is asked for names no addressee ("call on X", "call for X to" do).
  if (trig.entry.type === 'REQUEST' && view.tokens[trig.last]?.lower === 'for' && !addresseeAfter(view, trig.last)) args = argumentsWith(args, args.actors, []);
  // "hosted 16,000 refugees from Syria": the "from" party of aid is where people came from, not who received it.
  if (trig.entry.type === 'AID' && args.objectPrep === 'from' && args.actors.length > 0) args = argumentsWith(args, args.actors, []);
  const event = newEvent(ctx, view, trig, clause, args, date, triggerSpan, inferred);
  return { event, symmetric: parties.symmetric, passive: args.passive, elaboration: elaborationKind(view, trig.first), noun: trig.entry.pos === 'noun' };
}

/** The trigger's actors and recipients: those of its clause, else who the text lets them be inferred from. */
function triggerArguments(s: SentenceEvents, trig: Trigger, clause: Clause, inferred: string[]): Arguments {
  const { view, triggerTokens, found, prev } = s;
  let args = findArguments(view, trig.clause, trig, triggerTokens, s.eventNouns);
  // "the officer's expulsion was demanded": the noun is the subject of a passive; nobody in the clause did it.
  if (trig.licence === 'passive-after' && !args.symmetric) args = argumentsWith(args, [], args.recipients.length > 0 ? args.recipients : args.actors, true);
  // "X condemned the attack launched by Y": the subject before the noun is neither agent nor target of the attack.
  if (trig.licence === 'reduced-passive' && !args.symmetric) args = argumentsWith(args, [], args.recipients, true);
  // "the Russian aggression", "the Israeli occupation": an adjectival state form right before the noun is its agent,
  // also when a verb licensed the noun ("reiterated its condemnation of the Turkish incursion": not the speaker's).
  const forceNoun = trig.entry.pos === 'noun' && trig.entry.type === 'ASSAULT' && trig.licence === 'verb-before';
  if ((args.actors.length === 0 || forceNoun) && trig.entry.pos === 'noun') {
    const before = view.mentions.find((m) => m.modifier && m.last === trig.first - 1 && m.kind === 'state');
    if (before && !args.recipients.includes(before.entity)) {
      args = argumentsWith(args, [before.entity], args.recipients);
      inferred.push('actors:adjectival');
    }
  }
  // "the buildup of Russian forces": the forces of a deployment noun are its agent.
  if (args.actors.length === 0 && trig.entry.type === 'MOBILIZE' && trig.entry.pos === 'noun' && args.objectPrep === 'of') {
    args = argumentsWith(args, args.recipients, []);
  }
  // "nuclear threats have been made ... from Russia": with no agent, the source is the actor.
  if (args.actors.length === 0 && args.objectPrep === 'from' && SOURCE_TYPES.has(trig.entry.type) && args.recipients.length > 0) {
    args = argumentsWith(args, args.recipients, []);
    inferred.push('actors:source');
  }
  // A clause without its own subject ("..., and publicly asserted") shares the previous clause's.
  if (args.actors.length === 0 && !args.passive && !args.pronounSubject && trig.clause > 0) {
    const prevClause = view.clauses[trig.clause - 1]!;
    const fromPrev = findArguments(view, trig.clause - 1, { first: prevClause.last + 1, last: prevClause.last + 1 }, triggerTokens);
    const earlier = found.filter((e) => e.event.trigger.start < view.tokens[clause.first]!.start);
    const last = earlier[earlier.length - 1];
    if (fromPrev.actors.length > 0 && !fromPrev.symmetric) args = argumentsWith(args, fromPrev.actors, args.recipients);
    else if (last) args = argumentsWith(args, [...last.event.actors], args.recipients);
  }
  // "it similarly announced": the subject of the previous sentence's last event.
  if (args.actors.length === 0 && args.pronounSubject) {
    const source = found[found.length - 1]?.event ?? prev?.events[prev.events.length - 1];
    if (source) args = argumentsWith(args, [...source.actors], args.recipients);
    // "the people of X have ... . They are calling for": with no act before, the previous sentence's subject.
    else if (prev) args = argumentsWith(args, subjectOfSentence(prev.view), args.recipients);
  }
  // Passive without "by": the agent of an earlier passive act in the same sentence ("was detained by X and declared ...").
  if (args.actors.length === 0 && args.passive) {
    const last = found[found.length - 1];
    if (last && isPassiveEvent(view, last.event)) args = argumentsWith(args, [...last.event.actors], args.recipients);
  }
  return args;
}

/** False when the trigger, with these arguments, names no act of its own to code here. */
function codesNewAct(ctx: EventContext, view: SentenceView, trig: Trigger, args: Arguments): boolean {
  if (trig.entry.needsActor && args.actors.length === 0) return false;
  // "Terrorism continues to threaten Ghana", "the pandemic has attacked economies": a force of nature or a scourge is no party.
  if (args.actors.length === 0 && !args.passive && trig.entry.pos === 'verb' && VICTIM_TYPES.has(trig.entry.type) && scourgeSubject(view, trig.first)) return false;
  // A noun naming an act already coded in this paragraph ("the detention ... conducted by Russia") refers back to it.
  if (trig.entry.pos === 'noun' && (trig.licence === 'verb-after' || trig.licence === 'passive-after' || trig.licence === 'reduced-passive') && isRole(tokenAt(view.tokens, trig.first - 1), 'determiner') && refersBack(ctx, view, trig.entry, args)) return false;
  // "welcomes the DPRK-United States summit": a meeting named by its parties after "the", coded earlier in the document, is that meeting again.
  if (trig.licence === 'compound' && namesCodedMeeting(ctx, view, trig)) return false;
  return true;
}

/** Parties the clause did not name but the act implies: joint acts, a territory's owner, an agreement's parties. */
function inferParties(ctx: EventContext, view: SentenceView, trig: Trigger, clause: Clause, found: Arguments, inferred: string[]): { args: Arguments; symmetric: boolean } {
  const { doc } = ctx;
  let args = found;
  let symmetric = args.symmetric || isJointAct(view, trig.first, trig.last);
  // "these kinds of dialogues" after "contacts between Russia and Germany"; "exchanges between Japan and Russia have been put on hold".
  if (args.actors.length === 0 && (JOINT_TYPES.has(trig.entry.type) || args.passive)) {
    const parties = betweenParties(view, trig.first);
    if (parties.length >= 2) {
      args = argumentsWith(args, parties, parties);
      symmetric = true;
      inferred.push('actors:between');
    }
  }
  // "mutually expelling staff": the two parties the sentence names.
  if (symmetric && args.actors.length + args.recipients.length <= 1) {
    const parties = sentenceParties(view);
    if (parties.length === 2 && args.actors.every((a) => parties.includes(a))) {
      args = argumentsWith(args, parties, parties);
      inferred.push('actors:sentence-parties');
    }
  }
  if (args.recipients.length === 0 && trig.entry.contexts.includes('territory') && trig.entry.type === 'ASSAULT') {
    const owner = territoryOwner(doc, view, args.actors);
    if (owner.length > 0) {
      args = argumentsWith(args, args.actors, owner);
      inferred.push('recipients:territory-owner');
    }
  }
  if (AGREEMENT_ACTS.has(trig.entry.type)) args = agreementRecipients(ctx, view, trig, clause, args, inferred);
  if (args.recipients.length === 0 && !symmetric) {
    const mod = modifierObject(view, clause, trig.first, trig.last);
    if (mod && !args.actors.includes(mod)) {
      args = argumentsWith(args, args.actors, [mod]);
      inferred.push('recipients:adjectival');
    }
  }
  return { args, symmetric };
}

/** Acts on agreements and talks: the agreement's other parties receive them. */
function agreementRecipients(ctx: EventContext, view: SentenceView, trig: Trigger, clause: Clause, args: Arguments, inferred: string[]): Arguments {
  const { doc } = ctx;
  const counterparts = agreementCounterparts(doc, view, clause, trig.last, args.actors);
  const actorStates = statesOf(doc.entities, args.actors);
  const onlySelf = args.recipients.length > 0 && args.recipients.every((r) => actorStates.has(stateOf(doc.entities, r)));
  if (counterparts.length > 0 && (args.recipients.length === 0 || onlySelf)) {
    inferred.push('recipients:agreement-parties');
    return argumentsWith(args, args.actors, counterparts);
  }
  if (args.recipients.length > 0 && args.objectPrep === 'between') {
    // "the suspension of New START between the U.S. and Russia": the party other than the actor.
    const others = args.recipients.filter((r) => !actorStates.has(stateOf(doc.entities, r)));
    if (others.length > 0) return argumentsWith(args, args.actors, others);
  }
  return args;
}

/** A date for an act the clause does not date: an act it refers to, or the time the text continues from. */
function inheritedDate(s: SentenceEvents, clause: Clause, trig: Trigger): EventDate | null {
  const { ctx, view, prev } = s;
  const referenced = dateFromReferencedEvent(ctx, view, clause, trig.first);
  if (referenced) return referenced;
  const continuation = continuesPreviousTime(view);
  if (!continuation) return null;
  const inherited = ctx.paragraphDate.get(view.sentence.paragraph) ?? (prev ? lastDateOf(prev.view) : null);
  if (!inherited) return null;
  const carried = continuation === 'after' ? coarsenToYear(inherited) : inherited;
  return eventDate(carried.value, carried.start, carried.end, carried.source.startsWith('inherited:') ? carried.source : `inherited:${carried.source}`, true);
}

function newEvent(ctx: EventContext, view: SentenceView, trig: Trigger, clause: Clause, args: Arguments, date: EventDate | null, triggerSpan: { start: number; end: number }, inferred: string[]): DiploEvent {
  const { doc } = ctx;
  const { quad, intensity } = scoreEvent(ctx.lexicon, trig.entry.type, trig.entry.mode);
  const quantity = nearestQuantity(view, trig);
  const location = findLocation(view, trig, [...args.actors, ...args.recipients]);
  const event = eventRecord(
    doc.id,
    trig.entry.type,
    trig.entry.mode ? trig.entry.mode : undefined,
    [...trig.entry.contexts],
    args.actors,
    args.recipients,
    date,
    location ? location : undefined,
    quantity ? { value: quantity.value, unit: quantity.unit } : undefined,
    isNegated(view, clause, trig.first),
    detectModality(view, clause, trig.first),
    quad,
    intensity,
    textSpan(doc.id, doc.text, triggerSpan),
    textSpan(doc.id, doc.text, view.sentence),
    `extract.event.${trig.entry.pos}:${trig.entry.line}${trig.licence !== 'verb' && trig.licence ? `.${trig.licence}` : ''}${inferred.length ? `+${inferred.join('+')}` : ''}`,
  );
  const marker = hasResponseMarker(view, clause, trig.first);
  if (marker) {
    const target = findRespondedEvent(doc.entities, ctx.events, event, marker.cue);
    if (target) event.respondsTo = target.id;
  }
  return event;
}

/**
 * An event object. Every field is present from the start, the optional ones as undefined (stored and
 * exported alike: rows name their columns): events made with different optional fields, or given one
 * later, would each have a shape of their own, and code reading events (here, in refining, looking
 * back over the document's events, in storing) would see many and be deoptimised. id is set when the
 * event is kept.
 */
function eventRecord(
  doc: string,
  type: DiploEvent['type'],
  mode: DiploEvent['mode'],
  contexts: DiploEvent['contexts'],
  actors: string[],
  recipients: string[],
  date: EventDate | null,
  location: string | undefined,
  quantity: DiploEvent['quantity'],
  negated: boolean,
  modality: DiploEvent['modality'],
  quad: DiploEvent['quad'],
  intensity: number,
  trigger: DiploEvent['trigger'],
  evidence: DiploEvent['evidence'],
  rule: string,
): DiploEvent {
  return { id: '', doc, type, mode, contexts, actors: partyList(actors), recipients: partyList(recipients), date, location, quantity, negated, modality, quad, intensity, trigger, evidence, rule, respondsTo: undefined };
}

/**
 * Run once at load, before any code reading events is optimised. Later steps reassign fields of some
 * events (merging, refining, "in response"), and V8 treats a field stored only once as constant, one
 * holding only small integers as such, and one holding only undefined as of that type: the first event
 * to break this, late in a run, threw away the optimised code of every function reading events (a
 * dozen, each compiled again). A throwaway event given values of every kind makes all fields general
 * at once; every event shares its shape (made by the same function, same fields in the same order).
 */
function generaliseEventShape(): void {
  const span = { doc: '', start: 0, end: 0, text: '' };
  const probe = eventRecord('', 'AID', undefined, [], [], [], null, undefined, undefined, false, 'asserted', 1, 1, span, span, '');
  probe.id = 'probe';
  probe.doc = 'probe';
  probe.type = 'CONSULT';
  probe.mode = 'probe';
  probe.contexts = ['probe'];
  probe.actors = ['probe'];
  probe.recipients = ['probe'];
  probe.date = eventDate('2000', null, null, 'probe', false);
  probe.location = 'probe';
  probe.quantity = { value: 0.5, unit: 'probe' };
  probe.negated = true;
  probe.modality = 'hypothetical';
  probe.quad = 4;
  probe.intensity = 0.5;
  probe.trigger = { ...span };
  probe.evidence = { ...span };
  probe.rule = 'probe';
  probe.respondsTo = 'probe';
}
generaliseEventShape();

/** Number the sentence's kept events, index them by paragraph and type, and remember the sentence and its latest date. */
function keepEvents(ctx: EventContext, view: SentenceView, kept: DiploEvent[]): void {
  const { doc } = ctx;
  leaveParagraph(ctx, view.sentence.paragraph);
  // Made on the paragraph's first event: most paragraphs have none (an absent map is read as an empty one).
  let byType = kept.length === 0 ? undefined : ctx.paragraphEvents.get(view.sentence.paragraph);
  if (!byType && kept.length > 0) ctx.paragraphEvents.set(view.sentence.paragraph, (byType = new Map()));
  for (const e of kept) {
    e.id = `${doc.id}:e${ctx.events.length + 1}`;
    ctx.events.push(e);
    const key = typeKey(e.type, e.mode);
    const same = byType!.get(key);
    if (same) same.push(e); else byType!.set(key, [e]);
    if (e.actors.length === 0) {
      ctx.messages.push({ rule: 'extract.event-no-actor', severity: 'info', start: e.trigger.start, end: e.trigger.end, message: `${e.type} event "${e.trigger.text}" has no recognised actor` });
    }
  }
  ctx.previous.set(view.sentence.paragraph, { view, events: kept });
  // The last event with a date of its own, else the sentence's last date.
  let latest: EventDate | null = null;
  for (let k = kept.length - 1; k >= 0 && !latest; k--) if (kept[k]!.date && !kept[k]!.date!.inferred) latest = kept[k]!.date;
  latest ??= lastDateOf(view);
  if (latest) ctx.paragraphDate.set(view.sentence.paragraph, latest);
}

/** The subject of a sentence: the first party named right before its verb ("the people of X have ..."). */
function subjectOfSentence(view: SentenceView): string[] {
  for (let k = 0; k < view.clauses.length; k++) {
    for (const chain of mentionChains(view, view.clauses[k]!)) {
      const at = chain.last + 1;
      const verb = view.tokens[at];
      if (!verb || !(AUXILIARY.test(verb.lower) || verb.lemmas.some((c) => c.inflection === 'ed' || c.inflection === 'irregular'))) continue;
      const args = findArguments(view, k, { first: at, last: at });
      if (args.actors.length > 0 && !args.symmetric) return args.actors;
    }
  }
  return [];
}
const AUXILIARY = /^(is|are|was|were|has|have|had|will|would|can|could|may|must|should|did|does|do)$/;

/** A dating timex in the phrase after a trigger (up to the next comma): "the buildup ... in the fall of 2021". */
function phraseDate(view: SentenceView, last: number): EventDate | null {
  let end = last + 1;
  while (end < view.tokens.length && end - last <= 16 && !view.tokens[end]!.punct) end++;
  const limit = view.tokens[end - 1]?.end ?? view.sentence.end;
  const ref = view.timexes.find((r) => isDatingTimex(view, r) && r.start >= view.tokens[last]!.end && r.end <= limit);
  return ref ? toEventDate(ref, false) : null;
}

/** Was this act (same trigger entry, a shared party) coded earlier in the document? */
function codedBefore(ctx: EventContext, entry: EventTriggerEntry, actors: readonly string[]): boolean {
  const mine = statesOf(ctx.doc.entities, actors);
  return ctx.events.some((e) => e.type === entry.type && e.rule.startsWith(`extract.event.${entry.pos}:${entry.line}`) && [...statesOf(ctx.doc.entities, e.actors)].some((s) => mine.has(s)));
}

/**
 * "immediately after the start of Russia's aggression": the month of the act referred to, when an
 * earlier sentence coded and dated it (an act of the type the noun names, by the party named with
 * it; "the start of" means its first dated mention). Only "immediately/shortly/soon/right after" are this close.
 */
const ONSET = /^(start|beginning|outbreak|onset|launch)$/;
const SOON = /^(immediately|shortly|soon|right|just)$/;
const AFTER = /^(after|following)$/;

function dateFromReferencedEvent(ctx: EventContext, view: SentenceView, clause: { first: number; last: number }, trigFirst: number): EventDate | null {
  for (let i = clause.first; i < clause.last; i++) {
    if (!SOON.test(view.tokens[i]!.lower) || !AFTER.test(view.tokens[i + 1]?.lower ?? '')) continue;
    // Only for the act in the same stretch of words: ", and nuclear threats ..." is another act.
    const lo = Math.min(i, trigFirst);
    const hi = Math.max(i, trigFirst);
    if (view.tokens.slice(lo, hi).some((t) => t.text === ',' || t.text === ';')) continue;
    const to = Math.min(view.tokens.length, i + 9);
    const nouns = findMatchesWhere(view.tokens, ctx.lexicon.triggers, i + 2, to, (e) => e.pos === 'noun');
    const type = nouns[0]?.entry.type;
    if (!type) continue;
    const named = view.mentions.filter((m) => m.first >= i + 2 && m.last < to).map((m) => stateOf(ctx.doc.entities, m.entity));
    const start = view.tokens.slice(i + 2, to).some((t) => ONSET.test(t.lower));
    const candidates = ctx.events.filter((e) => e.type === type && e.date && !e.negated && e.modality !== 'hypothetical' && (named.length === 0 || e.actors.some((a) => named.includes(stateOf(ctx.doc.entities, a)))));
    const pick = start ? [...candidates].sort((a, b) => (a.date!.start ?? a.date!.value).localeCompare(b.date!.start ?? b.date!.value))[0] : candidates[candidates.length - 1];
    if (pick?.date) {
      const month = pick.date.value.slice(0, 7);
      return eventDate(month, pick.date.start, pick.date.end, `after-event:${pick.id}`, true);
    }
  }
  return null;
}

/** "the officer's expulsion was demanded": the passive verb reports the noun's act; it is not a request of its own. */
function isLicensingRequest(view: SentenceView, t: FoundTrigger<EventTriggerEntry>, entries: readonly EventTriggerEntry[]): boolean {
  if (t.entry.type !== 'REQUEST' || t.entry.pos !== 'verb') return false;
  if (!BE_FORM.test(tokenAt(view.tokens, t.first - 1)?.lower ?? '')) return false;
  return findMatchesWhere(view.tokens, entries, Math.max(0, t.first - 4), t.first - 1, (e) => e.pos === 'noun' && e.type !== 'REQUEST').length > 0;
}

function refersBack(ctx: EventContext, view: SentenceView, entry: EventTriggerEntry, args: { actors: string[]; recipients: string[] }): boolean {
  const paragraph = view.sentence.paragraph;
  const paraStart = ctx.doc.segmentation.paragraphs[paragraph]?.start ?? view.sentence.start;
  // The paragraph's earlier events of this type and mode: those starting at or after its start
  // (earlier paragraphs end before it; this sentence's events are not stored yet).
  const candidates = ctx.paragraphEvents.get(paragraph)?.get(typeKey(entry.type, entry.mode)) ?? [];
  return candidates.some(
    (e) => e.trigger.start >= paraStart && e.type === entry.type && e.mode === entry.mode && !e.negated && compatible(e.actors, args.actors) && compatible(e.recipients, args.recipients),
  );
}

/** "call for Russia to withdraw": a party right after the word (or "the"), followed by an infinitive, is addressed. */
function addresseeAfter(view: SentenceView, last: number): boolean {
  let i = last + 1;
  if (view.tokens[i]?.lower === 'the') i++;
  const m = view.mentions.find((r) => r.first === i);
  return m !== undefined && view.tokens[m.last + 1]?.lower === 'to';
}

// "meet future disasters", "meet the targets": meeting a need is not meeting a party.
const MET_NEED = /^(?:needs?|demands?|challenges?|targets?|goals?|obligations?|commitments?|requirements?|expectations?|standards?|criteria|criterion|deadlines?|costs?|disasters?|emergencies|conditions?|aspirations?|shortfalls?|threats?)$/;
// "an official, who refused to identify himself": a source's reticence, not a rejection of anyone.
const RETICENCE = /^(?:comment|identify|elaborate|speculate|say)$/;

const PEACEKEEPING = /^(?:peacekeeping|peace-keeping|peacekeepers?|peace-keepers?|blue-helmets?|helmets)$/;
// Subjects that threaten or strike without being a party.
const SCOURGE = /^(?:terrorism|extremism|radicalism|climate|change|warming|pandemic|pandemics|epidemic|disease|diseases|virus|poverty|hunger|crisis|crises|drought|droughts|floods?|hurricanes?|cyclones?|storms?|earthquakes?|disasters?|sea-level|levels|instability|insecurity|inequality|corruption|crime|trafficking|proliferation|desertification)$/;

/** The nearest word before the verb in its clause (past auxiliaries and adverbs) names a scourge, not an agent. */
function scourgeSubject(view: SentenceView, first: number): boolean {
  const clauseFirst = view.clauses.find((c) => c.first <= first && first <= c.last)?.first ?? 0;
  for (let i = first - 1; i >= Math.max(clauseFirst, first - 5); i--) {
    const w = view.tokens[i]!;
    if ((view.mentionsAt[i]?.length ?? 0) > 0 || w.punct) return false;
    if (BEFORE_SCOURGE_VERB.test(w.lower)) continue;
    return SCOURGE.test(w.lower);
  }
  return false;
}

/** "will host the conference": the meeting noun named after "host" is the event; the hosting is how it is held. */
function hostsNamedMeeting(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>, all: readonly FoundTrigger<EventTriggerEntry>[]): boolean {
  if (trig.entry.type !== 'CONSULT' || !view.tokens[trig.first]!.lemmas.some((c) => c.lemma === 'host')) return false;
  return all.some((o) => o !== trig && o.entry.type === 'CONSULT' && o.entry.pos === 'noun' && o.clause === trig.clause && o.first > trig.last && o.first - trig.last <= 6);
}

const PROBLEM = /^(?:roots?|causes?|problems?|poverty|hunger|inequalit(?:y|ies)|diseases?|corruption|unemployment|issues?|challenges?|scourges?|drivers|sources?)$/;
// "seize this historic opportunity": taking a chance, not property.
const SEIZED_CHANCE = /^(?:opportunity|opportunities|initiative|moment|momentum|chance|chances|occasion|window|day)$/;

/** A trigger word used in a sense that names no act between parties. */
function notAnAct(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>): boolean {
  const t = view.tokens;
  const lemma = (i: number, re: RegExp) => t[i]?.lemmas.some((c) => re.test(c.lemma)) ?? false;
  if (trig.entry.type === 'CONSULT' && trig.first === trig.last && lemma(trig.first, /^meet$/)) {
    for (let i = trig.last + 1; i <= Math.min(t.length - 1, trig.last + 4); i++) {
      if (MET_NEED.test(t[i]!.lower)) return true;
      if (t[i]!.punct || (view.mentionsAt[i]?.length ?? 0) > 0 || MEETING_PREPOSITION.test(t[i]!.lower)) break;
    }
  }
  if (trig.entry.type === 'REJECT' && trig.first === trig.last && t[trig.last + 1]?.lower === 'to' && lemma(trig.last + 2, RETICENCE)) return true;
  // "attack the root causes of poverty": a problem attacked is no party attacked.
  if (trig.entry.type === 'ASSAULT' && trig.entry.pos === 'verb' && lemma(trig.first, /^attack$/)) {
    for (let i = trig.last + 1; i <= Math.min(t.length - 1, trig.last + 4) && !t[i]!.punct; i++) if (PROBLEM.test(t[i]!.lower)) return true;
  }
  // "has banned single-use plastics": a ban sanctions someone only when a party is named with it.
  if (trig.entry.type === 'SANCTION' && trig.entry.pos === 'verb' && lemma(trig.first, /^ban$/)) {
    let named = false;
    for (let i = trig.last + 1; i < t.length && !t[i]!.punct && !CLAUSE_JOIN.test(t[i]!.lower); i++) if ((view.mentionsAt[i]?.length ?? 0) > 0) named = true;
    if (!named) return true;
  }
  // "deployed 5,000 troops to United Nations peacekeeping missions": a contribution to a mission, no show of force.
  if (trig.entry.type === 'MOBILIZE' && lemma(trig.first, /^deploy(?:ment)?$/) && t.some((x) => PEACEKEEPING.test(x.lower))) return true;
  if (trig.entry.type === 'COERCE' && lemma(trig.first, /^seize$/)) {
    for (let i = trig.last + 1; i <= Math.min(t.length - 1, trig.last + 4) && !t[i]!.punct; i++) if (SEIZED_CHANCE.test(t[i]!.lower)) return true;
  }
  return false;
}

/** "a minority that insists on harming Cuba": "insist on" before a gerund is persistence, not a demand. */
function insistsOnDoing(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>): boolean {
  return trig.entry.type === 'REQUEST' && view.tokens[trig.first]!.lemmas.some((c) => c.lemma === 'insist') && (view.tokens[trig.last + 1]?.lemmas.some((c) => c.inflection === 'ing') ?? false);
}

/** The parties written before a compound-licensed meeting noun after "the" already met in an earlier sentence (same type). */
function namesCodedMeeting(ctx: EventContext, view: SentenceView, trig: FoundTrigger<EventTriggerEntry>): boolean {
  const named = view.mentions.filter((m) => m.last < trig.first && m.last >= trig.first - 4 && !m.possessive);
  if (named.length === 0) return false;
  const start = Math.min(...named.map((m) => m.first));
  if (view.tokens[start - 1]?.lower !== 'the') return false;
  const states = new Set(named.map((m) => stateOf(ctx.doc.entities, m.entity)));
  return ctx.events.some((e) => e.type === trig.entry.type && !e.negated && e.evidence.end <= view.sentence.start && [...states].every((s) => statesOf(ctx.doc.entities, [...e.actors, ...e.recipients]).has(s)));
}

/**
 * "sanctions against Russia, including sanctions against individuals": a part of the act already
 * named; "strengthening coordination with China by conducting joint flights": its means.
 */
function elaborationKind(view: SentenceView, first: number): 'part' | 'means' | null {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = view.tokens[i]!;
    if (t.lower === 'including' || (t.lower === 'as' && (tokenAt(view.tokens, i - 1)?.lower ?? '') === 'such')) return 'part';
    if (t.lower === 'by' && view.tokens[i + 1]?.lemmas.some((c) => c.inflection === 'ing')) return 'means';
    if (t.punct) return null;
  }
  return null;
}

/** "urged Russia to stop the aggression and withdraw its forces": the withdrawal is what was asked for, not an act. */
function isContentOfRequest(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>, all: readonly FoundTrigger<EventTriggerEntry>[]): boolean {
  // "We reaffirm the call for a resumption ... and for ending hostilities": an act right after "for" that follows a word of asking.
  if (view.tokens[trig.first - 1]?.lower === 'for' && view.tokens.slice(view.clauses[trig.clause]!.first, trig.first - 1).some((t) => t.lemmas.some((c) => ASKING.test(c.lemma)))) return true;
  return all.some((other) => {
    if (other === trig || other.clause !== trig.clause || other.last >= trig.first || !CONTENT_OF_REQUEST.has(other.entry.type)) return false;
    // A refusal's content is its infinitive ("refused to yield"), not a later act ("refused entry to X and expelled").
    if (other.entry.type === 'REJECT') return view.tokens[trig.first - 1]?.lower === 'to' && trig.first - other.last <= 3;
    return view.tokens.slice(other.last + 1, trig.first).some((t) => t.lower === 'to');
  });
}

function isPassiveEvent(view: SentenceView, e: DiploEvent): boolean {
  const first = tokenStartingAt(view, e.trigger.start);
  return first >= 0 && isPassive(view, { first, last: first });
}

/**
 * One sentence, one act: two triggers of the same type and mode with compatible parties
 * ("declared persona non grata ... and demanded the expulsion") are one event. Without a mode
 * the type alone is too coarse ("allowed troops to remain, and conducted joint exercises" are two
 * acts), so then only an elaboration ("including", "such as", "by conducting") merges.
 */
function mergeInto(found: FoundEvent[], item: FoundEvent): boolean {
  const e = item.event;
  const elaboration = item.elaboration !== null;
  const hit = found.find(
    ({ event: f }) =>
      f.type === e.type &&
      f.mode === e.mode &&
      (f.mode !== undefined || elaboration || coordinated(f, e) || (item.symmetric && found.some((x) => x.event === f && x.symmetric)) || f.trigger.text.toLowerCase() === e.trigger.text.toLowerCase()) &&
      f.negated === e.negated &&
      compatible(f.actors, e.actors) &&
      (elaboration || compatible(f.recipients, e.recipients)),
  );
  if (!hit) return false;
  hit.symmetric ||= item.symmetric;
  const same = hit.event;
  same.actors = partyList(union(same.actors, e.actors));
  same.recipients = partyList(union(same.recipients, e.recipients).filter((r) => !same.actors.includes(r) || e.actors.length === 0));
  same.date ??= e.date;
  if (!same.quantity && e.quantity) same.quantity = e.quantity;
  if (!same.location && e.location) same.location = e.location;
  if (!same.respondsTo && e.respondsTo) same.respondsTo = e.respondsTo;
  return true;
}

/** "its policy of occupation and factual annexation": two words for one act, joined by and/or. */
function coordinated(f: DiploEvent, e: DiploEvent): boolean {
  const between = f.evidence.text.slice(f.trigger.end - f.evidence.start, e.trigger.start - f.evidence.start);
  return COORDINATED_GAP.test(between);
}

function compatible(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

const FIGURE_UNIT = /%|percent|per cent|yen|dollar|euro|ruble|rouble|yuan|pound|rupee|won|franc|usd|eur|jpy|\$|€|£|¥/i;

/** The count an act involves ("ban on 63 Japanese individuals"): the first non-money, non-percent quantity after the trigger in its clause. */
function nearestQuantity(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>): Quantity | undefined {
  const clause = view.clauses[trig.clause]!;
  const from = view.tokens[trig.last]!.end;
  const to = view.tokens[clause.last]!.end;
  const cands = view.quantities.filter((q) => !FIGURE_UNIT.test(q.unit) && !FIGURE_UNIT.test(q.text));
  const after = cands.filter((q) => q.start >= from && q.end <= to).sort((a, b) => a.start - b.start)[0];
  if (after && tokensWithin(view.tokens, from, after.start) <= 12) return after;
  return undefined;
}

/** Where it happened: a place (or a state that is not a party) after "in/at/off" following the trigger in its clause. */
function findLocation(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>, parties: readonly string[]): string | undefined {
  const clause = view.clauses[trig.clause]!;
  for (const m of view.mentions) {
    if (m.first <= trig.last || m.last > clause.last || m.modifier) continue;
    if (m.kind !== 'place' && m.kind !== 'state') continue;
    if (parties.includes(m.entity)) continue;
    const before = view.tokens[m.first - 1];
    if (before && LOCATION_PREPS.test(before.lower)) return m.entity;
  }
  return undefined;
}
