import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { askWithLlm } from '../../src/ask/llm/ask-with-llm.js';
import { llmConfigFromEnv, chatCompletionsUrl, type LlmConfig } from '../../src/ask/llm/llm-config.js';
import { citationHolds } from '../../src/ask/citations.js';
import { askKb } from './ask-fixture.js';
import { evidenceNumber, startStandIn, type StandIn } from './stand-in-llm.js';

let kb: KnowledgeBase;
let llm: StandIn;
let config: LlmConfig;
let text: string;
beforeAll(async () => {
  kb = await askKb();
  llm = await startStandIn();
  config = { url: llm.url, model: 'stand-in', key: 'secret-key', timeoutMs: 5000 };
  text = (await kb.db.selectFrom('documents').select('text').executeTakeFirstOrThrow()).text;
});
afterAll(async () => { await llm.close(); await kb.close(); });

const userPrompt = () => llm.requests[llm.requests.length - 1]!.messages.find((m) => m.role === 'user')!.content;

describe('askWithLlm against a stand-in model', () => {
  it('sends numbered evidence from the knowledge base and accepts an answer whose quotes are in the cited sentences', async () => {
    llm.reply = (body) => {
      const n = evidenceNumber(body.messages[1]!.content, 'Gammaria has never condemned');
      return { content: `Gammaria has not condemned Betastan: the report says it "has never condemned Betastan" [${n}].` };
    };
    const a = await askWithLlm(kb, 'Which countries have not condemned Betastan?', config);
    expect(userPrompt()).toMatch(/Question: Which countries have not condemned Betastan\?/);
    expect(llm.requests.at(-1)!.model).toBe('stand-in');
    expect(llm.requests.at(-1)!.headers.authorization).toBe('Bearer secret-key');
    expect(a.mode).toBe('llm');
    expect(a.status).toBe('answered');
    expect(a.verification).toMatchObject({ ok: true, checked: 1 });
    expect(a.citations).toHaveLength(1);
    for (const c of a.citations) expect(citationHolds(c, text)).toBe(true);
    expect(a.notes).toEqual([]);
  });

  it('flags an answer whose quote is not in the cited sentence', async () => {
    llm.reply = (body) => ({ content: `Gammaria "strongly condemned Betastan" [${evidenceNumber(body.messages[1]!.content, 'Gammaria')}].` });
    const a = await askWithLlm(kb, 'Did Gammaria condemn Betastan?', config);
    expect(a.verification?.ok).toBe(false);
    expect(a.verification?.failed[0]?.problem).toMatch(/not in the cited sentence/);
    expect(a.notes.join(' ')).toMatch(/failed the quote check/);
  });

  it.each([
    ['a sentence without citation', 'Gammaria never condemned Betastan.', /no citation/],
    ['a citation of evidence that was not given', 'It "never condemned" Betastan [99].', /not in the evidence/],
    ['a cited sentence without a quote', 'Gammaria did not condemn Betastan [1].', /no quoted evidence/],
  ])('flags %s', async (_label, content, problem) => {
    llm.reply = () => ({ content });
    const a = await askWithLlm(kb, 'Did Gammaria condemn Betastan?', config);
    expect(a.verification?.ok).toBe(false);
    expect(a.verification?.failed.map((f) => f.problem).join(' ')).toMatch(problem);
  });

  it('passes on the model declining as "not in the knowledge base"', async () => {
    llm.reply = () => ({ content: 'NOT IN THE KNOWLEDGE BASE' });
    const a = await askWithLlm(kb, 'Did Gammaria condemn Betastan?', config);
    expect(a.status).toBe('not-in-kb');
    expect(a.citations).toEqual([]);
  });

  it('falls back to the deterministic answer, with a note, when the model fails', async () => {
    llm.reply = () => ({ status: 500, error: 'model not loaded' });
    const a = await askWithLlm(kb, 'Who condemned Betastan?', config);
    expect(a.status).toBe('answered');
    expect(a.items.map((i) => i.value)).toEqual(['state:ALP']);
    expect(a.notes.join(' ')).toMatch(/500: model not loaded/);
  });

  it('falls back when the endpoint is unreachable', async () => {
    const a = await askWithLlm(kb, 'Who condemned Betastan?', { ...config, url: 'http://127.0.0.1:9/v1', timeoutMs: 2000 });
    expect(a.notes.join(' ')).toMatch(/unreachable/);
    expect(a.status).toBe('answered');
  });
});

describe('llm configuration', () => {
  it('reads URL, model and key from the environment and needs both URL and model', () => {
    expect(llmConfigFromEnv({ DIPLOGRAPH_LLM_URL: 'http://127.0.0.1:11434/v1', DIPLOGRAPH_LLM_MODEL: 'llama3' })).toMatchObject({ url: 'http://127.0.0.1:11434/v1', model: 'llama3' });
    expect(llmConfigFromEnv({ DIPLOGRAPH_LLM_URL: 'http://x/v1', DIPLOGRAPH_LLM_MODEL: 'm', DIPLOGRAPH_LLM_KEY: 'k' })?.key).toBe('k');
    expect(llmConfigFromEnv({ DIPLOGRAPH_LLM_URL: 'http://x/v1' })).toBeUndefined();
    expect(llmConfigFromEnv({ DIPLOGRAPH_LLM_MODEL: 'm' })).toBeUndefined();
  });
  it.each([
    ['http://h/v1', 'http://h/v1/chat/completions'],
    ['http://h/v1/', 'http://h/v1/chat/completions'],
    ['http://h/v1/chat/completions', 'http://h/v1/chat/completions'],
  ])('%s -> %s', (base, url) => expect(chatCompletionsUrl(base)).toBe(url));
});
