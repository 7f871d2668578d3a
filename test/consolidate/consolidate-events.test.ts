import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysedDocument, DiploEvent } from '../../src/model/index.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument, deleteDocument } from '../../src/kb/store-document.js';
import { storeAnalysed } from '../../src/pipeline/ingest.js';
import { consolidateDocument } from '../../src/consolidate/consolidate-events.js';
import { listMerges, undoMerge } from '../../src/consolidate/merges.js';
import { corpusSummary } from '../../src/consolidate/corpus-summary.js';
import { clusterDb } from '../../src/consolidate/event-clusters-table.js';
import { makeAnalysedDoc } from '../helpers/make-analysed-doc.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

/** A document with one event per spec, each in its own sentence. */
function docWith(id: string, source: string, specs: Array<{ sentence: string; trigger: string; type: DiploEvent['type']; date: string | null; actors?: string[]; recipients?: string[] }>): AnalysedDocument {
  const text = specs.map((s) => s.sentence).join('\n') + '\n';
  const doc = makeAnalysedDoc(text, { id, mentions: [{ text: 'Russia', entity: 'state:RUS' }, { text: 'Ukraine', entity: 'state:UKR' }] });
  doc.source = source;
  let at = 0;
  doc.events = specs.map((s, n) => {
    const start = text.indexOf(s.sentence, at);
    at = start + s.sentence.length;
    const t = text.indexOf(s.trigger, start);
    return {
      id: `${id}:e${n + 1}`, doc: id, type: s.type, contexts: [], actors: s.actors ?? ['state:RUS'], recipients: s.recipients ?? ['state:UKR'],
      date: s.date ? { value: s.date, start: `${s.date}-01`.slice(0, 10), end: `${s.date}-28`.slice(0, 10), source: 'test', inferred: false } : null,
      negated: false, modality: 'asserted', quad: 4, intensity: -9,
      trigger: { doc: id, start: t, end: t + s.trigger.length, text: s.trigger },
      evidence: { doc: id, start, end: start + s.sentence.length, text: s.sentence }, rule: 'test',
    };
  });
  return doc;
}

const invasion2022 = { sentence: 'In February 2022 Russia invaded Ukraine.', trigger: 'invaded', type: 'ASSAULT' as const, date: '2022-02' };
const invasion2023 = { sentence: 'Russia launched its invasion of Ukraine in February 2022.', trigger: 'invasion', type: 'ASSAULT' as const, date: '2022-02' };
const talks = { sentence: 'Russia and Ukraine held talks in March 2022.', trigger: 'talks', type: 'CONSULT' as const, date: '2022-03' };
const yearOnly = { sentence: 'Russia attacked Ukraine in 2022.', trigger: 'attacked', type: 'ASSAULT' as const, date: '2022' };

let kb: KnowledgeBase;
beforeEach(async () => { kb = await openKnowledgeBase(':memory:'); });
afterEach(async () => { await kb.close(); });

