import { describe, expect, it } from 'vitest';
import { datedNamesIn } from '../../src/read/dated-names.js';

describe('datedNamesIn', () => {
  // text, the names found and the year each is dated by (undefined: an event of several years, not told which end)
  const cases: Array<[string, Array<[string, number | undefined]>]> = [
    ['We adopted the Paris Agreement and the 2030 Agenda.', [['Paris Agreement', 2015], ['2030 Agenda for Sustainable Development', 2015]]],
    ['After the end of the Second World War, peace came.', [['World War II', 1945]]],
    ['The Second World War began in Europe.', [['World War II', 1939]]],
    ['The outbreak of World War I shook Europe.', [['World War I', 1914]]],
    ['Out of the ruins of the Second World War.', [['World War II', undefined]]],
    ['The founders created the United Nations.', [['the founding of the United Nations', 1945]]],
    ['The United Nations was founded on hope.', [['the founding of the United Nations', 1945]]],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(datedNamesIn(text, 0, text.length).map((d) => [d.dated.name, d.year])).toEqual(expected);
  });

  const negatives = [
    'We applied for United Nations membership.', // the United Nations, not its founding
    'The United Nations Convention against Corruption was signed.', // a longer name than any known
    'The patterns of attendance were stable.', // "att" inside a word
    'Nothing here is dated.',
  ];
  it.each(negatives)('finds nothing: %s', (text) => {
    expect(datedNamesIn(text, 0, text.length)).toEqual([]);
  });

  it('gives spans that slice to the name', () => {
    const text = 'Since then, the Paris Agreement holds.';
    const [d] = datedNamesIn(text, 0, text.length);
    expect(text.slice(d!.start, d!.end)).toBe('Paris Agreement');
  });
});
