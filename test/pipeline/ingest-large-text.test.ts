import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestOne } from '../../src/pipeline/ingest.js';
import { partSource } from '../../src/pipeline/ingest-large-text.js';
import { ingestFilesParallel } from '../../src/pipeline/parallel-ingest.js';
import { reportParagraph } from './report-texts.js';

let dir: string;
let kb: KnowledgeBase;
// Tiny thresholds stand in for 16 MiB files and 256K-character parts.
const read = { largeTextBytes: 2_000, stream: { partChars: 1_500, readBytes: 512 } };

function bigReport(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, k) => reportParagraph(k)).join('\n\n') + '\n';
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-large-'));
  kb = await openKnowledgeBase(':memory:');
});
afterAll(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedParts(source: string) {
  return kb.db.selectFrom('documents').select(['id', 'source', 'title', 'text']).where('source', 'like', `${source}#part-%`).orderBy('source').execute();
}

describe('ingesting a large text file', () => {
  const file = () => path.join(dir, 'annual-review.txt');

  it('stores one document per part, every offset valid in its part, every paragraph once', async () => {
    const text = bigReport(40);
    writeFileSync(file(), text);
    const outcome = await ingestOne(kb, file(), { read });
    expect(outcome).toMatchObject({ ok: true, status: 'added' });
    if (!outcome.ok) return;
    const parts = await storedParts(file());
    expect(outcome.parts).toBe(parts.length);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.map((p) => p.source)).toEqual(parts.map((_, i) => partSource(file(), i + 1)));
    // Bounded parts: none holds much more than two part sizes.
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(2 * read.stream.partChars + 10);
    // Every paragraph of the file is stored as often as the file has it (in one part each time).
    const stored = parts.map((p) => p.text).join('\n');
    for (let k = 0; k < 40; k++) expect(stored.split(reportParagraph(k)).length).toBe(text.split(reportParagraph(k)).length);

    let spans = 0;
    for (const p of parts) {
      const mentions = await kb.db.selectFrom('mentions').select(['start', 'end', 'text']).where('doc', '=', p.id).execute();
      const events = await kb.db.selectFrom('events').select(['trigger_start as start', 'trigger_end as end', 'trigger_text as text', 'evidence_start', 'evidence_end']).where('doc', '=', p.id).execute();
      const sentences = await kb.db.selectFrom('sentences').select(['start', 'end', 'text']).where('doc', '=', p.id).execute();
      for (const s of [...mentions, ...events, ...sentences]) {
        expect(p.text.slice(s.start, s.end)).toBe(s.text);
        spans++;
      }
      for (const e of events) expect(e.evidence_end).toBeLessThanOrEqual(p.text.length);
      const note = await kb.db.selectFrom('messages').select('message').where('doc', '=', p.id).where('rule', '=', 'read.large-file-part').execute();
      expect(note).toHaveLength(1);
    }
    expect(spans).toBeGreaterThan(100);
    expect(outcome.events).toBe(Number((await kb.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
  }, 60_000);

  it('changes nothing when the same file is ingested again', async () => {
    const before = await storedParts(file());
    const outcome = await ingestOne(kb, file(), { read });
    expect(outcome).toMatchObject({ ok: true, status: 'unchanged', replaced: [] });
    expect(await storedParts(file())).toEqual(before);
  }, 60_000);

  it('replaces parts and deletes the parts a shorter version no longer has', async () => {
    const before = await storedParts(file());
    writeFileSync(file(), bigReport(12));
    const outcome = await ingestOne(kb, file(), { read });
    expect(outcome).toMatchObject({ ok: true, status: 'replaced' });
    const after = await storedParts(file());
    expect(after.length).toBeLessThan(before.length);
    if (outcome.ok) expect(outcome.parts).toBe(after.length);
    const left = await kb.db.selectFrom('events').select('doc').distinct().execute();
    expect(left.every((r) => after.some((p) => p.id === r.doc))).toBe(true);
  }, 60_000);

  it('streams large files in turn during a parallel ingest', async () => {
    const small = path.join(dir, 'note.txt');
    writeFileSync(small, 'Ministry statement\n' + reportParagraph(3) + '\n');
    const big = path.join(dir, 'second-review.txt');
    writeFileSync(big, bigReport(15));
    const outcomes = await ingestFilesParallel(kb, [small, big], { threads: 2, read });
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(outcomes[1]!.ok && outcomes[1]!.parts).toBeGreaterThan(1);
    expect(outcomes[0]!.ok && outcomes[0]!.parts).toBeFalsy();
  }, 60_000);

  it('leaves files under the threshold whole', async () => {
    const small = path.join(dir, 'short.txt');
    writeFileSync(small, bigReport(2));
    const outcome = await ingestOne(kb, small, { read });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.parts).toBeFalsy();
    expect(await storedParts(small)).toEqual([]);
  });
});
