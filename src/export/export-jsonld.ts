import type { ExportFormat } from './export-format.js';
import type { ExportDate, ExportJson, ExportSpan } from './export-types.js';

/**
 * Entities, events, stances, agreement status changes and figures as JSON-LD linked data.
 *
 * Vocabularies: schema.org (types and names of things, dates, places), Wikidata (owl:sameAs links for
 * entities with a Wikidata id), PROV-O (every statement prov:wasDerivedFrom a document span; documents
 * and spans are prov:Entity), the W3C Web Annotation vocabulary (a span is an oa:SpecificResource of its
 * document with a text-position and a text-quote selector), and the diplograph vocabulary `dg:` for
 * what no standard names (PLOVER type, mode and contexts, quad class, intensity, negation, modality,
 * actors and recipients, stances).
 *
 * IRIs: everything diplograph mints lives under the constant base `urn:diplograph:` (a URN, so it
 * names things without pretending to be a web address): `urn:diplograph:doc:<id>`,
 * `urn:diplograph:entity:<id>`, `urn:diplograph:event:<id>`, ...; a span is its document's IRI with
 * an RFC 5147 fragment, `urn:diplograph:doc:<id>#char=<start>,<end>` (offsets in the document text
 * diplograph extracted, the same offsets as every other export: UTF-16 code units, which equal RFC 5147's
 * characters except around characters outside the Basic Multilingual Plane). The vocabulary is
 * `urn:diplograph:vocab:`.
 * One JSON object with a @graph, written node by node; each span node is written once, before the
 * first statement that cites it.
 */
export const DIPLOGRAPH_IRI_BASE = 'urn:diplograph:';
export const DIPLOGRAPH_VOCAB = `${DIPLOGRAPH_IRI_BASE}vocab:`;

export const JSONLD_CONTEXT = {
  schema: 'https://schema.org/',
  wd: 'http://www.wikidata.org/entity/',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dg: DIPLOGRAPH_VOCAB,
} as const;

type Node = Record<string, unknown>;

const enc = (id: string) => encodeURIComponent(id).replace(/%3A/gi, ':');
export const docIri = (id: string) => `${DIPLOGRAPH_IRI_BASE}doc:${enc(id)}`;
export const entityIri = (id: string) => `${DIPLOGRAPH_IRI_BASE}entity:${enc(id)}`;
export const eventIri = (id: string) => `${DIPLOGRAPH_IRI_BASE}event:${enc(id)}`;
/** RFC 5147 character range of a document: `#char=start,end`. */
export const spanIri = (s: { doc: string; start: number; end: number }) => `${docIri(s.doc)}#char=${s.start},${s.end}`;

const ref = (iri: string) => ({ '@id': iri });
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
const xsdDate = (d: string | null | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? { '@value': d, '@type': 'xsd:date' } : undefined);

const ENTITY_TYPES: Record<string, string[]> = {
  state: ['schema:Country'],
  person: ['schema:Person'],
  organization: ['schema:Organization'],
  bloc: ['schema:Organization', 'dg:Bloc'],
  agreement: ['schema:Legislation', 'dg:Agreement'],
  place: ['schema:Place'],
  other: ['schema:Thing'],
};
const GOVERNMENT_SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'SPY']);

/** Drop undefined values and empty lists so the nodes say only what is known. */
function compact(node: Node): Node {
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}

function dateProps(date: ExportDate | null): Node {
  if (!date) return {};
  return { 'schema:startDate': xsdDate(date.start), 'schema:endDate': xsdDate(date.end), 'dg:dateValue': date.value, 'dg:dateInferred': date.inferred };
}

function entityNode(e: ExportJson['entities'][number]): Node {
  const types = [...(ENTITY_TYPES[e.kind] ?? ['schema:Thing'])];
  if (e.kind === 'organization' && e.sector && GOVERNMENT_SECTORS.has(e.sector)) types.push('schema:GovernmentOrganization');
  return compact({
    '@id': entityIri(e.id),
    '@type': types,
    'schema:name': e.name,
    'schema:alternateName': e.aliases,
    'owl:sameAs': e.wikidata && /^Q\d+$/.test(e.wikidata) ? ref(`wd:${e.wikidata}`) : undefined,
    'dg:iso3166Alpha3': e.iso3,
    'dg:country': e.country ? ref(entityIri(e.country)) : undefined,
    'dg:ploverSector': e.sector,
    'dg:kind': e.kind,
  });
}

function documentNode(d: ExportJson['documents'][number]): Node {
  return compact({
    '@id': docIri(d.id),
    '@type': ['prov:Entity', 'schema:DigitalDocument'],
    'schema:name': d.title || undefined,
    'schema:url': isUrl(d.source) ? ref(d.source) : undefined,
    'dg:source': d.source,
    'dg:format': d.format,
    'schema:temporalCoverage': `${d.period.start}/${d.period.end}`,
  });
}

