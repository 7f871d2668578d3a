import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { ingestFilesParallel } from '../../src/pipeline/parallel-ingest.js';
import { analysisFingerprint, pipelineVersion } from '../../src/pipeline/version.js';
import { reportText } from './report-texts.js';

let dir: string;
let files: string[];
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-unchanged-'));
  files = [0, 1, 2].map((i) => {
    const file = path.join(dir, `report-${i}.txt`);
    writeFileSync(file, reportText(`Report on foreign relations ${2016 + i}`, 3 + i, i * 4));
    return file;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ingest, counting the stages analysis ran (onStage is called by every analysis in this thread). */
async function ingestCounting(kb: KnowledgeBase, list: string[], opts: Parameters<typeof ingestFiles>[2] = {}) {
  let stages = 0;
  const outcomes = await ingestFiles(kb, list, { ...opts, onStage: () => { stages++; } });
  return { outcomes, stages };
}

describe('ingesting files already stored', () => {
  it('does not analyse an unchanged file again, and reports what it holds', async () => {
    const kb = await openKnowledgeBase(':memory:');
    try {
      const first = await ingestCounting(kb, files);
      expect(first.outcomes.map((o) => o.ok && o.status)).toEqual(['added', 'added', 'added']);
      expect(first.stages).toBeGreaterThan(0);
      const again = await ingestCounting(kb, files);
      expect(again.stages).toBe(0);
      expect(again.outcomes.map((o) => o.ok && o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      // The same counts as when it was stored.
      const counts = (o: (typeof first.outcomes)[number]) => (o.ok ? [o.id, o.title, o.sentences, o.mentions, o.events] : []);
      expect(again.outcomes.map(counts)).toEqual(first.outcomes.map(counts));
    } finally {
      await kb.close();
    }
  }, 60_000);

  it('analyses only the files added since, in a folder ingested again', async () => {
    const kb = await openKnowledgeBase(':memory:');
    try {
      await ingestCounting(kb, files.slice(0, 2));
      const again = await ingestCounting(kb, files);
      expect(again.outcomes.map((o) => o.ok && o.status)).toEqual(['unchanged', 'unchanged', 'added']);
      const alone = await ingestCounting(await openKnowledgeBase(':memory:'), files.slice(2));
      expect(again.stages).toBe(alone.stages);
    } finally {
      await kb.close();
    }
  }, 60_000);

  it('analyses again a file whose text changed, or that is read in another period', async () => {
    const kb = await openKnowledgeBase(':memory:');
    const file = path.join(dir, 'changing.txt');
    try {
      writeFileSync(file, reportText('Report on foreign relations 2019', 3, 1));
      await ingestCounting(kb, [file]);
      const period = await ingestCounting(kb, [file], { period: { period: '2018' } });
      expect(period.stages).toBeGreaterThan(0);
      expect(period.outcomes[0]).toMatchObject({ ok: true, status: 'replaced' });
      const row = await kb.db.selectFrom('documents').select(['period_start', 'period_rule']).executeTakeFirstOrThrow();
      expect(row).toEqual({ period_start: '2018-01-01', period_rule: 'period.override' });
      // Back to the inferred period: a new reading again, not "unchanged".
      expect((await ingestCounting(kb, [file])).outcomes[0]).toMatchObject({ ok: true, status: 'replaced' });
      writeFileSync(file, reportText('Report on foreign relations 2019', 4, 1));
      const edited = await ingestCounting(kb, [file]);
      expect(edited.stages).toBeGreaterThan(0);
      expect(edited.outcomes[0]).toMatchObject({ ok: true, status: 'replaced' });
    } finally {
      await kb.close();
    }
  }, 60_000);

  it('skips unchanged files in a parallel ingest too', async () => {
    const kb = await openKnowledgeBase(':memory:');
    try {
      const first = await ingestFilesParallel(kb, files, { threads: 2 });
      const again = await ingestFilesParallel(kb, files, { threads: 2 });
      expect(again.map((o) => o.ok && o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      expect(again.map((o) => o.ok && o.id)).toEqual(first.map((o) => o.ok && o.id));
    } finally {
      await kb.close();
    }
  }, 120_000);
});

describe('pipelineVersion', () => {
  it('is the release and a fingerprint of the analysis, the same every time in a process', () => {
    expect(pipelineVersion()).toMatch(/^\d+\.\d+\+[0-9a-f]{12}$/);
    expect(pipelineVersion()).toBe(pipelineVersion());
  });

  it('changes when a rule file or a data file changes, and not when nothing does', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dg-version-'));
    try {
      mkdirSync(path.join(root, 'code', 'extract'), { recursive: true });
      mkdirSync(path.join(root, 'code', 'api'), { recursive: true });
      mkdirSync(path.join(root, 'data'));
      writeFileSync(path.join(root, 'code', 'extract', 'rule.ts'), 'export const A = 1;');
      writeFileSync(path.join(root, 'code', 'api', 'route.ts'), 'export const R = 1;');
      writeFileSync(path.join(root, 'data', 'lexicon.tsv'), 'word\tsense\n');
      const before = analysisFingerprint(path.join(root, 'code'), path.join(root, 'data'));
      expect(analysisFingerprint(path.join(root, 'code'), path.join(root, 'data'))).toBe(before);
      // Code outside the analysis (the API) does not decide what is stored.
      writeFileSync(path.join(root, 'code', 'api', 'route.ts'), 'export const R = 2;');
      expect(analysisFingerprint(path.join(root, 'code'), path.join(root, 'data'))).toBe(before);
      writeFileSync(path.join(root, 'data', 'lexicon.tsv'), 'word\tsense\nother\tsense\n');
      const data = analysisFingerprint(path.join(root, 'code'), path.join(root, 'data'));
      expect(data).not.toBe(before);
      writeFileSync(path.join(root, 'code', 'extract', 'rule.ts'), 'export const A = 2;');
      expect(analysisFingerprint(path.join(root, 'code'), path.join(root, 'data'))).not.toBe(data);
      // A copy elsewhere has the same version.
      cpSync(root, `${root}-copy`, { recursive: true });
      expect(analysisFingerprint(path.join(`${root}-copy`, 'code'), path.join(`${root}-copy`, 'data'))).toBe(analysisFingerprint(path.join(root, 'code'), path.join(root, 'data')));
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(`${root}-copy`, { recursive: true, force: true });
    }
  });
});
