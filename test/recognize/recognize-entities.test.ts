import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadGazetteer } from '../../src/recognize/gazetteer.js';
import { recognizeEntities } from '../../src/recognize/recognize-entities.js';
import { makeDoc } from '../helpers/make-doc.js';

const gaz = loadGazetteer();
const recognise = (text: string, year = 2022) => {
  const { doc, seg } = makeDoc(text, year);
  return recognizeEntities(doc, seg, gaz).mentions;
};
const pick = (text: string) => recognise(text).map((m) => [m.text, m.kind, m.entity, m.rule]);

describe('recognizeEntities: gazetteer matches', () => {
  it.each([
    ['Canada and Mexico signed it.', [['Canada', 'state', 'state:CAN', 'gazetteer.name'], ['Mexico', 'state', 'state:MEX', 'gazetteer.name']]],
    ['Turkey hosted the talks.', [['Turkey', 'state', 'state:TUR', 'gazetteer.name']]],
    ['Norwegian diplomats arrived.', [['Norwegian', 'state', 'state:NOR', 'gazetteer.adjectival']]],
    ['Many Ukrainians left.', [['Ukrainians', 'state', 'state:UKR', 'gazetteer.demonym']]],
    ['Ships crossed the South China Sea.', [['South China Sea', 'place', 'place:south-china-sea', 'gazetteer.name']]],
    ['The Republic of Korea voted.', [['Republic of Korea', 'state', 'state:KOR', 'gazetteer.name']]],
    ['Papua New Guinea objected.', [['Papua New Guinea', 'state', 'state:PNG', 'gazetteer.name']]],
    ['Georgia protested strongly.', [['Georgia', 'state', 'state:GEO', 'gazetteer.name']]],
    ['Leaders agreed at NATO headquarters.', [['NATO', 'bloc', 'bloc:NATO', 'gazetteer.name']]],
    ['Sanctions by the West continued.', [['West', 'bloc', 'bloc:WEST', 'gazetteer.name']]],
  ])('%s', (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });

  it.each([
    ['We met in May and again in March.'],
    ['They served roast turkey and china plates.'],
    ['The China Sea was calm.'.replace('The ', 'A ').replace('A China', 'The so-called China')],
    ['Georgia Smith, a teacher, spoke first.'],
    ['Nigerians'.slice(0, 0) + 'A nigerian-style stew.'],
    ['Russianness is not a state.'],
  ])('finds no entity in %s', (text) => {
    expect(recognise(text).filter((m) => m.kind === 'state')).toEqual([]);
  });

  it('takes Georgia after "state of" as the U.S. state', () => {
    expect(pick('He flew to the U.S. state of Georgia.').filter((m) => m[0] === 'Georgia')).toEqual([['Georgia', 'place', 'place:georgia-us', 'gazetteer.us-state']]);
  });
});

