import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerSentences, verifyQuotes } from '../../src/ask/llm/verify-quotes.js';
import type { Citation } from '../../src/ask/answer-types.js';

const ev = (n: number, text: string): Citation => ({ n, doc: 'd', title: 't', sentence: n - 1, start: 0, end: text.length, text });
const evidence = [ev(1, 'Alphaland condemned Betastan in March 2022.'), ev(2, 'Gammaria has never condemned Betastan.')];

describe('verifyQuotes', () => {
  it.each([
    ['Alphaland "condemned Betastan" [1].', true],
    ['Alphaland “condemned Betastan” [1]. Gammaria "has never condemned" it [2].', true],
    ['It says "condemned   betastan" [1].', true], // spacing and case fold
    ['Both did: "condemned Betastan" [1][2].', true], // either cited sentence may hold the quote
    ['Alphaland "condemned Gammaria" [1].', false],
    ['Gammaria "has never condemned" Betastan [1].', false], // quote is in [2], not the cited [1]
    ['Alphaland condemned Betastan [1].', false],
    ['Alphaland "condemned Betastan".', false],
    ['"condemned Betastan" [3].', false],
    ['', false],
  ])('%s -> ok=%s', (answer, ok) => {
    expect(verifyQuotes(answer, evidence).ok).toBe(ok);
  });

  it('splits answers into sentences after citations and at line breaks', () => {
    expect(answerSentences('One "a" [1]. Two "b" [2].\nThree "c" [1]')).toEqual(['One "a" [1].', 'Two "b" [2].', 'Three "c" [1]']);
  });

  it('accepts any exact substring of a cited sentence as a quote (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 3, max: 12 }), (at, len) => {
      const text = evidence[0]!.text;
      const quote = text.slice(at, at + len).replace(/"/g, '');
      fc.pre(quote.trim().length >= 3);
      expect(verifyQuotes(`It says "${quote}" [1].`, evidence).ok).toBe(true);
    }));
  });
});
