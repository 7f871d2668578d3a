import type { ComparableDocument, ComparableEvent, ComparableStance, ComparableAgreementStatus } from './comparable-document.js';
import type { AlignedSentence } from './align-sentences.js';
import type { ChangeKind, Evidence, SubstanceChange } from './comparison-types.js';
import { agreementLabel, eventLabel, nameOf, stanceLabel, stancePhrase, statusPhrase } from './fact-labels.js';

/** Maps each offset-bearing fact to the index of the sentence holding it. */
export function sentenceIndexer(doc: ComparableDocument): (offset: number) => number {
  const starts = doc.sentences.map((s) => s.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
}

/** How one kind of fact is identified and compared. */
interface FactKind<T> {
  kind: ChangeKind;
  /** Who/what the fact is about: facts with the same identity on both sides are one fact, possibly changed. */
  identity(x: T): string;
  /** A looser identity for facts of one aligned sentence pair (a reworded sentence may change the actors). */
  looseIdentity(x: T): string;
  /** The compared state; `dated` adds what only a reworded sentence can change (dates). */
  state(x: T, dated: boolean): Record<string, string>;
  label(x: T, names: Record<string, string>): string;
  change(a: T, b: T, fields: string[], names: Record<string, string>): string;
  evidenceStart(x: T): number;
  span(x: T): { start: number; end: number };
  id(x: T): string;
}

const sorted = (xs: string[]) => [...xs].sort().join(',');

export const EVENT_FACTS: FactKind<ComparableEvent> = {
  kind: 'event',
  identity: (e) => `${e.type}|${sorted(e.actors)}|${sorted(e.recipients)}`,
  looseIdentity: (e) => e.type,
  state: (e, dated) => ({
    negated: String(e.negated), modality: e.modality, mode: e.mode ?? '',
    actors: sorted(e.actors), recipients: sorted(e.recipients),
    ...(dated ? { date: e.date?.value ?? '' } : {}),
  }),
  label: eventLabel,
  change: (a, b, _fields, names) => `${eventLabel(a, names)} → ${eventLabel(b, names)}`,
  evidenceStart: (e) => e.evidence.start,
  span: (e) => e.evidence,
  id: (e) => e.id,
};

export const STANCE_FACTS: FactKind<ComparableStance> = {
  kind: 'stance',
  // Stances without a target are told apart by their topic.
  identity: (s) => `${s.holder}|${s.target ?? `topic:${(s.topic ?? '').toLowerCase()}`}`,
  looseIdentity: (s) => `${s.holder}|${s.target ?? ''}`,
  state: (s) => ({ stance: s.stance, negated: String(s.negated) }),
  label: stanceLabel,
  change: (a, b, _fields, names) => `${stanceLabel(a, names)} → ${stancePhrase(b)}`,
  evidenceStart: (s) => s.evidence.start,
  span: (s) => s.evidence,
  id: (s) => s.id,
};

export const AGREEMENT_FACTS: FactKind<ComparableAgreementStatus> = {
  kind: 'agreement',
  identity: (a) => a.entity,
  looseIdentity: (a) => a.entity,
  state: (a) => ({ status: a.status, negated: String(a.negated) }),
  label: agreementLabel,
  change: (a, b, _fields, names) => `${nameOf(a.entity, names)}: ${statusPhrase(a)} → ${statusPhrase(b)}`,
  evidenceStart: (a) => a.evidence.start,
  span: (a) => a.evidence,
  id: (a) => a.id,
};

export interface FactDiff { changes: SubstanceChange[]; unchanged: number }

/**
 * Compare one kind of fact between A and B. Facts of an aligned sentence pair are matched first
 * (same identity, then the looser one), then facts anywhere with the same identity and state are
 * the same fact, then facts with the same identity but another state are one fact changed; the
 * rest appeared in B or disappeared from A.
 */
export function diffFacts<T>(
  spec: FactKind<T>, a: ComparableDocument, b: ComparableDocument, itemsA: readonly T[], itemsB: readonly T[],
  rows: readonly AlignedSentence[],
): FactDiff {
  const names = { ...a.names, ...b.names };
  const sa = sentenceIndexer(a);
  const sb = sentenceIndexer(b);
  const bySentA = groupBy(itemsA, (x) => sa(spec.evidenceStart(x)));
  const bySentB = groupBy(itemsB, (x) => sb(spec.evidenceStart(x)));
  const usedA = new Set<T>();
  const usedB = new Set<T>();
  const changes: SubstanceChange[] = [];
  let unchanged = 0;
  const ev = (doc: ComparableDocument, x: T): Evidence => {
    const s = spec.span(x);
    return { doc: doc.id, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
  };
  const record = (x: T, y: T, dated: boolean, pairedBy: 'sentence' | 'document') => {
    usedA.add(x);
    usedB.add(y);
    const fields = differingFields(spec.state(x, dated), spec.state(y, dated));
    if (fields.length === 0) { unchanged++; return; }
    changes.push({
      kind: spec.kind, change: 'changed', summary: spec.change(x, y, fields, names), fields,
      aId: spec.id(x), bId: spec.id(y), a: ev(a, x), b: ev(b, y), pairedBy,
    });
  };

  for (const row of rows) {
    if (row.a === undefined || row.b === undefined) continue;
    const xs = bySentA.get(row.a) ?? [];
    const ys = bySentB.get(row.b) ?? [];
    const dated = row.status === 'reworded';
    for (const key of [spec.identity, spec.looseIdentity]) {
      for (const x of xs) {
        if (usedA.has(x)) continue;
        const free = ys.filter((y) => !usedB.has(y) && key(y) === key(x));
        // Prefer the candidate in the same state, so that two facts of one sentence pair up right.
        const y = free.find((c) => differingFields(spec.state(x, dated), spec.state(c, dated)).length === 0) ?? free[0];
        if (y) record(x, y, dated, 'sentence');
      }
    }
  }

  const stateKey = (x: T) => `${spec.identity(x)}#${JSON.stringify(spec.state(x, false))}`;
  for (const key of [stateKey, spec.identity]) {
    const pool = groupBy(itemsB.filter((y) => !usedB.has(y)), key);
    for (const x of itemsA) {
      if (usedA.has(x)) continue;
      const y = (pool.get(key(x)) ?? []).find((c) => !usedB.has(c));
      if (y) record(x, y, false, 'document');
    }
  }

  for (const x of itemsA) if (!usedA.has(x)) {
    changes.push({ kind: spec.kind, change: 'disappeared', summary: spec.label(x, names), aId: spec.id(x), a: ev(a, x) });
  }
  for (const y of itemsB) if (!usedB.has(y)) {
    changes.push({ kind: spec.kind, change: 'appeared', summary: spec.label(y, names), bId: spec.id(y), b: ev(b, y) });
  }
  return { changes, unchanged };
}

/**
 * Dates that changed within reworded sentences: time expressions of the A sentence whose values
 * are not in the B sentence, paired in order with those of B not in A.
 */
export function diffDates(a: ComparableDocument, b: ComparableDocument, rows: readonly AlignedSentence[]): SubstanceChange[] {
  const out: SubstanceChange[] = [];
  const inSentence = (doc: ComparableDocument, idx: number) => {
    const s = doc.sentences[idx]!;
    return doc.timexes.filter((t) => t.start >= s.start && t.end <= s.end && (t.type === 'DATE' || t.type === 'TIME'));
  };
  for (const row of rows) {
    if (row.status !== 'reworded' || row.a === undefined || row.b === undefined) continue;
    const ta = inSentence(a, row.a);
    const tb = inSentence(b, row.b);
    const onlyA = ta.filter((t) => !tb.some((u) => u.value === t.value));
    const onlyB = tb.filter((t) => !ta.some((u) => u.value === t.value));
    const n = Math.max(onlyA.length, onlyB.length);
    for (let k = 0; k < n; k++) {
      const x = onlyA[k];
      const y = onlyB[k];
      const sa = a.sentences[row.a]!;
      const sb = b.sentences[row.b]!;
      out.push({
        kind: 'date',
        change: x && y ? 'changed' : x ? 'disappeared' : 'appeared',
        summary: x && y ? `“${x.text}” (${x.value}) → “${y.text}” (${y.value})` : x ? `“${x.text}” (${x.value}) dropped` : `“${y!.text}” (${y!.value}) added`,
        ...(x && y ? { fields: ['value'] } : {}),
        a: { doc: a.id, start: sa.start, end: sa.end, text: a.text.slice(sa.start, sa.end) },
        b: { doc: b.id, start: sb.start, end: sb.end, text: b.text.slice(sb.start, sb.end) },
        pairedBy: 'sentence',
      });
    }
  }
  return out;
}

function differingFields(x: Record<string, string>, y: Record<string, string>): string[] {
  return Object.keys({ ...x, ...y }).filter((k) => x[k] !== y[k]);
}

function groupBy<T, K>(items: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
