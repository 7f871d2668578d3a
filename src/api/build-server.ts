import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { ApiError, errorSchema } from './errors.js';
import { registerDocumentRoutes } from './routes-documents.js';
import { registerEntityRoutes } from './routes-entities.js';
import { registerEventRoutes } from './routes-events.js';
import { registerExportRoutes } from './routes-export.js';
import { registerSearchRoutes } from './routes-search.js';
import { registerNetworkRoutes } from './routes-network.js';
import { registerStanceRoutes } from './routes-stances.js';
import { registerAgreementRoutes } from './routes-agreements.js';
import { registerFigureRoutes } from './routes-figures.js';
import { registerIngestRoutes } from './routes-ingest.js';
import { registerJobRoutes } from './routes-jobs.js';
import { registerAskRoutes } from './routes-ask.js';
import { landingPage } from './landing-page.js';
import { registerCompareRoutes } from './routes-compare.js';
import { registerCorpusRoutes } from './routes-corpus.js';
import { registerSecurity, type SecurityOptions } from './security.js';

export interface ServerOptions {
  /** Folder of the built explorer; served at / when present. */
  webDir?: string;
  logger?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Accept uploads (POST /api/documents) from clients sending `Authorization: Bearer <writeToken>`; read-only without it. */
  writeToken?: string;
  /** Largest accepted upload in bytes (default UPLOAD_LIMIT). */
  uploadLimit?: number;
  /** Rate limits (security headers are always on). */
  security?: SecurityOptions;
}

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function buildServer(kb: KnowledgeBase, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Unknown query parameters are errors, not silently dropped: a typo in a filter must not return everything.
    ajv: { customOptions: { removeAdditional: false } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'diplograph API', version: '0.1.0', description: 'Documents, entities and events of a diplograph knowledge base; every fact cites its sentence.' },
    },
  });
  app.addSchema({ $id: 'ApiError', ...errorSchema });
  await registerSecurity(app, options.security);

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send({ error: err.message, code: err.code, message: err.message });
    const e = err as { validation?: unknown; statusCode?: number; message: string };
    if (e.validation) return reply.status(400).send({ error: e.message, code: 'BAD_REQUEST', message: e.message });
    if (e.statusCode === 413) return reply.status(413).send({ error: e.message, code: 'PAYLOAD_TOO_LARGE', message: e.message });
    if (err instanceof RangeError) return reply.status(400).send({ error: err.message, code: 'BAD_REQUEST', message: err.message });
    // Fastify's own refusals (bad JSON, unsupported media type, rate limit) are the client's fault, not a 500.
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      const code = e.statusCode === 429 ? 'RATE_LIMITED' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return reply.status(e.statusCode).send({ error: e.message, code, message: e.message });
    }
    app.log.error(err);
    return reply.status(500).send({ error: 'internal error', code: 'INTERNAL', message: 'internal error' });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}`, code: 'NOT_FOUND', message: 'not found' }));

  app.get('/api/health', {
    schema: { summary: 'liveness and knowledge base location', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, dialect: { type: 'string' } } } } },
  }, async () => ({ ok: true, dialect: kb.dialect }));

  registerDocumentRoutes(app, kb);
  registerEntityRoutes(app, kb);
  registerEventRoutes(app, kb);
  registerExportRoutes(app, kb);
  registerSearchRoutes(app, kb);
  registerNetworkRoutes(app, kb);
  registerStanceRoutes(app, kb);
  registerAgreementRoutes(app, kb);
  registerFigureRoutes(app, kb);
  registerIngestRoutes(app, kb, options.writeToken, options.uploadLimit);
  registerJobRoutes(app, kb);
  registerAskRoutes(app, kb);
  registerCompareRoutes(app, kb);
  registerCorpusRoutes(app, kb);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(landingPage()));
  }
  return app;
}
