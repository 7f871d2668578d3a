import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordDiff } from '../../src/compare/word-diff.js';
import { wordTokens } from '../../src/compare/word-tokens.js';
import { alignSentences } from '../../src/compare/align-sentences.js';

const changed = (a: string, b: string) => wordDiff(a, b).filter((p) => p.op !== 'equal').map((p) => `${p.op === 'delete' ? '-' : '+'}${p.text.trim()}`);

describe('wordDiff', () => {
  const cases: Array<[string, string, string[]]> = [
    ['The talks ended on 3 May.', 'The talks ended on 5 May.', ['-3', '+5']],
    ['Japan condemned the launch.', 'Japan did not condemn the launch.', ['-condemned', '+did not condemn']],
    ['Sanctions remain in force.', 'Sanctions remain in force and were extended.', ['+and were extended']],
    ['The treaty, signed in 2010, lapsed.', 'The treaty lapsed.', ['-, signed in 2010,']],
    ["Russia's aggression", 'Russia’s aggression', ["-Russia's", '+Russia’s']],
    ['Nothing changes here.', 'Nothing changes here.', []],
  ];
  it.each(cases)('%s -> %s', (a, b, expected) => expect(changed(a, b)).toEqual(expected));

  it('rebuilds B exactly from its equal and inserted parts, and A word for word', () => {
    const sentence = fc.array(fc.constantFrom('the', 'treaty', 'was', 'not', 'signed', 'in', '2022', ',', 'Japan', 'and', 'Russia', '.'), { maxLength: 25 })
      .map((ws) => ws.join(' '));
    fc.assert(fc.property(sentence, sentence, (a, b) => {
      const parts = wordDiff(a, b);
      expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(b.length && /\S/.test(b) ? b : '');
      const aWords = parts.filter((p) => p.op !== 'insert').flatMap((p) => wordTokens(p.text).map((t) => t.word));
      expect(aWords).toEqual(wordTokens(a).map((t) => t.word));
    }));
  });
});

describe('alignSentences', () => {
  const s = ['Ministers met in Vienna to review the nuclear deal.', 'Inspectors reported full compliance at every site.', 'The council extended the mission for one year.', 'Delegates praised the host for its hospitality.'];
  const cases: Array<[string, string[], string[], Array<[string, number | null, number | null]>]> = [
    ['identical', s, s, s.map((_, i) => ['unchanged', i, i])],
    ['one reworded', s, [s[0]!, 'Inspectors reported complete compliance at every site.', s[2]!, s[3]!],
      [['unchanged', 0, 0], ['reworded', 1, 1], ['unchanged', 2, 2], ['unchanged', 3, 3]]],
    ['one removed, one added', s, [s[0]!, s[2]!, s[3]!, 'A new fund for reconstruction was announced.'],
      [['unchanged', 0, 0], ['removed', 1, null], ['unchanged', 2, 1], ['unchanged', 3, 2], ['added', null, 3]]],
    // Negative case: unrelated sentences in the same place are not a rewording.
    ['replaced by an unrelated sentence', s, [s[0]!, 'Fishing quotas were cut by a fifth in the north.', s[2]!, s[3]!],
      [['unchanged', 0, 0], ['removed', 1, null], ['added', null, 1], ['unchanged', 2, 2], ['unchanged', 3, 3]]],
    ['empty A', [], s.slice(0, 2), [['added', null, 0], ['added', null, 1]]],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(alignSentences(a, b).map((r) => [r.status, r.a ?? null, r.b ?? null])).toEqual(expected);
  });

  it('uses every sentence of both sides exactly once', () => {
    const pool = fc.constantFrom(...s, 'Talks resumed.', 'Talks resumed in Geneva.', 'The fund grew.');
    fc.assert(fc.property(fc.array(pool, { maxLength: 12 }), fc.array(pool, { maxLength: 12 }), (a, b) => {
      const rows = alignSentences(a, b);
      expect(rows.flatMap((r) => (r.a === undefined ? [] : [r.a])).sort((x, y) => x - y)).toEqual(a.map((_, i) => i));
      expect(rows.flatMap((r) => (r.b === undefined ? [] : [r.b])).sort((x, y) => x - y)).toEqual(b.map((_, i) => i));
      for (const r of rows) if (r.status === 'unchanged') expect(a[r.a!]).toBe(b[r.b!]);
    }));
  });
});
