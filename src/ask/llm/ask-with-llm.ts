import type { KnowledgeBase } from '../../kb/open-knowledge-base.js';
import type { Answer, Citation } from '../answer-types.js';
import { askQuestion } from '../ask-question.js';
import { closestEvidence } from '../closest-evidence.js';
import { chatCompletion, type ChatMessage } from './chat-completion.js';
import type { LlmConfig } from './llm-config.js';
import { verifyQuotes } from './verify-quotes.js';

/** How many evidence sentences the model sees at most. */
const MAX_EVIDENCE = 12;
export const LLM_DECLINE = 'NOT IN THE KNOWLEDGE BASE';

const SYSTEM_PROMPT = [
  'You answer questions about diplomatic reports using ONLY the numbered evidence sentences given.',
  'Rules:',
  '1. Every sentence of your answer ends with the number of the evidence it relies on, like [2].',
  '2. Every sentence contains a short exact quote, in double quotes, copied word for word from the evidence it cites.',
  '3. Do not add facts, dates, names or numbers that are not in the cited evidence.',
  `4. If the evidence does not answer the question, reply with exactly: ${LLM_DECLINE}`,
  'Answer in at most four sentences.',
].join('\n');

/**
 * The optional mode: retrieve evidence from the knowledge base (the deterministic answer's
 * citations, then full-text neighbours), let a language model write the answer from it, and check
 * every quote against its cited sentence. An answer that fails the check is returned flagged
 * (`verification.ok` false, a note saying so), never silently.
 */
export async function askWithLlm(kb: KnowledgeBase, question: string, config: LlmConfig): Promise<Answer> {
  const started = performance.now();
  const base = await askQuestion(kb, question);
  const evidence = await gatherEvidence(kb, base);
  if (!evidence.length) {
    return { ...base, mode: 'llm', notes: [...base.notes, 'no evidence to give the language model; the deterministic answer stands'], elapsedMs: elapsed(started) };
  }
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Evidence:\n${evidence.map((c) => `[${c.n}] ${c.text}`).join('\n')}\n\nQuestion: ${question}` },
  ];
  let reply: string;
  try {
    reply = (await chatCompletion(config, messages)).trim();
  } catch (err) {
    return { ...base, mode: 'llm', notes: [...base.notes, `${(err as Error).message}; the deterministic answer is shown instead`], elapsedMs: elapsed(started) };
  }
  if (reply.toUpperCase().startsWith(LLM_DECLINE)) {
    return {
      ...base, mode: 'llm', status: 'not-in-kb', answer: `Not in the knowledge base (the language model found no answer in the evidence).`,
      items: [], rows: [], citations: [], closest: evidence.slice(0, 3).map((c, k) => ({ ...c, n: k + 1 })), elapsedMs: elapsed(started),
    };
  }
  const verification = verifyQuotes(reply, evidence);
  const used = new Set([...reply.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const notes = verification.ok ? [] : [`the answer failed the quote check in ${verification.failed.length} place(s); treat it as unverified`];
  return {
    ...base, mode: 'llm', status: 'answered', answer: reply, items: [],
    citations: evidence.filter((c) => used.has(c.n)), closest: [], verification, notes: [...base.notes, ...notes], elapsedMs: elapsed(started),
  };
}

/** The deterministic answer's citations (or its closest sentences), then full-text neighbours, renumbered 1..n. */
async function gatherEvidence(kb: KnowledgeBase, base: Answer): Promise<Citation[]> {
  const out: Citation[] = [];
  const add = (c: Citation) => {
    if (out.length >= MAX_EVIDENCE || out.some((x) => x.doc === c.doc && x.sentence === c.sentence)) return;
    const { quote: _q, ...rest } = c;
    out.push({ ...rest, n: out.length + 1 });
  };
  for (const c of base.citations) add(c);
  for (const c of base.closest) add(c);
  for (const c of await closestEvidence(kb, base.query, MAX_EVIDENCE)) add(c);
  return out;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
