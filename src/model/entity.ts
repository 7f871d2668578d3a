export type EntityKind = 'state' | 'person' | 'organization' | 'bloc' | 'agreement' | 'place' | 'other';

/** PLOVER sector codes used for actors. */
export type Sector = 'GOV' | 'MIL' | 'LEG' | 'JUD' | 'POL' | 'BUS' | 'MED' | 'CVL' | 'IGO' | 'NGO' | 'REB' | 'SPY' | 'POP';

export interface Office {
  title: string;
  country?: string;
  /** ISO dates; end omitted while in office. */
  start: string;
  end?: string;
}

export interface Entity {
  /** Stable id: `state:JPN`, `person:Q...`, `org:...`. */
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  wikidata?: string;
  iso3?: string;
  /** Entity id of the state it belongs to. */
  country?: string;
  sector?: Sector;
  offices?: Office[];
  /** Where this record came from: a gazetteer file, or a rule that built it from the text. */
  source: string;
}

/** A recognised surface form, before or after linking. */
export interface Mention {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** Entity id once resolved; null when recognised but not linked. */
  entity: string | null;
  kind: EntityKind;
  /** Rule id that recognised it. */
  rule: string;
  /** Set when the link was inferred (e.g. office holder from the report period). */
  inferred?: string[];
}
