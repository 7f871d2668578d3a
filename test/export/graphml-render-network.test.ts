import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderGraphml } from '../../src/export/export-graphml.js';
import { readGraphmlFile } from '../../scripts/render-network.js';
import { entity, event, exportOf, joined } from './graph-export-fixtures.js';

/** The README picture's script reads the exported file itself: what it reads must be what was exported. */
describe('render-network: reading a GraphML export', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diplograph-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => { const file = path.join(dir, name); writeFileSync(file, text); return file; };

  it('reads nodes and edges with attribute names from the keys', () => {
    const file = write('net.graphml', joined(renderGraphml(exportOf(
      [entity('state:JPN', 'Japan & co'), entity('state:RUS', 'Russia')],
      [event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-02-24', { quad: 3 }), event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { quad: 3 })],
    ))));
    const graph = readGraphmlFile(file);
    expect(graph.nodes.map((n) => [n.id, n.data.label, n.data.kind])).toEqual([['state:JPN', 'Japan & co', 'state'], ['state:RUS', 'Russia', 'state']]);
    expect(graph.edges).toEqual([{ source: 'state:JPN', target: 'state:RUS', data: expect.objectContaining({ event_type: 'ACCUSE', count: '2', quad: '3' }) }]);
  });

  it.each([
    ['not XML', '<graphml><graph>'],
    ['no graph', '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"></graphml>'],
  ])('refuses %s, naming the file', (_, text) => {
    const file = write('bad.graphml', text);
    expect(() => readGraphmlFile(file)).toThrow(file);
  });

});
