import { describe, expect, it } from 'vitest';
import { gexfFormat, renderGexf } from '../../src/export/export-gexf.js';
import { entity, event, exportOf, joined } from './graph-export-fixtures.js';
import { readGexf, type ReadGexf } from './gexf-structure.js';

const HOSTILE_NAMES = [
  'Russia & Belarus', '<b>bold</b>', 'the "Union State"', "People's Republic", ']]> end', 'tab\there', 'two\nlines',
  'control\u0001char', 'emoji 🌍 and 北京', '&amp; already escaped',
];

/** What Gephi's timeline needs: no edge before both its ends exist. */
function expectEdgesWithinNodeLifetimes(graph: ReadGexf): void {
  for (const e of graph.edges) {
    const from = e.start ?? e.spells[0]?.start;
    if (!from) continue;
    for (const end of [e.source, e.target]) {
      const nodeStart = graph.nodes.get(end)!.start;
      expect(nodeStart, `node ${end} of a dated edge has a start`).toBeDefined();
      expect(nodeStart! <= from, `edge ${e.id} starts ${from}, node ${end} starts ${nodeStart}`).toBe(true);
    }
  }
}

describe('GEXF export: structure', () => {
  const cases = [
    { name: 'empty graph', data: exportOf([], []), nodes: 0, edges: 0 },
    { name: 'one dated edge', data: exportOf([entity('state:JPN', 'Japan'), entity('state:RUS', 'Russia')], [event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-02-24')]), nodes: 2, edges: 1 },
    { name: 'self-loop only: a node, no edge', data: exportOf([entity('state:RUS', 'Russia')], [event('CONSULT', ['state:RUS'], ['state:RUS'], '2022-02-01')]), nodes: 1, edges: 0 },
    { name: 'events without dates', data: exportOf([entity('state:JPN', 'Japan'), entity('state:RUS', 'Russia')], [event('AID', ['state:JPN'], ['state:RUS'], null)]), nodes: 2, edges: 1 },
    {
      name: 'names and ids with markup characters',
      data: exportOf(HOSTILE_NAMES.map((n, i) => entity(`org:${i}<&"'>`, n)), HOSTILE_NAMES.slice(1).map((_, i) => event('CONSULT', [`org:${i}<&"'>`], [`org:${i + 1}<&"'>`], `2022-0${(i % 9) + 1}-01`))),
      nodes: HOSTILE_NAMES.length, edges: HOSTILE_NAMES.length - 1,
    },
  ];
  it.each(cases)('$name: valid GEXF 1.3, dynamic, attributes declared', ({ data, nodes, edges }) => {
    const graph = readGexf(joined(renderGexf(data)));
    expect(graph.nodes.size).toBe(nodes);
    expect(graph.edges).toHaveLength(edges);
    expect([...graph.attributes.node.values()].map((a) => a.title)).toEqual(expect.arrayContaining(['kind', 'country', 'sector', 'iso3', 'wikidata', 'events', 'first', 'last']));
    expect([...graph.attributes.edge.values()].map((a) => a.title)).toEqual(expect.arrayContaining(['event_type', 'count', 'negated', 'quad', 'mean_intensity', 'first', 'last']));
    expectEdgesWithinNodeLifetimes(graph);
  });
});

describe('GEXF export: values and time', () => {
  const entities = [entity('state:JPN', 'Japan', { iso3: 'JPN', wikidata: 'Q17' }), entity('state:RUS', 'Russia'), entity('state:BLR', 'Belarus')];

  it('reads back every name and id exactly', () => {
    const data = exportOf(HOSTILE_NAMES.map((n, i) => entity(`org:${i}<&"'\n>`, n)), HOSTILE_NAMES.map((_, i) => event('CONSULT', [`org:${i}<&"'\n>`], [], null)));
    const graph = readGexf(joined(renderGexf(data)));
    expect(graph.nodes.has('org:0<&"\'\n>')).toBe(true);
    expect([...graph.nodes.values()].map((n) => n.label).sort()).toEqual(HOSTILE_NAMES.map((n) => n.replace('\u0001', '\uFFFD')).sort());
  });

  it('a node starts at its first dated event, as actor or recipient, and has no end', () => {
    const graph = readGexf(joined(renderGexf(exportOf(entities, [
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-03-01..2022-03-31'),
      event('MOBILIZE', ['state:RUS'], [], '2022-02-24'),
      event('AID', ['state:BLR'], ['state:RUS'], null),
    ]))));
    expect(graph.nodes.get('state:RUS')).toMatchObject({ label: 'Russia', start: '2022-02-24', end: undefined });
    expect(graph.nodes.get('state:JPN')).toMatchObject({ start: '2022-03-01', values: { kind: 'state', iso3: 'JPN', wikidata: 'Q17', events: '1', as_actor: '1', as_recipient: '0', first: '2022-03-01', last: '2022-03-31' } });
    expect(graph.nodes.get('state:BLR')!.start).toBeUndefined();
  });

  it('an edge whose events form one period has start and end; separate periods become spells', () => {
    const graph = readGexf(joined(renderGexf(exportOf(entities, [
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-03-01..2022-03-31'),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-03-15'),
      event('CONSULT', ['state:RUS'], ['state:BLR'], '2022-02-18'),
      event('CONSULT', ['state:RUS'], ['state:BLR'], '2022-06-30'),
      event('CONSULT', ['state:RUS'], ['state:BLR'], null),
    ]))));
    const accuse = graph.edges.find((e) => e.kind === 'ACCUSE')!;
    expect(accuse).toMatchObject({ source: 'state:JPN', target: 'state:RUS', label: 'ACCUSE', weight: '2', start: '2022-03-01', end: '2022-03-31', spells: [] });
    const consult = graph.edges.find((e) => e.kind === 'CONSULT')!;
    expect(consult).toMatchObject({ start: undefined, end: undefined, spells: [{ start: '2022-02-18', end: '2022-02-18' }, { start: '2022-06-30', end: '2022-06-30' }] });
    expect(consult.values).toMatchObject({ event_type: 'CONSULT', count: '3', first: '2022-02-18', last: '2022-06-30' });
    expectEdgesWithinNodeLifetimes(graph);
  });

  it('parallel edges of different types stay apart through their kind', () => {
    const graph = readGexf(joined(renderGexf(exportOf(entities, [
      event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { quad: 3, intensity: -4 }),
      event('SANCTION', ['state:JPN'], ['state:RUS'], null, { quad: 4, intensity: -8, negated: true }),
    ]))));
    expect(graph.edges.map((e) => [e.source, e.target, e.kind])).toEqual([['state:JPN', 'state:RUS', 'ACCUSE'], ['state:JPN', 'state:RUS', 'SANCTION']]);
    expect(graph.edges[0]!.values).toEqual({ event_type: 'ACCUSE', count: '1', negated: '0', quad: '3', mean_intensity: '-4' });
    expect(graph.edges[1]!.values).toEqual({ event_type: 'SANCTION', count: '1', negated: '1', quad: '4' });
  });

  it('describes itself as an export format', () => {
    expect(gexfFormat).toMatchObject({ name: 'gexf', extension: 'gexf' });
    expect(gexfFormat.contentType).toMatch(/^application\/gexf\+xml/);
    expect(joined(gexfFormat.render(exportOf([], [])) as Iterable<string>)).toBe(joined(renderGexf(exportOf([], []))));
  });
});
