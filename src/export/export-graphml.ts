import { buildActorNetwork, type ActorEdge } from './actor-network.js';
import { batchChunks } from './batch-chunks.js';
import type { ExportFormat } from './export-format.js';
import type { ExportJson } from './export-types.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type NetworkAttribute } from './network-attributes.js';
import { xmlAttribute, xmlText } from './xml-text.js';

/**
 * The actor network as GraphML (http://graphml.graphdrawing.org/), read by Gephi, Cytoscape desktop, yEd,
 * NetworkX and igraph: a directed graph, every attribute declared by a <key> before the graph.
 */

const GRAPHML_TYPES: Record<NetworkAttribute<unknown>['type'], string> = { string: 'string', integer: 'int', double: 'double' };

// Gephi and Cytoscape take an edge attribute named "weight" as the edge weight: it repeats the event count.
const WEIGHT: NetworkAttribute<ActorEdge> = { name: 'weight', type: 'double', value: (e) => e.count };
const EDGE_KEYS = [...EDGE_ATTRIBUTES, WEIGHT];

// Key ids are prefixed by what they describe, since nodes and edges both have "first" and "last".
const nodeKey = (a: { name: string }): string => `n_${a.name}`;
const edgeKey = (a: { name: string }): string => `e_${a.name}`;

function dataElements<T>(item: T, attributes: Array<NetworkAttribute<T>>, key: (a: { name: string }) => string): string {
  let out = '';
  for (const a of attributes) {
    const value = a.value(item);
    if (value === undefined) continue;
    out += `\n      <data key="${xmlAttribute(key(a))}">${xmlText(String(value))}</data>`;
  }
  return out;
}

/**
 * A node id the GraphML schema accepts: graphml.xsd types ids as xs:NMTOKEN (no spaces, quotes, slashes...).
 * Entity ids the pipeline makes ("state:RUS", "org:mil-rus") pass unchanged. In any other id (or one that
 * already contains "_x") every character but A-Z a-z 0-9 . : - is written as _xHHHH_, its code point, "_"
 * included, so that the mapping reverses and two entities never share a node id.
 */
export function graphmlId(id: string): string {
  if (/^[A-Za-z0-9._:-]+$/.test(id) && !id.includes('_x')) return id;
  let out = '';
  for (const ch of id) out += /[A-Za-z0-9.:-]/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  return out;
}

export function* renderGraphml(data: ExportJson): Generator<string> {
  const network = buildActorNetwork(data);
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    + '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    + ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + '  <desc>diplograph actor network: entities that act in or receive events; one edge per actor, recipient and PLOVER event type</desc>\n';
  for (const a of NODE_ATTRIBUTES) head += `  <key id="${nodeKey(a)}" for="node" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>\n`;
  for (const a of EDGE_KEYS) head += `  <key id="${edgeKey(a)}" for="edge" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>\n`;
  yield `${head}  <graph id="actors" edgedefault="directed">\n`;
  for (const n of network.nodes) {
    yield `    <node id="${graphmlId(n.id)}">${dataElements(n, NODE_ATTRIBUTES, nodeKey)}\n    </node>\n`;
  }
  for (const e of network.edges) {
    yield `    <edge id="${xmlAttribute(e.id)}" source="${graphmlId(e.source)}" target="${graphmlId(e.target)}">${dataElements(e, EDGE_KEYS, edgeKey)}\n    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

export const graphmlFormat: ExportFormat = {
  name: 'graphml',
  description: 'actor network as GraphML (Gephi, Cytoscape, yEd, NetworkX): entities as nodes, one directed edge per actor, recipient and event type with counts, first and last dates, quad class and mean intensity',
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  // One piece per node and edge, joined into larger chunks for the stream.
  render: (data) => batchChunks(renderGraphml(data)),
};
