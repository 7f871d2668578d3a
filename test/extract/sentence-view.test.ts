import { describe, expect, it } from 'vitest';
import { buildSentenceView, clauseOf, tokenAtOffset, tokenStartingAt, tokensWithin } from '../../src/extract/sentence-view.js';
import { makeAnalysedDoc } from '../helpers/make-analysed-doc.js';

const doc = makeAnalysedDoc('The Japan-Russia Summit was held, and Japan imposed sanctions on Russia; Russia’s forces left. Nothing here.', {
  mentions: [
    { text: 'The Japan-Russia Summit', entity: 'event:summit', kind: 'other' },
    { text: 'Japan', entity: 'state:JPN', nth: 1 },
    { text: 'Russia', entity: 'state:RUS', nth: 1 },
    { text: 'Russia', entity: 'state:RUS', nth: 2 },
  ],
});

/** Everything a view offers, read in the given order. */
function read(order: ('mentions' | 'mentionsAt' | 'clauses')[]) {
  const view = buildSentenceView(doc, doc.segmentation.sentences[0]!);
  const seen: Record<string, unknown> = {};
  for (const part of order) seen[part] = view[part];
  return seen;
}

describe('buildSentenceView', () => {
  it('gives the same mentions, places and clauses whichever is asked first', () => {
    const a = read(['mentions', 'mentionsAt', 'clauses']);
    expect(read(['clauses', 'mentions', 'mentionsAt'])).toEqual(a);
    expect(read(['mentionsAt', 'clauses', 'mentions'])).toEqual(a);
    expect((a.clauses as unknown[]).length).toBeGreaterThan(1);
    expect((a.mentions as unknown[]).length).toBeGreaterThan(2);
  });

  it('places each mention on the tokens it covers; other tokens have none', () => {
    const view = buildSentenceView(doc, doc.segmentation.sentences[0]!);
    for (let i = 0; i < view.tokens.length; i++) {
      const expected = view.mentions.filter((m) => m.first <= i && i <= m.last);
      expect(view.mentionsAt[i]).toEqual(expected);
    }
    expect(view.mentionsAt.some((at) => at.length === 0)).toBe(true);
  });
});

describe('token positions', () => {
  const view = buildSentenceView(doc, doc.segmentation.sentences[0]!);
  const tokens = view.tokens;
  it('match scanning the tokens at every offset', () => {
    for (let offset = -1; offset <= view.sentence.end + 1; offset++) {
      const at = tokens.findIndex((t) => t.end > offset);
      expect(tokenAtOffset(view, offset)).toBe(at < 0 ? tokens.length : at);
      expect(tokenStartingAt(view, offset)).toBe(tokens.findIndex((t) => t.start === offset));
      for (let to = offset; to <= offset + 12; to += 4) expect(tokensWithin(tokens, offset, to)).toBe(tokens.filter((t) => t.start >= offset && t.end <= to).length);
    }
  });

  it('clauseOf finds the clause holding each token', () => {
    tokens.forEach((_, i) => expect(clauseOf(view, i)).toBe(view.clauses.findIndex((c) => c.first <= i && i <= c.last)));
  });
});

describe('inner participants', () => {
  // A participant named inside a compound name is marked inner; the name and other mentions are not.
  it.each([
    ['Japan', 0, true],
    ['Russia', 0, true],
    ['The Japan-Russia Summit', 0, false],
    ['Japan', 1, false],
    ['Russia', 1, false],
  ] as const)('%s (%i-th ref of that text) inner: %s', (text, nth, inner) => {
    const view = buildSentenceView(doc, doc.segmentation.sentences[0]!);
    const refs = view.mentions.filter((m) => m.text === text);
    expect(refs[nth]?.inner).toBe(inner);
    expect(refs[nth]!.inner).toBe(refs[nth]!.mention.rule === 'extract.inner-participant');
  });
});