function spanNode(s: ExportSpan): Node {
  return {
    '@id': spanIri(s),
    '@type': ['prov:Entity', 'oa:SpecificResource'],
    'oa:hasSource': ref(docIri(s.doc)),
    'oa:hasSelector': [
      { '@type': 'oa:TextPositionSelector', 'oa:start': s.start, 'oa:end': s.end },
      { '@type': 'oa:TextQuoteSelector', 'oa:exact': s.text },
    ],
  };
}

/** The graph's nodes in output order: documents, entities, then each statement after its spans. */
export function* jsonldNodes(data: ExportJson): Generator<Node> {
  for (const d of data.documents) yield documentNode(d);
  for (const e of data.entities) yield entityNode(e);
  const written = new Set<string>();
  // A span node the first time a statement cites it; the statement then refers to it by IRI.
  function* spans(...list: ExportSpan[]): Generator<Node> {
    for (const s of list) {
      const iri = spanIri(s);
      if (written.has(iri)) continue;
      written.add(iri);
      yield spanNode(s);
    }
  }
  for (const e of data.events) {
    yield* spans(e.evidence, e.trigger);
    yield compact({
      '@id': eventIri(e.id),
      '@type': ['schema:Event', 'dg:Event'],
      'dg:ploverType': e.type,
      'dg:ploverMode': e.mode,
      'dg:ploverContext': e.contexts,
      'dg:actor': e.actors.map((a) => ref(entityIri(a))),
      'dg:recipient': e.recipients.map((a) => ref(entityIri(a))),
      ...dateProps(e.date),
      'schema:location': e.location ? ref(entityIri(e.location)) : undefined,
      'dg:quantity': e.quantity ? { '@type': 'schema:QuantitativeValue', 'schema:value': e.quantity.value, 'schema:unitText': e.quantity.unit } : undefined,
      'dg:negated': e.negated,
      'dg:modality': e.modality,
      'dg:quadClass': e.quad,
      'dg:intensity': e.intensity,
      'dg:respondsTo': e.respondsTo ? ref(eventIri(e.respondsTo)) : undefined,
      'dg:trigger': ref(spanIri(e.trigger)),
      'dg:rule': e.rule,
      'prov:wasDerivedFrom': ref(spanIri(e.evidence)),
    });
  }
  for (const s of data.stances) {
    yield* spans(s.evidence);
    yield compact({
      '@id': `${DIPLOGRAPH_IRI_BASE}stance:${enc(s.id)}`,
      '@type': 'dg:Stance',
      'dg:holder': ref(entityIri(s.holder)),
      'dg:target': s.target ? ref(entityIri(s.target)) : undefined,
      'dg:stance': s.stance,
      'dg:topic': s.topic,
      'dg:negated': s.negated,
      ...dateProps(s.date),
      'dg:rule': s.rule,
      'prov:wasDerivedFrom': ref(spanIri(s.evidence)),
    });
  }
  for (const a of data.agreements) {
    for (const [i, h] of a.history.entries()) {
      yield* spans(h.evidence);
      yield compact({
        '@id': `${DIPLOGRAPH_IRI_BASE}agreement-status:${enc(a.entity)}:${i}`,
        '@type': 'dg:AgreementStatusChange',
        'dg:agreement': ref(entityIri(a.entity)),
        'dg:status': h.status,
        'dg:by': h.by.map((b) => ref(entityIri(b))),
        'dg:negated': h.negated,
        'dg:modality': h.modality,
        ...dateProps(h.date),
        'dg:rule': h.rule,
        'prov:wasDerivedFrom': ref(spanIri(h.evidence)),
      });
    }
  }
  for (const f of data.figures) {
    yield* spans(f.evidence, f.span);
    yield compact({
      '@id': `${DIPLOGRAPH_IRI_BASE}figure:${enc(f.id)}`,
      '@type': 'dg:Figure',
      'dg:measure': f.what,
      'schema:about': f.subject ? ref(entityIri(f.subject)) : undefined,
      'schema:value': f.value,
      'schema:unitText': f.unit,
      ...dateProps(f.period),
      'dg:figureText': ref(spanIri(f.span)),
      'dg:rule': f.rule,
      'prov:wasDerivedFrom': ref(spanIri(f.evidence)),
    });
  }
}

export const jsonldFormat: ExportFormat = {
  name: 'jsonld',
  description: 'Entities, events and other statements as JSON-LD (schema.org, Wikidata, PROV-O), each derived from a document span',
  contentType: 'application/ld+json; charset=utf-8',
  extension: 'jsonld',
  *render(data) {
    yield `{\n"@context": ${JSON.stringify(JSONLD_CONTEXT)},\n"@graph": [`;
    let first = true;
    for (const node of jsonldNodes(data)) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(node)}`;
      first = false;
    }
    yield '\n]\n}\n';
  },
};
