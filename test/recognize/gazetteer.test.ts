import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGazetteer, readTsv, slugify } from '../../src/recognize/gazetteer.js';

describe('loadGazetteer (shipped data)', () => {
  const gaz = loadGazetteer();

  it('has every UN member and both observers', () => {
    const states = [...gaz.entities.values()].filter((e) => e.kind === 'state');
    expect(states).toHaveLength(195);
    const iso3 = new Set(states.map((s) => s.iso3));
    expect(iso3.size).toBe(195);
    for (const code of ['JPN', 'RUS', 'BLR', 'UKR', 'TUR', 'GEO', 'VAT', 'PSE', 'SSD', 'TLS']) expect(iso3.has(code)).toBe(true);
  });

  it.each([
    ['state:JPN', 'Japan', 'Q17'],
    ['state:RUS', 'Russia', 'Q159'],
    ['state:TUR', 'Türkiye', 'Q43'],
  ])('%s is named %s with Wikidata %s', (id, name, q) => {
    const e = gaz.entities.get(id);
    expect(e?.name).toBe(name);
    expect(e?.wikidata).toBe(q);
  });

  it('is cached per directory', () => {
    expect(loadGazetteer()).toBe(gaz);
  });

  it('merges the terms of one person into one entity', () => {
    const putin = gaz.entities.get('person:Q7747');
    expect(putin?.offices?.length).toBeGreaterThanOrEqual(3);
    expect(putin?.country).toBe('state:RUS');
  });

  it('indexes surnames, including surname-first names', () => {
    expect(gaz.surnames.get('kishida')).toContain('person:fumio-kishida');
    expect(gaz.surnames.get('xi')).toContain('person:Q15031');
  });

  it('knows bloc members and capitals', () => {
    expect(gaz.blocMembers.get('bloc:G7')).toContain('state:JPN');
    expect(gaz.blocMembers.get('bloc:CSTO')).toContain('state:BLR');
    expect(gaz.capitals.get('place:moscow')).toBe('state:RUS');
  });

  it('every office term has ISO dates and a known role', () => {
    for (const t of gaz.offices) {
      expect(t.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (t.end) {
        expect(t.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(t.end >= t.start).toBe(true);
      }
      expect(['hos', 'hog', 'fm', 'sg', 'other']).toContain(t.role);
    }
  });

  it('reports UTF-16 ranges that slice back to the surface', () => {
    const text = '🙂 Côte d\'Ivoire and Türkiye';
    for (const hit of gaz.matcher.search(text)) expect(text.slice(hit.start, hit.end)).toBe(hit.pattern);
  });
});

describe('loadGazetteer (own fixture directory)', () => {
  it('reads a minimal data set and ignores comment lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
    writeFileSync(join(dir, 'states.tsv'), '# header\nAAA\tAA\tRepublic of Aland\tAland\t\tAlandic\tAlander\t\tmember\n');
    for (const f of ['blocs.tsv', 'organizations.tsv', 'agreements.tsv', 'places.tsv', 'office-holders.tsv']) writeFileSync(join(dir, f), '# empty\n');
    const gaz = loadGazetteer(dir);
    expect([...gaz.entities.keys()]).toEqual(['state:AAA']);
    expect(gaz.matcher.search('the Alanders met').map((h) => h.data?.form)).toContain('demonym');
    expect(readTsv(join(dir, 'states.tsv'))).toHaveLength(1);
  });
});

describe('slugify', () => {
  it.each([
    ['Ministry of Foreign Affairs', 'ministry-of-foreign-affairs'],
    ["People's Liberation Army", 'peoples-liberation-army'],
    ['People’s Liberation Army', 'peoples-liberation-army'],
    ['  --The  "Alpha" Plan (2020)--  ', 'the-alpha-plan-2020'],
    ["O ' Neill", 'o-neill'],
    ['Łukasz Café Zürich', 'ukasz-cafe-zurich'],
    ['Ｆｕｌｌwidth', 'fullwidth'],
    ['--', ''],
    ['', ''],
    ['a'.repeat(79) + ' b c', `${'a'.repeat(79)}-`],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});
