import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { runCli } from '../helpers/run-cli.js';
import { exportJson } from '../../src/export/export-json.js';
import { parseJsonl } from '../../src/export/export-jsonl.js';
import { exportFormatNames, exportFormats } from '../../src/export/formats.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { ingestSample } from '../export/sample-kb.js';

let sample: Awaited<ReturnType<typeof ingestSample>>;
let db: string;
let all: ExportJson;

beforeAll(async () => {
  sample = await ingestSample('dg-cli-export-');
  db = sample.db;
  const kb = await openKnowledgeBase(db);
  all = await exportJson(kb);
  await kb.close();
}, 60_000);
afterAll(() => sample?.remove());

const out = (name: string) => path.join(sample.dir, name);

describe('diplograph export', () => {
  it('writes the json contract to stdout by default, as JSON.stringify(…, null, 2)', async () => {
    const r = await runCli(['export', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.stringify(all, null, 2)}\n`);
  });

  it('writes jsonl that reads back into the same contract object', async () => {
    const r = await runCli(['export', '--db', db, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(JSON.stringify(parseJsonl(r.stdout))).toBe(JSON.stringify(all));
  });

  it.each(exportFormats().filter((f) => !f.files).map((f) => f.name))('--format %s writes the same bytes to --out as to stdout', async (name) => {
    const shown = await runCli(['export', '--db', db, '--format', name]);
    expect(shown.code).toBe(0);
    expect(shown.stdout.length).toBeGreaterThan(0);
    const file = out(`export.${name}`);
    const saved = await runCli(['export', '--db', db, '--format', name, '--out', file]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(shown.stdout);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('writes csv tables into a folder, or into a zip when --out ends in .zip', async () => {
    const folder = out('csv-folder');
    const r = await runCli(['export', '--db', db, '--format', 'csv', '--out', folder]);
    expect(r.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(expect.arrayContaining(['documents.csv', 'entities.csv', 'events.csv', 'mentions.csv', 'stances.csv', 'agreement_status.csv', 'figures.csv', 'timexes.csv']));
    const events = parse(readFileSync(path.join(folder, 'events.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(events.map((e) => e.id)).toEqual(all.events.map((e) => e.id));

    const zipFile = out('tables.zip');
    const z = await runCli(['export', '--db', db, '--format', 'csv', '--out', zipFile]);
    expect(z.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    expect(Object.keys(zip.files).sort()).toEqual(files);
    for (const name of files) expect(await zip.file(name)!.async('string')).toBe(readFileSync(path.join(folder, name), 'utf8'));
  });

  it('applies the filters as exportJson does', async () => {
    const someEvent = all.events.find((e) => e.actors.length > 0 && e.date?.start)!;
    const actor = someEvent.actors[0]!;
    const year = someEvent.date!.start!.slice(0, 4);
    const cases: Array<[string[], Parameters<typeof exportJson>[1]]> = [
      [['--actor', actor], { actors: [actor] }],
      [['--type', someEvent.type.toLowerCase()], { types: [someEvent.type] }],
      [['--from', year, '--to', year], { from: year, to: year }],
      [['--doc', someEvent.doc, '--actor', actor, '--type', someEvent.type], { docs: [someEvent.doc], actors: [actor], types: [someEvent.type] }],
      [['--actor', 'state:NOPE'], { actors: ['state:NOPE'] }],
    ];
    const kb = await openKnowledgeBase(db);
    try {
      for (const [args, filters] of cases) {
        const r = await runCli(['export', '--db', db, '--format', 'jsonl', ...args]);
        expect(r.code, args.join(' ')).toBe(0);
        const got = parseJsonl(r.stdout);
        expect(JSON.stringify(got), args.join(' ')).toBe(JSON.stringify(await exportJson(kb, filters)));
      }
    } finally {
      await kb.close();
    }
    const byActor = parseJsonl((await runCli(['export', '--db', db, '--format', 'jsonl', '--actor', actor])).stdout);
    expect(byActor.events.length).toBe(all.events.filter((e) => e.actors.includes(actor)).length);
    expect(byActor.events.every((e) => e.actors.includes(actor))).toBe(true);
  });

  it('reads DIPLOGRAPH_DB_URL when no --db is given', async () => {
    const before = process.env.DIPLOGRAPH_DB_URL;
    process.env.DIPLOGRAPH_DB_URL = db;
    try {
      const r = await runCli(['export', '--format', 'jsonl', '--type', all.events[0]!.type]);
      expect(r.code).toBe(0);
      expect(parseJsonl(r.stdout).events.length).toBeGreaterThan(0);
    } finally {
      if (before === undefined) delete process.env.DIPLOGRAPH_DB_URL;
      else process.env.DIPLOGRAPH_DB_URL = before;
    }
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['an unknown format', ['--format', 'xml'], new RegExp(`unknown export format "xml"; use one of ${exportFormatNames().join(', ')}`)],
    ['csv without --out', ['--format', 'csv'], /writes several files: give --out <folder> or --out <file>\.zip/],
    ['a date that is not one', ['--from', 'March'], /from: not a date: "March"/],
    ['an impossible month', ['--to', '2022-13'], /month 13/],
    ['a range that ends before it starts', ['--from', '2023', '--to', '2022'], /from 2023 is after to 2022/],
    ['an unknown event type', ['--type', 'HUG'], /unknown event type\(s\): HUG/],
  ];
  it.each(usage)('rejects %s with exit code 2 and writes nothing', async (_name, args, message) => {
    const file = out(`never-${args.join('-')}`);
    const r = await runCli(['export', '--db', db, ...args, ...(args.includes('csv') ? [] : ['--out', file])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 without creating a knowledge base when there is none', async () => {
    const missing = out('missing.sqlite');
    const r = await runCli(['export', '--db', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no knowledge base');
    expect(existsSync(missing)).toBe(false);
  });

  it('documents formats and filter semantics in its help', async () => {
    const r = await runCli(['export', '--help']);
    for (const name of exportFormatNames()) expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/undated ones are left out/);
  });
});
