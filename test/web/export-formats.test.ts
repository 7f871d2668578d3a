import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  carryFilters, datePrefixError, dateRangeError, exportCommand, exportUrl, filterHelpFromOpenApi, formatUse, formatsFromOpenApi,
} from '../../web/src/export-formats.js';
import { exportFormats } from '../../src/export/formats.js';
import { datePrefixProblem, validateExportFilters } from '../../src/export/export-filters.js';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';

let app: FastifyInstance;
let kb: KnowledgeBase;
let spec: unknown;

beforeAll(async () => {
  const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
  const { buildServer } = await import('../../src/api/build-server.js');
  kb = await openKnowledgeBase(':memory:');
  app = await buildServer(kb, { webDir: '/nonexistent-web-dir' });
  spec = JSON.parse((await app.inject({ url: '/openapi.json' })).body);
}, 60_000); // loading the whole server is slow on a busy machine

afterAll(async () => {
  await app?.close();
  await kb?.close();
});

describe('formats read from the OpenAPI description', () => {
  it('lists every registered format with its media type and description, in registry order', () => {
    const read = formatsFromOpenApi(spec);
    expect(read.map((f) => f.name)).toEqual(exportFormats().map((f) => f.name));
    for (const f of exportFormats()) {
      const got = read.find((r) => r.name === f.name)!;
      expect(got.contentType, f.name).toBe(f.contentType);
      expect(got.apiDescription, f.name).toBe(f.description.replace(/\.$/, ''));
      expect(formatUse(got).length, f.name).toBeGreaterThan(20);
    }
  });

  it('reads the filter help that follows the formats', () => {
    expect(filterHelpFromOpenApi(spec)).toMatch(/^Filters/);
  });

  it.each([
    ['no paths', {}],
    ['no export route', { paths: { '/api/events': { get: {} } } }],
    ['no format enum', { paths: { '/api/export': { get: { parameters: [{ name: 'format', in: 'query', schema: { type: 'string' } }] } } } }],
    ['not an object', null],
  ])('refuses a description with %s', (_what, doc) => {
    expect(() => formatsFromOpenApi(doc)).toThrow(/GET \/api\/export/);
  });

  it.each([
    ['no Formats line', 'Something else.'],
    ['names out of order', 'Formats: b (text/b): bee; a (text/a): ay.'],
    ['a missing name', 'Formats: a (text/a): ay.'],
  ])('keeps the names but describes nothing when the text has %s', (_what, description) => {
    const doc = { paths: { '/api/export': { get: { description, parameters: [{ name: 'format', in: 'query', schema: { enum: ['a', 'b'] } }] } } } };
    const read = formatsFromOpenApi(doc);
    expect(read.map((f) => f.name)).toEqual(['a', 'b']);
    expect(read.every((f) => f.apiDescription === null && f.contentType === null)).toBe(true);
    expect(formatUse(read[0]!)).toBe('An export format the server offers.');
  });

  it('describes a format new to the explorer by the server text', () => {
    const doc = { paths: { '/api/export': { get: { description: 'Formats: a (text/a; charset=utf-8): first one; zz (application/zz): a new one, with commas; and more.', parameters: [{ name: 'format', in: 'query', schema: { enum: ['a', 'zz'] } }] } } } };
    const [a, zz] = formatsFromOpenApi(doc);
    expect(a).toEqual({ name: 'a', contentType: 'text/a; charset=utf-8', apiDescription: 'first one' });
    expect(zz).toEqual({ name: 'zz', contentType: 'application/zz', apiDescription: 'a new one, with commas; and more' });
    expect(formatUse(zz!)).toBe('a new one, with commas; and more');
  });
});

