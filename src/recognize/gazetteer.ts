import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SurfaceMatcher } from './surface-matcher.js';
import type { Entity, EntityKind, Office, Sector } from '../model/entity.js';

/** How a surface form refers to its entity: by name, or as a modifier/demonym of a state. */
export type SurfaceForm = 'name' | 'adjectival' | 'demonym';

/** One dictionary entry of the automaton. */
export interface SurfaceEntry {
  surface: string;
  entity: string;
  kind: EntityKind;
  form: SurfaceForm;
}

/** Broad office classes that titles in text map onto. */
export type OfficeRole = 'hos' | 'hog' | 'fm' | 'sg' | 'other';

/** One term of office, as listed in office-holders.tsv. */
export interface OfficeTerm {
  person: string;
  role: OfficeRole;
  title: string;
  /** Entity id of the state or organisation the office belongs to. */
  country: string;
  start: string;
  end?: string;
}

export interface Gazetteer {
  entities: Map<string, Entity>;
  /** Compiled once per data directory; case-sensitive, reports UTF-16 ranges. */
  matcher: SurfaceMatcher<SurfaceEntry>;
  /** All office terms, for period-dependent resolution. */
  offices: OfficeTerm[];
  /** Lower-cased surname -> person entity ids (surnames are never matched alone without a title). */
  surnames: Map<string, string[]>;
  /** Capital city place id -> state id, for "Moscow"/"Tokyo" standing for governments. */
  capitals: Map<string, string>;
  /** Adjectival or short-name surface -> state id (used to find the state inside "Government of Japan"). */
  stateForms: Map<string, string>;
  /** Bloc ids of regional groupings that can be coordinated ("Central Asian and Caucasus countries"), by their modifier. */
  blocModifiers: Map<string, string>;
  /** Bloc id -> member state ids (membership as listed in blocs.tsv, not dated). */
  blocMembers: Map<string, string[]>;
}

const cache = new Map<string, Gazetteer>();

function defaultDataDir(): string {
  // src/recognize/ under vitest and dist/recognize/ after tsc are both two levels below the repo root.
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

/** Rows of a TSV file without its `#` comment lines; missing trailing cells become ''. */
export function readTsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((cell) => cell.trim()));
}

