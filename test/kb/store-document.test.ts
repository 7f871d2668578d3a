import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { exportJson } from '../../src/export/export-json.js';
import { listEvents } from '../../src/kb/queries/list-events.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

let kb: KnowledgeBase | undefined;
afterEach(async () => { await kb?.close(); kb = undefined; });

async function counts(k: KnowledgeBase) {
  const n = async (t: 'documents' | 'events' | 'mentions' | 'sentences' | 'messages' | 'event_actors') =>
    Number((await k.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { documents: await n('documents'), events: await n('events'), mentions: await n('mentions'), sentences: await n('sentences'), messages: await n('messages'), actors: await n('event_actors') };
}

describe('storeDocument', () => {
  it('adds a document, and storing it again changes nothing', async () => {
    kb = await openKnowledgeBase(':memory:');
    const doc = handBuiltDocument();
    expect((await storeDocument(kb, doc)).status).toBe('added');
    const before = await counts(kb);
    expect(before).toEqual({ documents: 1, events: 1, mentions: 2, sentences: 2, messages: 1, actors: 2 });
    expect((await storeDocument(kb, doc)).status).toBe('unchanged');
    expect(await counts(kb)).toEqual(before);
  });

  it('replaces the older version of the same source in one go', async () => {
    kb = await openKnowledgeBase(':memory:');
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'v1'));
    const result = await storeDocument(kb, handBuiltDocument('Alphaland condemned Betastan again.', 'a.txt', 'v2'));
    expect(result).toEqual({ id: 'v2', status: 'replaced', replaced: ['v1'] });
    const docs = await kb.db.selectFrom('documents').select('id').execute();
    expect(docs.map((d) => d.id)).toEqual(['v2']);
    expect((await counts(kb)).sentences).toBe(1);
  });

  it('keeps different sources side by side and shares entities', async () => {
    kb = await openKnowledgeBase(':memory:');
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'd1'));
    await storeDocument(kb, handBuiltDocument(undefined, 'b.txt', 'd2'));
    expect((await counts(kb)).documents).toBe(2);
    const entities = await kb.db.selectFrom('entities').select('id').execute();
    expect(entities).toHaveLength(2);
  });

  it('rolls back completely when a row cannot be stored', async () => {
    kb = await openKnowledgeBase(':memory:');
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'd1'));
    const before = await counts(kb);
    const broken = handBuiltDocument(undefined, 'a.txt', 'd2');
    // Two events with the same id violate the primary key half way through the insert.
    broken.events = [broken.events[0]!, broken.events[0]!];
    await expect(storeDocument(kb, broken)).rejects.toThrow();
    expect(await counts(kb)).toEqual(before);
    expect((await kb.db.selectFrom('documents').select('id').execute()).map((d) => d.id)).toEqual(['d1']);
  });

  it('survives reopening a file and filters events', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-kb-'));
    try {
      const file = path.join(dir, 'kb.sqlite');
      kb = await openKnowledgeBase(file);
      await storeDocument(kb, handBuiltDocument());
      await kb.close();
      kb = await openKnowledgeBase(file);
      expect((await listEvents(kb, { actors: ['state:ALP'] })).total).toBe(1);
      expect((await listEvents(kb, { actors: ['state:BET'] })).total).toBe(0);
      expect((await listEvents(kb, { recipients: ['state:BET'], types: ['accuse'] })).total).toBe(1);
      expect((await listEvents(kb, { from: '2022-04' })).total).toBe(0);
      expect((await listEvents(kb, { from: '2022', to: '2022-03-15' })).total).toBe(1);
    } finally {
      await kb?.close(); kb = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports spans that slice back to the document text', async () => {
    kb = await openKnowledgeBase(':memory:');
    await storeDocument(kb, handBuiltDocument());
    const out = await exportJson(kb);
    const text = out.documents[0]!.text;
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const e of out.events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    expect(out.entities.map((e) => e.id).sort()).toEqual(['state:ALP', 'state:BET']);
  });
});