describe('download URL and command line', () => {
  it.each([
    ['graphml', {}, '/api/export?format=graphml'],
    ['csv', { type: 'AGREE' }, '/api/export?format=csv&type=AGREE'],
    ['json', { doc: ' d1 , ,d2 ', actor: '', from: '2022', to: '2023-05' }, '/api/export?format=json&doc=d1%2Cd2&from=2022&to=2023-05'],
    ['gexf', { actor: 'state:RUS,org:un', type: 'ACCUSE,REJECT' }, '/api/export?format=gexf&actor=state%3ARUS%2Corg%3Aun&type=ACCUSE%2CREJECT'],
  ] as const)('%s with %j -> %s', (format, filters, url) => {
    expect(exportUrl(format, filters)).toBe(url);
  });

  it('the URL reads back into the same filters through the API query parser', () => {
    const url = new URL(exportUrl('csv', { doc: 'a&b=c,d', actor: 'x y' }), 'http://h');
    expect(url.searchParams.get('doc')).toBe('a&b=c,d');
    expect(url.searchParams.get('actor')).toBe('x y');
  });

  it.each([
    ['graphml', {}, 'out.graphml', 'diplograph export --format graphml --out out.graphml'],
    ['csv', { type: 'AGREE,CONSULT', from: '2022' }, 'export.zip', 'diplograph export --format csv --from 2022 --type AGREE,CONSULT --out export.zip'],
    ['json', { doc: "it's a doc" }, 'my file.json', `diplograph export --format json --doc 'it'\\''s a doc' --out 'my file.json'`],
    ['json', { actor: '$(rm -rf x)' }, 'x.json', `diplograph export --format json --actor '$(rm -rf x)' --out x.json`],
  ] as const)('command for %s %j', (format, filters, out, command) => {
    expect(exportCommand(format, filters, out)).toBe(command);
  });
});

describe('filters carried from another view', () => {
  it.each([
    [{ actor: 'state:JPN', type: 'AGREE', focus: 'e1', group: 'type' }, {}, []],
    [{ actor: 'state:JPN', recipient: 'state:RUS', quad: '1' }, { actor: 'state:JPN' }, ['recipient', 'quad']],
    [{ from: '2022', to: '', doc: 'd1' }, { from: '2022', doc: 'd1' }, []],
  ])('%j', (params, expectedSubset, dropped) => {
    const carried = carryFilters(params, { actor: 'actor', type: 'type', doc: 'doc', from: 'from', to: 'to' }, ['recipient', 'quad', 'negated']);
    expect(carried.filters).toMatchObject(expectedSubset);
    expect(carried.filters).not.toHaveProperty('focus');
    expect(carried.filters).not.toHaveProperty('group');
    expect(carried.dropped).toEqual(dropped);
  });

  it('two view parameters mapped to one filter become a list', () => {
    expect(carryFilters({ holder: 'a', subject: 'b' }, { holder: 'actor', subject: 'actor' }).filters).toEqual({ actor: 'a,b' });
  });
});

describe('date checks agree with the server', () => {
  it.each([
    ['2022', null], ['2022-02', null], ['2024-02-29', null],
    ['2023-02-29', /no day 29/], ['2022-13', /no month 13/], ['2022-00', /no month/], ['2022-04-31', /no day 31/],
    ['22', /YYYY/], ['2022-1', /YYYY/], ['2022/01', /YYYY/], ['', /YYYY/],
  ] as const)('%s', (value, expected) => {
    const error = datePrefixError(value);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toMatch(expected);
  });

  it('accepts exactly the date prefixes the API accepts (property)', () => {
    const part = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const prefix = fc.oneof(
      part(4, 9999),
      fc.tuple(part(4, 9999), part(2, 99)).map(([y, m]) => `${y}-${m}`),
      fc.tuple(part(4, 9999), part(2, 14), part(2, 33)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(prefix, (value) => (datePrefixError(value) === null) === (datePrefixProblem(value) === null)));
  });

  it('refuses a range exactly when the API does (property)', () => {
    const date = fc.tuple(fc.integer({ min: 2019, max: 2021 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.option(fc.integer({ min: 1, max: 28 })))
      .map(([y, m, d]) => (m === null ? `${y}` : d === null ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
    fc.assert(fc.property(date, date, (from, to) => {
      let serverRefuses = false;
      try { validateExportFilters({ from, to }); } catch { serverRefuses = true; }
      return (dateRangeError(from, to) !== null) === serverRefuses;
    }));
  });

  it.each([['2022-05', '2022'], ['2022-05-31', '2022-05'], ['2022', '2022-01']])('keeps the range %s .. %s', (from, to) => {
    expect(dateRangeError(from, to)).toBeNull();
  });

  it.each([['2023', '2022-12-31'], ['2022-06', '2022-05'], ['2022-05-02', '2022-05-01']])('refuses the range %s .. %s', (from, to) => {
    expect(dateRangeError(from, to)).toMatch(/after/);
  });
});
