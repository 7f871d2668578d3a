/**
 * Network of actors: edges weighted by event counts and coloured by cooperation (quad 1-2) versus
 * conflict (3-4), filterable by period; selecting an edge lists the events behind it.
 * URL: #/network?from=&to=&doc=&type=&edge=<source>><target>
 */
import { api, type Entity, type Network, type NetworkEdge } from '../api.js';
import { clear, h, loading, statusLine } from '../dom.js';
import { kindColour } from '../entity-kinds.js';
import { entityChip, entityIndex } from '../entity-names.js';
import { COOPERATION_COLOUR, CONFLICT_COLOUR, mixColour } from '../event-labels.js';
import { href, replaceParams, type Params, type View } from '../router.js';
import { eventTable } from './event-table.js';
import { exportTheseLink } from './export-link.js';
import { filterForm } from './filter-form.js';

export const networkView: View = {
  title: 'Network',
  jsonTwin: (p) => `/api/network?${new URLSearchParams(networkQuery(p)).toString()}`,
  async render(root, params) {
    const [docs, names] = await Promise.all([api.documents(), entityIndex()]);
    root.append(h('h1', {}, 'Network of actors'), filterForm('network', params, [
      { name: 'from', label: 'From', kind: 'date' }, { name: 'to', label: 'To', kind: 'date' },
      { name: 'type', label: 'Type', kind: 'type' }, { name: 'doc', label: 'Document', kind: 'doc' },
    ], { entities: [...names.values()], docs }),
    exportTheseLink(params, { from: 'from', to: 'to', type: 'type', doc: 'doc' }, { label: 'Export this network', format: 'graphml' }),
    h('p', { class: 'legend-line' }, 'Edge width: number of events from actor to recipient. Colour: ',
      h('span', { class: 'swatch', style: `background:${COOPERATION_COLOUR}` }), ' cooperation → ',
      h('span', { class: 'swatch', style: `background:${CONFLICT_COLOUR}` }), ' conflict. Select an edge to list its events; a node to open the entity.'));
    const status = loading('the network');
    const graph = h('div', { class: 'network-graph', id: 'network', role: 'img', 'aria-label': 'Graph of actors and the events between them; the table lists the same edges' });
    const side = h('aside', { class: 'detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select an edge (or use the table below) to list the events behind it.'));
    const edgeTable = h('div', { class: 'edge-list' });
    root.append(status, h('div', { class: 'network-layout' }, graph, side), edgeTable);

    let net: Network;
    try { net = await api.network(networkQuery(params)); } catch (err) {
      status.replaceWith(statusLine(`Could not load the network: ${(err as Error).message}`, 'error'));
      return;
    }
    status.replaceWith(statusLine(`${net.nodes.length} actors, ${net.edges.length} edges from ${net.events} events.`));
    if (!net.edges.length) { graph.remove(); side.append(h('p', { class: 'muted' }, 'No actor → recipient events for these filters.')); return; }

    const showEdge = async (edge: NetworkEdge) => {
      replaceParams('network', { ...params, edge: `${edge.source}>${edge.target}` });
      clear(side);
      side.append(h('h2', { tabindex: -1 }, entityChip(edge.source, names), ' → ', entityChip(edge.target, names)),
        h('p', {}, `${edge.weight} events: ${edge.cooperation} cooperation, ${edge.conflict} conflict. `, Object.entries(edge.types).map(([t, n]) => `${t} ${n}`).join(', ')), loading('events'));
      const events = await api.allEvents({ actor: edge.source, recipient: edge.target, from: params.from, to: params.to, doc: params.doc, type: params.type, negated: false });
      side.querySelector('.status')?.remove();
      side.append(eventTable(events, names, 'Events behind this edge'));
      side.querySelector<HTMLElement>('h2')?.focus();
    };
    edgeTable.append(edgeList(net, names, showEdge));

    const { default: cytoscape } = await import('cytoscape');
    // The user may have left the view while the library loaded: a detached container has no size to lay out.
    if (!graph.isConnected) return;
    const maxWeight = Math.max(...net.edges.map((e) => e.weight));
    const linked = new Set(net.edges.flatMap((e) => [e.source, e.target]));
    const cy = cytoscape({
      container: graph,
      elements: [
        // Actors with no edge (events without a recipient) would only crowd the picture; the API lists them.
        ...net.nodes.filter((n) => linked.has(n.id)).map((n) => ({ data: { id: n.id, label: n.name, colour: kindColour(n.kind), size: 14 + 4 * Math.sqrt(n.asActor + n.asRecipient) } })),
        ...net.edges.map((e) => ({ data: {
          id: `${e.source}>${e.target}`, source: e.source, target: e.target, weight: e.weight,
          width: 1 + 9 * Math.sqrt(e.weight / maxWeight), colour: mixColour(e.conflict / e.weight),
        } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8, label: 'data(weight)', 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
        { selector: ':selected', style: { 'overlay-color': '#f5c400', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 150, nodeOverlap: 40, gravity: 0.2, componentSpacing: 80, padding: 30 } as cytoscape.LayoutOptions,
      minZoom: 0.2, maxZoom: 4,
    });
    // A handful of nodes would otherwise be blown up to fill the frame.
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
    cy.on('tap', 'edge', (ev) => {
      const edge = net.edges.find((e) => `${e.source}>${e.target}` === ev.target.id());
      if (edge) void showEdge(edge);
    });
    cy.on('tap', 'node', (ev) => { location.hash = href('entity', { id: ev.target.id() }); });
    const pre = params.edge ? net.edges.find((e) => `${e.source}>${e.target}` === params.edge) : undefined;
    if (pre) { cy.getElementById(params.edge!).select(); void showEdge(pre); }
    return () => cy.destroy();
  },
};

function edgeList(net: Network, names: Map<string, Entity>, show: (e: NetworkEdge) => void): HTMLElement {
  return h('details', { class: 'edges' }, h('summary', {}, `All ${net.edges.length} edges as a table`),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Actor', 'Recipient', 'Events', 'Cooperation', 'Conflict', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, net.edges.map((e) => h('tr', {},
        h('td', {}, entityChip(e.source, names)), h('td', {}, entityChip(e.target, names)),
        h('td', { class: 'num' }, e.weight), h('td', { class: 'num' }, e.cooperation), h('td', { class: 'num' }, e.conflict),
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => show(e) }, 'events'))))))));
}

function networkQuery(p: Params): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['from', 'to', 'doc', 'type']) if (p[k]) q[k] = p[k]!;
  return q;
}