describe('consolidation across documents', () => {
  it('merges the same event reported in two documents into one, with its rule, and undoes it for good', async () => {
    await storeDocument(kb, docWith('doc2022', '/r/2022.txt', [invasion2022, yearOnly]));
    expect((await consolidateDocument(kb, 'doc2022')).merged).toBe(0);
    await storeDocument(kb, docWith('doc2023', '/r/2023.txt', [talks, invasion2023, yearOnly]));
    expect((await consolidateDocument(kb, 'doc2023')).merged).toBe(1);

    const merges = await listMerges(kb);
    expect(merges).toHaveLength(1);
    const m = merges[0]!;
    expect(m.cluster).toBe('c:doc2022:e1');
    expect(m.events.map((e) => [e.event, e.rule])).toEqual([['doc2022:e1', 'consolidate.seed'], ['doc2023:e2', 'consolidate.same-month']]);
    expect(m.events[1]!.reason).toMatch(/ASSAULT .*2022-02/);
    expect(m.events.map((e) => e.evidence.text)).toEqual([invasion2022.sentence, invasion2023.sentence]);

    // Counted once in a corpus view.
    const summary = await corpusSummary(kb);
    expect(summary.events).toEqual({ total: 5, distinct: 4 });

    // Running again changes nothing: its earlier merge goes and is made anew (not kept as it was).
    expect(await consolidateDocument(kb, 'doc2023')).toEqual({ merged: 1, pruned: 0 });
    expect((await listMerges(kb)).map((x) => x.events.length)).toEqual([2]);

    // Undo, and consolidation never makes the merge again.
    expect(await undoMerge(kb, m.cluster, 'doc2023:e2')).toBe(2);
    expect(await listMerges(kb)).toEqual([]);
    expect((await listMerges(kb, { includeUndone: true }))[0]!.events.every((e) => e.undone)).toBe(true);
    await consolidateDocument(kb, 'doc2023');
    await consolidateDocument(kb, 'doc2022');
    expect(await listMerges(kb)).toEqual([]);
  });

  it('runs after a document is stored by the ingest path, and forgets merges of a replaced document', async () => {
    await storeAnalysed(kb, '/r/2022.txt', docWith('v1', '/r/2022.txt', [invasion2022]));
    await storeAnalysed(kb, '/r/2023.txt', docWith('w1', '/r/2023.txt', [invasion2023]));
    expect((await listMerges(kb)).map((m) => m.events.map((e) => e.event))).toEqual([['v1:e1', 'w1:e1']]);
    // A new version of the 2023 file without that sentence replaces the old one: the merge goes.
    await storeAnalysed(kb, '/r/2023.txt', docWith('w2', '/r/2023.txt', [talks]));
    expect(await listMerges(kb)).toEqual([]);
    const rows = await clusterDb(kb.db).selectFrom('event_clusters').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('keeps one event per document in a cluster and merges nothing dated only by year', async () => {
    await storeAnalysed(kb, '/r/a.txt', docWith('a', '/r/a.txt', [invasion2022, { ...invasion2022, sentence: 'Russia invaded Ukraine in February 2022, again.' }]));
    await storeAnalysed(kb, '/r/b.txt', docWith('b', '/r/b.txt', [invasion2023, yearOnly]));
    await storeAnalysed(kb, '/r/c.txt', docWith('c', '/r/c.txt', [yearOnly]));
    const merges = await listMerges(kb);
    expect(merges).toHaveLength(1);
    expect(merges[0]!.events.map((e) => e.doc).sort()).toEqual(['a', 'b']);
  });

  it('drops merges of a deleted document when consolidation next runs', async () => {
    await storeAnalysed(kb, '/r/a.txt', docWith('a', '/r/a.txt', [invasion2022]));
    await storeAnalysed(kb, '/r/b.txt', docWith('b', '/r/b.txt', [invasion2023]));
    await deleteDocument(kb, 'a');
    await storeAnalysed(kb, '/r/c.txt', docWith('c', '/r/c.txt', [talks]));
    expect(await listMerges(kb)).toEqual([]);
  });

  it("drops a deleted document's merges as it goes, and keeps a cluster that still holds two reports", async () => {
    const rows = () => clusterDb(kb.db).selectFrom('event_clusters').select(['cluster', 'event', 'undone']).orderBy('event').execute();
    await storeAnalysed(kb, '/r/a.txt', docWith('a', '/r/a.txt', [invasion2022]));
    await storeAnalysed(kb, '/r/b.txt', docWith('b', '/r/b.txt', [invasion2023]));
    await storeAnalysed(kb, '/r/c.txt', docWith('c', '/r/c.txt', [invasion2023]));
    expect((await rows()).map((r) => r.event)).toEqual(['a:e1', 'b:e1', 'c:e1']);
    // Three reports, one goes: the other two stay merged, without any consolidation running.
    await deleteDocument(kb, 'b');
    expect((await rows()).map((r) => r.event)).toEqual(['a:e1', 'c:e1']);
    // Two reports, one goes: the cluster dissolves at once.
    await deleteDocument(kb, 'c');
    expect(await rows()).toEqual([]);
  });

  it('remembers an undone merge while its events exist, also when a document is consolidated again', async () => {
    await storeAnalysed(kb, '/r/a.txt', docWith('a', '/r/a.txt', [invasion2022]));
    await storeAnalysed(kb, '/r/b.txt', docWith('b', '/r/b.txt', [invasion2023]));
    const [m] = await listMerges(kb);
    await undoMerge(kb, m!.cluster);
    await consolidateDocument(kb, 'b');
    await consolidateDocument(kb, 'a');
    expect(await listMerges(kb)).toEqual([]);
    expect((await listMerges(kb, { includeUndone: true }))[0]!.events.map((e) => [e.event, e.undone])).toEqual([['a:e1', true], ['b:e1', true]]);
    // Once b's event is gone (a new version of the file without it), its undone row goes too.
    await storeAnalysed(kb, '/r/b.txt', docWith('b2', '/r/b.txt', [talks]));
    const left = await clusterDb(kb.db).selectFrom('event_clusters').select('event').execute();
    expect(left.map((r) => r.event)).toEqual(['a:e1']);
  });
});

for (const target of await testDatabases('consolidate-events')) describe.skipIf(!!target.skip)(`consolidation at the same moment (${target.label})`, () => {
  it('puts an event reported by two documents consolidated at once into one cluster', async () => {
    const own = await freshKnowledgeBase(target);
    try {
      const months = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05'];
      for (const [i, month] of months.entries()) {
        const event = { ...invasion2022, date: month };
        await storeDocument(own, docWith(`p${i}a`, `/r/p${i}a.txt`, [event]));
        await storeDocument(own, docWith(`p${i}b`, `/r/p${i}b.txt`, [event]));
      }
      // Each pair on two connections at once (one connection on SQLite, where writers take turns anyway).
      await Promise.all(months.flatMap((_, i) => [consolidateDocument(own, `p${i}a`), consolidateDocument(own, `p${i}b`)]));
      const rows = await clusterDb(own.db).selectFrom('event_clusters').select(['cluster', 'event']).where('undone', '=', 0).orderBy('event').execute();
      expect(rows.map((r) => r.event)).toEqual(months.flatMap((_, i) => [`p${i}a:e1`, `p${i}b:e1`]));
      for (let i = 0; i < months.length; i++) expect(rows[2 * i]!.cluster).toBe(rows[2 * i + 1]!.cluster);
    } finally {
      await own.close();
    }
  });
});
