import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/api/build-server.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { buildProgram } from '../../src/cli/main.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { fingerprint } from './kb-checks.js';

/** Strings that break servers that build SQL, FTS queries, paths or markup from request text. */
const HOSTILE = [
  "' OR 1=1 --",
  "'; DROP TABLE documents; --",
  '" OR ""="',
  '1; DELETE FROM sentences',
  "%' UNION SELECT id, text, source FROM documents --",
  "x') OR ('a'='a",
  'text:* OR NEAR(a b) AND "',
  '* ^ - + ( ) { } : "',
  'state:ALP%',
  '_',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  '99999999999999999999999',
  'NaN',
  '[]',
  '{"$gt":""}',
  'x'.repeat(20_000),
];

const TOKEN = 'hostile-token';
let dir: string;
let db: string;
let kb: KnowledgeBase;
let app: FastifyInstance;

async function server(options: ServerOptions = {}): Promise<FastifyInstance> {
  return buildServer(kb, { webDir: '/nonexistent', ...options });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-hostile-'));
  db = path.join(dir, 'kb.sqlite');
  kb = await openKnowledgeBase(db);
  await storeDocument(kb, handBuiltDocument());
  await storeDocument(kb, handBuiltDocument('Betastan welcomed Alphaland in May.\nAlphaland signed a treaty.', 'second.txt', 'doc-hand-2'));
  app = await server({ security: { rateLimit: false } });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await kb?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Operation { method: string; path: string; params: Array<{ in: string; name: string; required?: boolean; schema?: { type?: string; enum?: unknown[] } }>; body?: Record<string, { type?: string }> }

function operations(): Operation[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: { properties?: Operation['body'] } }> } }>> };
  return Object.entries(spec.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), path: p, params: op.parameters ?? [],
    body: op.requestBody?.content?.['application/json']?.schema?.properties,
  })));
}

/** A harmless value for a parameter, so each hostile value is tried with the others valid. */
function plain(param: Operation['params'][number]): string {
  if (param.schema?.enum?.length) return String(param.schema.enum[0]);
  if (param.schema?.type === 'integer' || param.schema?.type === 'number') return '1';
  if (param.schema?.type === 'boolean') return 'true';
  return param.name === 'id' ? 'doc-hand-1' : 'Alphaland';
}

function url(op: Operation, values: Record<string, string>): string {
  let p = op.path;
  const query = new URLSearchParams();
  for (const param of op.params) {
    const value = values[param.name] ?? (param.required ? plain(param) : undefined);
    if (value === undefined) continue;
    if (param.in === 'path') p = p.replace(`{${param.name}}`, encodePathPart(value));
    else query.append(param.name, value);
  }
  const q = query.toString();
  return q ? `${p}?${q}` : p;
}

