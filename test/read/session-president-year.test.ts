import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { presidentYears } from '../../src/read/session-president-year.js';

describe('presidentYears', () => {
  // text, the years it dates itself by
  const cases: Array<[string, number[]]> = [
    ['I congratulate Mr. Peter Thomson on his election to the presidency of the General Assembly.', [2016]],
    ['I thank Mr. Mogens Lykketoft for his able leadership of the Assembly.', [2016]],
    ['We pay tribute to his predecessor, Mr. Miroslav Lajčák.', [2018]],
    ['We congratulate Mr. Lajcak’s predecessor, Mr. Peter Thomson, on his appointment as Special Envoy.', [2017, 2017]],
    ['Mr. Tijjani Muhammad-Bande was elected on 4 June (see A/73/PV.87).', [2019]],
    // The nearer marker decides.
    ['I congratulate Mr. Miroslav Lajčák on his election, and I thank Mr. Peter Thomson for his work.', [2017, 2017]],
    ['We pay tribute to Mr. Peter Thomson, who preceded Mr. Lajčák in his position.', [2017, 2017]],
    ['I convey to Mr. Tijjani Muhammad-Bande my congratulations for his elections as President; I also thank Mr. Lajčák for his work.', [2019, 2018]],
  ];
  it.each(cases)('%s', (text, years) => {
    expect(presidentYears(text).map((c) => c.year)).toEqual(years);
  });

  const negatives: string[] = [
    'Mr. Peter Thomson spoke to the Assembly.', // named, but not as the present or a past President
    'Peter Thomsonian ideas were discussed, and we thank him for his work.', // not the name
    'The poet Thomson was thanked for his verses.', // a surname alone that is not listed
    'Nothing here names a President.',
  ];
  it.each(negatives)('dates nothing: %s', (text) => {
    expect(presidentYears(text)).toEqual([]);
  });

  it('never throws, and its spans slice to the name', () => {
    const words = fc.constantFrom('I', 'congratulate', 'thank', 'Mr.', 'Peter', 'Thomson', 'Lykketoft', 'Lajčák', '’s', 'predecessor', 'on', 'his',
      'election', 'for', 'work', 'was', 'elected', '(see', 'A/73/PV.87)', ',', '.', '\n');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), fc.string({ maxLength: 30 }), (ws, noise) => {
      const text = `${ws.join(' ')} ${noise}`;
      for (const c of presidentYears(text)) {
        expect(0 <= c.span.start && c.span.start < c.span.end && c.span.end <= text.length).toBe(true);
        expect(/\p{Lu}/u.test(text.slice(c.span.start, c.span.end))).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