describe('recognizeEntities: pattern rules', () => {
  it.each([
    ['Chancellor Olaf Scholz arrived.', 'Olaf Scholz', 'person', 'title-name'],
    ['Foreign Minister Dmytro Kuleba spoke.', 'Dmytro Kuleba', 'person', 'title-name'],
    ['Minister of Agriculture Ivan Petrovich Sidorov attended.', 'Ivan Petrovich Sidorov', 'person', 'title-name'],
    ['President of Finland Sauli Niinistö spoke.', 'Sauli Niinistö', 'person', 'title-name'],
    ['He met the Prime Minister of Canada yesterday.', 'Prime Minister of Canada', 'person', 'title-office'],
    ['The Government of Peru protested.', 'Government of Peru', 'organization', 'gov-body'],
    ['The Brazilian government protested.', 'Brazilian government', 'organization', 'gov-body'],
    ['The Indian Foreign Ministry said so.', 'Indian Foreign Ministry', 'organization', 'gov-body'],
    ['The Embassy of Chile in Spain closed.', 'Embassy of Chile in Spain', 'organization', 'mission'],
    ['The Consulate-General of Italy in Osaka reopened.', 'Consulate-General of Italy in Osaka', 'organization', 'mission'],
    ['They signed the Lima Fisheries Cooperation Agreement.', 'Lima Fisheries Cooperation Agreement', 'agreement', 'named.agreement'],
    ['The Treaty on Maritime Boundaries between the Parties entered into force.', 'Treaty on Maritime Boundaries between the Parties', 'agreement', 'named.agreement'],
    ['The Arctic Research Council met.', 'Arctic Research Council', 'organization', 'named.organization'],
    ['The Baltic Security Summit ended.', 'Baltic Security Summit', 'other', 'named.other'],
    ['Navies held the exercise “Ocean Shield 2021” in June.', 'Ocean Shield 2021', 'other', 'quoted-exercise'],
    ['The Japanese side objected.', 'The Japanese side', 'state', 'state-side'],
    ['Trade between the two countries grew.', 'the two countries', 'state', 'plural-ref'],
  ])('%s -> %s', (text, surface, kind, rule) => {
    const m = recognise(text).find((x) => x.text === surface);
    expect(m, JSON.stringify(recognise(text))).toBeDefined();
    expect(m?.kind).toBe(kind);
    expect(m?.rule).toBe(rule);
  });

  it('keeps "Prime Minister May" as a person but never the month', () => {
    expect(pick('Prime Minister May spoke in May.')).toEqual([['May', 'person', null, 'title-name']]);
  });

  it('splits coordinated groupings into two blocs', () => {
    expect(pick('Trade with the Central Asian and Caucasus countries rose.')).toEqual([
      ['Central Asian', 'bloc', 'bloc:CENTRAL-ASIA', 'bloc-coordination'],
      ['Caucasus countries', 'bloc', 'bloc:CAUCASUS', 'bloc-coordination'],
    ]);
  });

  it('does not run two names together', () => {
    const names = recognise('It breaches the Vienna Convention on Diplomatic Relations and the Istanbul Consular Convention.').map((m) => m.text);
    expect(names).toContain('Vienna Convention on Diplomatic Relations');
    expect(names).toContain('Istanbul Consular Convention');
  });

  it('defines acronyms for the rest of the text', () => {
    const ms = recognise('The Northern Fisheries Commission (NFC) met.\nThe NFC agreed.');
    expect(ms.filter((m) => m.text === 'NFC').map((m) => m.rule)).toEqual(['acronym', 'acronym']);
  });

  it('never overlaps two mentions', () => {
    const ms = recognise('Russian President Vladimir Putin met the Chinese Foreign Ministry in the East China Sea.');
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });
});

