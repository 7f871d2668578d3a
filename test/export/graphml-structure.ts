import { expect } from 'vitest';
import { childOrder, parseXml } from './graph-export-fixtures.js';

/**
 * The structure the GraphML schema (graphml.xsd) requires, checked on an independent parse, and the
 * graph read back: nodes and edges with their attributes by name.
 */
export interface ReadGraph {
  nodes: Map<string, Record<string, string>>;
  edges: Array<{ id: string; source: string; target: string; data: Record<string, string> }>;
  keys: Array<{ id: string; for: string; name: string; type: string }>;
}

const GRAPHML_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);

/** xs:NMTOKEN, the type graphml.xsd gives ids, key references and attr.name (XML name characters, approximated). */
const NMTOKEN = /^[\p{L}\p{N}\p{M}._:\-\u00B7]+$/u;
function expectNmtoken(what: string, value: unknown): void {
  expect(typeof value === 'string' && NMTOKEN.test(value), `${what} "${String(value)}" is an NMTOKEN`).toBe(true);
}

/** The entity id behind a GraphML node id (the export writes characters an NMTOKEN cannot hold as _xHHHH_). */
export function entityIdOf(nodeId: string): string {
  return nodeId.replace(/_x([0-9A-F]{4,6})_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

function typedValue(value: string, type: string): boolean {
  if (type === 'int' || type === 'long') return /^-?\d+$/.test(value);
  if (type === 'float' || type === 'double') return value.trim() !== '' && Number.isFinite(Number(value));
  if (type === 'boolean') return value === 'true' || value === 'false';
  return true;
}

export function readGraphml(xml: string): ReadGraph {
  const doc = parseXml(xml);
  const root = doc.graphml;
  expect(root, 'root element graphml').toBeDefined();
  expect(root['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');

  // graphml.xsd: (desc?, key*, (graph|data)*): every key before the graph.
  const order = childOrder(xml, ['graphml']);
  expect(order.lastIndexOf('key')).toBeLessThan(order.indexOf('graph'));
  expect(order.filter((n) => n === 'graph')).toHaveLength(1);

  const keys = (root.key ?? []).map((k: Record<string, string>) => ({ id: k['@id']!, for: k['@for']!, name: k['@attr.name']!, type: k['@attr.type']! }));
  const byId = new Map<string, { for: string; name: string; type: string }>();
  for (const k of keys) {
    expectNmtoken('key id', k.id);
    expectNmtoken('key attr.name', k.name);
    expect(byId.has(k.id), `key id ${k.id} unique`).toBe(false);
    expect(['node', 'edge', 'graph', 'all']).toContain(k.for);
    expect(k.name, `key ${k.id} attr.name`).toBeTruthy();
    expect(GRAPHML_TYPES.has(k.type), `key ${k.id} attr.type ${k.type}`).toBe(true);
    byId.set(k.id, k);
  }
  for (const target of ['node', 'edge']) {
    const names = keys.filter((k: { for: string }) => k.for === target).map((k: { name: string }) => k.name);
    expect(new Set(names).size, `attr.name unique for ${target}`).toBe(names.length);
  }

  const graph = root.graph;
  expect(graph['@edgedefault']).toBe('directed');
  const readData = (owner: string, items: Array<Record<string, string>> | undefined, forWhat: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const d of items ?? []) {
      expectNmtoken(`${owner}: data key`, d['@key']);
      const key = byId.get(d['@key']!);
      expect(key, `${owner}: data key ${d['@key']} declared`).toBeDefined();
      expect(key!.for === forWhat || key!.for === 'all', `${owner}: key ${d['@key']} is for ${forWhat}`).toBe(true);
      expect(typedValue(d['#text'] ?? '', key!.type), `${owner}: ${key!.name}=${d['#text']} is a ${key!.type}`).toBe(true);
      out[key!.name] = d['#text'] ?? '';
    }
    return out;
  };

  const nodes = new Map<string, Record<string, string>>();
  for (const n of graph.node ?? []) {
    const id = n['@id'];
    expectNmtoken('node id', id);
    expect(nodes.has(id), `node id ${id} unique`).toBe(false);
    nodes.set(id, readData(`node ${id}`, n.data, 'node'));
  }
  const edgeIds = new Set<string>();
  const edges: ReadGraph['edges'] = [];
  for (const e of graph.edge ?? []) {
    const id = e['@id'];
    if (id !== undefined) expectNmtoken('edge id', id);
    expectNmtoken(`edge ${id} source`, e['@source']);
    expectNmtoken(`edge ${id} target`, e['@target']);
    expect(edgeIds.has(id), `edge id ${id} unique`).toBe(false);
    edgeIds.add(id);
    expect(nodes.has(e['@source']), `edge ${id} source ${e['@source']} is a node`).toBe(true);
    expect(nodes.has(e['@target']), `edge ${id} target ${e['@target']} is a node`).toBe(true);
    edges.push({ id, source: e['@source'], target: e['@target'], data: readData(`edge ${id}`, e.data, 'edge') });
  }
  return { nodes, edges, keys };
}