function list(cell: string | undefined): string[] {
  return (cell ?? '').split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/** An id made of a name: lower-case ASCII letters and digits, other runs as one hyphen, at most 80 long. */
export function slugify(text: string): string {
  return asciiSlug(text) ?? slugOf(text);
}

/**
 * The slug of a text of ASCII characters only, in one pass (for these, the normalisation and the
 * expressions of slugOf change nothing but what this loop does), or null for any other text.
 * Names built from the text are slugged for every mention, and the five passes of slugOf cost more.
 */
function asciiSlug(text: string): string | null {
  let out = '';
  let gap = false; // a run of characters other than letters and digits since the last one kept
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return null;
    if (c === 39) continue; // apostrophes go before runs are joined: "People's" -> "peoples"
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out !== '') out += '-';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out.slice(0, 80);
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** English plural of a demonym ("Russian" -> "Russians"); invariable ones ("Japanese", "Swiss") stay. */
function pluralDemonym(word: string): string | null {
  if (/(ese|ss|sh|ch|i|s|x|z)$/i.test(word) || word.includes(' ')) return null;
  if (/man$/.test(word)) return word.replace(/man$/, 'men');
  return word + 's';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function loadGazetteer(dataDir?: string): Gazetteer {
  const dir = dataDir ?? defaultDataDir();
  const cached = cache.get(dir);
  if (cached) return cached;

  const entities = new Map<string, Entity>();
  const entries: SurfaceEntry[] = [];
  const seen = new Set<string>();
  const add = (surface: string, entity: string, kind: EntityKind, form: SurfaceForm): void => {
    const variants = [surface];
    // Typeset text writes "Da’esh" and "People’s" with a curly apostrophe.
    if (surface.includes("'")) variants.push(surface.replace(/'/g, '’'));
    // Lower-case-initial names ("four-island exchange program", "the West") also start sentences.
    if (/^[a-z]/.test(surface)) variants.push(...variants.map(capitalise));
    for (const v of variants) {
      const key = `${v}\u0000${entity}\u0000${form}`;
      if (v.length < 2 || seen.has(key)) continue;
      seen.add(key);
      entries.push({ surface: v, entity, kind, form });
    }
  };
  const stateForms = new Map<string, string>();
  const capitals = new Map<string, string>();

  for (const [iso3, iso2, official, short, others, adjectivals, demonyms, wikidata] of readTsv(join(dir, 'states.tsv'))) {
    if (!iso3 || !official || !short) continue;
    const id = `state:${iso3}`;
    const names = [short, official, ...list(others)];
    const adjs = list(adjectivals);
    const dems = list(demonyms);
    entities.set(id, {
      id, kind: 'state', name: short, aliases: [...new Set([official, ...list(others), ...adjs])],
      iso3, ...(wikidata ? { wikidata } : {}), sector: 'GOV', source: 'data/states.tsv',
    });
    for (const n of names) {
      add(n, id, 'state', 'name');
      stateForms.set(n, id);
      // "the Russian Federation", "the Republic of Korea" are written with the article.
      if (/^(Republic|Kingdom|State|Federation|Union|Commonwealth|Principality|Sultanate|Grand Duchy)\b/.test(n)) add(`the ${n}`, id, 'state', 'name');
    }
    if (iso2 && iso2.length === 2) stateForms.set(iso2, id);
    for (const a of adjs) {
      add(a, id, 'state', 'adjectival');
      stateForms.set(a, id);
    }
    for (const d of dems) {
      const plural = pluralDemonym(d);
      if (plural) add(plural, id, 'state', 'demonym');
      if (!adjs.includes(d)) add(d, id, 'state', 'demonym');
    }
  }

  const blocModifiers = new Map<string, string>();
  const blocMembers = new Map<string, string[]>();
  for (const [id, name, aliases, members, wikidata] of readTsv(join(dir, 'blocs.tsv'))) {
    if (!id || !name) continue;
    entities.set(id, {
      id, kind: 'bloc', name, aliases: list(aliases), ...(wikidata ? { wikidata } : {}), sector: 'IGO',
      source: 'data/blocs.tsv',
    });
    blocMembers.set(id, list(members).map((m) => `state:${m}`));
    for (const n of [name, ...list(aliases)]) {
      add(n, id, 'bloc', 'name');
      const mod = /^(.+) (countries|states|nations)$/.exec(n);
      if (mod?.[1] && !/^(the|of)\b/.test(mod[1])) blocModifiers.set(mod[1], id);
    }
  }

  for (const [id, kind, name, aliases, country, sector, wikidata] of readTsv(join(dir, 'organizations.tsv'))) {
    if (!id || !name) continue;
    const k = (kind === 'other' ? 'other' : 'organization') as EntityKind;
    entities.set(id, {
      id, kind: k, name, aliases: list(aliases), ...(wikidata ? { wikidata } : {}), ...(country ? { country } : {}),
      ...(sector ? { sector: sector as Sector } : {}), source: 'data/organizations.tsv',
    });
    for (const n of [name, ...list(aliases)]) add(n, id, k, 'name');
  }

  for (const [id, name, aliases, , parties, wikidata] of readTsv(join(dir, 'agreements.tsv'))) {
    if (!id || !name) continue;
    entities.set(id, {
      id, kind: 'agreement', name, aliases: list(aliases), ...(wikidata ? { wikidata } : {}),
      ...(list(parties).length === 1 ? { country: `state:${list(parties)[0]}` } : {}), source: 'data/agreements.tsv',
    });
    for (const n of [name, ...list(aliases)]) add(n, id, 'agreement', 'name');
  }

  for (const [id, name, aliases, type, country, , wikidata] of readTsv(join(dir, 'places.tsv'))) {
    if (!id || !name) continue;
    entities.set(id, {
      id, kind: 'place', name, aliases: list(aliases), ...(wikidata ? { wikidata } : {}), ...(country ? { country } : {}),
      source: 'data/places.tsv',
    });
    if (type === 'capital' && country) capitals.set(id, country);
    // The U.S. state shares its name with the country; only context picks it (see recognize-entities).
    if (id === 'place:georgia-us') continue;
    for (const n of [name, ...list(aliases)]) add(n, id, 'place', 'name');
  }

  const offices: OfficeTerm[] = [];
  const surnames = new Map<string, string[]>();
  for (const [name, aliases, surname, title, role, country, start, end, wikidata] of readTsv(join(dir, 'office-holders.tsv'))) {
    if (!name || !title || !start) continue;
    const id = wikidata ? `person:${wikidata}` : `person:${slugify(name)}`;
    const countryId = !country ? undefined : country.includes(':') ? country : `state:${country}`;
    const office: Office = { title, ...(countryId ? { country: countryId } : {}), start, ...(end ? { end } : {}) };
    const existing = entities.get(id);
    if (existing) {
      existing.offices = [...(existing.offices ?? []), office];
      for (const a of list(aliases)) if (!existing.aliases.includes(a)) existing.aliases.push(a);
    } else {
      entities.set(id, {
        id, kind: 'person', name, aliases: list(aliases), ...(wikidata ? { wikidata } : {}),
        ...(countryId?.startsWith('state:') ? { country: countryId } : {}), sector: 'GOV', offices: [office],
        source: 'data/office-holders.tsv',
      });
    }
    offices.push({ person: id, role: (role || 'other') as OfficeRole, title, country: countryId ?? '', start, ...(end ? { end } : {}) });
    add(name, id, 'person', 'name');
    // Aliases that are a single word ("Putin") are listed only where the surname is unambiguous on its own.
    for (const a of list(aliases)) add(a, id, 'person', 'name');
    const sn = list(surname);
    if (sn.length === 0) sn.push(name.split(/\s+/).at(-1) ?? name);
    for (const s of sn) {
      const key = s.toLowerCase();
      const ids = surnames.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      surnames.set(key, ids);
    }
  }

  const matcher = new SurfaceMatcher<SurfaceEntry>(entries.map((e) => ({ pattern: e.surface, data: e })));
  const gaz: Gazetteer = { entities, matcher, offices, surnames, capitals, stateForms, blocModifiers, blocMembers };
  cache.set(dir, gaz);
  return gaz;
}
