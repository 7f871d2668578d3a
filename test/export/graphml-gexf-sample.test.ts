import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { renderGraphml } from '../../src/export/export-graphml.js';
import { renderGexf } from '../../src/export/export-gexf.js';
import { isValidDay, joined } from './graph-export-fixtures.js';
import { readGraphml } from './graphml-structure.js';
import { readGexf } from './gexf-structure.js';
import { runCli } from '../helpers/run-cli.js';

/** The sample documents ingested, exported, and their actor network read back by an independent XML parser. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let tmp: string;
let kb: KnowledgeBase;
let data: ExportJson;
let dbFile: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'diplograph-graph-export-'));
  const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
  const { ingestFiles } = await import('../../src/pipeline/ingest.js');
  const { exportJson } = await import('../../src/export/export-json.js');
  dbFile = path.join(tmp, 'kb.sqlite');
  kb = await openKnowledgeBase(dbFile);
  const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => /\.(txt|html?|md|pdf|docx)$/.test(f) && !/^(NOTICE|README|LICENSE)/i.test(f)).map((f) => path.join(ROOT, 'samples', f));
  const outcomes = await ingestFiles(kb, samples);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  data = await exportJson(kb);
}, 120_000);

afterAll(async () => {
  await kb?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Edge counts computed here from the events, independently of actor-network.ts. */
function expectedEdges(events: ExportJson['events']): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    for (const a of new Set(e.actors)) for (const r of new Set(e.recipients)) {
      if (a === r) continue;
      const key = `${a} -> ${r} ${e.type}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

describe('graph exports of the ingested sample', () => {
  it('has events with recipients to draw', () => {
    expect(data.events.some((e) => e.recipients.some((r) => !e.actors.includes(r)))).toBe(true);
  });

  it('GraphML: valid, every actor and recipient a node, every pair and type an edge with its count', () => {
    const graph = readGraphml(joined(renderGraphml(data)));
    const participants = new Set(data.events.flatMap((e) => [...e.actors, ...e.recipients]));
    expect(new Set(graph.nodes.keys())).toEqual(participants);
    const names = new Map(data.entities.map((e) => [e.id, e]));
    for (const [id, n] of graph.nodes) {
      expect(n.label).toBe(names.get(id)?.name ?? id);
      expect(n.kind).toBe(names.get(id)?.kind ?? 'other');
      if (n.first) expect(isValidDay(n.first)).toBe(true);
    }
    const read = new Map(graph.edges.map((e) => [`${e.source} -> ${e.target} ${e.data.event_type}`, Number(e.data.count)]));
    expect(read).toEqual(expectedEdges(data.events));
  });

  it('GEXF: valid and dynamic, the same edges as GraphML, dates Gephi can place on its timeline', () => {
    const gexf = readGexf(joined(renderGexf(data)));
    const graphml = readGraphml(joined(renderGraphml(data)));
    expect([...gexf.nodes.keys()]).toEqual([...graphml.nodes.keys()]);
    expect(gexf.edges.map((e) => [e.source, e.target, e.kind, e.weight])).toEqual(graphml.edges.map((e) => [e.source, e.target, e.data.event_type, e.data.count]));
    const datedEvents = data.events.filter((e) => e.date?.start && e.recipients.some((r) => !e.actors.includes(r)));
    if (datedEvents.length) expect(gexf.edges.some((e) => e.start || e.spells.length)).toBe(true);
    for (const e of gexf.edges) {
      for (const end of [e.source, e.target]) {
        const from = e.start ?? e.spells[0]?.start;
        const nodeStart = gexf.nodes.get(end)!.start;
        if (from) expect(nodeStart && nodeStart <= from).toBe(true);
      }
    }
  });

  it.each([['graphml', readGraphml], ['gexf', readGexf]] as const)('%s through the CLI and the API: the same document as the renderer writes', async (format, read) => {
    const expected = joined(format === 'graphml' ? renderGraphml(data) : renderGexf(data));
    const out = path.join(tmp, `network.${format}`);
    const run = await runCli(['export', '--db', dbFile, '--format', format, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);

    const { buildServer } = await import('../../src/api/build-server.js');
    const app = await buildServer(kb, {});
    try {
      const res = await app.inject({ method: 'GET', url: `/api/export?format=${format}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(format === 'graphml' ? 'application/graphml+xml' : 'application/gexf+xml');
      expect(res.headers['content-disposition']).toContain(`.${format}`);
      expect(res.body).toBe(expected);
      read(res.body);
    } finally {
      await app.close();
    }
  });

  it('the export filters shape the network: --type keeps edges of that type only', async () => {
    const type = [...expectedEdges(data.events).keys()][0]!.split(' ').pop()!;
    const out = path.join(tmp, 'filtered.gexf');
    const run = await runCli(['export', '--db', dbFile, '--format', 'gexf', '--type', type, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const graph = readGexf(readFileSync(out, 'utf8'));
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(new Set(graph.edges.map((e) => e.kind))).toEqual(new Set([type]));
  });
});
