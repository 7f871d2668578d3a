import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadGazetteer } from '../../src/recognize/gazetteer.js';
import { recognizeEntities } from '../../src/recognize/recognize-entities.js';
import { resolveEntities } from '../../src/resolve/resolve-entities.js';
import { makeDoc } from '../helpers/make-doc.js';

const gaz = loadGazetteer();
const run = (text: string, year = 2022) => {
  const { doc, seg } = makeDoc(text, year);
  const rec = recognizeEntities(doc, seg, gaz);
  return resolveEntities(doc, seg, rec.mentions, gaz);
};
const linked = (text: string, year = 2022) => run(text, year).mentions.map((m) => [m.text, m.entity]);

describe('resolveEntities: office holders by report period', () => {
  it.each([
    ['Prime Minister Kishida visited Kyiv.', 2022, 'Kishida', 'person:fumio-kishida'],
    ['Prime Minister Abe visited Sochi.', 2016, 'Abe', 'person:Q132345'],
    ['He called the Prime Minister of Japan.', 2019, 'Prime Minister of Japan', 'person:Q132345'],
    ['He called the Prime Minister of Japan.', 2022, 'Prime Minister of Japan', 'person:fumio-kishida'],
    ['Japan\'s Foreign Minister protested.', 2018, 'Japan\'s Foreign Minister', 'person:taro-kono'],
    ['President Lukashenko refused.', 2022, 'Lukashenko', 'person:Q34782'],
    ['Foreign Minister Wang met them.', 2015, 'Wang', 'person:wang-yi'],
    ['President Moon met President Xi.', 2019, 'Moon', 'person:moon-jae-in'],
    ['Prime Minister May spoke.', 2017, 'May', 'person:Q264766'],
    ['Secretary of State Blinken arrived.', 2023, 'Blinken', 'person:antony-blinken'],
  ])('%s (%i): %s -> %s', (text, year, surface, id) => {
    const r = run(text, year);
    const m = r.mentions.find((x) => x.text === surface);
    expect(m?.entity).toBe(id);
    expect(r.entities.get(id)?.offices?.length).toBeGreaterThan(0);
  });

  it('marks period-based links as inferred', () => {
    const m = run('Prime Minister Kishida spoke.').mentions[0];
    expect(m?.inferred).toContain('office-holder');
  });

  it('links a past holder named in a later report to that holder', () => {
    const m = run('In 2016, Prime Minister Abe proposed a plan.', 2022).mentions.find((x) => x.text === 'Abe');
    expect(m?.entity).toBe('person:Q132345');
    expect(m?.inferred).toContain('outside-period');
  });
});

