import { expect } from 'vitest';
import { childOrder, isValidDay, parseXml } from './graph-export-fixtures.js';

/**
 * The structure the GEXF 1.3 schema (gexf.rnc, dynamics.rnc) requires, checked on an independent parse,
 * plus what Gephi's timeline needs from a dynamic graph with timeformat="date"; returns the graph read back.
 */
export interface ReadGexfNode { id: string; label: string; start?: string; end?: string; values: Record<string, string> }
export interface ReadGexfEdge {
  id: string; source: string; target: string; label?: string; kind?: string; weight?: string;
  start?: string; end?: string; spells: Array<{ start: string; end: string }>; values: Record<string, string>;
}
export interface ReadGexf { nodes: Map<string, ReadGexfNode>; edges: ReadGexfEdge[]; attributes: Record<'node' | 'edge', Map<string, { title: string; type: string }>> }

const GEXF_TYPES = new Set(['integer', 'long', 'double', 'float', 'boolean', 'string', 'anyURI', 'liststring', 'short', 'byte', 'char', 'biginteger', 'bigdecimal']);

function typedValue(value: string, type: string): boolean {
  if (['integer', 'long', 'short', 'byte', 'biginteger'].includes(type)) return /^-?\d+$/.test(value);
  if (['double', 'float', 'bigdecimal'].includes(type)) return value.trim() !== '' && Number.isFinite(Number(value));
  if (type === 'boolean') return value === 'true' || value === 'false';
  return true;
}

function checkDay(owner: string, value: string | undefined): void {
  if (value !== undefined) expect(isValidDay(value), `${owner}: ${value} is an ISO date`).toBe(true);
}

export function readGexf(xml: string): ReadGexf {
  const doc = parseXml(xml);
  const root = doc.gexf;
  expect(root, 'root element gexf').toBeDefined();
  expect(root['@xmlns']).toBe('http://gexf.net/1.3');
  expect(root['@version']).toBe('1.3');
  const top = childOrder(xml, ['gexf']);
  expect(top.filter((n) => n !== 'meta')).toEqual(['graph']);
  if (top.includes('meta')) expect(top.indexOf('meta')).toBeLessThan(top.indexOf('graph'));

  const graph = root.graph;
  expect(graph['@mode']).toBe('dynamic');
  expect(graph['@defaultedgetype']).toBe('directed');
  expect(graph['@timeformat']).toBe('date');
  // gexf.rnc: attributes*, then nodes, then edges.
  const order = childOrder(xml, ['gexf', 'graph']);
  expect(order.filter((n) => n !== 'attributes')).toEqual(['nodes', 'edges']);
  expect(order.lastIndexOf('attributes')).toBeLessThan(order.indexOf('nodes'));

  const attributes: ReadGexf['attributes'] = { node: new Map(), edge: new Map() };
  for (const block of graph.attributes ?? []) {
    const cls = block['@class'] as 'node' | 'edge';
    expect(['node', 'edge']).toContain(cls);
    for (const a of block.attribute ?? []) {
      expect(attributes[cls].has(a['@id']), `${cls} attribute id ${a['@id']} unique`).toBe(false);
      expect(a['@title'], `${cls} attribute ${a['@id']} title`).toBeTruthy();
      expect(GEXF_TYPES.has(a['@type']), `${cls} attribute ${a['@id']} type ${a['@type']}`).toBe(true);
      attributes[cls].set(a['@id'], { title: a['@title'], type: a['@type'] });
    }
  }
  const readValues = (owner: string, cls: 'node' | 'edge', holder: { attvalue?: Array<Record<string, string>> } | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const v of holder?.attvalue ?? []) {
      const decl = attributes[cls].get(v['@for']!);
      expect(decl, `${owner}: attvalue for=${v['@for']} declared in <attributes class="${cls}">`).toBeDefined();
      expect(v['@value'], `${owner}: attvalue ${v['@for']} has a value`).toBeDefined();
      expect(typedValue(v['@value']!, decl!.type), `${owner}: ${v['@for']}=${v['@value']} is a ${decl!.type}`).toBe(true);
      out[decl!.title] = v['@value']!;
    }
    return out;
  };

  const nodes = new Map<string, ReadGexfNode>();
  const nodeList = graph.nodes.node ?? [];
  if (graph.nodes['@count'] !== undefined) expect(Number(graph.nodes['@count'])).toBe(nodeList.length);
  for (const n of nodeList) {
    const id = n['@id'];
    expect(nodes.has(id), `node id ${id} unique`).toBe(false);
    checkDay(`node ${id} start`, n['@start']);
    checkDay(`node ${id} end`, n['@end']);
    nodes.set(id, { id, label: n['@label'], start: n['@start'], end: n['@end'], values: readValues(`node ${id}`, 'node', n.attvalues) });
  }

  const edges: ReadGexfEdge[] = [];
  const edgeIds = new Set<string>();
  const edgeList = graph.edges.edge ?? [];
  if (graph.edges['@count'] !== undefined) expect(Number(graph.edges['@count'])).toBe(edgeList.length);
  for (const e of edgeList) {
    const id = e['@id'];
    if (id !== undefined) {
      expect(edgeIds.has(id), `edge id ${id} unique`).toBe(false);
      edgeIds.add(id);
    }
    const owner = `edge ${id}`;
    expect(nodes.has(e['@source']), `${owner}: source ${e['@source']} is a node`).toBe(true);
    expect(nodes.has(e['@target']), `${owner}: target ${e['@target']} is a node`).toBe(true);
    if (e['@weight'] !== undefined) expect(Number.isFinite(Number(e['@weight']))).toBe(true);
    checkDay(`${owner} start`, e['@start']);
    checkDay(`${owner} end`, e['@end']);
    if (e['@start'] && e['@end']) expect(e['@start'] <= e['@end'], `${owner}: start before end`).toBe(true);
    const spells = (e.spells?.spell ?? []).map((s: Record<string, string>) => ({ start: s['@start']!, end: s['@end']! }));
    if (e.spells) expect(spells.length, `${owner}: <spells> holds at least one spell`).toBeGreaterThan(0);
    spells.forEach((s: { start: string; end: string }, i: number) => {
      checkDay(`${owner} spell start`, s.start);
      checkDay(`${owner} spell end`, s.end);
      expect(s.start <= s.end).toBe(true);
      // Gephi refuses overlapping intervals on one element.
      if (i > 0) expect(spells[i - 1].end < s.start, `${owner}: spells in order and apart`).toBe(true);
    });
    edges.push({
      id, source: e['@source'], target: e['@target'], label: e['@label'], kind: e['@kind'], weight: e['@weight'],
      start: e['@start'], end: e['@end'], spells, values: readValues(owner, 'edge', e.attvalues),
    });
  }
  return { nodes, edges, attributes };
}
