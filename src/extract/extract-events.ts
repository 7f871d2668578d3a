import type { AnalysedDocument, DiploEvent, EventDate, Message, Quantity } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { scoreEvent } from './code-event.js';
import { detectModality } from './detect-modality.js';
import { isNegated } from './detect-negation.js';
import { continuesPreviousTime, lastDateOf, ownDate } from './event-date.js';
import { findArguments, isPassive } from './find-arguments.js';
import { findTriggers, type FoundTrigger } from './find-triggers.js';
import type { SentenceView } from './sentence-view.js';
import { findRespondedEvent, hasResponseMarker } from './responds-to.js';
import { isRole } from './function-words.js';
import { eventLexicon, type EventLexicon, type EventTriggerEntry } from './trigger-lexicon.js';

// Meetings and joint statements can be named by their participants; cooperation ("Japan-Russia cooperation") is a relationship.
const MEETING_TYPES = new Set(['CONSULT', 'AGREE']);
const CONTENT_OF_REQUEST = new Set(['REQUEST']);
const LOCATION_PREPS = /^(in|at|off|near)$/;

/** Shared across a document's sentences: what earlier sentences established. */
export interface EventContext {
  doc: AnalysedDocument;
  lexicon: EventLexicon;
  events: DiploEvent[];
  messages: Omit<Message, 'doc'>[];
  /** Per paragraph: the previous sentence's view and the events found in it. */
  previous: Map<number, { view: SentenceView; events: DiploEvent[] }>;
}

export function newEventContext(doc: AnalysedDocument, lexicon: EventLexicon = eventLexicon()): EventContext {
  return { doc, lexicon, events: [], messages: [], previous: new Map() };
}

/** Events of one sentence, appended to ctx.events in order (ids follow document order). */
export function extractSentenceEvents(ctx: EventContext, view: SentenceView): DiploEvent[] {
  const { doc } = ctx;
  const sentenceLemmas = new Set(view.tokens.flatMap((t) => t.lemmas.map((c) => c.lemma)));
  const triggers = findTriggers(view, ctx.lexicon.triggers, {
    compoundLicenses: (e) => MEETING_TYPES.has(e.type),
    accept: (e) => !e.contextWords || [...e.contextWords].some((w) => sentenceLemmas.has(w)),
  });
  const triggerTokens = new Set(triggers.flatMap((t) => range(t.first, t.last)));
  const prev = ctx.previous.get(view.sentence.paragraph);
  const found: DiploEvent[] = [];

  for (const trig of triggers) {
    if (isContentOfRequest(view, trig, triggers)) continue;
    const clause = view.clauses[trig.clause]!;
    let args = findArguments(view, trig.clause, trig, triggerTokens);
    // "the officer's expulsion was demanded": the noun is the subject of a passive; nobody in the clause did it.
    if (trig.licence === 'passive-after' && !args.symmetric) args = { ...args, passive: true, actors: [], recipients: args.recipients.length > 0 ? args.recipients : args.actors };
    // A clause without its own subject ("..., and demanded the expulsion") shares the previous clause's.
    if (args.actors.length === 0 && !args.passive && !args.pronounSubject && trig.clause > 0) {
      const earlier = found.filter((e) => e.trigger.start < view.tokens[clause.first]!.start);
      const last = earlier[earlier.length - 1];
      if (last) args = { ...args, actors: [...last.actors] };
      else {
        const prevClause = view.clauses[trig.clause - 1]!;
        const fromPrev = findArguments(view, trig.clause - 1, { first: prevClause.last + 1, last: prevClause.last + 1 }, triggerTokens);
        args = { ...args, actors: fromPrev.actors };
      }
    }
    // "it similarly announced": the subject of the previous sentence's last event.
    if (args.actors.length === 0 && args.pronounSubject) {
      const source = found[found.length - 1] ?? prev?.events[prev.events.length - 1];
      if (source) args = { ...args, actors: [...source.actors] };
    }
    // Passive without "by": the agent of an earlier passive act in the same sentence ("was detained by X and declared ...").
    if (args.actors.length === 0 && args.passive) {
      const last = found[found.length - 1];
      if (last && isPassiveEvent(view, last)) args = { ...args, actors: [...last.actors] };
    }
    if (trig.entry.needsActor && args.actors.length === 0) continue;
    // A noun naming an act already coded in this paragraph ("the detention ... conducted by Russia") refers back to it.
    if (trig.entry.pos === 'noun' && (trig.licence === 'verb-after' || trig.licence === 'passive-after') && isRole(view.tokens[trig.first - 1], 'determiner') && refersBack(ctx, view, trig.entry, args)) continue;

    const triggerSpan = { start: view.tokens[trig.first]!.start, end: view.tokens[trig.last]!.end };
    let date: EventDate | null = ownDate(view, clause, triggerSpan.start, triggerSpan.end);
    if (!date && prev && continuesPreviousTime(view)) {
      const inherited = prev.events[prev.events.length - 1]?.date ?? lastDateOf(prev.view);
      if (inherited) date = { ...inherited, inferred: true, source: inherited.source.startsWith('inherited:') ? inherited.source : `inherited:${inherited.source}` };
    }
    const { quad, intensity } = scoreEvent(ctx.lexicon, trig.entry.type, trig.entry.mode);
    const quantity = nearestQuantity(view, trig);
    const location = findLocation(view, trig, [...args.actors, ...args.recipients]);
    const event: DiploEvent = {
      id: '',
      doc: doc.id,
      type: trig.entry.type,
      ...(trig.entry.mode ? { mode: trig.entry.mode } : {}),
      contexts: [...trig.entry.contexts],
      actors: args.actors,
      recipients: args.recipients,
      date,
      ...(location ? { location } : {}),
      ...(quantity ? { quantity: { value: quantity.value, unit: quantity.unit } } : {}),
      negated: isNegated(view, clause, trig.first),
      modality: detectModality(view, clause, trig.first),
      quad,
      intensity,
      trigger: textSpan(doc.id, doc.text, triggerSpan),
      evidence: textSpan(doc.id, doc.text, view.sentence),
      rule: `extract.event.${trig.entry.pos}:${trig.entry.line}${trig.licence !== 'verb' && trig.licence ? `.${trig.licence}` : ''}`,
    };
    const marker = hasResponseMarker(view, clause, trig.first);
    if (marker) {
      const target = findRespondedEvent(doc.entities, ctx.events, event, marker.cue);
      if (target) event.respondsTo = target.id;
    }
    const merged = mergeInto(found, event, isElaboration(view, trig.first));
    if (!merged) found.push(event);
  }
  for (const e of found) {
    e.id = `${doc.id}:e${ctx.events.length + 1}`;
    ctx.events.push(e);
    if (e.actors.length === 0) {
      ctx.messages.push({ rule: 'extract.event-no-actor', severity: 'info', start: e.trigger.start, end: e.trigger.end, message: `${e.type} event "${e.trigger.text}" has no recognised actor` });
    }
  }
  ctx.previous.set(view.sentence.paragraph, { view, events: found });
  return found;
}

