import type { ExportJson } from './export-types.js';

type Entity = ExportJson['entities'][number];
type Mention = ExportJson['mentions'][number];

/** PLOVER's top-level codes for actors that belong to no state (manual, "Actor codes"). */
export const NON_STATE_CODES = new Set(['IGO', 'NGO', 'ISM', 'IMG', 'MNC']);

/**
 * Lookups shared by the event-data exports (PLOVER, GDELT, JSON-LD): entities by id, the ISO 3166
 * alpha-3 code of the state an actor belongs to, and the words that name an actor in a sentence.
 */
export class EventActors {
  private readonly entities: Map<string, Entity>;
  private readonly mentions = new Map<string, Mention[]>();

  constructor(data: ExportJson) {
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    for (const m of data.mentions) {
      if (!m.entity) continue;
      const k = `${m.doc}\t${m.entity}`;
      const list = this.mentions.get(k);
      if (list) list.push(m); else this.mentions.set(k, [m]);
    }
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  /** ISO3 of the state itself, or of the state an organisation or person belongs to; null when unknown. */
  country(id: string): string | null {
    const e = this.entities.get(id);
    if (e?.iso3) return e.iso3;
    const ref = e?.kind === 'state' ? id : e?.country;
    if (!ref) return null;
    return this.entities.get(ref)?.iso3 ?? /^state:([A-Z]{3})$/.exec(ref)?.[1] ?? null;
  }

  /** PLOVER actor code: the state's ISO3, else a non-state code (IGO, NGO, ...) when the sector says so. */
  code(id: string): string | null {
    const sector = this.entities.get(id)?.sector;
    return this.country(id) ?? (sector && NON_STATE_CODES.has(sector) ? sector : null);
  }

  /** Sector code, unless it already serves as the top-level code (an IGO with no state). */
  sector(id: string): string | null {
    const sector = this.entities.get(id)?.sector;
    if (!sector) return null;
    return sector === this.code(id) ? null : sector;
  }

  /** The text of the first mention of the entity inside [start, end) of the document, if any. */
  textIn(doc: string, id: string, start: number, end: number): string | null {
    for (const m of this.mentions.get(`${doc}\t${id}`) ?? []) if (m.start >= start && m.end <= end) return m.text;
    return null;
  }

  /** Title of the office the person held on the given ISO date (or the only office when undated). */
  office(id: string, date: string | null): string | null {
    const offices = (this.entities.get(id)?.offices ?? []) as Array<{ title?: string; start?: string; end?: string }>;
    const held = date
      ? offices.filter((o) => (!o.start || o.start <= date) && (!o.end || date <= o.end))
      : offices.length === 1 ? offices : [];
    return held[0]?.title ?? null;
  }
}
