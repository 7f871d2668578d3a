import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import type { Comparison } from '../../src/compare/comparison-types.js';
import { EDITION_A, EDITION_B } from './edition-pair.js';

let tmp: string;
let fileA: string;
let fileB: string;
let db: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'diplograph-compare-'));
  fileA = path.join(tmp, '2022', 'JPN_review_2022.txt');
  fileB = path.join(tmp, '2023', 'JPN_review_2023.txt');
  for (const [f, t] of [[fileA, EDITION_A], [fileB, EDITION_B]] as const) {
    rmSync(path.dirname(f), { recursive: true, force: true });
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, t);
  }
  db = path.join(tmp, 'kb.sqlite');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The sentence-level result the edits must give, whatever the extractors find. */
function expectEdits(c: Comparison): void {
  const changed = c.sentences.filter((r) => r.status !== 'unchanged');
  expect(changed.map((r) => r.status)).toEqual(['reworded', 'reworded', 'reworded', 'removed', 'added']);
  expect(changed[0]!.diff!.filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['strongly', 'firmly']);
  expect(changed[1]!.diff!.filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['3', '5']);
  expect(changed[2]!.diff!.filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['condemned', 'did not condemn']);
  expect(changed[3]!.a!.text).toMatch(/^The Foreign Minister of Japan visited Canberra/);
  expect(changed[4]!.b!.text).toMatch(/^In November 2022, Japan and India signed/);
  // The date change is found as such.
  expect(c.changes.filter((x) => x.kind === 'date' && x.change === 'changed').map((x) => x.summary)).toEqual(['“3 March 2022” (2022-03-03) → “5 March 2022” (2022-03-05)']);
  // The negated condemnation is a changed fact, not an added and a removed one.
  const negation = c.changes.filter((x) => x.change === 'changed' && x.fields?.includes('negated'));
  expect(negation.length).toBeGreaterThan(0);
  expect(negation.every((x) => x.b?.text.includes('did not condemn'))).toBe(true);
}

describe('diplograph compare', () => {
  it('compares two files without a knowledge base', async () => {
    const run = await runCli(['compare', fileA, fileB, '--format', 'json', '--db', path.join(tmp, 'none.sqlite')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectEdits(JSON.parse(run.stdout) as Comparison);
  });

  it('prints a readable table with an inline word diff', async () => {
    const run = await runCli(['compare', fileA, fileB]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sentences: ');
    expect(run.stdout).toContain('[-strongly-] {+firmly+}');
    expect(run.stdout).toMatch(/date\s+changed\s+“3 March 2022”/);
  });

  it('compares stored documents by id prefix, and says what is wrong with a bad reference', async () => {
    expect((await runCli(['ingest', fileA, fileB, '--db', db])).code).toBe(0);
    const docs = JSON.parse((await runCli(['documents', '--db', db, '--format', 'json'])).stdout) as Array<{ id: string; source: string }>;
    const idA = docs.find((d) => d.source.endsWith('2022.txt'))!.id;
    const idB = docs.find((d) => d.source.endsWith('2023.txt'))!.id;
    const run = await runCli(['compare', idA.slice(0, 10), idB, '--db', db, '--format', 'json']);
    expect(run.code).toBe(0);
    expectEdits(JSON.parse(run.stdout) as Comparison);
    const bad = await runCli(['compare', 'nosuchdoc', idB, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"nosuchdoc" is neither a file nor a document id/);
  });

  it('shows a corpus view selected by source glob, year and country', async () => {
    const all = await runCli(['corpus', '--db', db, '--format', 'json']);
    expect(all.code).toBe(0);
    const summary = JSON.parse(all.stdout) as { documents: Array<{ year: string; country?: string }>; events: { total: number }; byType: unknown[] };
    expect(summary.documents.map((d) => d.country)).toEqual(['JPN', 'JPN']);
    const one = JSON.parse((await runCli(['corpus', '--db', db, '--format', 'json', '--source', '**/2023/*.txt'])).stdout) as { documents: unknown[] };
    expect(one.documents).toHaveLength(1);
    const none = JSON.parse((await runCli(['corpus', '--db', db, '--format', 'json', '--country', 'FRA'])).stdout) as { documents: unknown[] };
    expect(none.documents).toHaveLength(0);
    const table = await runCli(['corpus', '--db', db, '--year', '2022,2023']);
    expect(table.stdout).toMatch(/Events by type/);
    expect((await runCli(['corpus', '--db', db, '--year', '22'])).code).toBe(2);
  });

  it('lists merges (none between two editions that date nothing alike twice) as JSON', async () => {
    const run = await runCli(['merges', 'list', '--db', db, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
    expect((await runCli(['merges', 'undo', 'c:nothing', '--db', db])).code).toBe(2);
  });
});

describe('compare and corpus API', () => {
  it('serves the comparison, the corpus view and merges with declared schemas', async () => {
    const kb = await openKnowledgeBase(db);
    const app = await buildServer(kb, { webDir: path.join(tmp, 'no-web') });
    try {
      const docs = (await app.inject({ url: '/api/documents' })).json() as { documents: Array<{ id: string; source: string }> };
      const idA = docs.documents.find((d) => d.source.endsWith('2022.txt'))!.id;
      const idB = docs.documents.find((d) => d.source.endsWith('2023.txt'))!.id;
      const res = await app.inject({ url: `/api/compare?a=${idA}&b=${idB.slice(0, 12)}` });
      expect(res.statusCode).toBe(200);
      expectEdits(res.json() as Comparison);
      expect((await app.inject({ url: `/api/compare?a=${idA}&b=zzzz` })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/compare?a=${idA}` })).statusCode).toBe(400);
      expect((await app.inject({ url: `/api/compare?a=${idA}&b=${idB}&bogus=1` })).statusCode).toBe(400);
      const corpus = await app.inject({ url: '/api/corpus?source=' + encodeURIComponent('**/2023/*.txt') });
      expect(corpus.statusCode).toBe(200);
      expect((corpus.json() as { documents: unknown[] }).documents).toHaveLength(1);
      expect((await app.inject({ url: '/api/corpus?year=20x3' })).statusCode).toBe(400);
      const merges = await app.inject({ url: '/api/merges' });
      expect(merges.statusCode).toBe(200);
      expect(merges.json()).toHaveProperty('merges');
    } finally {
      await app.close();
      await kb.close();
    }
  });
});
