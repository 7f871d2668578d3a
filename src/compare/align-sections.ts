import type { ComparableDocument, ComparableSection } from './comparable-document.js';
import type { AlignedSentence, SentenceStatus } from './align-sentences.js';
import type { SectionRow } from './comparison-types.js';
import { comparisonWords, diceSimilarity, normaliseSentence } from './sentence-similarity.js';

/** The innermost section holding each sentence (by start offset); undefined outside any section. */
export function sectionOfSentences(doc: ComparableDocument): Array<ComparableSection | undefined> {
  return doc.sentences.map((s) => {
    let best: ComparableSection | undefined;
    for (const sec of doc.sections) {
      if (sec.start <= s.start && s.start < sec.end && (!best || sec.level >= best.level)) best = sec;
    }
    return best;
  });
}

/**
 * Align sections: identical titles (in order) first, then similar titles, then sections that share
 * most of their aligned sentences (a renamed section). Each row counts its sentences by status.
 * A document without headings is one section, "(whole document)".
 */
export function alignSections(a: ComparableDocument, b: ComparableDocument, rows: readonly AlignedSentence[]): SectionRow[] {
  const secA = sectionOfSentences(a);
  const secB = sectionOfSentences(b);
  const listA = withOutside(a.sections, secA);
  const listB = withOutside(b.sections, secB);
  const pairOf = new Map<string, { b: ComparableSection; rule: SectionRow['rule'] }>();
  const usedB = new Set<string>();
  const key = (s: ComparableSection) => normaliseSentence(s.title).toLowerCase();

  // 1. identical titles, first unused in order.
  for (const sa of listA) {
    const sb = listB.find((x) => !usedB.has(x.id) && key(x) === key(sa));
    if (sb) { pairOf.set(sa.id, { b: sb, rule: 'title' }); usedB.add(sb.id); }
  }
  // 2. similar titles.
  for (const sa of listA) {
    if (pairOf.has(sa.id)) continue;
    let best: { s: ComparableSection; sim: number } | undefined;
    for (const sb of listB) {
      if (usedB.has(sb.id)) continue;
      const sim = diceSimilarity(comparisonWords(sa.title), comparisonWords(sb.title));
      if (sim >= 0.5 && (!best || sim > best.sim)) best = { s: sb, sim };
    }
    if (best) { pairOf.set(sa.id, { b: best.s, rule: 'similar-title' }); usedB.add(best.s.id); }
  }
  // 3. shared sentences: the B section most of an A section's paired sentences went to.
  const votes = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.a === undefined || r.b === undefined) continue;
    const x = secA[r.a]?.id ?? '';
    const y = secB[r.b]?.id ?? '';
    const v = votes.get(x) ?? new Map<string, number>();
    v.set(y, (v.get(y) ?? 0) + 1);
    votes.set(x, v);
  }
  for (const sa of listA) {
    if (pairOf.has(sa.id)) continue;
    const v = [...(votes.get(sa.id) ?? new Map<string, number>())].filter(([id]) => !usedB.has(id)).sort((p, q) => q[1] - p[1]);
    const top = v[0];
    const sb = top ? listB.find((x) => x.id === top[0]) : undefined;
    if (sb) { pairOf.set(sa.id, { b: sb, rule: 'content' }); usedB.add(sb.id); }
  }

  const empty = (): Record<SentenceStatus, number> => ({ unchanged: 0, reworded: 0, added: 0, removed: 0 });
  const countsA = new Map<string, Record<SentenceStatus, number>>();
  const countsB = new Map<string, Record<SentenceStatus, number>>();
  for (const r of rows) {
    // A row counts in its A section when it has one, else in its B section.
    if (r.a !== undefined) {
      const id = secA[r.a]?.id ?? '';
      const c = countsA.get(id) ?? empty();
      c[r.status]++;
      countsA.set(id, c);
    } else if (r.b !== undefined) {
      const id = secB[r.b]?.id ?? '';
      const c = countsB.get(id) ?? empty();
      c[r.status]++;
      countsB.set(id, c);
    }
  }
  const ref = (s: ComparableSection) => ({ id: s.id, title: s.title, level: s.level });
  const sum = (x: Record<SentenceStatus, number>, y?: Record<SentenceStatus, number>) => {
    const out = { ...x };
    if (y) for (const k of Object.keys(out) as SentenceStatus[]) out[k] += y[k];
    return out;
  };
  const out: SectionRow[] = [];
  const emittedB = new Set<string>();
  // In A's order, with each B-only section placed after the B section before it.
  const emitBOnlyBefore = (limit: number) => {
    for (const sb of listB) {
      if (usedB.has(sb.id) || emittedB.has(sb.id) || sb.start > limit) continue;
      emittedB.add(sb.id);
      out.push({ status: 'added', b: ref(sb), counts: sum(empty(), countsB.get(sb.id)) });
    }
  };
  for (const sa of listA) {
    const p = pairOf.get(sa.id);
    if (p) {
      emitBOnlyBefore(p.b.start - 1);
      const renamed = key(p.b) !== key(sa);
      out.push({ status: renamed ? 'renamed' : 'same', a: ref(sa), b: ref(p.b), rule: p.rule, counts: sum(countsA.get(sa.id) ?? empty(), countsB.get(p.b.id)) });
    } else {
      out.push({ status: 'removed', a: ref(sa), counts: sum(empty(), countsA.get(sa.id)) });
    }
  }
  emitBOnlyBefore(Number.POSITIVE_INFINITY);
  return out;
}

/** Sentences outside every section belong to a pseudo-section with the empty id. */
function withOutside(sections: ComparableSection[], of: Array<ComparableSection | undefined>): ComparableSection[] {
  if (sections.length === 0) return [{ id: '', title: '(whole document)', level: 0, start: 0, end: 0 }];
  if (of.some((s) => !s)) return [{ id: '', title: '(before the first heading)', level: 0, start: 0, end: 0 }, ...sections];
  return sections;
}
