import { beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import fc from 'fast-check';
import { docIri, entityIri, eventIri, jsonldFormat, spanIri } from '../../src/export/export-jsonld.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { HAND_DOC, handExport, renderText, sampleExport } from './plover-sample-data.js';
import { exportJsonArb } from './export-json-arbitrary.js';

const SCHEMA = 'https://schema.org/';
const PROV = 'http://www.w3.org/ns/prov#';
const OA = 'http://www.w3.org/ns/oa#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const WD = 'http://www.wikidata.org/entity/';
const DG = 'urn:diplograph:vocab:';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

type Expanded = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };
type Values = Array<{ '@id'?: string; '@value'?: unknown; '@type'?: string | string[] } & Record<string, unknown>>;

/** Render, parse and expand with the jsonld package in safe mode (which throws on any term it would drop). */
async function expand(data: ExportJson): Promise<Map<string, Expanded>> {
  const doc = JSON.parse(await renderText(jsonldFormat.render(data)));
  const nodes = (await jsonld.expand(doc, { safe: true } as jsonld.Options.Expand)) as Expanded[];
  const byId = new Map<string, Expanded>();
  for (const n of nodes) {
    if (!n['@id']) throw new Error('a top-level node without @id');
    if (byId.has(n['@id'])) throw new Error(`node ${n['@id']} written twice`);
    byId.set(n['@id'], n);
  }
  return byId;
}

const values = (node: Expanded | undefined, iri: string) => (node?.[iri] ?? []) as Values;

/** Every statement (event, stance, agreement status change, figure) checked for a derivation span that slices its document. */
function checkDerivations(nodes: Map<string, Expanded>, data: ExportJson): { checked: number; problems: string[] } {
  const texts = new Map(data.documents.map((d) => [docIri(d.id), d.text]));
  const statementTypes = ['Event', 'Stance', 'AgreementStatusChange', 'Figure'].map((t) => `${DG}${t}`);
  const problems: string[] = [];
  let checked = 0;
  for (const node of nodes.values()) {
    if (!node['@type']?.some((t) => statementTypes.includes(t))) continue;
    checked++;
    const id = node['@id']!;
    const derived = values(node, `${PROV}wasDerivedFrom`);
    const span = derived[0]?.['@id'] ? nodes.get(derived[0]['@id']) : undefined;
    if (derived.length !== 1 || !span) { problems.push(`${id}: no derivation span`); continue; }
    if (!span['@type']?.includes(`${PROV}Entity`)) problems.push(`${id}: span is not a prov:Entity`);
    const source = values(span, `${OA}hasSource`)[0]?.['@id'] ?? '';
    const text = texts.get(source);
    const selectors = values(span, `${OA}hasSelector`) as unknown as Expanded[];
    const position = selectors.find((s) => s['@type']?.includes(`${OA}TextPositionSelector`));
    const quote = selectors.find((s) => s['@type']?.includes(`${OA}TextQuoteSelector`));
    const start = values(position, `${OA}start`)[0]?.['@value'] as number;
    const end = values(position, `${OA}end`)[0]?.['@value'] as number;
    const exact = values(quote, `${OA}exact`)[0]?.['@value'];
    if (text === undefined) problems.push(`${id}: span source ${source} is not a document`);
    else if (text.slice(start, end) !== exact) problems.push(`${id}: span text is not the document slice ${start}..${end}`);
    if (span['@id'] !== `${source}#char=${start},${end}`) problems.push(`${id}: span IRI ${span['@id']} is not its RFC 5147 fragment`);
    if (!nodes.get(source)?.['@type']?.includes(`${PROV}Entity`)) problems.push(`${id}: document ${source} is not a prov:Entity`);
  }
  return { checked, problems };
}

