import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PATTERN, possibleStarts, quantityMatches, recognizeQuantities } from '../../src/recognize/recognize-quantities.js';
import { allMatches } from '../../src/recognize/all-matches.js';
import { makeTimedDoc } from '../helpers/make-timed-doc.js';

function find(text: string) {
  const { doc, seg } = makeTimedDoc(text, { period: '2022' });
  return recognizeQuantities(doc, seg);
}

describe('recognizeQuantities', () => {
  it.each([
    ['Russia detained 63 Japanese individuals.', '63 Japanese individuals', 63, 'individuals', false],
    ['Japan expelled eight diplomats.', 'eight diplomats', 8, 'diplomats', false],
    ['Some 300,000 people were mobilised.', 'Some 300,000 people', 300000, 'people', true],
    ['Growth was +3.5% in the first quarter.', '+3.5%', 3.5, '%', false],
    ['GDP dropped -4.1% from the year before.', '-4.1%', -4.1, '%', false],
    ['Inflation reached 6.2%.', '6.2%', 6.2, '%', false],
    ['Trade totalled 2,563.7 billion Japanese yen.', '2,563.7 billion Japanese yen', 2563.7e9, 'JPY', false],
    ['The fund holds $1.2 billion.', '$1.2 billion', 1.2e9, 'USD', false],
    ['Hundreds of thousands of people fled.', 'Hundreds of thousands of people', 100000, 'people', true],
  ])('%s', (text, span, value, unit, approximate) => {
    const q = find(text.replace(/^Hundreds/, 'hundreds'));
    const want = span.replace(/^Hundreds/, 'hundreds');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ text: want, unit, approximate });
    expect(q[0]!.value).toBeCloseTo(value as number);
  });

  it('keeps both ends of a range', () => {
    const [q] = find('Around 70 to 80% of voters agreed.');
    expect(q).toMatchObject({ value: 70, high: 80, unit: '%', approximate: true });
  });

  it.each([
    'In 2022 the talks failed.',
    'The 2022 elections were held on May 9.',
    'Section 3 of Chapter 2 applies.',
    'The COVID-19 crisis continued.',
    'The G7 met in June.',
    'It lasted 77 years.',
  ])('finds nothing in: %s', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('spans slice the text, on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        for (const q of find(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
      }),
    );
  });
});

/** Every match of the pattern, found the plain way: searching the whole text from its start. */
function searched(text: string): string[] {
  const re = new RegExp(PATTERN.source, 'g');
  return allMatches(re, text).map((m) => JSON.stringify([m.index, ...m]));
}
const tried = (text: string) => quantityMatches(text).map((m) => JSON.stringify([m.index, ...m]));

describe('quantityMatches (the pattern tried only where a match can start)', () => {
  it.each([
    ['a number after an approximating word', 'They sent about 300 troops.'],
    ['two-word approximating words, blanks and tabs', 'More than\t 40% and at  least 12 people and an estimated 5 million refugees'],
    ['currency signs, also two and three letters long', 'US$5 million, A$ 3 billion, C$7, £2, €3 and ¥400 billion'],
    ['signs before digits', 'Growth of +3.5%, -4.1% and −2% (a −3 to +4% range)'],
    ['written numbers and vague counts', 'seventy-seven people, one hundred and five children, hundreds of thousands of refugees'],
    ['numbers the look-behind refuses', 'x5 people, 3.5 people, a/5 people, 12,000 people, foo-6 people, _7 people'],
    ['written numbers inside words', 'someone tended to seventeen1 oneself; sixty-ish'],
    ['at the very start and end', '5 people'],
    ['nothing to find', 'The Council met.'],
  ])('finds what a search finds: %s', (_name, text) => {
    expect(tried(text)).toEqual(searched(text));
  });

  it('finds what a search finds, on any text made of the pieces matches are made of', () => {
    const piece = fc.constantFrom(
      'about', 'About', 'more', 'than', 'at', 'least', 'an', 'estimated', 'some', 'over', 'Up', 'to',
      'one', 'seven', 'seventy', 'twenty', 'hundred', 'hundreds', 'tens', 'of', 'thousands', 'millions', 'and',
      '3', '12', '2,500', '4.5', '1900', 'US', 'US$', 'A$', 'C', '$', '€', '£', '¥', '+', '-', '−', '%', 'percent', 'per cent',
      'million', 'billion', 'dollars', 'yen', 'people', 'refugees', 'Japanese', 'x', 'é',
      ' ', ' ', ' ', '\t', '\n', '.', ',', '/', '(', '“', '_',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(tried(text)).toEqual(searched(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('tries the pattern at fewer places than there are word starts', () => {
    const text = 'The talks on the treaty resumed after the Council had agreed that they would continue.';
    expect(possibleStarts(text)).toEqual([]);
    expect(possibleStarts('Nearly 40 ships')).toEqual([0, 7]);
  });
});
