import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExportJson } from '../../src/export/export-types.js';

/** Small hand-built export objects and an independent XML reader for the graph export tests. */

type ExportEvent = ExportJson['events'][number];
type ExportEntity = ExportJson['entities'][number];

export function entity(id: string, name: string, extra: Partial<ExportEntity> = {}): ExportEntity {
  return { id, kind: id.startsWith('state:') ? 'state' : id.startsWith('person:') ? 'person' : 'organization', name, aliases: [], ...extra };
}

let serial = 0;
/** An event with the given actors and recipients; `date` is "start..end", one day, or null. */
export function event(type: string, actors: string[], recipients: string[], date: string | null, extra: Partial<ExportEvent> = {}): ExportEvent {
  const [start, end] = date ? (date.includes('..') ? date.split('..') : [date, date]) : [null, null];
  const span = { doc: 'd1', start: 0, end: 4, text: 'text' };
  return {
    id: `ev${serial++}`, doc: 'd1', type, contexts: [], actors, recipients,
    date: date ? { value: start!, start: start!, end: end! } : null,
    negated: false, modality: 'asserted', quad: 1, intensity: 1, trigger: span, evidence: span, rule: 'test', ...extra,
  };
}

export function exportOf(entities: ExportEntity[], events: ExportEvent[]): ExportJson {
  return { documents: [], entities, events, stances: [], agreements: [], figures: [], timexes: [], mentions: [], messages: [] };
}

/** All the chunks a format renders, joined (the renderers are synchronous generators). */
export function joined(chunks: Iterable<string | Uint8Array>): string {
  let out = '';
  for (const c of chunks) out += typeof c === 'string' ? c : new TextDecoder().decode(c);
  return out;
}

const LISTS = new Set(['key', 'node', 'edge', 'data', 'attributes', 'attribute', 'attvalue', 'spell']);
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, parseTagValue: false,
  trimValues: false, htmlEntities: true, alwaysCreateTextNode: true, isArray: (name) => LISTS.has(name),
});
const orderedParser = new XMLParser({ ignoreAttributes: true, preserveOrder: true });

/** Parse after checking well-formedness; throws with the validator's message otherwise. */
export function parseXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml);
}

/** Names of the child elements of the element at `path` (from the root), in document order. */
export function childOrder(xml: string, path: string[]): string[] {
  let level: Array<Record<string, unknown>> = orderedParser.parse(xml);
  for (const name of path) {
    const el = level.find((e) => name in e);
    if (!el) return [];
    level = el[name] as Array<Record<string, unknown>>;
  }
  return level.map((e) => Object.keys(e).find((k) => k !== ':@')!).filter((k) => k !== '#text');
}

/** A day an independent reading accepts: YYYY-MM-DD that round-trips through Date. */
export function isValidDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
