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
    expect(linked('The Russian side refused.')).toEqual([['Russian side', 'state:RUS']]);
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
