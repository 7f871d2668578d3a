import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { askQuestion } from '../../src/ask/ask-question.js';
import { citationHolds } from '../../src/ask/citations.js';
import type { Answer } from '../../src/ask/answer-types.js';
import { askKb, ASK_LINES } from './ask-fixture.js';

let kb: KnowledgeBase;
let text: string;
beforeAll(async () => {
  kb = await askKb();
  text = (await kb.db.selectFrom('documents').select('text').executeTakeFirstOrThrow()).text;
});
afterAll(async () => kb.close());

const values = (a: Answer, kind: string) => a.items.filter((i) => i.kind === kind).map((i) => i.value);

function expectCited(a: Answer): void {
  expect(a.citations.length).toBeGreaterThan(0);
  for (const c of a.citations) expect(citationHolds(c, text)).toBe(true);
  for (const item of a.items) for (const n of item.cites) expect(a.citations.some((c) => c.n === n)).toBe(true);
  for (const row of a.rows) expect(a.citations.some((c) => c.n === row.cite)).toBe(true);
}

describe('askQuestion: answers with citations', () => {
  it.each([
    ['Which countries have not condemned Betastan?', 'entity', ['state:GAM'], 1],
    ['Which countries have never condemned Betastan?', 'entity', ['state:GAM'], 1],
    ['Who condemned Betastan?', 'entity', ['state:ALP'], 0],
    ['Who did Betastan expel?', 'entity', ['state:ALP'], 3],
    ['When did Alphaland condemn Betastan?', 'date', ['2022-03'], 0],
    ['When did Alphaland suspend the Delta Accord?', 'date', ['2022-06'], 2],
    ['What is the status of the Delta Accord?', 'status', ['suspended'], 2],
    ['Did Gammaria condemn Betastan?', 'no', ['no'], 1],
    ['Did Alphaland condemn Betastan?', 'yes', ['yes'], 0],
    ['Has Gammaria never condemned Betastan?', 'yes', ['yes'], 1],
    ["How did Betastan's GDP change in 2022?", 'value', ['-2.5'], 4],
    ['How many diplomats did Betastan expel?', 'value', ['12'], 3],
    ['Where was the Epsilon Summit held?', 'entity', ['state:GAM'], 5],
  ])('%s', async (q, kind, expected, line) => {
    const a = await askQuestion(kb, q);
    expect(a.status).toBe('answered');
    expect(values(a, kind)).toEqual(expected);
    expectCited(a);
    expect(a.citations.map((c) => c.text)).toContain(ASK_LINES[line]);
  });

  it('lists events between two parties within a time, each with its trigger quoted', async () => {
    const a = await askQuestion(kb, 'What happened between Alphaland and Betastan in 2022?');
    expect(a.status).toBe('answered');
    expect(a.rows.map((r) => r.kind)).toEqual(['event', 'event']);
    expectCited(a);
    expect(a.citations.map((c) => c.quote?.text)).toEqual(['condemned', 'expelled']);
  });

  it('states stances of a holder', async () => {
    const a = await askQuestion(kb, 'Where does Gammaria stand?');
    expect(a.status).toBe('answered');
    expect(a.rows[0]?.summary).toMatch(/Gammaria has not condemned Betastan/);
    expectCited(a);
  });

  it('counts a state and its government as one side', async () => {
    const a = await askQuestion(kb, 'What sanctions did Alphaland impose in June 2022?');
    expect(a.status).toBe('answered');
    expect(a.rows[0]?.data.actors).toEqual(['org:gov-ALP']);
  });
});

describe('askQuestion: declines what the knowledge base does not support', () => {
  it.each([
    'What sanctions did Narnia impose?', // a name nobody knows
    'When did Japan condemn Betastan?', // a known state no document mentions
    'Who condemned Gammaria?', // no such record
    'When did Betastan condemn Alphaland?', // roles reversed
    'What happened between Alphaland and Betastan in 2015?', // wrong time
    'What is the status of the Omega Treaty?', // unknown agreement
    "How did Gammaria's GDP change?", // no figure for it
    'Did Alphaland expel diplomats of Gammaria?',
    'Who ate the cake?', // no action the knowledge base records
  ])('%s', async (q) => {
    const a = await askQuestion(kb, q);
    expect(a.status).toBe('not-in-kb');
    expect(a.answer).toMatch(/^Not in the knowledge base/);
    expect(a.citations).toEqual([]);
    expect(a.items).toEqual([]);
    for (const c of a.closest) expect(citationHolds(c, text)).toBe(true);
  });

  it('points at the opposite record when the question asks for something the text denies', async () => {
    const a = await askQuestion(kb, 'When did Gammaria condemn Betastan?');
    expect(a.status).toBe('not-in-kb');
    expect(a.answer).toMatch(/opposite/);
    expect(a.closest[0]?.text).toBe(ASK_LINES[1]);
  });

  it('rejects empty and overlong questions', async () => {
    await expect(askQuestion(kb, '   ')).rejects.toThrow(RangeError);
    await expect(askQuestion(kb, 'why '.repeat(200))).rejects.toThrow(RangeError);
  });
});

describe('askQuestion: properties', () => {
  it('any question gets a well-formed answer whose citations slice the document', async () => {
    const words = ['Who', 'When', 'Which countries', 'Did', 'What', 'Alphaland', 'Betastan', 'Gammaria', 'condemned', 'expel', 'never', 'in 2022', 'Delta Accord', 'status', 'GDP', 'how many', 'the', 'of'];
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }), async (parts) => {
      const a = await askQuestion(kb, `${parts.join(' ')}?`);
      expect(['answered', 'not-in-kb']).toContain(a.status);
      if (a.status === 'answered') expect(a.citations.length).toBeGreaterThan(0);
      for (const c of [...a.citations, ...a.closest]) expect(citationHolds(c, text)).toBe(true);
    }), { numRuns: 60 });
  });
});
