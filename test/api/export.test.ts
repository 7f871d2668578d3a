import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { exportJson } from '../../src/export/export-json.js';
import { parseJsonl } from '../../src/export/export-jsonl.js';
import { exportFormatNames, exportFormats } from '../../src/export/formats.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';
import { storeFixture } from '../export/export-fixture.js';

for (const target of await testDatabases('export API')) describe.skipIf(!!target.skip)(`GET /api/export (${target.label})`, () => {
  let kb: KnowledgeBase;
  let app: FastifyInstance;

  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    await storeFixture(kb);
    app = await buildServer(kb, { webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => { await app.close(); await kb.close(); }, 60_000);

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('answers the json contract by default, as an attachment', async () => {
    const r = await get('/api/export');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="diplograph-export.json"');
    expect(r.json()).toEqual(await exportJson(kb));
  });

  it.each(exportFormats().map((f) => [f.name, f.contentType, f.extension]))('format=%s has content type %s and a .%s file name', async (name, contentType, extension) => {
    const r = await get(`/api/export?format=${name}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(contentType);
    expect(r.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="diplograph-export(-${name})?\\.${extension}"$`));
    expect(r.rawPayload.length).toBeGreaterThan(0);
  });

  it('jsonl reads back into the contract object', async () => {
    const r = await get('/api/export?format=jsonl');
    expect(JSON.stringify(parseJsonl(r.payload))).toBe(JSON.stringify(await exportJson(kb)));
  });

  it('csv is a zip of tables', async () => {
    const zip = await JSZip.loadAsync((await get('/api/export?format=csv')).rawPayload);
    const events = parse(await zip.file('events.csv')!.async('string'), { columns: true }) as Array<Record<string, string>>;
    expect(events.map((e) => e.id).sort()).toEqual((await exportJson(kb)).events.map((e) => e.id).sort());
  });

  const filtered: Array<[string, Parameters<typeof exportJson>[1]]> = [
    ['doc=doc-b', { docs: ['doc-b'] }],
    ['actor=state:ALP', { actors: ['state:ALP'] }],
    ['type=sanction,consult', { types: ['SANCTION', 'CONSULT'] }],
    ['from=2022&to=2022-06', { from: '2022', to: '2022-06' }],
    ['doc=doc-a,doc-b&actor=state:GMR&type=CONSULT&from=2023', { docs: ['doc-a', 'doc-b'], actors: ['state:GMR'], types: ['CONSULT'], from: '2023' }],
  ];
  it.each(filtered)('?%s keeps what exportJson keeps', async (query, filters) => {
    const r = await get(`/api/export?format=jsonl&${query}`);
    expect(r.statusCode).toBe(200);
    const expected = await exportJson(kb, filters);
    expect(JSON.stringify(parseJsonl(r.payload))).toBe(JSON.stringify(expected));
    // The filter did narrow something, so the case can tell a dropped parameter from a working one.
    expect(JSON.stringify(expected)).not.toBe(JSON.stringify(await exportJson(kb)));
  });

  const bad: Array<[string, RegExp]> = [
    ['format=xml', /format/],
    ['from=March', /from/],
    ['to=2022-13', /month 13/],
    ['from=2022-02-30', /day 30/],
    ['from=2023&to=2022', /from 2023 is after to 2022/],
    ['type=HUG', /unknown event type/],
    ['recipient=state:ALP', /additional properties/],
  ];
  it.each(bad)('?%s is a 400 with a message', async (query, message) => {
    const r = await get(`/api/export?${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('BAD_REQUEST');
    expect(r.json().message).toMatch(message);
  });

  it('offers every registered format in its OpenAPI schema', async () => {
    const doc = (await get('/openapi.json')).json();
    const format = doc.paths['/api/export'].get.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format.schema.enum).toEqual(exportFormatNames());
  });

  it('streams the body over HTTP (chunked, no Content-Length)', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${address.port}/api/export?format=jsonl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(JSON.stringify(parseJsonl(await res.text()))).toBe(JSON.stringify(await exportJson(kb)));
  });
});
