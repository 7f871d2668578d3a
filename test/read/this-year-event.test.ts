import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventYears } from '../../src/read/this-year-event.js';

describe('eventYears', () => {
  // text, the years it dates itself by
  const cases: Array<[string, number[]]> = [
    ['Last year, the Assembly adopted the 2030 Agenda for Sustainable Development.', [2016]],
    ['The Paris Agreement, adopted last year, reflects a rare commitment.', [2016]],
    ['In July of this year, we adopted the Addis Ababa Action Agenda.', [2015]],
    ['The adoption of the Paris Agreement last year gave us hope.', [2016]],
    ['We took a historic step last year in concluding the Treaty on the Prohibition of Nuclear Weapons.', [2018]],
    ["Last year's Millennium Summit set the goals.", [2001]],
    ["This year's World Humanitarian Summit was a turning point.", [2016]],
  ];
  it.each(cases)('%s', (text, years) => {
    expect(eventYears(text).map((c) => c.year)).toEqual(years);
  });

  const negatives: string[] = [
    'The Paris Agreement must enter into force this year.', // a later act
    'In April of this year, we signed the Paris Agreement.', // signed by one party, years after it was made
    'This year, we mark 70 years since the adoption of the Universal Declaration of Human Rights.', // a count from it
    "This year's general debate matters, following the adoption of the 2030 Agenda.", // the year is the debate's
    "This year's Sustainable Development Goals report is sobering.", // an agreement's name inside a longer one
    'The session of the Conference of the Parties to the United Nations Framework Convention on Climate Change held last year was long.', // a meeting of its parties
    'Last year we worked hard on many matters of trade, health, education, migration and security, and, in a different vein entirely, the adoption of the 2030 Agenda remains our guide.', // too far apart
    'We are implementing the 2030 Agenda this year.', // no act that made it
    'Last year the Second World War was remembered.', // an event of several years
  ];
  it.each(negatives)('dates nothing: %s', (text) => {
    expect(eventYears(text)).toEqual([]);
  });

  it('never throws, and its spans always lie in the text', () => {
    const words = fc.constantFrom('this', 'last', 'year', "year's", 'adopted', 'adoption', 'of', 'the', 'Paris', 'Agreement', '2030', 'Agenda',
      'Millennium', 'Summit', 'held', 'session', 'into', 'force', ',', '.', '\n', '(resolution', '70/1)', 'which', 'we');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), fc.string({ maxLength: 30 }), (ws, noise) => {
      const text = `${ws.join(' ')} ${noise}`;
      for (const c of eventYears(text)) {
        expect(0 <= c.span.start && c.span.start < c.span.end && c.span.end <= text.length).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
