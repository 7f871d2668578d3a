/**
 * Draw an actor network from a GraphML export (`diplograph export --format graphml`) as a PNG, the way a
 * reader would see it after opening the file: the file is read back with an independent XML parser,
 * laid out with cytoscape in headless Debian chromium, and screenshotted.
 *
 *   npx tsx scripts/render-network.ts network.graphml [docs/network-graphml.png]
 *
 * Node colour: entity kind (the explorer's colours). Node label: name. Edge width: number of events;
 * colour: cooperation (quad 1-2) or conflict (3-4); label: PLOVER event type. Actors with no edge are left
 * out of the picture (they are in the file). CHROMIUM_PATH overrides /usr/bin/chromium; nothing is downloaded.
 */
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import { KIND_COLOURS, kindColour } from '../web/src/entity-kinds.js';
import { CONFLICT_COLOUR, COOPERATION_COLOUR, quadColour } from '../web/src/event-labels.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface GraphmlGraph {
  nodes: Array<{ id: string; data: Record<string, string> }>;
  edges: Array<{ source: string; target: string; data: Record<string, string> }>;
}

/** Nodes and edges of a GraphML file, their <data> values named by the keys' attr.name. */
export function readGraphmlFile(file: string): GraphmlGraph {
  const xml = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, htmlEntities: true,
    alwaysCreateTextNode: true, isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  const root = parser.parse(xml).graphml;
  if (!root?.graph) throw new Error(`${file}: no <graphml><graph> element`);
  const names = new Map<string, string>((root.key ?? []).map((k: Record<string, string>) => [k['@id'], k['@attr.name'] ?? k['@id']]));
  const data = (items: Array<Record<string, string>> | undefined): Record<string, string> =>
    Object.fromEntries((items ?? []).map((d) => [names.get(d['@key']!) ?? d['@key']!, d['#text'] ?? '']));
  return {
    nodes: (root.graph.node ?? []).map((n: Record<string, any>) => ({ id: n['@id'], data: data(n.data) })),
    edges: (root.graph.edge ?? []).map((e: Record<string, any>) => ({ source: e['@source'], target: e['@target'], data: data(e.data) })),
  };
}

/** Cytoscape elements: linked nodes only, sized by their events; edges sized by count. */
function elements(graph: GraphmlGraph): object[] {
  const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
  const maxCount = Math.max(1, ...graph.edges.map((e) => Number(e.data.count ?? e.data.weight ?? 1)));
  return [
    ...graph.nodes.filter((n) => linked.has(n.id)).map((n) => ({
      data: { id: n.id, label: n.data.label ?? n.data.name ?? n.id, colour: kindColour(n.data.kind ?? 'other'), size: 20 + 7 * Math.sqrt(Number(n.data.events ?? 1)) },
    })),
    ...graph.edges.map((e, i) => {
      const count = Number(e.data.count ?? e.data.weight ?? 1);
      return { data: {
        id: `e${i}`, source: e.source, target: e.target, label: e.data.event_type ?? '',
        width: 1.5 + 9 * Math.sqrt(count / maxCount), colour: quadColour(Number(e.data.quad ?? 1)),
      } };
    }),
  ];
}

/** JSON that can sit inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function page(graph: GraphmlGraph, title: string): string {
  const kinds = [...new Set(graph.nodes.filter((n) => graph.edges.some((e) => e.source === n.id || e.target === n.id)).map((n) => n.data.kind ?? 'other'))].sort();
  const legend = [
    ...kinds.map((k) => `<span><i style="background:${KIND_COLOURS[k] ?? kindColour(k)}"></i>${k}</span>`),
    `<span><b style="background:${COOPERATION_COLOUR}"></b>cooperation</span>`,
    `<span><b style="background:${CONFLICT_COLOUR}"></b>conflict</span>`,
    '<span>edge width: events</span>',
  ].join('');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font: 14px system-ui, sans-serif; background: #fff; color: #222; }
  h1 { font-size: 17px; margin: 12px 16px 4px; }
  .legend { margin: 0 16px; display: flex; gap: 14px; flex-wrap: wrap; font-size: 13px; }
  .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
  .legend b { display: inline-block; width: 18px; height: 4px; margin-right: 5px; vertical-align: 3px; }
  #cy { position: absolute; top: 64px; left: 0; right: 0; bottom: 0; }
</style></head><body><h1>${escape(title)}</h1><div class="legend">${legend}</div><div id="cy"></div>
<script>window.__elements = ${scriptJson(elements(graph))};</script></body></html>`;
}

// Runs in the page after cytoscape is loaded: a seeded random source so that the layout, and the PNG, repeat.
const LAYOUT = `new Promise((resolve) => {
  let seed = 20220224;
  Math.random = () => { seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const cy = cytoscape({
    container: document.getElementById('cy'), elements: window.__elements, autoungrabify: true,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 17,
        'text-valign': 'bottom', 'text-margin-y': 3, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2, 'text-wrap': 'wrap', 'text-max-width': 190 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', opacity: 0.75, label: 'data(label)', 'font-size': 10, color: '#444', 'text-rotation': 'autorotate',
        'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1 } },
    ],
  });
  const layout = cy.layout({ name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 170, edgeElasticity: () => 80,
    nodeOverlap: 40, gravity: 0.4, componentSpacing: 60, numIter: 2500, padding: 40 });
  layout.one('layoutstop', () => { cy.fit(undefined, 40); requestAnimationFrame(() => resolve({ nodes: cy.nodes().length, edges: cy.edges().length })); });
  layout.run();
})`;

export async function renderNetwork(graphmlFile: string, pngFile: string): Promise<{ nodes: number; edges: number }> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const graph = readGraphmlFile(graphmlFile);
  const cytoscapeBundle = createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js');
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target])).size;
    await tab.setContent(page(graph, `Actor network read from ${path.basename(graphmlFile)}: ${linked} actors, ${graph.edges.length} actor → recipient edges (one per event type)`));
    await tab.addScriptTag({ path: cytoscapeBundle });
    const drawn = await tab.evaluate(LAYOUT) as { nodes: number; edges: number };
    mkdirSync(path.dirname(pngFile), { recursive: true });
    await tab.screenshot({ path: pngFile });
    return drawn;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [input, output = path.join(ROOT, 'docs', 'network-graphml.png')] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('usage: npx tsx scripts/render-network.ts <network.graphml> [out.png]\n');
    process.exit(2);
  }
  try {
    const drawn = await renderNetwork(input, output);
    process.stdout.write(`${output}: ${drawn.nodes} nodes, ${drawn.edges} edges\n`);
  } catch (err) {
    process.stderr.write(`render-network: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