describe('JSON-LD export (hand-built data)', () => {
  const data = handExport();
  let nodes: Map<string, Expanded>;
  beforeAll(async () => { nodes = await expand(data); });

  it('expands without errors, and every statement is derived from a span that slices its document', () => {
    const { checked, problems } = checkDerivations(nodes, data);
    expect(problems).toEqual([]);
    expect(checked).toBe(data.events.length + data.stances.length);
  });

  it('finds a span whose text does not match (the check can fail)', async () => {
    const wrong = handExport();
    wrong.events[0]!.evidence = { ...wrong.events[0]!.evidence, text: 'something else' };
    // The event and the stance cite the same (now wrong) span node.
    expect(checkDerivations(await expand(wrong), data).problems).toEqual([
      expect.stringContaining(`${eventIri(`${HAND_DOC}:e1`)}: span text is not the document slice`),
      expect.stringContaining('stance:doc-h:s1: span text is not the document slice'),
    ]);
  });

  it.each([
    // node, property IRI, expanded values
    [entityIri('state:ALP'), '@type', [`${SCHEMA}Country`]],
    [entityIri('state:ALP'), `${OWL}sameAs`, [{ '@id': `${WD}Q1` }]],
    [entityIri('state:ALP'), `${SCHEMA}name`, [{ '@value': 'Alphaland' }]],
    [entityIri('person:gamma'), '@type', [`${SCHEMA}Person`]],
    [entityIri('person:gamma'), `${DG}country`, [{ '@id': entityIri('state:BET') }]],
    [entityIri('org:gov-ALP'), '@type', [`${SCHEMA}Organization`, `${SCHEMA}GovernmentOrganization`]],
    [eventIri(`${HAND_DOC}:e1`), '@type', [`${SCHEMA}Event`, `${DG}Event`]],
    [eventIri(`${HAND_DOC}:e1`), `${DG}ploverType`, [{ '@value': 'ACCUSE' }]],
    [eventIri(`${HAND_DOC}:e1`), `${DG}actor`, [{ '@id': entityIri('state:ALP') }]],
    [eventIri(`${HAND_DOC}:e1`), `${SCHEMA}startDate`, [{ '@value': '2022-03-01', '@type': `${XSD}date` }]],
    [eventIri(`${HAND_DOC}:e1`), `${PROV}wasDerivedFrom`, [{ '@id': `${docIri(HAND_DOC)}#char=23,61` }]],
    [eventIri(`${HAND_DOC}:e2`), `${DG}respondsTo`, [{ '@id': eventIri(`${HAND_DOC}:e1`) }]],
    [eventIri(`${HAND_DOC}:e3`), `${DG}negated`, [{ '@value': true }]],
    [eventIri(`${HAND_DOC}:e4`), `${SCHEMA}location`, [{ '@id': entityIri('state:BET') }]],
    [docIri(HAND_DOC), '@type', [`${PROV}Entity`, `${SCHEMA}DigitalDocument`]],
  ])('%s %s', (id, property, expected) => {
    expect(nodes.get(id)?.[property]).toEqual(expected);
  });

  it('writes a span once even when several statements cite it', () => {
    // The stance and event e1 share their sentence; expand() throws on a node written twice.
    const span = spanIri(data.events[0]!.evidence);
    expect(nodes.get(span)).toBeDefined();
    expect(data.stances[0]!.evidence.start).toBe(data.events[0]!.evidence.start);
  });

  it('converts to RDF with absolute IRIs only', async () => {
    const doc = JSON.parse(await renderText(jsonldFormat.render(data)));
    const nquads = (await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true } as jsonld.Options.ToRdf)) as unknown as string;
    expect(nquads).toContain(`<${entityIri('state:ALP')}> <${OWL}sameAs> <${WD}Q1> .`);
  });

  it('keeps any span text intact, quotes and non-Latin scripts included (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(),
      async (text, a, b) => {
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        const one = handExport();
        one.documents[0]!.text = text;
        const evidence = { doc: HAND_DOC, start, end, text: text.slice(start, end) };
        one.events = [{ ...one.events[0]!, evidence, trigger: evidence }];
        one.stances = [];
        const { checked, problems } = checkDerivations(await expand(one), one);
        expect(problems).toEqual([]);
        expect(checked).toBe(1);
      },
    ), { numRuns: 25 });
  });
});

describe('JSON-LD export (any export contract object)', () => {
  it('expands in safe mode, every statement citing a span node of the graph (property)', async () => {
    await fc.assert(fc.asyncProperty(exportJsonArb, async (data) => {
      const doc = JSON.parse(await renderText(jsonldFormat.render(data)));
      const nodes = (await jsonld.expand(doc, { safe: true } as jsonld.Options.Expand)) as Expanded[];
      const ids = new Set(nodes.map((n) => n['@id']));
      const statements = nodes.filter((n) => n['@type']?.some((t) => t.startsWith(DG) && ['Event', 'Stance', 'AgreementStatusChange', 'Figure'].includes(t.slice(DG.length))));
      // Expansion does not merge nodes, so each statement is one node even when ids repeat.
      expect(statements).toHaveLength(data.events.length + data.stances.length + data.figures.length + data.agreements.reduce((n, a) => n + a.history.length, 0));
      for (const n of statements) {
        const derived = values(n, `${PROV}wasDerivedFrom`);
        expect(derived).toHaveLength(1);
        expect(ids.has(derived[0]!['@id'])).toBe(true);
      }
    }), { numRuns: 60 });
  });
});

describe('JSON-LD export (the ingested sample)', () => {
  let data: ExportJson;
  beforeAll(async () => { data = await sampleExport(); }, 120_000);

  it('expands, and every statement node has a derivation span whose text is its document slice', async () => {
    const nodes = await expand(data);
    const { checked, problems } = checkDerivations(nodes, data);
    expect(problems).toEqual([]);
    const statements = data.events.length + data.stances.length + data.figures.length + data.agreements.reduce((n, a) => n + a.history.length, 0);
    expect(checked).toBe(statements);
    for (const e of data.entities) expect(nodes.get(entityIri(e.id)), e.id).toBeDefined();
  });
});