describe('resolveEntities: states, bodies and references', () => {
  it('links adjectival forms to the state but keeps the modifier rule', () => {
    const m = run('Belarusian officials left.').mentions[0];
    expect([m?.entity, m?.rule]).toEqual(['state:BLR', 'gazetteer.adjectival']);
    expect(run('Belarusian officials left.').entities.get('state:BLR')?.iso3).toBe('BLR');
  });

  it.each([
    ['The Government of Peru protested.', 'Government of Peru', 'org:gov-PER', 'state:PER', 'GOV'],
    ['The Indian Foreign Ministry said so.', 'Indian Foreign Ministry', 'org:mfa-IND', 'state:IND', 'GOV'],
    ['Turkish troops withdrew.', 'Turkish troops', 'org:mil-TUR', 'state:TUR', 'MIL'],
    ['The Embassy of Chile in Spain closed.', 'Embassy of Chile in Spain', 'org:embassy-of-chile-in-spain', 'state:CHL', 'GOV'],
  ])('%s', (text, surface, id, country, sector) => {
    const r = run(text);
    expect(r.mentions.find((m) => m.text === surface)?.entity).toBe(id);
    expect(r.entities.get(id)?.country).toBe(country);
    expect(r.entities.get(id)?.sector).toBe(sector);
  });

  it('resolves "the two countries" to the pair last named together, one mention each', () => {
    const r = run('Peru and Chile signed a deal.\nTrade between the two countries grew.');
    const pair = r.mentions.filter((m) => m.text === 'the two countries');
    expect(pair.map((m) => m.entity)).toEqual(['state:PER', 'state:CHL']);
    expect(pair.every((m) => m.inferred?.includes('plural-reference'))).toBe(true);
  });

  it('resolves "the Russian side" and "the country"', () => {
    expect(linked('The Russian side refused.')).toEqual([['The Russian side', 'state:RUS']]);
    expect(linked('Mali held elections.\nThe country is calm.')).toEqual([['Mali', 'state:MLI'], ['The country', 'state:MLI']]);
  });

  it('reads a capital as its government only when it acts', () => {
    expect(run('Tokyo protested the decision.').mentions[0]?.entity).toBe('state:JPN');
    expect(run('Tokyo protested the decision.').mentions[0]?.inferred).toEqual(['capital-metonymy']);
    expect(run('The talks were held in Tokyo.').mentions[0]?.entity).toBe('place:tokyo');
  });

  it('links a short form to the full name given earlier', () => {
    const r = run('They signed the Baltic Fisheries Framework Agreement.\nLater the Framework Agreement was suspended.');
    const ids = r.mentions.filter((m) => m.kind === 'agreement').map((m) => m.entity);
    expect(ids[0]).toBe(ids[1]);
    expect(r.mentions.at(-1)?.inferred).toEqual(['short-form']);
  });

  it('links a later surname to a person named in full earlier', () => {
    const r = run('Minister of Transport Ivan Petrovich Sidorov came.\nMinister Sidorov left.');
    const ids = r.mentions.filter((m) => m.kind === 'person').map((m) => m.entity);
    expect(ids).toEqual(['person:ivan-petrovich-sidorov', 'person:ivan-petrovich-sidorov']);
  });

  it('keeps unknown names as text entities and says so', () => {
    const r = run('The Arctic Research Council met.');
    const e = r.entities.get('org:arctic-research-council');
    expect(e?.source).toBe('text');
    expect(r.messages.some((m) => m.rule === 'resolve.unlinked-entity')).toBe(true);
  });

  it('gives every mention an entity present in the returned map', () => {
    const r = run('Prime Minister Kishida and President Biden met at the G7 Summit in Hiroshima.\nThe two leaders condemned the Russian government.');
    for (const m of r.mentions) expect(r.entities.has(m.entity ?? '')).toBe(true);
  });
});

