import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let db: string;

const REPORT = [
  'Foreign Policy Review 2021',
  'Chapter 1',
  '(1) Relations with Neighbours',
  'China has never condemned Russia, and Turkey condemns Russia.',
  'In March, the Government of Russia announced the suspension of the New START.',
  'In the same month, Russia announced it was discontinuing negotiations on a peace treaty with Japan.',
  'GDP growth in Russia from January to March was +3.5%.',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-cli-saf-'));
  db = path.join(dir, 'kb.sqlite');
  writeFileSync(path.join(dir, 'report.txt'), REPORT);
  const r = await runCli(['ingest', path.join(dir, 'report.txt'), '--db', db, '--quiet']);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diplograph stances | agreements | figures', () => {
  it('lists stances with filters, in every format', async () => {
    const json = await runCli(['stances', '--db', db, '--format', 'json']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { holder: string; stance: string; negated: boolean; evidence: { text: string } }[];
    expect(rows.some((s) => s.holder === 'state:CHN' && s.stance === 'condemns' && s.negated)).toBe(true);
    for (const s of rows) expect(REPORT).toContain(s.evidence.text);
    const negated = JSON.parse((await runCli(['stances', '--db', db, '--negated', '--format', 'json'])).stdout) as { negated: boolean }[];
    expect(negated.length).toBeGreaterThan(0);
    expect(negated.every((s) => s.negated)).toBe(true);
    const csv = await runCli(['stances', '--db', db, '--holder', 'state:TUR', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toContain('holder');
    expect(csv.stdout).not.toContain('state:CHN,');
    const table = await runCli(['stances', '--db', db]);
    expect(table.stdout).toMatch(/stance\(s\)/);
  });

  it('lists agreement status changes, filtered by status and by who changed them', async () => {
    const all = JSON.parse((await runCli(['agreements', '--db', db, '--format', 'json'])).stdout) as { agreement: string; name: string | null; status: string; by: string[] }[];
    expect(all.some((a) => a.status === 'suspended')).toBe(true);
    // A negotiation named by a phrase is an entity with a name: no dangling ids.
    for (const a of all) expect(a.name).not.toBeNull();
    const discontinued = JSON.parse((await runCli(['agreements', '--db', db, '--status', 'discontinued', '--format', 'json'])).stdout) as { status: string }[];
    expect(discontinued.every((a) => a.status === 'discontinued')).toBe(true);
    const nobody = JSON.parse((await runCli(['agreements', '--db', db, '--by', 'state:NOPE', '--format', 'json'])).stdout) as unknown[];
    expect(nobody).toEqual([]);
  });

  it('lists figures by measure, and rejects a bad date', async () => {
    const figures = JSON.parse((await runCli(['figures', '--db', db, '--what', 'gdp growth', '--format', 'json'])).stdout) as { what: string; value: number; span: { text: string } }[];
    expect(figures.map((f) => [f.what, f.value, f.span.text])).toEqual([['GDP growth', 3.5, '+3.5%']]);
    const bad = await runCli(['figures', '--db', db, '--from', 'March']);
    expect(bad.code).toBe(2);
  });
});
