import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { INGEST_QUEUE } from '../jobs/ingest-jobs.js';
import { emptyQueueStatus, queueStatus } from '../jobs/queue-status.js';

const count = { type: 'object', properties: { queued: { type: 'number' }, running: { type: 'number' }, done: { type: 'number' }, failed: { type: 'number' }, total: { type: 'number' } } } as const;
const nullableNumber = { type: 'number', nullable: true } as const;
const nullableString = { type: 'string', nullable: true } as const;

/** Progress of the ingest queue that `diplograph worker` processes share (empty when nothing was enqueued). */
export function registerJobRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/jobs', {
    schema: {
      summary: 'the ingest queue: jobs and bytes by state, running and failed jobs, pace and estimated time left',
      querystring: { type: 'object', properties: {}, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          properties: {
            queue: { type: 'string' }, jobs: count, bytes: count, percentDone: { type: 'number' },
            bytesPerSecond: nullableNumber, etaSeconds: nullableNumber, finishesAt: nullableString,
            running: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, worker: nullableString, file: { type: 'string' }, startedAt: nullableString, heartbeatAt: nullableString, attempts: { type: 'integer' } } } },
            failed: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, file: { type: 'string' }, attempts: { type: 'integer' }, error: nullableString, finishedAt: nullableString } } },
            retrying: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, file: { type: 'string' }, attempts: { type: 'integer' }, runAfter: { type: 'string' }, error: nullableString } } },
          },
        },
      },
    },
  }, async () => queueStatus(kb, INGEST_QUEUE).catch((err: Error) => {
    // A knowledge base opened read-only from before the queue existed has no jobs table: no jobs.
    if (/no such table|does not exist/i.test(err.message)) return emptyQueueStatus(INGEST_QUEUE);
    throw err;
  }));
}
