import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { sql } from 'kysely';
import { storeDocument } from '../../src/kb/store-document.js';
import { ingestFiles } from '../../src/pipeline/ingest.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { contentHash } from '../../src/import/content-hash.js';
import { importExport } from '../../src/import/import-export.js';
import { parseSearchTerms, sentenceMatch } from '../../src/kb/full-text.js';
import { ImportError } from '../../src/import/import-error.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { runCli } from '../helpers/run-cli.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';
import { SAMPLE_FILE, storeSample, tableCounts } from './sample-kb.js';

type Kb = KnowledgeBase & { scratch: { location: string } };

const OTHER_TEXT = 'Alphaland condemned Betastan in March.\nBetastan expelled two diplomats.';
/** A document of another team, stored under its real content hash as every ingest does. */
const otherDocument = () => handBuiltDocument(OTHER_TEXT, 'other.txt', contentHash(OTHER_TEXT));

const clone = (x: ExportJson): ExportJson => structuredClone(x);
const json = (x: unknown) => JSON.stringify(x, null, 2);

/** Malformed files: what the file holds, and what the message must say. */
const MALFORMED: Array<[string, (good: ExportJson) => string | Buffer, RegExp]> = [
  ['bytes that are not UTF-8', (g) => Buffer.concat([Buffer.from(json(g).slice(0, 100)), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"}')]), /is not UTF-8 text/],
  ['not JSON', () => '{"documents": [}', /is not JSON: .*\(line 1, column 16\)/],
  ['a cut-short file', (g) => json(g).slice(0, 500), /is not JSON: .*cut short/],
  ['an empty file', () => '  \n', /is empty/],
  ['a top-level array', () => '[]', /top level must be a JSON object/],
  ['a missing list', (g) => { const x: Partial<ExportJson> = clone(g); delete x.events; return json(x); }, /events: is missing/],
  ['a document without text', (g) => { const x = clone(g); delete (x.documents[0] as Partial<ExportJson['documents'][number]>).text; return json(x); }, /documents\[0\]\.text: is missing/],
  ['a text changed after export', (g) => { const x = clone(g); x.documents[0]!.text = `${x.documents[0]!.text} `; return json(x); }, /documents\[0\]\.id: .* not the content hash/],
  ['evidence past the end of the text', (g) => { const x = clone(g); x.events[0]!.evidence.end = x.documents[0]!.text.length + 5; return json(x); }, /events\[0\]\.evidence: offsets .* outside the document's text/],
  ['a mention that does not slice back', (g) => { const x = clone(g); x.mentions[0]!.start += 1; return json(x); }, /mentions\[0\]: offsets .* slice/],
  ['a negative timex offset', (g) => { const x = clone(g); x.timexes[0]!.start = -1; return json(x); }, /timexes\[0\]\.start: must be at least 0/],
  ['a sentence outside the text', (g) => { const x = clone(g); x.documents[0]!.sentences.at(-1)!.end = 1e9; return json(x); }, /documents\[0\]\.sentences\[\d+\]: offsets/],
  ['an unknown actor', (g) => { const x = clone(g); x.events[0]!.actors = ['state:NOWHERE']; return json(x); }, /events\[0\]\.actors\[0\]: names entity "state:NOWHERE"/],
  ['an unknown document', (g) => { const x = clone(g); x.stances[0]!.evidence.doc = 'feedfacefeedface'; return json(x); }, /stances\[0\]\.evidence\.doc: names document "feedfacefeedface"/],
  ['a number given as text', (g) => { const x = clone(g); (x.events[0] as unknown as Record<string, unknown>).quad = '1'; return json(x); }, /events\[0\]\.quad: must be a whole number/],
  ['a repeated event id', (g) => { const x = clone(g); x.events[1]!.id = x.events[0]!.id; return json(x); }, /events\[1\]\.id: event .* appears twice/],
  ['a trigger in another document', (g) => { const x = clone(g); x.events[0]!.trigger.doc = 'feedfacefeedface'; return json(x); }, /events\[0\]\.trigger\.doc/],
  // A good file after a bad one changes nothing either: validation covers the whole file first.
  ['a bad last record', (g) => { const x = clone(g); x.messages.push({ doc: x.documents[0]!.id, rule: 'r', severity: 'info', message: 'm', start: 1e9 }); return json(x); }, /messages\[\d+\]\.start: offset .* outside/],
];

/** Malformed JSON Lines files, made from the good file's lines. */
const lineOf = (lines: string[], kind: string) => lines.findIndex((l) => l.startsWith(`{"kind":"${kind}"`));
const MALFORMED_JSONL: Array<[string, (lines: string[]) => string, RegExp]> = [
  ['a line that is not JSON', (lines) => { lines.splice(2, 0, '{"kind": "event", '); return lines.join('\n'); }, /line 3: not JSON/],
  ['an unknown kind', (lines) => { lines.splice(1, 0, '{"kind":"rumour","rumour":{}}'); return lines.join('\n'); }, /line 2: unknown kind "rumour"/],
  ['an event whose evidence is cut', (lines) => {
    const i = lineOf(lines, 'event');
    const rec = JSON.parse(lines[i]!);
    rec.event.evidence.text = rec.event.evidence.text.slice(1);
    lines[i] = JSON.stringify(rec);
    return lines.join('\n');
  }, /line \d+ \(events\[0\]\.evidence\): offsets .* slice/],
  ['a status change of an unknown agreement', (lines) => {
    const i = lineOf(lines, 'agreement_status');
    const rec = JSON.parse(lines[i]!);
    rec.agreement_status.by = ['org:NOBODY'];
    lines[i] = JSON.stringify(rec);
    return lines.join('\n');
  }, /line \d+ \(agreements\[0\]\.history\[0\]\.by\[0\]\): names entity "org:NOBODY"/],
];

for (const target of await testDatabases('import round trip')) describe.skipIf(!!target.skip)(`import (${target.label})`, () => {
  let source: Kb;
  let exported: ExportJson;
  let dir: string;
  let file: string;
  let jsonlFile: string;
  const opened: Kb[] = [];
  const fresh = async () => { const kb = (await freshKnowledgeBase(target)) as Kb; opened.push(kb); return kb; };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dg-import-'));
    source = await fresh();
    await storeSample(source);
    exported = await exportJson(source);
    file = path.join(dir, 'sample.json');
    jsonlFile = path.join(dir, 'sample.jsonl');
    for (const [format, out] of [['json', file], ['jsonl', jsonlFile]]) {
      const run = await runCli(['export', '--db', source.scratch.location, '--format', format!, '--out', out!]);
      expect(run.code, run.stderr).toBe(0);
    }
  }, 120_000);
  // Each knowledge base is a database of its own on PostgreSQL; dropping a dozen takes a while under load.
  afterAll(async () => {
    await Promise.all(opened.map((kb) => kb.close()));
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('ingest, export, import into an empty knowledge base, export again: identical', async () => {
    expect(exported.documents).toHaveLength(1);
    expect(exported.events.length).toBeGreaterThan(0);
    const target = await fresh();
    const run = await runCli(['import', file, '--db', target.scratch.location]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 added, 0 already present/);
    const again = await exportJson(target);
    expect(again).toEqual(exported);
    const out = path.join(dir, 'again.json');
    expect((await runCli(['export', '--db', target.scratch.location, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('the same through JSON Lines: export jsonl, import, export jsonl again: identical', async () => {
    const target = await fresh();
    const run = await runCli(['import', jsonlFile, '--db', target.scratch.location]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await exportJson(target)).toEqual(exported);
    const out = path.join(dir, 'again.jsonl');
    expect((await runCli(['export', '--db', target.scratch.location, '--format', 'jsonl', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(jsonlFile, 'utf8'));
  });

  it('recognises JSON Lines by content when the file name does not say', async () => {
    const target = await fresh();
    const renamed = path.join(dir, 'sample.export');
    writeFileSync(renamed, readFileSync(jsonlFile));
    expect((await runCli(['import', renamed, '--db', target.scratch.location])).code).toBe(0);
    expect(await exportJson(target)).toEqual(exported);
  });

  it('rebuilds the derivable rows: sentences with full-text search, paragraphs, headings', async () => {
    const target = await fresh();
    await importExport(target, exported, { file });
    const counts = await tableCounts(target);
    const original = await tableCounts(source);
    for (const t of ['sentences', 'sections', 'paragraphs', 'mentions', 'events', 'event_actors', 'stances', 'agreement_status', 'figures', 'timexes', 'messages', 'footnotes']) {
      expect.soft(counts[t], t).toBe(original[t]);
    }
    const pick = (kb: KnowledgeBase) => kb.db.selectFrom('sections').select(['id', 'heading_start', 'heading_end']).orderBy('heading_start').execute();
    expect(await pick(target)).toEqual(await pick(source));
    const doc = exported.documents[0]!.id;
    const texts = (kb: KnowledgeBase) => kb.db.selectFrom('sentences').select(['idx', 'text']).where('doc', '=', doc).orderBy('idx').execute();
    expect(await texts(target)).toEqual(await texts(source));
    // Every sentence is found by full-text search as in the exporting knowledge base: its longest word (no stop word) finds it.
    const found = async (kb: KnowledgeBase, word: string) => {
      const m = sentenceMatch(kb.dialect, parseSearchTerms(word)!);
      return (await sql<{ idx: number }>`select s.idx from ${m.from} where ${m.where} and s.doc = ${doc} order by s.idx`.execute(kb.db)).rows.map((r) => r.idx);
    };
    const sentences = await texts(source);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      const word = (s.text.match(/\p{L}{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
      if (!word) continue;
      const hits = await found(target, word);
      expect(hits, word).toContain(s.idx);
      expect(hits, word).toEqual(await found(source, word));
    }
    if (target.dialect === 'sqlite') await sql`insert into sentences_fts (sentences_fts, rank) values ('integrity-check', 1)`.execute(target.db);
    const row = await target.db.selectFrom('documents').select(['pipeline_version', 'chars']).executeTakeFirstOrThrow();
    expect(row).toEqual({ pipeline_version: 'import', chars: exported.documents[0]!.text.length });
  });

  it('rebuilds cross-document event merges as the ingest made them', async () => {
    // A second edition of the sample (one more paragraph) reports the same events: ingest merges them.
    const two = await fresh();
    await storeSample(two);
    const edition = path.join(dir, 'second-edition.txt');
    writeFileSync(edition, `${readFileSync(SAMPLE_FILE, 'utf8')}\n\nThis edition adds a closing paragraph.\n`);
    const outcome = await ingestFiles(two, [edition]);
    expect(outcome[0]!.ok).toBe(true);
    const clusters = (kb: KnowledgeBase) => sql<Record<string, unknown>>`select cluster, event, doc, rule, score, matched, undone from event_clusters order by cluster, event`.execute(kb.db).then((r) => r.rows);
    const merged = await clusters(two);
    expect(merged.length).toBeGreaterThan(0);
    const target = await fresh();
    await importExport(target, await exportJson(two), { file });
    expect(await clusters(target)).toEqual(merged);
  }, 120_000);

  it('importing twice changes nothing and says the document is present', async () => {
    const target = await fresh();
    await importExport(target, exported, { file });
    const before = await tableCounts(target);
    const second = await importExport(target, exported, { file });
    expect(second.documents.map((d) => d.status)).toEqual(['present']);
    expect(second.entitiesAdded).toBe(0);
    expect(await tableCounts(target)).toEqual(before);
    expect(await exportJson(target)).toEqual(exported);
  });

  it('merges into a knowledge base with other documents and keeps them', async () => {
    const target = await fresh();
    await storeDocument(target, otherDocument());
    const otherId = contentHash(OTHER_TEXT);
    const otherBefore = await exportJson(target, { docs: [otherId] });
    const entitiesBefore = await target.db.selectFrom('entities').selectAll().orderBy('id').execute();
    const summary = await importExport(target, exported, { file });
    expect(summary.documents.map((d) => d.status)).toEqual(['added']);
    expect(await exportJson(target, { docs: [otherId] })).toEqual(otherBefore);
    expect(await exportJson(target, { docs: [exported.documents[0]!.id] })).toEqual(exported);
    // Existing entity rows are kept as they were; the import only adds.
    const entitiesAfter = await target.db.selectFrom('entities').selectAll().orderBy('id').execute();
    for (const e of entitiesBefore) expect(entitiesAfter).toContainEqual(e);
    expect(entitiesAfter.length).toBe(entitiesBefore.length + summary.entitiesAdded);
  });

  it('keeps both versions when the knowledge base has another text of the same source, and says so', async () => {
    const target = await fresh();
    const sameSource = handBuiltDocument(OTHER_TEXT, exported.documents[0]!.source, contentHash(OTHER_TEXT));
    await storeDocument(target, sameSource);
    const run = await runCli(['import', file, '--db', target.scratch.location]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`another version of ${exported.documents[0]!.source} is also in the knowledge base (${sameSource.id}); both are kept`);
    expect((await target.db.selectFrom('documents').select('id').execute()).length).toBe(2);
  });

  it('a dry run reports without writing', async () => {
    const target = await fresh();
    const before = await tableCounts(target);
    const run = await runCli(['import', file, '--db', target.scratch.location, '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.documents.map((d: { status: string }) => d.status)).toEqual(['added']);
    expect(out.entitiesAdded).toBe(exported.entities.length);
    expect(await tableCounts(target)).toEqual(before);
  });

  describe('malformed files change nothing', () => {
    let kb: Kb;
    let countsBefore: Record<string, number>;
    let exportBefore: ExportJson;
    beforeAll(async () => {
      kb = await fresh();
      await storeDocument(kb, otherDocument());
      countsBefore = await tableCounts(kb);
      exportBefore = await exportJson(kb);
    }, 60_000);

    it.each(MALFORMED)('%s', async (name, make, message) => {
      const bad = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(bad, make(exported));
      const run = await runCli(['import', bad, '--db', kb.scratch.location]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(bad);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/nothing was imported/);
      expect(await tableCounts(kb)).toEqual(countsBefore);
      expect(await exportJson(kb)).toEqual(exportBefore);
    });

    it.each(MALFORMED_JSONL)('JSON Lines with %s', async (name, make, message) => {
      const bad = path.join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
      writeFileSync(bad, make(readFileSync(jsonlFile, 'utf8').split('\n')));
      const run = await runCli(['import', bad, '--db', kb.scratch.location]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(bad);
      expect(run.stderr).toMatch(message);
      expect(await tableCounts(kb)).toEqual(countsBefore);
      expect(await exportJson(kb)).toEqual(exportBefore);
    });

    it('an id that clashes with a row of another document stops the import before it writes', async () => {
      const clashing = await fresh();
      const doc = otherDocument();
      doc.events[0]!.id = exported.events[0]!.id;
      await storeDocument(clashing, doc);
      const before = await tableCounts(clashing);
      await expect(importExport(clashing, exported, { file })).rejects.toThrow(ImportError);
      await expect(importExport(clashing, exported, { file })).rejects.toThrow(/already in the knowledge base/);
      expect(await tableCounts(clashing)).toEqual(before);
    });

    it('a missing file names the file and creates no knowledge base', async () => {
      const where = path.join(dir, 'never-created.sqlite');
      const run = await runCli(['import', path.join(dir, 'absent.json'), '--db', where]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/absent\.json: no such file/);
      expect(() => readFileSync(where)).toThrow();
    });
  });
});
