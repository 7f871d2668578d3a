import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { exportJson } from '../export/export-json.js';

export function registerExportRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/export', {
    schema: {
      summary: 'the JSON export contract of DESIGN.md for the whole knowledge base or selected documents',
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json'], default: 'json' }, doc: { type: 'string', maxLength: 2000 } }, additionalProperties: false },
    },
  }, async (req, reply) => {
    const { doc } = req.query as { doc?: string };
    const data = await exportJson(kb, { docs: doc ? doc.split(',') : undefined });
    return reply.type('application/json').send(JSON.stringify(data));
  });
}
