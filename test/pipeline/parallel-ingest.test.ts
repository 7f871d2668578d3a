import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { defaultThreads, ingestFilesParallel, threadsHelp } from '../../src/pipeline/parallel-ingest.js';
import { knowledgeBaseRows } from './kb-rows.js';
import { reportText } from './report-texts.js';

let dir: string;
let files: string[];
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-parallel-'));
  files = [];
  for (let i = 0; i < 7; i++) {
    const file = path.join(dir, `report-${i}.txt`);
    writeFileSync(file, reportText(`Report on foreign relations ${2015 + i}`, 4 + i, i * 5));
    files.push(file);
  }
  writeFileSync(path.join(dir, 'empty.txt'), '');
  files.splice(3, 0, path.join(dir, 'empty.txt'), path.join(dir, 'missing.txt'));
  // The same text twice: the second is "unchanged" only if stores happen in input order.
  writeFileSync(path.join(dir, 'copy.txt'), reportText('Report on foreign relations 2015', 4, 0));
  files.push(path.join(dir, 'copy.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestWith(threads: number): Promise<{ kb: KnowledgeBase; outcomes: Awaited<ReturnType<typeof ingestFiles>>; order: number[] }> {
  const kb = await openKnowledgeBase(':memory:');
  const order: number[] = [];
  const outcomes = await ingestFilesParallel(kb, files, { threads, onFileDone: (_o, i) => order.push(i) });
  return { kb, outcomes, order };
}

describe('ingestFilesParallel', () => {
  it('stores exactly what a single-thread ingest stores, with the same outcomes in input order', async () => {
    const single = await ingestWith(1);
    const parallel = await ingestWith(3);
    try {
      const strip = (o: (typeof single.outcomes)[number]) => ({ ...o });
      expect(parallel.outcomes.map(strip)).toEqual(single.outcomes.map(strip));
      expect(parallel.order).toEqual(files.map((_, i) => i));
      const rows = await knowledgeBaseRows(parallel.kb);
      expect(rows).toEqual(await knowledgeBaseRows(single.kb));
      expect(rows.events!.length).toBeGreaterThan(10);
    } finally {
      await single.kb.close();
      await parallel.kb.close();
    }
  }, 120_000);

  it('reports unreadable files as failures without stopping the others', async () => {
    const { kb, outcomes } = await ingestWith(2);
    try {
      expect(outcomes).toHaveLength(files.length);
      const byName = new Map(outcomes.map((o) => [path.basename(o.file), o]));
      expect(byName.get('empty.txt')).toMatchObject({ ok: false, problem: 'empty' });
      expect(byName.get('missing.txt')).toMatchObject({ ok: false, problem: 'not-found' });
      expect(byName.get('copy.txt')).toMatchObject({ ok: true, status: 'unchanged' });
      expect(outcomes.filter((o) => o.ok)).toHaveLength(files.length - 2);
    } finally {
      await kb.close();
    }
  }, 120_000);

  it('runs in this thread for one thread or one file, and defaults to the available cores', async () => {
    const kb = await openKnowledgeBase(':memory:');
    try {
      const [one] = await ingestFilesParallel(kb, [files[0]!], { threads: 8 });
      expect(one).toMatchObject({ ok: true, status: 'added' });
      expect(defaultThreads()).toBeGreaterThanOrEqual(1);
      expect(await ingestFilesParallel(kb, [], { threads: 4 })).toEqual([]);
    } finally {
      await kb.close();
    }
  });

  it.each([
    [2, 2, false],
    [4, 2, false],
    [4, 4, false],
    [2, 4, true],
    [3, 8, true],
  ])('with %i threads on %i cores, the storing thread analyses too: %s', (threads, cores, helps) => {
    expect(threadsHelp(threads, cores)).toBe(helps);
  });
});
