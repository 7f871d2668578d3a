import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { entityIndex, type EntityIndex } from '../../src/ask/entity-index.js';
import { parseQuestion } from '../../src/ask/parse-question.js';
import { dateMatches } from '../../src/ask/question-time.js';
import { askKb } from './ask-fixture.js';

let kb: KnowledgeBase;
let index: EntityIndex;
beforeAll(async () => { kb = await askKb(); index = await entityIndex(kb); });
afterAll(async () => kb.close());

const roles = (q: string) => Object.fromEntries(parseQuestion(q, index).entities.map((e) => [e.id, e.role]));

describe('parseQuestion: focus', () => {
  it.each([
    ['Which countries have not condemned Betastan?', 'who'],
    ['Who condemned Betastan?', 'who'],
    ['When did Alphaland condemn Betastan?', 'when'],
    ['Where was the Epsilon Summit held?', 'where'],
    ['What is the status of the Delta Accord?', 'status'],
    ['Where does Gammaria stand?', 'stance'],
    ["What is Alphaland's position?", 'stance'],
    ["How did Betastan's GDP change in 2022?", 'figure'],
    ['How many diplomats did Betastan expel?', 'figure'],
    ['Did Gammaria condemn Betastan?', 'yesno'],
    ['What happened between Alphaland and Betastan in 2022?', 'what'],
    ['What sanctions did Alphaland impose?', 'what'],
  ])('%s -> %s', (q, focus) => {
    expect(parseQuestion(q, index).focus).toBe(focus);
  });
});

describe('parseQuestion: roles of named entities', () => {
  it.each([
    ['Who condemned Betastan?', { 'state:BET': 'recipient' }],
    ['Who did Alphaland condemn?', { 'state:ALP': 'actor' }],
    ['Who was expelled by Betastan?', { 'state:BET': 'actor' }],
    ['When were the Alphalandic diplomats expelled?', { 'state:ALP': 'recipient' }],
    ['What happened between Alphaland and Betastan?', { 'state:ALP': 'participant', 'state:BET': 'participant' }],
    ['How many diplomats of Alphaland did Betastan expel?', { 'state:ALP': 'subject', 'state:BET': 'actor' }],
    ['When did Alphaland suspend the Delta Accord?', { 'state:ALP': 'actor', 'agreement:delta': 'context' }],
    ["How did Betastan's GDP change?", { 'state:BET': 'subject' }],
  ])('%s', (q, expected) => {
    expect(roles(q)).toEqual(expected);
  });

  it('asks for the recipient in passive and object questions, the actor otherwise', () => {
    expect(parseQuestion('Who was expelled?', index).asked).toBe('recipient');
    expect(parseQuestion('Who did Betastan expel?', index).asked).toBe('recipient');
    expect(parseQuestion('Who expelled diplomats?', index).asked).toBe('actor');
  });
});

describe('parseQuestion: event types, negation, time, names', () => {
  it.each([
    ['Who condemned Betastan?', ['ACCUSE'], false],
    ['Which countries have never condemned Betastan?', ['ACCUSE'], true],
    ["Which countries haven't condemned Betastan?", ['ACCUSE'], true],
    ['Who expelled diplomats?', ['SANCTION'], false],
    ['Who detained the officer?', ['COERCE'], false],
    ['Who held talks with Gammaria?', ['CONSULT'], false],
    ['Who criticised Betastan?', ['ACCUSE'], false],
  ])('%s -> %j negated=%s', (q, types, negated) => {
    const p = parseQuestion(q, index);
    expect(p.eventTypes).toEqual(types);
    expect(p.negated).toBe(negated);
  });

  it('reads time expressions with the project recogniser, leaving a month without a year open', () => {
    expect(parseQuestion('What happened in March 2022?', index).time).toMatchObject({ value: '2022-03', start: '2022-03-01', end: '2022-03-31' });
    expect(parseQuestion('What happened in 2022?', index).time).toMatchObject({ value: '2022' });
    expect(parseQuestion('What happened in July?', index).time?.value).toBe('XXXX-07');
    expect(parseQuestion('Who condemned Betastan?', index).time).toBeUndefined();
  });

  it('keeps capitalised names it does not know, so answers must contain them', () => {
    expect(parseQuestion('What sanctions did Narnia impose?', index).unknownNames).toEqual(['Narnia']);
    expect(parseQuestion('Who condemned Betastan?', index).unknownNames).toEqual([]);
    expect(parseQuestion('When did Alphaland host the Omega Forum?', index).unknownNames).toEqual(['Omega Forum']);
  });

  it('never takes "us" for the United States or a word inside another word for a name', () => {
    const p = parseQuestion('What did Betastanian officials tell us?', index);
    expect(p.entities.map((e) => e.id)).not.toContain('state:BET');
    expect(p.entities.map((e) => e.id)).not.toContain('state:USA');
  });
});

describe('parseQuestion: properties', () => {
  it('never throws, and every entity span slices the question to its text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), fc.constantFrom('', 'Alphaland ', 'Delta Accord ', 'in March 2022 ', 'not '), (s, extra) => {
      const q = `${extra}${s}`.replace(/\s+/g, ' ').trim();
      const p = parseQuestion(q, index);
      for (const e of p.entities) expect(q.slice(e.start, e.end)).toBe(e.text);
      expect(['who', 'when', 'where', 'what', 'status', 'stance', 'figure', 'yesno']).toContain(p.focus);
    }), { numRuns: 200 });
  });
});

describe('dateMatches', () => {
  it.each([
    [{ text: '2022', value: '2022', start: '2022-01-01', end: '2022-12-31' }, '2022-09', '2022-09-01', '2022-09-30', true],
    [{ text: '2022', value: '2022', start: '2022-01-01', end: '2022-12-31' }, '2022-01/2022-12', null, null, true],
    [{ text: 'September 2022', value: '2022-09', start: '2022-09-01', end: '2022-09-30' }, '2022', '2022-01-01', '2022-12-31', false],
    [{ text: 'September', value: 'XXXX-09' }, '2021-09-14', '2021-09-14', '2021-09-14', true],
    [{ text: 'September', value: 'XXXX-09' }, '2021-10', '2021-10-01', '2021-10-31', false],
    [{ text: '2015', value: '2015', start: '2015-01-01', end: '2015-12-31' }, null, null, null, false],
  ])('%j vs %s', (time, value, start, end, ok) => {
    expect(dateMatches(time, value, start, end)).toBe(ok);
  });
});
