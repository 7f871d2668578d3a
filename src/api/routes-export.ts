import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { exportJson } from '../export/export-json.js';
import { EXPORT_FILTER_SEMANTICS, validateExportFilters } from '../export/export-filters.js';
import { exportFileName, exportFormats, getExportFormat } from '../export/formats.js';
import { csvParam, datePrefixParam, splitList } from './query-params.js';

export function registerExportRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  // The enum comes from the registry, so a newly registered format is offered (and documented) here too.
  const formats = exportFormats();
  app.get('/api/export', {
    schema: {
      summary: 'the knowledge base (or what the filters keep) in one export format, streamed as an attachment',
      description: `Formats: ${formats.map((f) => `${f.name} (${f.contentType}): ${f.description}`).join('; ')}.\n\n${EXPORT_FILTER_SEMANTICS.replace(/--/g, '')}`,
      querystring: {
        type: 'object',
        properties: {
          format: { type: 'string', enum: formats.map((f) => f.name), default: 'json' },
          doc: csvParam, actor: csvParam, type: csvParam, from: datePrefixParam, to: datePrefixParam,
        },
        additionalProperties: false,
      },
    },
  }, async (req, reply) => {
    const q = req.query as { format: string; doc?: string; actor?: string; type?: string; from?: string; to?: string };
    const format = getExportFormat(q.format);
    // RangeError (unknown type, impossible date, from after to) is answered 400 by the server's error handler.
    const filters = validateExportFilters({ docs: splitList(q.doc), actors: splitList(q.actor), types: splitList(q.type), from: q.from, to: q.to });
    // The whole contract object is built before the first byte goes out, so a database error is still a clean 500.
    const data = await exportJson(kb, filters);
    return reply
      .type(format.contentType)
      .header('content-disposition', `attachment; filename="${exportFileName(format)}"`)
      .send(Readable.from(format.render(data)));
  });
}
