import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { Answer } from './answer-types.js';
import { answerQuery } from './answer-query.js';
import { entityIndex } from './entity-index.js';
import { parseQuestion } from './parse-question.js';

/** Longest question accepted; questions are sentences, not documents. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Answer a question from the knowledge base alone (the deterministic mode): parse it into a
 * structured query, run it, and cite the sentence behind every claim. When nothing supports an
 * answer the status is `not-in-kb` and `closest` holds the nearest sentences.
 */
export async function askQuestion(kb: KnowledgeBase, question: string): Promise<Answer> {
  const started = performance.now();
  const text = question.trim();
  if (!text) throw new RangeError('the question is empty');
  if (text.length > MAX_QUESTION_LENGTH) throw new RangeError(`the question is longer than ${MAX_QUESTION_LENGTH} characters`);
  const index = await entityIndex(kb);
  const query = parseQuestion(text, index);
  const outcome = await answerQuery(kb, query, index);
  return { question: text, mode: 'deterministic', query, ...outcome, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}
