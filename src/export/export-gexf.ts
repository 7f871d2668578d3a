import { buildActorNetwork, type ActorEdge, type ActorNode } from './actor-network.js';
import { batchChunks } from './batch-chunks.js';
import type { ExportFormat } from './export-format.js';
import type { ExportJson } from './export-types.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type NetworkAttribute } from './network-attributes.js';
import { xmlAttribute, xmlText } from './xml-text.js';

/**
 * The actor network as GEXF 1.3 (https://gexf.net), Gephi's own format, as a dynamic graph with dates so
 * that Gephi's timeline can play it: a node starts at its first dated event and stays; an edge lives
 * from its first to its last event, or, when its events fall in separate periods, in one spell per period.
 * Edge kind is the event type, so that Gephi keeps an ACCUSE and a CONSULT between the same pair apart.
 */

// GEXF's own label attribute carries the node label; the rest are declared attributes.
const NODE_COLUMNS = NODE_ATTRIBUTES.filter((a) => a.name !== 'label');

function declarations(cls: 'node' | 'edge', attributes: Array<NetworkAttribute<never>>): string {
  let out = `    <attributes class="${cls}">\n`;
  for (const a of attributes) out += `      <attribute id="${xmlAttribute(a.name)}" title="${xmlAttribute(a.name)}" type="${a.type}"/>\n`;
  return `${out}    </attributes>\n`;
}

function attvalues<T>(item: T, attributes: Array<NetworkAttribute<T>>): string {
  let out = '';
  for (const a of attributes) {
    const value = a.value(item);
    if (value !== undefined) out += `\n          <attvalue for="${xmlAttribute(a.name)}" value="${xmlAttribute(value)}"/>`;
  }
  return out ? `\n        <attvalues>${out}\n        </attvalues>` : '';
}

function nodeElement(n: ActorNode): string {
  const start = n.first ? ` start="${n.first}"` : '';
  return `      <node id="${xmlAttribute(n.id)}" label="${xmlAttribute(n.label)}"${start}>${attvalues(n, NODE_COLUMNS)}\n      </node>\n`;
}

function edgeElement(e: ActorEdge): string {
  let time = '';
  let spells = '';
  if (e.intervals.length === 1) time = ` start="${e.intervals[0]!.start}" end="${e.intervals[0]!.end}"`;
  else if (e.intervals.length > 1) {
    // Spells alone: start/end beside them would cover the gaps between the periods.
    spells = `\n        <spells>${e.intervals.map((i) => `\n          <spell start="${i.start}" end="${i.end}"/>`).join('')}\n        </spells>`;
  }
  const type = xmlAttribute(e.type);
  return `      <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}" label="${type}" kind="${type}" weight="${e.count}"${time}>`
    + `${attvalues(e, EDGE_ATTRIBUTES)}${spells}\n      </edge>\n`;
}

export function* renderGexf(data: ExportJson): Generator<string> {
  const network = buildActorNetwork(data);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    + '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    + ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    + `  <meta>\n    <creator>diplograph</creator>\n    <description>${xmlText('Actor network: entities that act in or receive events; one edge per actor, recipient and PLOVER event type')}</description>\n  </meta>\n`
    + '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n'
    + declarations('node', NODE_COLUMNS as Array<NetworkAttribute<never>>)
    + declarations('edge', EDGE_ATTRIBUTES as Array<NetworkAttribute<never>>)
    + `    <nodes count="${network.nodes.length}">\n`;
  for (const n of network.nodes) yield nodeElement(n);
  yield `    </nodes>\n    <edges count="${network.edges.length}">\n`;
  for (const e of network.edges) yield edgeElement(e);
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

export const gexfFormat: ExportFormat = {
  name: 'gexf',
  description: 'actor network as GEXF 1.3 for Gephi, with dates for its timeline: entities as nodes, one directed edge per actor, recipient and event type with counts, first and last dates, quad class and mean intensity',
  contentType: 'application/gexf+xml; charset=utf-8',
  extension: 'gexf',
  // One piece per node and edge, joined into larger chunks for the stream.
  render: (data) => batchChunks(renderGexf(data)),
};
