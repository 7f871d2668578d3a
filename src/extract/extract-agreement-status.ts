import type { AgreementStatusChange, AgreementStatusKind, AnalysedDocument, DiploEvent } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { agreementBefore, agreementsAfter } from './agreement-phrase.js';
import { detectModality } from './detect-modality.js';
import { isNegated } from './detect-negation.js';
import { ownDate } from './event-date.js';
import { findArguments, isPassive } from './find-arguments.js';
import { findTriggers, type FoundTrigger } from './find-triggers.js';
import { loadLabelledLexicon, type LabelledEntry } from './labelled-lexicon.js';
import type { SentenceView } from './sentence-view.js';

const STATUSES: readonly AgreementStatusKind[] = ['in_force', 'suspended', 'resumed', 'discontinued', 'violated', 'on_hold', 'withdrawn', 'signed', 'proposed'];

let cached: LabelledEntry<AgreementStatusKind>[] | undefined;
export function agreementStatusLexicon(): LabelledEntry<AgreementStatusKind>[] {
  cached ??= loadLabelledLexicon('agreement-status-triggers.tsv', STATUSES);
  return cached;
}

/**
 * Status changes of agreements, treaties, programs and negotiations: "announced the suspension of
 * New START", "discontinuing negotiations on a peace treaty", "exchanges have been put on hold",
 * "had violated the Convention". Each agreement named after (or, in the passive and for states like
 * "on hold", before) the trigger gets a record; who changed it is the trigger's actor.
 */
export function extractSentenceAgreementStatus(
  doc: AnalysedDocument,
  view: SentenceView,
  lexicon = agreementStatusLexicon(),
  events: readonly DiploEvent[] = [],
  /** Receives the written name of each agreement built from a phrase (id -> name). */
  phraseNames?: Map<string, string>,
): AgreementStatusChange[] {
  const out: AgreementStatusChange[] = [];
  // Most sentences have no trigger; the work per trigger is a function of its own, compiled apart
  // (as one function, the optimising compiler spent more on recompiling it than on running it).
  for (const trig of findTriggers(view, lexicon)) addStatusChanges(doc, view, trig, events, phraseNames, out);
  return out;
}

/** The status changes one trigger records: one per agreement it is about. */
function addStatusChanges(
  doc: AnalysedDocument,
  view: SentenceView,
  trig: FoundTrigger<LabelledEntry<AgreementStatusKind>>,
  events: readonly DiploEvent[],
  phraseNames: Map<string, string> | undefined,
  out: AgreementStatusChange[],
): void {
  const clause = view.clauses[trig.clause]!;
  const span = { first: trig.first, last: trig.last };
  const passive = trig.entry.pos !== 'noun' && isPassive(view, span);
  let targets = trig.entry.pos === 'state' || passive
    ? [agreementBefore(view, clause, trig.first)].filter((t) => t !== null)
    : agreementsAfter(view, clause, trig.last);
  // "the Eight-point Cooperation Plan ... proposed in 2016": a participle right after the agreement's name.
  if (targets.length === 0 && trig.entry.pos === 'verb') {
    const named = view.mentionsAt[trig.first - 1]?.find((m) => m.kind === 'agreement' && m.last === trig.first - 1);
    if (named) targets = [{ entity: named.entity, fromText: false, first: named.first, last: named.last }];
  }
  if (targets.length === 0) return;
  const args = findArguments(view, trig.clause, span);
  const triggerSpan = { start: view.tokens[trig.first]!.start, end: view.tokens[trig.last]!.end };
  const negated = isNegated(view, clause, trig.first);
  // The event coded on the same words knows more about who and when ("have been put on hold", "Subsequently").
  const event = events.find((e) => e.trigger.start < triggerSpan.end && triggerSpan.start < e.trigger.end);
  const by = args.actors.length > 0 ? args.actors : event?.actors.length ? [...event.actors] : byAgentBefore(view, clause, trig.first);
  const date = ownDate(view, clause, triggerSpan.start, triggerSpan.end) ?? event?.date ?? null;
  for (const target of targets) {
    if (target.fromText && target.name && phraseNames && !phraseNames.has(target.entity)) phraseNames.set(target.entity, target.name);
    out.push({
      entity: target.entity,
      date,
      status: trig.entry.label,
      by,
      ...(negated ? { negated } : {}),
      modality: detectModality(view, clause, trig.first),
      evidence: textSpan(doc.id, doc.text, view.sentence),
      rule: `extract.agreement.${trig.entry.pos}:${trig.entry.line}${target.fromText ? '.phrase' : ''}`,
    });
  }
}

/** "the detention ... conducted by Russia are violations of": the agent named with "by" earlier in the clause. */
function byAgentBefore(view: SentenceView, clause: { first: number; last: number }, first: number): string[] {
  for (let i = first - 1; i > clause.first; i--) {
    if (view.tokens[i - 1]!.lower !== 'by') continue;
    const m = view.mentionsAt[i]!.find((r) => r.first === i && r.kind !== 'agreement' && r.kind !== 'place');
    if (m) return [m.entity];
  }
  return [];
}
