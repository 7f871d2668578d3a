import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognizeTimexes, recognizeTimexesReference } from '../../../src/recognize/recognize-timexes.js';
import { TIME_PARSERS } from '../../../src/recognize/time/parsers.js';
import { anchorTableStatus } from '../../../src/recognize/time/parser-anchors.js';
import { scanParsers } from '../../../src/recognize/time/anchored-scan.js';
import type { TimeParser } from '../../../src/recognize/time/time-parser.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

// The anchored scan must find exactly what searching every pattern through the whole text finds.
function both(text: string) {
  const { doc, seg } = makeTimedDoc(text);
  return (['report', 'timeml'] as const).map((style) => ({
    fast: recognizeTimexes(doc, seg, { style }),
    plain: recognizeTimexesReference(doc, seg, { style }),
  }));
}

// Words and phrases that the time parsers read, and some that only look like them.
const WORDS = (
  'the a an this that last next past coming previous preceding following same current latest early late mid earlier later ' +
  'before after ago from now hence or so of in on at during for over within recent recently many several few couple every each ' +
  'other once twice times per more additional trading business and half old long ahead end period quarter quarters fiscal full ' +
  'calendar year years month months week weeks day days decade decades century centuries hour hours minute minutes second seconds ' +
  'weekend weekends one two three four twenty twenty-one hundred thousand nineteen eighteen ninety oh first third fourth final ' +
  'latter most spring summer fall autumn winter morning mornings afternoon evening night nights tonight today yesterday tomorrow ' +
  'midmorning latemorning immediately shortly afterwards being time term near short long date to until through between presently ' +
  'nowadays these present future daily weekly annually quarterly noon midnight am pm o\'clock local GMT EST eighties parties ties ' +
  'nineteenth twentieth World War II Cold Great pandemic COVID Christmas Eve Day New Year\'s Thanksgiving Martin Luther King ' +
  'Memorial Labor May March January Feb. Sept. Oct Dec. June Monday Tuesday Friday Mondays Sundays Arab Spring Hotel April Q FY ' +
  'Easter Holy Good Palm Maundy Election Thursday Sunday'
).split(' ');
const NUMBERS = ['1990', '1990s', "'80s", '’90s', '2022', '1988', '10:30', '3', '12', '24th', '5', '2/24/2022', '2022-02-24', 'Q3', '1Q89',
  'FY2022', '12,000', '1.5', '9/11', '21st', '2021', '1', '11', '$5', '4%', '19', '10am', '10pm', '7:45', '3Q', 'a.m.', 'p.m.', 'P.M.', '11990',
  '020', '1/2', '½'];
const PHRASES = [
  'the September quarter of 2023', 'the March 2024 quarter', 'the financial year 2022-23', 'FY2023-24 budget', 'the 2024–25 financial year', 'fiscal year 2022/2023', 'FY 2012/13', 'the past twenty-one hundred and twenty-one and a half more trading years and a half long', 'every twenty one hundred and twenty one years',
  'earlier the same fiscal year before', 'the first two quarters of fiscal year 1990', 'a couple of weeks or so from now', 'the day before yesterday',
  'for the time being', 'this past fall of 2021', 'last May 5, 2020', '24th of February, 2023', 'March 3 - 4', 'April 24 and 25',
  "11 o'clock in the morning", '10:30 a.m. local time', 'in    the   early   morning', 'the year two thousand and twenty one',
  'nineteen ninety-six', 'the end of World War II', 'since the Cold War', 'after the COVID-19 pandemic', 'next Martin Luther King Day',
  'the 1988 third quarter', 'quarter of a year ago', "last year's quarter", 'the most recent quarter', 'the next few weeks ahead', 'later that same night', 'early that morning', 'the night before', 'the morning after',
  'decades-long', "mid-'90s", 'the mid-1990s', 'year-end', "year's end", 'Tuesday nights', 'three times a year', 'the comparable year-earlier quarter',
  'two - - year', 'the\tpast\t\ttwo  years', 'immediately afterwards', 'in the fiscal year ending in March', 'Friday, Oct. 13',
  '5 p.m. EST, Nov. 9', 'the week of March 6', 'from January to December 2022', 'between 2020 and 2021', 'the winter of 1994',
  "this year's third quarter", 'nearly two weeks ago', 'late September', 'the beginning of May', 'Q3 2022', '2022 Q3', 'the eighties',
  'the 20th century', 'the twenty-first century', 'over the years', 'in recent years', 'half an hour', 'an hour and a half',
  "10:30 o'clock in the morning", '9 at night', '4 in the afternoon', 'noonday', 'the fall of the Berlin Wall', 'the 9/11 attacks',
  'World War I', 'the Great War', 'Russia\'s annexation of Crimea', 'two thousand and one', 'earlier that same year', 'last Easter',
  'the last century', 'next Good Friday', 'Holy Week', "at six o'clock", 'the weekend after next', 'two full days', 'the coming days',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '-', ' - ', ', ', '. ', '\n', ' \t ', '', "'s ", ' (', ') ', '\u00a0', '–', '/', ': '];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
);
const cased = fc.tuple(piece, fc.constantFrom('as is', 'as is', 'Capital', 'UPPER')).map(([w, c]) =>
  c === 'Capital' ? w.charAt(0).toUpperCase() + w.slice(1) : c === 'UPPER' ? w.toUpperCase() : w,
);
const timeishText = fc.array(fc.tuple(cased, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 40 }).map((parts) =>
  parts.map(([w, s]) => w + s).join(''),
);

