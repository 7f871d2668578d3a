import type { ComparableDocument } from './comparable-document.js';
import { alignSentences, type AlignOptions, type SentenceStatus } from './align-sentences.js';
import { alignSections, sectionOfSentences } from './align-sections.js';
import { diffDescriptions } from './actor-descriptions.js';
import { AGREEMENT_FACTS, EVENT_FACTS, STANCE_FACTS, diffDates, diffFacts } from './substance-diff.js';
import type { ChangeKind, Comparison, SentenceRow } from './comparison-types.js';
import { wordDiff } from './word-diff.js';

const KIND_ORDER: ChangeKind[] = ['agreement', 'stance', 'event', 'date', 'description'];

/**
 * Compare two documents (two editions of a report, two speeches): sections and sentences aligned,
 * reworded sentences with a word-level diff, and what changed in substance: events, stances and
 * agreement statuses that appeared, disappeared or changed, dates changed in reworded sentences,
 * and terms that describe an actor in one document but not the other.
 */
export function compareDocuments(a: ComparableDocument, b: ComparableDocument, options: AlignOptions = {}): Comparison {
  const textsA = a.sentences.map((s) => a.text.slice(s.start, s.end));
  const textsB = b.sentences.map((s) => b.text.slice(s.start, s.end));
  const rows = alignSentences(textsA, textsB, options);
  const secA = sectionOfSentences(a);
  const secB = sectionOfSentences(b);

  const sentences: SentenceRow[] = rows.map((r) => {
    const row: SentenceRow = { status: r.status };
    if (r.moved) row.moved = true;
    if (r.similarity !== undefined) row.similarity = r.similarity;
    if (r.a !== undefined) {
      const s = a.sentences[r.a]!;
      row.a = { doc: a.id, index: r.a, start: s.start, end: s.end, text: textsA[r.a]!, ...(secA[r.a] ? { section: secA[r.a]!.id } : {}) };
    }
    if (r.b !== undefined) {
      const s = b.sentences[r.b]!;
      row.b = { doc: b.id, index: r.b, start: s.start, end: s.end, text: textsB[r.b]!, ...(secB[r.b] ? { section: secB[r.b]!.id } : {}) };
    }
    if (r.status === 'reworded' && row.a && row.b) row.diff = wordDiff(row.a.text, row.b.text);
    return row;
  });

  const events = diffFacts(EVENT_FACTS, a, b, a.events, b.events, rows);
  const stances = diffFacts(STANCE_FACTS, a, b, a.stances, b.stances, rows);
  const agreements = diffFacts(AGREEMENT_FACTS, a, b, a.agreements, b.agreements, rows);
  const changes = [...agreements.changes, ...stances.changes, ...events.changes, ...diffDates(a, b, rows), ...diffDescriptions(a, b)]
    .sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));

  const counts: Record<SentenceStatus, number> & { moved: number } = { unchanged: 0, reworded: 0, added: 0, removed: 0, moved: 0 };
  for (const r of rows) { counts[r.status]++; if (r.moved) counts.moved++; }
  const ref = (d: ComparableDocument) => ({ id: d.id, title: d.title, source: d.source, ...(d.year ? { year: d.year } : {}), sentences: d.sentences.length });
  return {
    a: ref(a),
    b: ref(b),
    counts,
    changes,
    sections: alignSections(a, b, rows),
    sentences,
    unchanged: { events: events.unchanged, stances: stances.unchanged, agreements: agreements.unchanged },
  };
}
