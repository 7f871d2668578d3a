import type { AgreementStatusChange, AgreementStatusKind, AnalysedDocument } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { agreementBefore, agreementsAfter } from './agreement-phrase.js';
import { detectModality } from './detect-modality.js';
import { isNegated } from './detect-negation.js';
import { ownDate } from './event-date.js';
import { findArguments, isPassive } from './find-arguments.js';
import { findTriggers } from './find-triggers.js';
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
export function extractSentenceAgreementStatus(doc: AnalysedDocument, view: SentenceView, lexicon = agreementStatusLexicon()): AgreementStatusChange[] {
  const out: AgreementStatusChange[] = [];
  const triggers = findTriggers(view, lexicon);
  for (const trig of triggers) {
    const clause = view.clauses[trig.clause]!;
    const span = { first: trig.first, last: trig.last };
    const passive = trig.entry.pos !== 'noun' && isPassive(view, span);
    const targets = trig.entry.pos === 'state' || passive
      ? [agreementBefore(view, clause, trig.first)].filter((t) => t !== null)
      : agreementsAfter(view, clause, trig.last);
    if (targets.length === 0) continue;
    const args = findArguments(view, trig.clause, span);
    const triggerSpan = { start: view.tokens[trig.first]!.start, end: view.tokens[trig.last]!.end };
    const negated = isNegated(view, clause, trig.first);
    for (const target of targets) {
      out.push({
        entity: target.entity,
        date: ownDate(view, clause, triggerSpan.start, triggerSpan.end),
        status: trig.entry.label,
        by: args.actors,
        ...(negated ? { negated } : {}),
        modality: detectModality(view, clause, trig.first),
        evidence: textSpan(doc.id, doc.text, view.sentence),
        rule: `extract.agreement.${trig.entry.pos}:${trig.entry.line}${target.fromText ? '.phrase' : ''}`,
      });
    }
  }
  return out;
}