describe('resolveEntities: properties', () => {
  it('never throws and keeps spans valid on any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('Japan and Russia', 'the two countries', 'Prime Minister ', 'Kishida', 'the country', 'Tokyo ', 'the Agreement', '\n', ' (XY)', 'Framework Agreement')), { maxLength: 12 }),
        fc.integer({ min: 1995, max: 2030 }),
        (parts, year) => {
          const text = parts.join('');
          const r = run(text, year);
          for (const m of r.mentions) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            expect(m.entity).not.toBeNull();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('resolveEntities: speaker, administration and other references (second round)', () => {
  const runFrom = (text: string, source: string, year = 2019) => {
    const { doc, seg } = makeDoc(text, year, 'test-doc', source);
    return resolveEntities(doc, seg, recognizeEntities(doc, seg, gaz).mentions, gaz);
  };

  it.each([
    ['We welcome the agreement.', 'JPN_72_2017.txt', 'We', 'state:JPN'],
    ['My delegation supports the draft resolution.', 'NGA_73_2018.txt', 'My delegation', 'state:NGA'],
    ['Our Government will host the conference.', 'KOR_73_2018.txt', 'Our Government', 'org:gov-KOR'],
    ['Under my Administration, growth returned.', 'BRA_74_2019.txt', 'my Administration', 'org:gov-BRA'],
    ['Statement by the Minister for Foreign Affairs of Japan\nWe strongly condemn the launch.', 'statement.txt', 'We', 'state:JPN'],
  ])('%s (%s): %s -> %s, inferred from the speaker', (text, source, surface, id) => {
    const m = runFrom(text, source).mentions.find((x) => x.text === surface);
    expect(m?.entity).toBe(id);
    expect(m?.inferred).toEqual(['speaker']);
  });

  it.each([
    // The speaker recognizeEntities inferred is the one resolved to, not inferred again from the file name.
    ['We welcome the agreement.', 'JPN_72_2017.txt', 'state:JPN', 'state:JPN'],
    ['We welcome the agreement.', 'JPN_72_2017.txt', 'state:KOR', 'state:KOR'],
    ['We welcome the agreement.', 'JPN_72_2017.txt', undefined, undefined],
  ])('%s (%s) with the speaker given as %s: "We" -> %s', (text, source, given, id) => {
    const { doc, seg } = makeDoc(text, 2019, 'test-doc', source);
    const rec = recognizeEntities(doc, seg, gaz);
    expect(rec.speaker?.state).toBe('state:JPN');
    const speaker = given ? { ...rec.speaker!, state: given } : undefined;
    const m = resolveEntities(doc, seg, rec.mentions, gaz, { speaker }).mentions.find((x) => x.text === 'We');
    expect(m?.entity).toBe(id);
  });

  it('leaves "we" unlinked in a report that has no speaker', () => {
    const r = runFrom('Japan protested.\nWe welcome the agreement.\nMy country has ratified it.', 'diplomatic-bluebook-2023.txt');
    expect(r.mentions.filter((m) => /^(?:We|My country)$/.test(m.text))).toEqual([]);
  });

  it.each([
    ['Russia tightened control. The administration suppressed the protests.', 'The administration', 'org:gov-RUS', 'country-context'],
    ['The Trump administration imposed tariffs.', 'Trump administration', 'org:gov-USA', 'office-holder'],
    ['The US administration imposed tariffs.', 'US administration', 'org:gov-USA', undefined],
  ])('%s: %s -> %s', (text, surface, id, why) => {
    const m = runFrom(text, 'report.txt').mentions.find((x) => x.text === surface);
    expect(m?.entity).toBe(id);
    if (why) expect(m?.inferred).toContain(why);
  });

  it('links "the two States" to both states named before', () => {
    const r = linked('China and Russia met.\nThe two States agreed.');
    expect(r.filter(([t]) => t === 'The two States').map(([, e]) => e).sort()).toEqual(['state:CHN', 'state:RUS']);
  });

  it('reads capital metonymy for governments and keeps the city after a locative', () => {
    expect(linked('Moscow rejected the proposal.')).toEqual([['Moscow', 'state:RUS']]);
    expect(linked('Beijing has protested.')).toEqual([['Beijing', 'state:CHN']]);
    expect(linked('The talks were held in Moscow.')).toEqual([['Moscow', 'place:moscow']]);
  });

  it('never takes the speaker\'s "we" as the antecedent of "the country"', () => {
    const r = runFrom('Iran broke the deal.\nAfter that, we imposed severe sanctions on the country.', 'USA_74_2019.txt');
    expect(r.mentions.find((m) => m.text === 'the country')?.entity).toBe('state:IRN');
  });

  it.each([
    ['The Government of Japan protested.\nThe Government of Japan acted.\nSee the Ministry of Foreign Affairs website.', 'Ministry of Foreign Affairs', 'org:mfa-JPN'],
    ['They joined the Paris Agreement on Climate Change.', 'Paris Agreement on Climate Change', 'agreement:paris'],
    ['The Arctic Research Council (Polar Board) met.', 'Polar Board', 'org:arctic-research-council'],
    ['Viasna (Spring) was founded in 1996.', 'Spring', 'org:VIASNA'],
  ])('%s: %s -> %s', (text, surface, id) => {
    expect(linked(text).find(([t]) => t === surface)?.[1]).toBe(id);
  });

  it.each([
    ['Georgia Smith, a teacher, spoke.', 'Georgia'],
    ['Ships crossed the South China Sea.', 'China'],
    ['They met in May.', 'May'],
  ])('links nothing to a state in %j', (text, surface) => {
    expect(linked(text).filter(([t, e]) => t === surface && String(e).startsWith('state:'))).toEqual([]);
  });

  it('links Georgia the state and Turkey the state', () => {
    expect(linked('Georgia and Turkey signed a memorandum.')).toEqual([['Georgia', 'state:GEO'], ['Turkey', 'state:TUR']]);
  });

  it('resolved mentions keep valid offsets for any mix of references (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('We welcome ', 'our Government ', 'the administration ', 'China and Russia ', 'the two countries ', 'the country ', 'Moscow said ', '\n')), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          const r = runFrom(text, 'CHN_71_2016.txt');
          for (const m of r.mentions) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            if (m.entity) expect(r.entities.has(m.entity)).toBe(true);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