describe('anchored scan of the time parsers', () => {
  it('has anchors for every parser, checked against its current pattern', () => {
    const status = anchorTableStatus();
    const missing = TIME_PARSERS.filter((p) => !status.some((s) => s.parser === p)).map((p) => p.name);
    const stale = status.filter((s) => !s.recorded.includes(s.current)).map((s) => `${s.parser.name} (now ${s.current})`);
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it.each(PHRASES.map((p) => [p]))('finds in "%s" what the plain scan finds', (phrase) => {
    for (const text of [phrase, `In ${phrase}.`, `${phrase}\n${phrase}`, `x ${phrase} y`]) {
      for (const { fast, plain } of both(text)) expect(fast).toEqual(plain);
    }
  });

  it('finds on random time-ish text exactly what the plain scan finds, with offsets that slice back to the text', () => {
    fc.assert(
      fc.property(timeishText, (text) => {
        for (const { fast, plain } of both(text)) {
          expect(fast).toEqual(plain);
          for (const t of fast) {
            expect(t.start).toBeGreaterThanOrEqual(0);
            expect(t.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(t.start, t.end)).toBe(t.text);
          }
        }
      }),
      // TIME_SCAN_RUNS=50000 for a longer search after changing anchors or patterns.
      { numRuns: Number(process.env.TIME_SCAN_RUNS ?? 1500) },
    );
  });

  it('finds as much as the plain scan in long texts where windows lie far apart', () => {
    // Over 4096 tokens, so that the index's token buffers grow on the way.
    const filler = 'the assembly adopted a resolution without a vote; ';
    const text = `${filler.repeat(40)}in the past two years ${filler.repeat(600)}on March 3, 2021 ${filler.repeat(3)}the eighties`;
    for (const { fast, plain } of both(text)) {
      expect(fast).toEqual(plain);
      expect(fast.length).toBeGreaterThan(0);
    }
  });

  it('scans the whole text for a parser without anchors', () => {
    const parser: TimeParser = {
      name: 'test.no-anchors',
      pattern: /\bzebra\b/g,
      extract: (m) => ({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: 'X', rule: 'test' }),
    };
    expect(scanParsers([parser], 'a zebra, another zebra').map((c) => c.start)).toEqual([2, 17]);
    expect(scanParsers([parser], 'no such animal')).toEqual([]);
  });
});

// Every stage after the parsers reads candidates of one shape (time-parser.ts, candidate): the same fields in the
// same order whatever parser made them, and lists of one elements kind; V8 recompiled the refiners for each other.
describe('candidate shape', () => {
  it('is the same for every candidate of every parser', () => {
    const text =
      'On 5 March 2003, three years ago, the company reported its third-quarter results for the fiscal year 2002. ' +
      'Every Monday morning since World War II, about two weeks later, from January to March 2021, last year, the 1990s, ' +
      'at 10 p.m. Wednesday, during the weekend, on Christmas Day, the same period, year-end, nineteen ninety-seven.';
    const found = scanParsers(TIME_PARSERS, text);
    const rules = new Set(found.map((c) => c.rule));
    expect(rules.size).toBeGreaterThan(10);
    const keys = found.map((c) => Object.keys(c).join(','));
    expect(new Set(keys)).toEqual(new Set(['start,end,type,value,mod,range,inferred,rule']));
  });
});
