import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { IngestOutcome } from '../pipeline/ingest.js';
import { ApiError } from './errors.js';
import { deleteDocument } from '../kb/store-document.js';

/** Uploads may be much larger than ordinary request bodies (a PDF report). */
export const UPLOAD_LIMIT = 64 * 1024 * 1024;

export interface IngestJob {
  id: number; name: string; bytes: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  stage: string | null; startedAt: string; finishedAt: string | null;
  outcome: IngestOutcome | null;
}

const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, name: { type: 'string' }, bytes: { type: 'integer' }, state: { type: 'string' },
    stage: { type: ['string', 'null'] }, startedAt: { type: 'string' }, finishedAt: { type: ['string', 'null'] },
    outcome: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

const messageSchema = { type: 'object', properties: { start: { type: ['integer', 'null'] }, end: { type: ['integer', 'null'] }, rule: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' } } } as const;

/**
 * POST /api/documents takes a report as the raw request body; it is analysed and stored like a file
 * given to `diplograph ingest`. Writing needs the server's write token; without one the server is read-only.
 */
export function registerIngestRoutes(app: FastifyInstance, kb: KnowledgeBase, writeToken?: string, uploadLimit: number = UPLOAD_LIMIT): void {
  const jobs: IngestJob[] = [];
  let nextId = 1;
  // One ingest at a time: SQLite has one writer, and analyses compete for the same two cores.
  let queue: Promise<unknown> = Promise.resolve();

  // The token is checked before the body is read, so that a client without it cannot make the server buffer an upload.
  const requireToken = async (req: FastifyRequest, _reply: unknown, payload: unknown) => {
    checkToken(req, writeToken);
    return payload;
  };

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));

  app.get('/api/ingest/status', {
    schema: {
      summary: 'whether uploads are accepted, and the progress of recent uploads',
      response: { 200: { type: 'object', properties: { writable: { type: 'boolean' }, jobs: { type: 'array', items: jobSchema } } } },
    },
  }, async () => ({ writable: !!writeToken, jobs: [...jobs].reverse() }));

  app.post('/api/documents', {
    bodyLimit: uploadLimit,
    preParsing: requireToken,
    schema: {
      summary: 'upload a report (txt, html, md, pdf, docx) as the raw body; needs Authorization: Bearer <write token>',
      querystring: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 255 } }, required: ['name'], additionalProperties: false },
      response: {
        200: { type: 'object', properties: { job: jobSchema, messages: { type: 'array', items: messageSchema } } },
        201: { type: 'object', properties: { job: jobSchema, messages: { type: 'array', items: messageSchema } } },
        400: { $ref: 'ApiError#' }, 403: { $ref: 'ApiError#' }, 413: { $ref: 'ApiError#' }, 422: { $ref: 'ApiError#' },
      },
    },
  }, async (req, reply) => {
    checkToken(req, writeToken);
    const body = req.body;
    if (!Buffer.isBuffer(body)) throw new ApiError('BAD_REQUEST', 'send the file as the raw body with Content-Type: application/octet-stream');
    // Only the base name: a client must not choose where the source claims to come from.
    const name = path.basename((req.query as { name: string }).name.replace(/\\/g, '/'));
    if (!name || name === '.' || name === '..') throw new ApiError('BAD_REQUEST', 'name must be a file name such as report.pdf');
    if (body.length === 0) throw new ApiError('UNREADABLE_DOCUMENT', `${name}: is empty`);

    const job: IngestJob = { id: nextId++, name, bytes: body.length, state: 'queued', stage: null, startedAt: new Date().toISOString(), finishedAt: null, outcome: null };
    jobs.push(job);
    if (jobs.length > 50) jobs.shift();
    const run = queue.then(async () => {
      job.state = 'running';
      // Loaded on first upload, so a read-only server never loads the analysis pipeline.
      const { ingestOne } = await import('../pipeline/ingest.js');
      return ingestOne(kb, name, { onStage: (_file, stage) => { job.stage = stage; } }, new Uint8Array(body.buffer, body.byteOffset, body.length));
    });
    queue = run.catch(() => undefined);
    let outcome: IngestOutcome;
    try {
      outcome = await run;
    } catch (err) {
      outcome = { file: name, ok: false, problem: 'internal', message: `${name}: ${(err as Error).message}` };
    }
    job.outcome = outcome;
    job.finishedAt = new Date().toISOString();
    job.state = outcome.ok ? 'done' : 'failed';
    if (!outcome.ok) {
      if (outcome.problem === 'internal' || outcome.problem === 'store') {
        req.log.error(outcome.message);
        throw new ApiError('INTERNAL', `${name} could not be ingested; nothing was changed`);
      }
      if (outcome.problem === 'invalid-option') throw new ApiError('BAD_REQUEST', outcome.message);
      throw new ApiError('UNREADABLE_DOCUMENT', outcome.message);
    }
    const messages = await kb.db.selectFrom('messages').select(['start', 'end', 'rule', 'severity', 'message']).where('doc', '=', outcome.id).orderBy('id').execute();
    return reply.status(outcome.status === 'added' ? 201 : 200).send({ job, messages });
  });

  app.delete('/api/documents/:id', {
    preParsing: requireToken,
    schema: {
      summary: 'delete a document and everything found in it; needs Authorization: Bearer <write token>',
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'], additionalProperties: false },
      response: {
        200: { type: 'object', properties: { deleted: { type: 'string' } } },
        403: { $ref: 'ApiError#' }, 404: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    checkToken(req, writeToken);
    const { id } = req.params as { id: string };
    // In the upload queue, so a delete never interleaves with an upload's analysis and store.
    const run = queue.then(() => deleteDocument(kb, id));
    queue = run.catch(() => undefined);
    if (!(await run)) throw new ApiError('NOT_FOUND', `no document ${id}`);
    return { deleted: id };
  });
}

function checkToken(req: FastifyRequest, writeToken: string | undefined): void {
  if (!writeToken) throw new ApiError('READ_ONLY', 'this server is read-only: start it with --write-token or DIPLOGRAPH_WRITE_TOKEN to accept uploads');
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(writeToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError('READ_ONLY', 'uploads need Authorization: Bearer <write token>');
}
