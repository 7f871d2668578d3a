import type { AnalysedDocument, Stance, StanceKind } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { detectModality } from './detect-modality.js';
import { isNegated } from './detect-negation.js';
import { ownDate } from './event-date.js';
import { findArguments, mentionChains } from './find-arguments.js';
import { findTriggers } from './find-triggers.js';
import { loadLabelledLexicon, type LabelledEntry } from './labelled-lexicon.js';
import type { SentenceView } from './sentence-view.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const QUOTE_OR_HYPHEN = /^[“”"'‘’-]$/;

const STANCES: readonly StanceKind[] = ['supports', 'condemns', 'opposes', 'abstains', 'refrains', 'concerned'];
const TOPIC_STOP = /^(,|;|:|\.|and|but|while|whereas|because|since|as|by|that|which|who|from|in)$/;
const MAX_TOPIC_TOKENS = 10;

let cached: LabelledEntry<StanceKind>[] | undefined;
export function stanceLexicon(): LabelledEntry<StanceKind>[] {
  cached ??= loadLabelledLexicon('stance-triggers.tsv', STANCES);
  return cached;
}

/**
 * Positions a holder takes towards a target or topic: "Turkey supports the resolutions", "China has
 * never condemned Russia" (condemns, negated), "abstained from the resolutions", "with grave concern".
 * A stance needs a holder; hypothetical or planned stances ("may support") are not positions yet.
 */
export function extractSentenceStances(doc: AnalysedDocument, view: SentenceView, lexicon = stanceLexicon()): Omit<Stance, 'id'>[] {
  const out: Omit<Stance, 'id'>[] = [];
  const triggers = findTriggers(view, lexicon);
  if (triggers.length === 0) return out;
  const triggerTokens = new Set(triggers.flatMap((t) => Array.from({ length: t.last - t.first + 1 }, (_, k) => t.first + k)));
  for (const trig of triggers) {
    const clause = view.clauses[trig.clause]!;
    const modality = detectModality(view, clause, trig.first);
    if (modality === 'hypothetical' || modality === 'planned') continue;
    const args = findArguments(view, trig.clause, trig, triggerTokens);
    let holders = args.actors;
    if (holders.length === 0) continue;
    let target: string | null = args.recipients[0] ?? null;
    // "monitoring the situation around Ukraine with grave concern": the concern is about what came before.
    if (!target && trig.entry.label === 'concerned') {
      const chains = mentionChains(view, clause).filter((c) => c.last < trig.first);
      // The nearest party before the trigger: "the situation around Ukraine with grave concern".
      const other = chains.flatMap((c) => c.refs.map((r) => r.entity)).reverse().find((e) => !holders.includes(e));
      target = other ?? null;
    }
    if (args.symmetric) holders = [...new Set(holders)];
    const topic = topicAfter(view, trig.last, clause.last);
    const triggerSpan = { start: view.tokens[trig.first]!.start, end: view.tokens[trig.last]!.end };
    for (const holder of holders) {
      out.push({
        holder,
        target: target === holder ? null : target,
        stance: trig.entry.label,
        negated: isNegated(view, clause, trig.first),
        date: ownDate(view, clause, triggerSpan.start, triggerSpan.end),
        ...(topic ? { topic } : {}),
        evidence: textSpan(doc.id, doc.text, view.sentence),
        rule: `extract.stance.${trig.entry.pos}:${trig.entry.line}`,
      });
    }
  }
  return dedupe(out);
}

/** "absent from or abstained from X": one stance per holder, target and kind. */
function dedupe(stances: Omit<Stance, 'id'>[]): Omit<Stance, 'id'>[] {
  const kept = new Map<string, Omit<Stance, 'id'>>();
  for (const s of stances) {
    const key = [s.holder, s.target, s.stance, s.negated].join('|');
    const prev = kept.get(key);
    if (!prev) kept.set(key, s);
    else if ((s.topic?.length ?? 0) > (prev.topic?.length ?? 0)) kept.set(key, { ...prev, ...(s.topic ? { topic: s.topic } : {}) });
  }
  return [...kept.values()];
}

/** The noun phrase after the trigger, as words: "the UN General Assembly resolutions related to ...". */
function topicAfter(view: SentenceView, last: number, clauseLast: number): string | undefined {
  const words: string[] = [];
  for (let i = last + 1; i <= clauseLast && words.length < MAX_TOPIC_TOKENS; i++) {
    const t = view.tokens[i]!;
    if (TOPIC_STOP.test(t.lower) && words.length > 0) break;
    if (t.punct && !QUOTE_OR_HYPHEN.test(t.text)) break;
    words.push(t.text);
  }
  const s = words.join(' ').replace(/ (['’]s)/g, '$1').replace(/^(the|a|an|from|of|to|in) /i, '').trim();
  return s.length > 0 ? s : undefined;
}
