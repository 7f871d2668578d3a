import fc from 'fast-check';
import type { ExportDate, ExportJson, ExportSpan } from '../../src/export/export-types.js';

/**
 * Random export contract objects for property tests of the serialisers. Strings include quotes,
 * commas, line breaks, U+2028 and astral characters, which are what break hand-written formats.
 * Optional fields are either present or absent (never present as undefined), as exportJson builds them.
 */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', ',', '\n', '\r', '\u2028', '|', '😀', ' ', '\\'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 20 });
const id = fc.stringMatching(/^[a-z]{1,6}:[A-Za-z0-9_-]{1,8}$/);
const int = fc.nat({ max: 100_000 });
const optional = <T>(key: string, arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? {} : { [key]: v }));
const withOptional = <T extends object>(base: fc.Arbitrary<T>, ...extras: Array<fc.Arbitrary<Record<string, unknown>>>) =>
  fc.tuple(base, ...extras).map(([b, ...rest]) => Object.assign({}, b, ...rest) as T);
const span: fc.Arbitrary<ExportSpan> = fc.record({ doc: id, start: int, end: int, text });
const date: fc.Arbitrary<ExportDate | null> = fc.option(fc.record({ value: text, start: fc.option(text, { nil: null }), end: fc.option(text, { nil: null }) }), { nil: null });

const documentArb: fc.Arbitrary<ExportJson['documents'][number]> = fc.record({
  id, title: text, source: text, format: fc.constantFrom('text', 'html', 'pdf'),
  period: withOptional(fc.record({ start: text, end: text, rule: text, reason: text }), optional('dct', text)),
  text,
  sections: fc.array(fc.record({ id, parent: fc.option(id, { nil: null }), level: int, label: fc.option(text, { nil: null }), title: text, start: int, end: int }), { maxLength: 2 }),
  sentences: fc.array(fc.record({ start: int, end: int, paragraph: int }), { maxLength: 3 }),
  footnotes: fc.array(fc.record({ label: text, start: int, end: int, text, markers: fc.array(int, { maxLength: 2 }) }), { maxLength: 2 }),
});
const entityArb = withOptional(
  fc.record({ id, kind: fc.constantFrom('state', 'person', 'agreement'), name: text, aliases: fc.array(text, { maxLength: 3 }) }),
  optional('wikidata', text), optional('iso3', text), optional('country', id), optional('sector', text),
  optional('offices', fc.array(fc.record({ title: text, from: text }), { maxLength: 2 })),
) as fc.Arbitrary<ExportJson['entities'][number]>;
const eventArb = withOptional(
  fc.record({
    id, doc: id, type: fc.constantFrom('ACCUSE', 'CONSULT'), contexts: fc.array(text, { maxLength: 2 }), actors: fc.array(id, { maxLength: 3 }),
    recipients: fc.array(id, { maxLength: 3 }), date, negated: fc.boolean(), modality: fc.constantFrom('asserted', 'reported'),
    quad: fc.integer({ min: 1, max: 4 }), intensity: fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    trigger: span, evidence: span, rule: text,
  }),
  optional('mode', text), optional('location', id), optional('quantity', fc.record({ value: int, unit: text })), optional('respondsTo', id),
) as fc.Arbitrary<ExportJson['events'][number]>;
const stanceArb = withOptional(
  fc.record({ id, holder: id, target: fc.option(id, { nil: null }), stance: text, negated: fc.boolean(), date, evidence: span, rule: text }),
  optional('topic', text),
) as fc.Arbitrary<ExportJson['stances'][number]>;
const historyArb = fc.record({ date, status: text, by: fc.array(id, { maxLength: 2 }), negated: fc.boolean(), modality: text, evidence: span, rule: text });
const figureArb = withOptional(
  fc.record({ id, what: text, value: fc.integer({ min: -1000, max: 1000 }), unit: text, period: date, span, evidence: span, rule: text }),
  optional('subject', id),
) as fc.Arbitrary<ExportJson['figures'][number]>;
const timexArb = withOptional(
  fc.record({ doc: id, start: int, end: int, text, type: fc.constantFrom('DATE', 'DURATION'), value: text, inferred: fc.array(text, { maxLength: 2 }), rule: text }),
  optional('mod', text), optional('range', fc.record({ start: text, end: text })), optional('anchor', text),
) as fc.Arbitrary<ExportJson['timexes'][number]>;
const mentionArb = withOptional(
  fc.record({ doc: id, start: int, end: int, text, entity: fc.option(id, { nil: null }), kind: text, rule: text }),
  optional('inferred', fc.array(text, { maxLength: 2 })),
) as fc.Arbitrary<ExportJson['mentions'][number]>;
const messageArb = withOptional(
  fc.record({ doc: id, rule: text, severity: fc.constantFrom('info', 'warning', 'error'), message: text }),
  optional('start', int), optional('end', int),
) as fc.Arbitrary<ExportJson['messages'][number]>;

const few = { maxLength: 4 };
/** Agreements as exportJson groups them: one entry per agreement entity, each with at least one change. */
const agreementsArb = fc.uniqueArray(fc.record({ entity: id, history: fc.array(historyArb, { minLength: 1, maxLength: 3 }) }), { selector: (a) => a.entity, maxLength: 3 });

export const exportJsonArb: fc.Arbitrary<ExportJson> = fc.record({
  documents: fc.array(documentArb, { maxLength: 2 }),
  entities: fc.array(entityArb, few),
  events: fc.array(eventArb, few),
  stances: fc.array(stanceArb, few),
  agreements: agreementsArb,
  figures: fc.array(figureArb, few),
  timexes: fc.array(timexArb, few),
  mentions: fc.array(mentionArb, few),
  messages: fc.array(messageArb, few),
});