function refersBack(ctx: EventContext, view: SentenceView, entry: EventTriggerEntry, args: { actors: string[]; recipients: string[] }): boolean {
  const paragraph = view.sentence.paragraph;
  const paraStart = ctx.doc.segmentation.paragraphs[paragraph]?.start ?? view.sentence.start;
  return ctx.events.some(
    (e) => e.trigger.start >= paraStart && e.type === entry.type && e.mode === entry.mode && !e.negated && compatible(e.actors, args.actors) && compatible(e.recipients, args.recipients),
  );
}

/** "sanctions against Russia, including sanctions against individuals": a part of the act already named. */
function isElaboration(view: SentenceView, first: number): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = view.tokens[i]!;
    if (t.lower === 'including' || (t.lower === 'as' && view.tokens[i - 1]?.lower === 'such')) return true;
    if (t.punct) return false;
  }
  return false;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** "urged Russia to stop the aggression and withdraw its forces": the withdrawal is what was asked for, not an act. */
function isContentOfRequest(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>, all: readonly FoundTrigger<EventTriggerEntry>[]): boolean {
  return all.some((other) => {
    if (other === trig || other.clause !== trig.clause || other.last >= trig.first || !CONTENT_OF_REQUEST.has(other.entry.type)) return false;
    return view.tokens.slice(other.last + 1, trig.first).some((t) => t.lower === 'to');
  });
}

function isPassiveEvent(view: SentenceView, e: DiploEvent): boolean {
  const first = view.tokens.findIndex((t) => t.start === e.trigger.start);
  return first >= 0 && isPassive(view, { first, last: first });
}

/**
 * One sentence, one act: two triggers of the same type and mode with compatible parties
 * ("declared persona non grata ... and demanded the expulsion") are one event.
 */
function mergeInto(found: DiploEvent[], e: DiploEvent, elaboration: boolean): boolean {
  const same = found.find(
    (f) =>
      f.type === e.type &&
      f.mode === e.mode &&
      f.negated === e.negated &&
      compatible(f.actors, e.actors) &&
      (elaboration || compatible(f.recipients, e.recipients)),
  );
  if (!same) return false;
  same.actors = union(same.actors, e.actors);
  same.recipients = union(same.recipients, e.recipients).filter((r) => !same.actors.includes(r) || e.actors.length === 0);
  same.date ??= e.date;
  if (!same.quantity && e.quantity) same.quantity = e.quantity;
  if (!same.location && e.location) same.location = e.location;
  if (!same.respondsTo && e.respondsTo) same.respondsTo = e.respondsTo;
  return true;
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
  if (after && view.tokens.filter((t) => t.start >= from && t.end <= after.start).length <= 12) return after;
  return undefined;
}

/** Where it happened: a place (or a state that is not a party) after "in/at/off" following the trigger in its clause. */
function findLocation(view: SentenceView, trig: FoundTrigger<EventTriggerEntry>, parties: readonly string[]): string | undefined {
  const clause = view.clauses[trig.clause]!;
  for (const m of view.mentions) {
    if (m.first <= trig.last || m.last > clause.last || m.modifier) continue;
    if (m.mention.kind !== 'place' && m.mention.kind !== 'state') continue;
    if (parties.includes(m.entity)) continue;
    const before = view.tokens[m.first - 1];
    if (before && LOCATION_PREPS.test(before.lower)) return m.entity;
  }
  return undefined;
}
