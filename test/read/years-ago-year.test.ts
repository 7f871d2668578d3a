import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countedYears } from '../../src/read/years-ago-year.js';

describe('countedYears', () => {
  // text, the years it dates itself by (in text order)
  const cases: Array<[string, number[]]> = [
    ['Seventy years ago, the founders created the United Nations in San Francisco.', [2015]],
    ['Three years ago, we adopted the 2030 Agenda for Sustainable Development.', [2018]],
    ['Seventy years ago, in the Universal Declaration of Human Rights, we agreed that no one shall be held in slavery.', [2018]],
    ['Seventy years ago, after the end of the Second World War, the peoples hoped for a just order.', [2015]],
    ['The Second World War began exactly 80 years ago.', [2019]],
    ['Twenty-five years ago, in 1994, our first free elections were held.', [2019]],
    ['In 1990, twenty years ago, the border opened.', [2010]],
    ['It is now 30 years since the adoption of the Montreal Protocol.', [2017]],
    ['Twenty-four years have passed since the signing of the Oslo Accords.', [2017]],
    ['Seventy years after the founding of the United Nations, it is worth reflecting on what we have done.', [2015]],
    ['We have promoted women in the 40 years since the adoption of the Convention on the Elimination of All Forms of Discrimination against Women.', [2019]],
    ['Ten years ago we met. Seventy years ago, the United Nations was founded.', [2015]],
  ];
  it.each(cases)('%s', (text, years) => {
    expect(countedYears(text).map((c) => c.year)).toEqual(years);
  });

  // Negatives: nothing dates the text.
  const negatives: string[] = [
    'Three years ago, when I first spoke from this rostrum, I was concerned.', // no moment of known year
    'Almost 70 years ago, the United Nations was founded.', // a rough count
    'Some years ago, we adopted the Paris Agreement.',
    'Seventy years ago, this Organization was born out of the ruins of the Second World War.', // the war began and ended in different years, and the words do not say which
    'Fifty years ago, when we applied for United Nations membership, some doubted us.', // the United Nations named, not its founding
    'Three score and ten years ago, fifty delegations met to found the United Nations.', // the end of a longer count
    'Twenty- four years have passed since the signing of the Oslo Accords.', // a number broken at its hyphen
    'Next year it will be 25 years since the adoption of the Rome Statute.', // looked ahead to
    'That did not happen until 1974, some 30 years after the end of the Second World War.', // told of the past, and rough
    'It was ten years after the signing of the Oslo Accords that talks resumed.', // told of the past
    'Ten years after the fall of the Berlin Wall, the country was admitted.', // after a moment, told in the past
    'Two years ago, we adopted a plan; by 2030 the 2030 Agenda and the Paris Agreement must be met, and the Millennium Summit is history.', // moments of different years
    'When we adopted Agenda 2030 two years ago, we acknowledged every goal.', // a programme's name, not a year
  ];
  it.each(negatives)('dates nothing: %s', (text) => {
    expect(countedYears(text)).toEqual([]);
  });

  it('gives evidence spans that slice to the count and its moment', () => {
    const text = 'Today we meet. Seventy years ago, the founders created the United Nations.';
    const [c] = countedYears(text);
    expect(text.slice(c!.span.start, c!.span.end)).toBe('Seventy years ago, the founders created the United Nations');
  });

  it('never throws, and its spans always lie in the text', () => {
    const words = fc.constantFrom('Seventy', '70', 'twenty-', 'four', 'years', 'ago', 'after', 'since', 'have', 'passed', 'the', 'founding',
      'of', 'United', 'Nations', 'Second', 'World', 'War', 'end', 'began', 'in', '1994', '2030', 'Agenda', 'almost', 'was', 'will', ',', '.', '\n');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), fc.string({ maxLength: 30 }), (ws, noise) => {
      const text = `${ws.join(' ')} ${noise}`;
      for (const c of countedYears(text)) {
        expect(0 <= c.span.start && c.span.start < c.span.end && c.span.end <= text.length).toBe(true);
        expect(Number.isInteger(c.year)).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
