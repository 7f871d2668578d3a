import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
const at = (name: string) => path.join(dir, name);

const REPORT = [
  'Foreign Policy Review 2020',
  'Chapter 1',
  '(1) Relations with Neighbours',
  'In March, the Government of France condemned the missile launch by North Korea.',
  'Japan and India held a summit meeting in Tokyo on October 6.',
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-cli-'));
  writeFileSync(at('report.txt'), REPORT);
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('blank.txt'), '   \n\n  \t\n');
  writeFileSync(at('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  writeFileSync(at('latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' diplomacy.')]));
  writeFileSync(at('broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref');
  mkdirSync(at('nothing-here'));
  writeFileSync(at('nothing-here/readme.bin'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(db: string): Promise<string> {
  const r = await runCli(['export', '--db', db]);
  return r.stdout;
}

describe('diplograph ingest', () => {
  it('ingests a report, and ingesting it again changes nothing', async () => {
    const db = at('kb1.sqlite');
    const first = await runCli(['ingest', at('report.txt'), '--db', db, '--quiet']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/1 added/);
    const before = await snapshot(db);
    const again = await runCli(['ingest', at('report.txt'), '--db', db, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 unchanged/);
    expect(await snapshot(db)).toBe(before);
  });

  it('replaces a changed file', async () => {
    const db = at('kb2.sqlite');
    copyFileSync(at('report.txt'), at('changing.txt'));
    await runCli(['ingest', at('changing.txt'), '--db', db, '--quiet']);
    writeFileSync(at('changing.txt'), REPORT + '\nGermany and Italy signed an agreement in May.');
    const r = await runCli(['ingest', at('changing.txt'), '--db', db, '--quiet']);
    expect(r.stdout).toMatch(/1 replaced/);
    const docs = JSON.parse((await runCli(['documents', '--db', db, '--format', 'json'])).stdout);
    expect(docs).toHaveLength(1);
  });

  const bad: Array<[string, RegExp]> = [
    ['missing.txt', /missing\.txt: does not exist/],
    ['empty.txt', /empty\.txt: is empty/],
    ['blank.txt', /blank\.txt: contains no readable text/],
    ['binary.txt', /binary\.txt: looks like binary data/],
    ['latin1.txt', /latin1\.txt: is not valid UTF-8 \(first invalid byte at offset 3\).*iconv/],
    ['broken.pdf', /broken\.pdf: .*(corrupt|damaged|invalid|not a valid)/i],
    ['nothing-here', /nothing-here: directory holds no readable file/],
  ];
  it.each(bad)('%s: names the file and the problem, exits non-zero, leaves the knowledge base unchanged', async (name, message) => {
    const db = at(`kb-bad-${name}.sqlite`);
    await runCli(['ingest', at('report.txt'), '--db', db, '--quiet']);
    const before = await snapshot(db);
    const r = await runCli(['ingest', at(name), '--db', db, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(await snapshot(db)).toBe(before);
  });

  it('still ingests the good files of a mixed call and lists the failures in the summary', async () => {
    const db = at('kb-mixed.sqlite');
    const r = await runCli(['ingest', at('binary.txt'), at('report.txt'), at('missing.txt'), '--db', db, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3 file\(s\): 1 added, 0 replaced, 0 unchanged, 2 failed/);
    expect(r.stdout).toMatch(/failed: .*binary\.txt, .*missing\.txt/);
  });

  it('reports an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; nothing to test here
    writeFileSync(at('secret.txt'), 'text');
    chmodSync(at('secret.txt'), 0o000);
    const r = await runCli(['ingest', at('secret.txt'), '--db', at('kb-perm.sqlite'), '--quiet']);
    expect(r.stderr).toMatch(/secret\.txt: cannot be read/);
  });
});

describe('diplograph extract', () => {
  it('prints the export contract with the period, sections and sentences', async () => {
    const r = await runCli(['extract', at('report.txt')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const doc = out.documents[0];
    expect(doc.period).toMatchObject({ start: '2020-01-01', end: '2020-12-31' });
    expect(doc.sections.map((s: { label: string }) => s.label)).toEqual(['Chapter 1', '(1)']);
    expect(doc.sentences.length).toBeGreaterThanOrEqual(2);
    for (const key of ['entities', 'events', 'stances', 'agreements', 'figures', 'timexes', 'mentions', 'messages']) expect(Array.isArray(out[key])).toBe(true);
    for (const m of out.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('honours --period and --dct', async () => {
    const out = JSON.parse((await runCli(['extract', at('report.txt'), '--dct', '2019-11-02'])).stdout);
    expect(out.documents[0].period).toMatchObject({ start: '2019-01-01', dct: '2019-11-02', rule: 'period.override' });
  });

  it('fails clearly on a missing file and on a bad option', async () => {
    const missing = await runCli(['extract', at('nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.txt: does not exist/);
    const bad = await runCli(['extract', at('report.txt'), '--period', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--period must be/);
  });
});

describe('listing commands', () => {
  it('refuse to create an empty knowledge base', async () => {
    const r = await runCli(['documents', '--db', at('absent.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no knowledge base at .*absent\.sqlite/);
  });

  it('print documents, entities and events as table, json and csv', async () => {
    const db = at('kb-list.sqlite');
    await runCli(['ingest', at('report.txt'), '--db', db, '--quiet']);
    for (const cmd of ['documents', 'entities', 'events']) {
      const table = await runCli([cmd, '--db', db]);
      expect(table.code).toBe(0);
      const json = await runCli([cmd, '--db', db, '--format', 'json']);
      expect(() => JSON.parse(json.stdout)).not.toThrow();
      const csv = await runCli([cmd, '--db', db, '--format', 'csv']);
      expect(csv.code).toBe(0);
    }
    const entities = JSON.parse((await runCli(['entities', '--db', db, '--format', 'json'])).stdout);
    expect(entities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['state:PRK', 'state:JPN', 'state:IND']));
  });

  it('shows help for every command', async () => {
    for (const cmd of ['ingest', 'extract', 'documents', 'entities', 'events', 'export', 'serve', 'start']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: diplograph/);
    }
  });
});

void readFileSync;
