/** The JSON export contract of DESIGN.md: other tools read it, so fields are only ever added. */
export interface ExportSpan { doc: string; start: number; end: number; text: string }
export interface ExportDate { value: string; start: string | null; end: string | null; inferred?: boolean }

export interface ExportJson {
  documents: Array<{
    id: string; title: string; source: string; format: string;
    period: { start: string; end: string; dct?: string; rule: string; reason: string };
    text: string;
    sections: Array<{ id: string; parent: string | null; level: number; label: string | null; title: string; start: number; end: number }>;
    sentences: Array<{ start: number; end: number; paragraph: number }>;
    footnotes: Array<{ label: string; start: number; end: number; text: string; markers: number[] }>;
  }>;
  entities: Array<{ id: string; kind: string; name: string; aliases: string[]; wikidata?: string; iso3?: string; country?: string; sector?: string; offices?: unknown[] }>;
  events: Array<{
    id: string; doc: string; type: string; mode?: string; contexts: string[]; actors: string[]; recipients: string[];
    date: ExportDate | null; location?: string; quantity?: { value: number; unit: string };
    negated: boolean; modality: string; quad: number; intensity: number;
    trigger: ExportSpan; evidence: ExportSpan; rule: string; respondsTo?: string;
  }>;
  stances: Array<{ id: string; holder: string; target: string | null; stance: string; negated: boolean; topic?: string; date: ExportDate | null; evidence: ExportSpan; rule: string }>;
  agreements: Array<{ entity: string; history: Array<{ date: ExportDate | null; status: string; by: string[]; negated: boolean; modality: string; evidence: ExportSpan; rule: string }> }>;
  figures: Array<{ id: string; what: string; subject?: string; value: number; unit: string; period: ExportDate | null; span: ExportSpan; evidence: ExportSpan; rule: string }>;
  timexes: Array<{ doc: string; start: number; end: number; text: string; type: string; value: string; mod?: string; range?: { start: string; end: string }; anchor?: string; inferred: string[]; rule: string }>;
  mentions: Array<{ doc: string; start: number; end: number; text: string; entity: string | null; kind: string; rule: string; inferred?: string[] }>;
  messages: Array<{ doc: string; start?: number; end?: number; rule: string; severity: string; message: string }>;
}
