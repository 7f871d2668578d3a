import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphmlFormat, graphmlId, renderGraphml } from '../../src/export/export-graphml.js';
import { entity, event, exportOf, isValidDay, joined } from './graph-export-fixtures.js';
import { entityIdOf, readGraphml } from './graphml-structure.js';

const HOSTILE_NAMES = [
  'Russia & Belarus', '<script>alert(1)</script>', 'the "Union State"', "People's Republic", ']]> end', 'tab\there', 'two\nlines',
  'control\u0001char', 'emoji 🌍 and 北京', '&amp; already escaped',
];

describe('GraphML export: structure', () => {
  const cases = [
    { name: 'empty graph', data: exportOf([], []), nodes: 0, edges: 0 },
    { name: 'one edge', data: exportOf([entity('state:JPN', 'Japan'), entity('state:RUS', 'Russia')], [event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-02-24')]), nodes: 2, edges: 1 },
    { name: 'self-loop only: a node, no edge', data: exportOf([entity('state:RUS', 'Russia')], [event('CONSULT', ['state:RUS'], ['state:RUS'], null)]), nodes: 1, edges: 0 },
    { name: 'events without dates', data: exportOf([entity('state:JPN', 'Japan'), entity('state:RUS', 'Russia')], [event('AID', ['state:JPN'], ['state:RUS'], null), event('AID', ['state:RUS'], [], null)]), nodes: 2, edges: 1 },
    {
      name: 'names and ids with markup characters',
      data: exportOf(HOSTILE_NAMES.map((n, i) => entity(`org:${i}<&"'>`, n)), HOSTILE_NAMES.slice(1).map((_, i) => event('CONSULT', [`org:${i}<&"'>`], [`org:${i + 1}<&"'>`], null))),
      nodes: HOSTILE_NAMES.length, edges: HOSTILE_NAMES.length - 1,
    },
  ];
  it.each(cases)('$name: valid GraphML with declared keys', ({ data, nodes, edges }) => {
    const graph = readGraphml(joined(renderGraphml(data)));
    expect(graph.nodes.size).toBe(nodes);
    expect(graph.edges).toHaveLength(edges);
    // Every attribute the network has is declared, for nodes and for edges, even when the graph is empty.
    const declared = (what: string) => graph.keys.filter((k) => k.for === what).map((k) => k.name);
    expect(declared('node')).toEqual(expect.arrayContaining(['label', 'kind', 'country', 'sector', 'iso3', 'wikidata', 'events', 'first', 'last']));
    expect(declared('edge')).toEqual(expect.arrayContaining(['event_type', 'count', 'negated', 'quad', 'mean_intensity', 'first', 'last', 'weight']));
  });
});

describe('GraphML export: values', () => {
  it('reads back every name and id exactly (control characters, which XML cannot carry, as U+FFFD)', () => {
    const data = exportOf(HOSTILE_NAMES.map((n, i) => entity(`org:${i}<&"'\n>`, n)), [event('CONSULT', ['org:0<&"\'\n>'], ['org:1<&"\'\n>'], null)]);
    const graph = readGraphml(joined(renderGraphml(data)));
    const byEntity = new Map([...graph.nodes].map(([id, n]) => [entityIdOf(id), n]));
    expect([...byEntity.keys()].sort()).toEqual(['org:0<&"\'\n>', 'org:1<&"\'\n>']);
    expect(byEntity.get('org:0<&"\'\n>')!.label).toBe(HOSTILE_NAMES[0]);
    expect(byEntity.get('org:1<&"\'\n>')!.label).toBe(HOSTILE_NAMES[1]);
    expect(graph.edges.map((e) => [entityIdOf(e.source), entityIdOf(e.target)])).toEqual([['org:0<&"\'\n>', 'org:1<&"\'\n>']]);
    const all = exportOf(HOSTILE_NAMES.map((n, i) => entity(`org:${i}`, n)), HOSTILE_NAMES.map((_, i) => event('CONSULT', [`org:${i}`], [], null)));
    const labels = [...readGraphml(joined(renderGraphml(all))).nodes.values()].map((n) => n.label);
    expect(labels.sort()).toEqual(HOSTILE_NAMES.map((n) => n.replace('\u0001', '\uFFFD')).sort());
  });

  it('carries the node and edge attributes', () => {
    const data = exportOf(
      [entity('state:JPN', 'Japan', { iso3: 'JPN', wikidata: 'Q17' }), entity('org:mfa-RUS', 'Ministry of Foreign Affairs of Russia', { country: 'state:RUS', sector: 'GOV' })],
      [
        event('ACCUSE', ['state:JPN'], ['org:mfa-RUS'], '2022-03-01..2022-03-31', { quad: 3, intensity: -4 }),
        event('ACCUSE', ['state:JPN'], ['org:mfa-RUS'], '2022-06-15', { quad: 3, intensity: -2 }),
        event('ACCUSE', ['state:JPN'], ['org:mfa-RUS'], null, { quad: 3, intensity: -5, negated: true }),
      ],
    );
    const graph = readGraphml(joined(renderGraphml(data)));
    expect(graph.nodes.get('state:JPN')).toEqual({ label: 'Japan', kind: 'state', iso3: 'JPN', wikidata: 'Q17', events: '3', as_actor: '3', as_recipient: '0', first: '2022-03-01', last: '2022-06-15' });
    expect(graph.nodes.get('org:mfa-RUS')).toMatchObject({ kind: 'organization', country: 'state:RUS', sector: 'GOV', as_recipient: '3' });
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]).toMatchObject({ source: 'state:JPN', target: 'org:mfa-RUS' });
    expect(graph.edges[0]!.data).toEqual({ event_type: 'ACCUSE', count: '3', negated: '1', quad: '3', mean_intensity: '-3', first: '2022-03-01', last: '2022-06-15', weight: '3' });
    for (const n of graph.nodes.values()) for (const d of [n.first, n.last]) if (d) expect(isValidDay(d)).toBe(true);
  });

  it('leaves out attributes that have no value rather than writing empty ones', () => {
    const graph = readGraphml(joined(renderGraphml(exportOf([entity('state:JPN', 'Japan')], [event('AID', ['state:JPN'], [], null)]))));
    expect(Object.keys(graph.nodes.get('state:JPN')!).sort()).toEqual(['as_actor', 'as_recipient', 'events', 'kind', 'label']);
  });

  it('is the same whatever the order of the input, and streams in several chunks', () => {
    const entities = [entity('state:JPN', 'Japan'), entity('state:RUS', 'Russia'), entity('state:BLR', 'Belarus')];
    const events = [event('ACCUSE', ['state:JPN'], ['state:RUS'], null), event('CONSULT', ['state:RUS'], ['state:BLR'], '2022-02-18'), event('AID', ['state:JPN'], ['state:BLR'], null)];
    const chunks = [...renderGraphml(exportOf(entities, events))];
    expect(chunks.length).toBeGreaterThan(3);
    expect(joined(renderGraphml(exportOf([...entities].reverse(), [...events].reverse())))).toBe(chunks.join(''));
  });

  it('describes itself as an export format', () => {
    expect(graphmlFormat).toMatchObject({ name: 'graphml', extension: 'graphml' });
    expect(graphmlFormat.contentType).toMatch(/^application\/graphml\+xml/);
    expect(joined(graphmlFormat.render(exportOf([], [])) as Iterable<string>)).toBe(joined(renderGraphml(exportOf([], []))));
  });
});

describe('graphmlId', () => {
  it.each([
    ['state:RUS', 'state:RUS'], ['org:mil-rus', 'org:mil-rus'], ['person:a.b_c', 'person:a.b_c'],
    ['org:a b', 'org:a_x0020_b'], ["org:people's", 'org:people_x0027_s'], ['org:a_x0020_b', 'org:a_x005F_x0020_x005F_b'],
    ['org:a_b c', 'org:a_x005F_b_x0020_c'], ['place:北京', 'place:_x5317__x4EAC_'], ['org:🌍', 'org:_x1F30D_'],
  ])('%j -> %j', (id, expected) => {
    expect(graphmlId(id)).toBe(expected);
  });

  it('always gives an NMTOKEN, and different ids different node ids (the mapping reverses)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (id) => {
      const encoded = graphmlId(id);
      expect(encoded).toMatch(/^[A-Za-z0-9._:-]+$/);
      expect(entityIdOf(encoded)).toBe(id);
    }));
  });
});