describe('hostile requests', () => {
  it('never fail with a 500 or change the store, whatever is put in any parameter of any read route', async () => {
    const before = fingerprint(db);
    const reads = operations().filter((op) => op.method === 'GET');
    expect(reads.length).toBeGreaterThanOrEqual(12);
    let tried = 0;
    for (const op of reads) {
      for (const param of op.params) {
        for (const value of HOSTILE) {
          const res = await app.inject({ method: 'GET', url: url(op, { [param.name]: value }) });
          tried++;
          expect(res.statusCode, `${op.path} ${param.name}=${JSON.stringify(value.slice(0, 40))}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          expect(res.headers['content-type'] ?? '', op.path).not.toMatch(/text\/html/);
        }
        // Broken percent-encoding, overlong UTF-8 dots and a raw surrogate, as sent by hand.
        for (const raw of ['%', '%zz', '%C0%AE%C0%AE%2F', '%ED%A0%80', '%FF%FE']) {
          const base = url(op, {});
          const target = param.in === 'path' ? base.replace(encodePathPart(plain(param)), raw) : `${base}${base.includes('?') ? '&' : '?'}${param.name}=${raw}`;
          const res = await app.inject({ method: 'GET', url: target });
          expect(res.statusCode, `${target}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
        // The same parameter twice: an array where a string is expected.
        const twice = await app.inject({ method: 'GET', url: `${url(op, {})}${url(op, {}).includes('?') ? '&' : '?'}${param.name}=a&${param.name}=b` });
        expect(twice.statusCode, `${op.path} ${param.name} twice`).toBeLessThan(500);
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(fingerprint(db)).toBe(before);
  }, 240_000);

  it('never fail with a 500 on hostile JSON bodies of the POST routes', async () => {
    const before = fingerprint(db);
    for (const op of operations().filter((o) => o.method === 'POST' && o.body)) {
      for (const [name, prop] of Object.entries(op.body ?? {})) {
        if (prop.type !== 'string') continue;
        for (const value of HOSTILE) {
          const res = await app.inject({ method: 'POST', url: url(op, {}), payload: { [name]: value } });
          expect(res.statusCode, `${op.path} ${name}=${JSON.stringify(value.slice(0, 40))}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
      }
      for (const payload of ['{', 'null', '[]', '"x"', '{"__proto__":{"polluted":1}}']) {
        const res = await app.inject({ method: 'POST', url: url(op, {}), headers: { 'content-type': 'application/json' }, payload });
        expect(res.statusCode, `${op.path} body ${payload}`).toBeLessThan(500);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    expect(fingerprint(db)).toBe(before);
  }, 120_000);

  it('refuses bodies over the limits with 413, and unauthenticated uploads before reading them', async () => {
    const limited = await server({ writeToken: TOKEN, uploadLimit: 1024, bodyLimit: 2048, security: { rateLimit: false } });
    const upload = (payload: Buffer, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
      limited.inject({ method: 'POST', url: '/api/documents?name=big.txt', headers: { 'content-type': 'application/octet-stream', ...headers }, payload });
    expect((await upload(Buffer.alloc(4096, 'a'))).statusCode).toBe(413);
    expect((await upload(Buffer.alloc(4096, 'a'))).json().code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(Buffer.alloc(4096, 'a'), {})).statusCode).toBe(403);
    const json = await limited.inject({ method: 'POST', url: '/api/ask', payload: { question: 'x'.repeat(4096) } });
    expect([404, 413]).toContain(json.statusCode);
    await limited.close();

    // Over a real socket with the default limits: a declared 200 MB upload is refused at once,
    // without the client sending it, and so is one without the token.
    const real = await server({ writeToken: TOKEN, security: { rateLimit: false } });
    await real.listen({ host: '127.0.0.1', port: 0 });
    const port = (real.server.address() as net.AddressInfo).port;
    const head = (auth: string) => `POST /api/documents?name=huge.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: 209715200\r\n${auth}Connection: close\r\n\r\n`;
    expect(await rawStatus(port, head(`Authorization: Bearer ${TOKEN}\r\n`))).toBe(413);
    expect(await rawStatus(port, head(''))).toBe(403);
    await real.close();
  }, 60_000);

  it('keeps request paths away from the file system', async () => {
    const web = path.join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>explorer</title>');
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
    const withWeb = await buildServer(kb, { webDir: web, writeToken: TOKEN, security: { rateLimit: false } });
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt', '/....//secret.txt', `/${encodeURIComponent(path.join(dir, 'secret.txt'))}`, '/%00/secret.txt']) {
      const res = await withWeb.inject({ method: 'GET', url: p });
      expect(res.body, p).not.toContain('TOP-SECRET');
      expect(res.statusCode, p).toBeLessThan(500);
    }
    // An upload's name never becomes a path: only its base name is recorded, and nothing is written beside it.
    for (const name of ['../../secret.txt', '/etc/passwd.txt', '..\\..\\evil.txt', 'C:\\Windows\\evil.txt', 'a/b/../../../up.txt']) {
      const res = await withWeb.inject({
        method: 'POST', url: `/api/documents?name=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKEN}` }, payload: Buffer.from(''),
      });
      expect(res.statusCode, name).toBe(422);
      expect(res.json().message, name).toMatch(/^[^/\\]+: is empty$/);
    }
    for (const name of ['', '..', '.', 'x'.repeat(300)]) {
      const res = await withWeb.inject({ method: 'POST', url: `/api/documents?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKEN}` }, payload: Buffer.from('text') });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
    }
    await withWeb.close();
  });

  it('sets security headers on the explorer, the API and errors, and names no server software', async () => {
    for (const p of ['/', '/api/health', '/api/documents', '/api/nope', '/openapi.json']) {
      const res = await app.inject({ method: 'GET', url: p });
      expect(res.headers['content-security-policy'], p).toMatch(/default-src 'self'.*script-src 'self'/);
      expect(res.headers['content-security-policy'], p).toMatch(/object-src 'none'/);
      expect(res.headers['content-security-policy'], p).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options'], p).toBe('nosniff');
      expect(res.headers['x-frame-options'], p).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], p).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], p).toBe('same-origin');
      expect(res.headers['x-powered-by'], p).toBeUndefined();
      expect(res.headers['access-control-allow-origin'], p).toBeUndefined();
    }
  });

  it('rate-limits uploads, deletes and questions per client, not reads', async () => {
    const limited = await server({ writeToken: TOKEN, security: { rateLimit: { write: { max: 3, timeWindow: 60_000 }, ask: { max: 2, timeWindow: 60_000 } } } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.inject({ method: 'POST', url: '/api/documents?name=a.txt', headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer wrong' }, payload: Buffer.from('x') });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().code).toBe('RATE_LIMITED');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    // Guessing the token is limited too: the limit is checked before the token.
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    const deletes: number[] = [];
    for (let i = 0; i < 4; i++) deletes.push((await limited.inject({ method: 'DELETE', url: '/api/documents/no-such-doc', headers: { authorization: 'Bearer wrong' } })).statusCode);
    expect(deletes).toEqual([403, 403, 403, 429]);
    const asks: number[] = [];
    if (limited.hasRoute({ method: 'POST', url: '/api/ask' })) {
      for (let i = 0; i < 3; i++) asks.push((await limited.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Who condemned Betastan?' } })).statusCode);
      expect(asks[2]).toBe(429);
    }
    // Another client is not affected, and reads are never limited.
    const other = await limited.inject({ method: 'POST', url: '/api/documents?name=a.txt', remoteAddress: '10.0.0.9', headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer wrong' }, payload: Buffer.from('x') });
    expect(other.statusCode).toBe(403);
    for (let i = 0; i < 50; i++) expect((await limited.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
    await limited.close();
  });

  it('deletes a document only with the write token', async () => {
    const readOnly = await server({ security: { rateLimit: false } });
    expect((await readOnly.inject({ method: 'DELETE', url: '/api/documents/doc-hand-2', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(403);
    await readOnly.close();
    const writable = await server({ writeToken: TOKEN, security: { rateLimit: false } });
    for (const authorization of [undefined, 'Bearer wrong', TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`]) {
      const res = await writable.inject({ method: 'DELETE', url: '/api/documents/doc-hand-2', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(403);
    }
    const before = fingerprint(db);
    const ok = await writable.inject({ method: 'DELETE', url: '/api/documents/doc-hand-2', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ deleted: 'doc-hand-2' });
    expect(fingerprint(db)).not.toBe(before);
    expect((await writable.inject({ method: 'GET', url: '/api/documents/doc-hand-2' })).statusCode).toBe(404);
    expect((await writable.inject({ method: 'GET', url: '/api/documents/doc-hand-1' })).statusCode).toBe(200);
    const again = await writable.inject({ method: 'DELETE', url: '/api/documents/doc-hand-2', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOT_FOUND');
    await writable.close();
    await storeDocument(kb, handBuiltDocument('Betastan welcomed Alphaland in May.\nAlphaland signed a treaty.', 'second.txt', 'doc-hand-2'));
  });

  it('binds to 127.0.0.1 unless told otherwise', async () => {
    const program = await buildProgram();
    for (const name of ['serve', 'start']) {
      const cmd = program.commands.find((c) => c.name() === name);
      expect(cmd, name).toBeDefined();
      const host = cmd!.options.find((o) => o.long === '--host');
      expect(host?.defaultValue, name).toBe('127.0.0.1');
    }
  });
});

/** A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a careless client would. */
function encodePathPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** Send raw request head bytes and read the status line of the answer. */
function rawStatus(port: number, head: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m) { socket.destroy(); resolve(Number(m[1])); }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => { socket.destroy(); reject(new Error(`no answer: ${data}`)); });
  });
}