describe('recognizeEntities: properties', () => {
  it('mention spans are valid and slice to their text for any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('Japan', 'Prime Minister ', 'Government of ', 'the two countries', '“X 1” exercise', ' (AB)', 'Treaty', '\n', 'Georgia ', 'Russian side')), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          const ms = recognise(text);
          for (const m of ms) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.end).toBeGreaterThan(m.start);
            expect(text.slice(m.start, m.end)).toBe(m.text);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('recognizeEntities: references, modifiers and named things (second round)', () => {
  const recogniseFrom = (text: string, source: string) => {
    const { doc, seg } = makeDoc(text, 2019, 'test-doc', source);
    return recognizeEntities(doc, seg, gaz);
  };

  it.each([
    ['Russia tightened control, and the administration suppressed protests.', 'the administration', 'organization', 'administration-ref'],
    ['The Trump administration imposed tariffs.', 'Trump administration', 'organization', 'administration-ref'],
    ['The two States agreed on a ceasefire.', 'The two States', 'state', 'plural-ref'],
    ['China deployed its military (Army, Navy, and Air Force) at once.', 'Air Force', 'organization', 'gov-body.branch'],
    ['Through Operation Euphrates Shield, the border was secured.', 'Operation Euphrates Shield', 'other', 'named-operation'],
    ['The Arctic Research Council (Polar Board) met.', 'Polar Board', 'organization', 'parenthetical-alias'],
    ['The Workers Party won the election.', 'Workers Party', 'organization', 'named.organization'],
    ['The threat of Da’esh grew.', 'Da’esh', 'organization', 'gazetteer.name'],
  ])('%s -> %s', (text, surface, kind, rule) => {
    const m = recognise(text).find((x) => x.text === surface);
    expect(m, JSON.stringify(recognise(text))).toBeDefined();
    expect(m?.kind).toBe(kind);
    expect(m?.rule).toBe(rule);
  });

  it.each([
    ['They joined a Russian military exercise.', 'Russian', 'Russian military'],
    ['Both fought in the Korean War.', null, 'Korean'],
    ['It adopted the Joint Comprehensive Plan of Action on the Iranian nuclear programme.', 'Joint Comprehensive Plan of Action', 'Joint Comprehensive Plan of Action on the Iranian'],
    ['They met at the Global Counterterrorism Forum and the United States-led coalition.', 'Global Counterterrorism Forum', 'Global Counterterrorism Forum and the United States-led'],
    ['The Central Asia-Russia Summit was held in Astana.', 'Central Asia', 'Central Asia-Russia Summit'],
    ['Turkey is the country most affected by the threat.', 'Turkey', 'the country'],
    ['The States Party must report each year.', null, 'States Party'],
  ])('in %j finds %j, not %j', (text, wanted, unwanted) => {
    const texts = recognise(text).map((m) => m.text);
    if (wanted) expect(texts).toContain(wanted);
    expect(texts).not.toContain(unwanted);
  });

  it('recognises first-person references only when the document has a speaker', () => {
    const speech = recogniseFrom('We welcome the agreement.\nMy country has ratified it.\nOur Government will act.', 'JPN_72_2017.txt');
    expect(speech.mentions.map((m) => [m.text, m.rule])).toEqual([
      ['We', 'speaker-pronoun'], ['My country', 'speaker-country'], ['Our Government', 'speaker-government'],
    ]);
    expect(speech.messages.map((m) => m.rule)).toContain('recognize.speaker.filename-iso3');
    const report = recogniseFrom('We welcome the agreement.\nMy country has ratified it.\nUnder my Administration, growth returned.', 'diplomatic-bluebook-2023.txt');
    expect(report.mentions).toEqual([]);
  });

  it('keeps modifier rule ids that the extract stage reads as modifiers', () => {
    const m = recognise('Norwegian diplomats arrived.')[0];
    expect(m?.rule).toMatch(/adjectiv|demonym|modifier/);
  });
});

describe('recognizeEntities: offsets with speaker references (property)', () => {
  it('every mention slices to its text, lies inside the text and mentions do not overlap except plural references', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('We welcome ', 'our citizens ', 'My country ', 'the administration ', 'Russia ', 'Operation Desert Fox ', 'Viasna (Spring) ', 'the Russian side ', 'Da’esh ', '\n', '. ', '?')), { maxLength: 14 }),
        (parts) => {
          const text = parts.join('');
          const { doc, seg } = makeDoc(text, 2019, 'test-doc', 'RUS_73_2018.txt');
          const ms = recognizeEntities(doc, seg, gaz).mentions;
          for (const [i, m] of ms.entries()) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.end).toBeGreaterThan(m.start);
            expect(text.slice(m.start, m.end)).toBe(m.text);
            if (i > 0) expect(m.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('recognizeEntities: the first document read with a gazetteer', () => {
  // The first document also primes the rules with phrases of its own; none of their names may show.
  it.each([
    [''],
    ['No names at all here.'],
    ['The Committee noted the Treaty on the Seabed and the Beta-led mission.'],
    ['Canada and the States Party agreed.'],
  ])('finds what a later document would in %j', (text) => {
    const fresh = loadGazetteer();
    const { doc, seg } = makeDoc(text, 2022);
    const first = recognizeEntities(doc, seg, fresh).mentions;
    expect(first).toEqual(recognise(text));
    expect(first.every((m) => m.start >= 0 && m.end <= text.length && m.text === text.slice(m.start, m.end))).toBe(true);
  });
});
