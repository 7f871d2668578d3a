import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../ask/ask-question.js';
import { askWithLlm } from '../ask/llm/ask-with-llm.js';
import { llmConfigFromEnv, type LlmConfig } from '../ask/llm/llm-config.js';
import { ApiError } from './errors.js';

const citation = {
  type: 'object',
  properties: {
    n: { type: 'integer' }, doc: { type: 'string' }, title: { type: 'string' }, sentence: { type: 'integer' },
    start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' },
    quote: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } },
  },
  required: ['n', 'doc', 'sentence', 'start', 'end', 'text'],
} as const;

const answerSchema = {
  type: 'object',
  properties: {
    question: { type: 'string' },
    mode: { type: 'string', enum: ['deterministic', 'llm'] },
    status: { type: 'string', enum: ['answered', 'not-in-kb'] },
    answer: { type: 'string' },
    items: {
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string' }, value: { type: 'string' }, label: { type: 'string' }, cites: { type: 'array', items: { type: 'integer' } } } },
    },
    rows: {
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string' }, id: { type: 'string' }, summary: { type: 'string' }, data: { type: 'object', additionalProperties: true }, cite: { type: 'integer' } } },
    },
    citations: { type: 'array', items: citation },
    closest: { type: 'array', items: citation },
    query: { type: 'object', additionalProperties: true },
    verification: {
      type: 'object',
      properties: {
        ok: { type: 'boolean' }, checked: { type: 'integer' },
        failed: { type: 'array', items: { type: 'object', properties: { sentence: { type: 'string' }, cite: { type: 'integer' }, quote: { type: 'string' }, problem: { type: 'string' } } } },
      },
    },
    notes: { type: 'array', items: { type: 'string' } },
    elapsedMs: { type: 'number' },
  },
} as const;

interface AskBody { question: string; mode?: 'deterministic' | 'llm' }

/**
 * POST /api/ask: a question in plain English, answered from the knowledge base with a citation for
 * every claim. `mode: "llm"` uses the language model configured in the server's environment.
 */
export function registerAskRoutes(app: FastifyInstance, kb: KnowledgeBase, llm: LlmConfig | undefined = llmConfigFromEnv()): void {
  app.post('/api/ask', {
    schema: {
      summary: 'answer a question from the knowledge base; every claim cites (document, offsets, sentence)',
      description: 'The deterministic mode (default) turns the question into a structured query over entities, events, stances, agreements and figures; when nothing supports an answer, status is "not-in-kb" and closest holds the nearest sentences. mode "llm" lets the configured language model write the answer from retrieved evidence and checks every quote against its cited sentence (verification).',
      body: {
        type: 'object',
        properties: {
          question: { type: 'string', minLength: 1, maxLength: MAX_QUESTION_LENGTH },
          mode: { type: 'string', enum: ['deterministic', 'llm'], default: 'deterministic' },
        },
        required: ['question'],
        additionalProperties: false,
      },
      response: { 200: answerSchema, 400: { $ref: 'ApiError#' } },
    },
  }, async (req) => {
    const body = req.body as AskBody;
    if (!body.question.trim()) throw new ApiError('BAD_REQUEST', 'the question is empty');
    if (body.mode === 'llm') {
      if (!llm) throw new ApiError('BAD_REQUEST', 'no language model is configured on this server (DIPLOGRAPH_LLM_URL, DIPLOGRAPH_LLM_MODEL)');
      return askWithLlm(kb, body.question, llm);
    }
    return askQuestion(kb, body.question);
  });
}
