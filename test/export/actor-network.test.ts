import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildActorNetwork, eventInterval, isoDay, mergeIntervals } from '../../src/export/actor-network.js';
import { entity, event, exportOf } from './graph-export-fixtures.js';

const RUS = entity('state:RUS', 'Russia', { iso3: 'RUS', wikidata: 'Q159' });
const BLR = entity('state:BLR', 'Belarus', { iso3: 'BLR' });
const JPN = entity('state:JPN', 'Japan', { iso3: 'JPN' });
const MFA = entity('org:mfa-JPN', 'Ministry of Foreign Affairs', { country: 'state:JPN', sector: 'GOV' });

describe('buildActorNetwork: edges', () => {
  const cases: Array<{ name: string; events: ReturnType<typeof event>[]; edges: Array<[string, string, string, number]> }> = [
    { name: 'one event, one edge', events: [event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-02-24')], edges: [['state:JPN', 'state:RUS', 'ACCUSE', 1]] },
    {
      name: 'several actors and recipients: every pair',
      events: [event('SANCTION', ['state:JPN', 'org:mfa-JPN'], ['state:RUS', 'state:BLR'], null)],
      edges: [['org:mfa-JPN', 'state:BLR', 'SANCTION', 1], ['org:mfa-JPN', 'state:RUS', 'SANCTION', 1], ['state:JPN', 'state:BLR', 'SANCTION', 1], ['state:JPN', 'state:RUS', 'SANCTION', 1]],
    },
    {
      name: 'same pair, different types: separate edges; same type: counted',
      events: [event('ACCUSE', ['state:JPN'], ['state:RUS'], null), event('CONSULT', ['state:JPN'], ['state:RUS'], null), event('ACCUSE', ['state:JPN'], ['state:RUS'], null)],
      edges: [['state:JPN', 'state:RUS', 'ACCUSE', 2], ['state:JPN', 'state:RUS', 'CONSULT', 1]],
    },
    { name: 'direction matters', events: [event('CONSULT', ['state:RUS'], ['state:BLR'], null), event('CONSULT', ['state:BLR'], ['state:RUS'], null)], edges: [['state:BLR', 'state:RUS', 'CONSULT', 1], ['state:RUS', 'state:BLR', 'CONSULT', 1]] },
    { name: 'no recipient: no edge', events: [event('MOBILIZE', ['state:RUS'], [], '2022-09-21')], edges: [] },
    { name: 'self-loop: an entity is not its own recipient', events: [event('CONSULT', ['state:RUS'], ['state:RUS'], null)], edges: [] },
    {
      name: 'joint action coded with the parties on both sides: the cross pairs only',
      events: [event('COOPERATE', ['state:RUS', 'state:BLR'], ['state:RUS', 'state:BLR'], null)],
      edges: [['state:BLR', 'state:RUS', 'COOPERATE', 1], ['state:RUS', 'state:BLR', 'COOPERATE', 1]],
    },
    { name: 'a repeated actor id counts once', events: [event('ACCUSE', ['state:JPN', 'state:JPN'], ['state:RUS'], null)], edges: [['state:JPN', 'state:RUS', 'ACCUSE', 1]] },
    { name: 'no events: empty graph', events: [], edges: [] },
  ];
  it.each(cases)('$name', ({ events, edges }) => {
    const net = buildActorNetwork(exportOf([RUS, BLR, JPN, MFA], events));
    expect(net.edges.map((e) => [e.source, e.target, e.type, e.count])).toEqual(edges);
    expect(net.edges.map((e) => e.id)).toEqual(edges.map((_, i) => `e${i}`));
  });
});

describe('buildActorNetwork: nodes', () => {
  it('has every actor and recipient, with its entity attributes and event counts', () => {
    const net = buildActorNetwork(exportOf([RUS, BLR, JPN, MFA], [
      event('ACCUSE', ['org:mfa-JPN'], ['state:RUS'], '2022-03-01..2022-03-31'),
      event('MOBILIZE', ['state:RUS'], [], '2022-09-21'),
      event('CONSULT', ['state:RUS'], ['state:RUS'], null),
    ]));
    expect(net.nodes.map((n) => n.id)).toEqual(['org:mfa-JPN', 'state:RUS']);
    const [mfa, rus] = net.nodes;
    expect(mfa).toEqual({ id: 'org:mfa-JPN', label: 'Ministry of Foreign Affairs', kind: 'organization', country: 'state:JPN', sector: 'GOV', events: 1, asActor: 1, asRecipient: 0, first: '2022-03-01', last: '2022-03-31' });
    expect(rus).toMatchObject({ label: 'Russia', kind: 'state', iso3: 'RUS', wikidata: 'Q159', events: 3, asActor: 2, asRecipient: 2, first: '2022-03-01', last: '2022-09-21' });
  });

  it('names an entity the export does not describe by its id', () => {
    const net = buildActorNetwork(exportOf([], [event('ACCUSE', ['state:XYZ'], ['state:RUS'], null)]));
    expect(net.nodes[0]).toMatchObject({ id: 'state:RUS', label: 'state:RUS', kind: 'other' });
    expect(net.nodes[0]!.first).toBeUndefined();
  });

  it('leaves entities out that neither act nor receive', () => {
    expect(buildActorNetwork(exportOf([RUS, BLR], [])).nodes).toEqual([]);
  });
});

describe('buildActorNetwork: edge attributes', () => {
  it('dates: first start and last end; several periods as intervals', () => {
    const [edge] = buildActorNetwork(exportOf([RUS, JPN], [
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-05-01..2022-05-31'),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-02-24'),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], '2022-05-10'),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], null),
    ])).edges;
    expect(edge).toMatchObject({ count: 4, first: '2022-02-24', last: '2022-05-31', intervals: [{ start: '2022-02-24', end: '2022-02-24' }, { start: '2022-05-01', end: '2022-05-31' }] });
  });

  it('undated events only: no dates', () => {
    const [edge] = buildActorNetwork(exportOf([RUS, JPN], [event('ACCUSE', ['state:JPN'], ['state:RUS'], null)])).edges;
    expect(edge!.first).toBeUndefined();
    expect(edge!.last).toBeUndefined();
    expect(edge!.intervals).toEqual([]);
  });

  it('negated events are counted apart and left out of the mean intensity', () => {
    const [edge] = buildActorNetwork(exportOf([RUS, JPN], [
      event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { intensity: -4, quad: 3 }),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { intensity: -2, quad: 3 }),
      event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { intensity: -4, quad: 3, negated: true }),
    ])).edges;
    expect(edge).toMatchObject({ count: 3, negated: 1, quad: 3, meanIntensity: -3 });
  });

  it('all negated: no mean intensity', () => {
    const [edge] = buildActorNetwork(exportOf([RUS, JPN], [event('ACCUSE', ['state:JPN'], ['state:RUS'], null, { negated: true, intensity: -4 })])).edges;
    expect(edge).toMatchObject({ count: 1, negated: 1 });
    expect(edge!.meanIntensity).toBeUndefined();
  });

  it('quad class: the most frequent, the lower on a tie', () => {
    const quads = (qs: number[]) => buildActorNetwork(exportOf([RUS, JPN], qs.map((quad) => event('DEMAND', ['state:JPN'], ['state:RUS'], null, { quad })))).edges[0]!.quad;
    expect(quads([3, 4, 4])).toBe(4);
    expect(quads([4, 3])).toBe(3);
  });

  it('does not depend on the order of the events or entities', () => {
    const ids = ['state:RUS', 'state:BLR', 'state:JPN', 'org:mfa-JPN'];
    const pool = [RUS, BLR, JPN, MFA];
    const arbEvent = fc.record({
      type: fc.constantFrom('ACCUSE', 'CONSULT', 'AID'),
      actors: fc.subarray(ids, { minLength: 1 }), recipients: fc.subarray(ids),
      day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }), negated: fc.boolean(), intensity: fc.integer({ min: -10, max: 10 }),
    }).map((e) => event(e.type, e.actors, e.recipients, e.day === null ? null : `2022-02-${String(e.day).padStart(2, '0')}`, { negated: e.negated, intensity: e.intensity }));
    const eventsAndPermutation = fc.array(arbEvent, { maxLength: 12 })
      .chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })));
    fc.assert(fc.property(eventsAndPermutation, ([events, shuffled]) => {
      expect(buildActorNetwork(exportOf([...pool].reverse(), shuffled))).toEqual(buildActorNetwork(exportOf(pool, events)));
    }));
  });
});

describe('dates', () => {
  it.each([
    ['2022-02-24', '2022-02-24'], ['2022-02-24T10:00:00Z', '2022-02-24'], ['2022-02-30', null], ['2022-13-01', null],
    ['2022-02', null], ['2022', null], ['', null], [null, null], ['2024-02-29', '2024-02-29'], ['2023-02-29', null],
  ])('isoDay(%j) = %j', (input, expected) => {
    expect(isoDay(input)).toBe(expected);
  });

  it.each([
    [null, null],
    [{ value: '2022-03', start: '2022-03-01', end: '2022-03-31' }, { start: '2022-03-01', end: '2022-03-31' }],
    [{ value: '2022-03-05', start: null, end: null }, { start: '2022-03-05', end: '2022-03-05' }],
    [{ value: '2022', start: null, end: null }, null],
    [{ value: 'x', start: '2022-01-01', end: null }, { start: '2022-01-01', end: '2022-01-01' }],
    [{ value: 'x', start: '2022-05-01', end: '2022-01-01' }, { start: '2022-01-01', end: '2022-05-01' }],
  ])('eventInterval(%j) = %j', (input, expected) => {
    expect(eventInterval(input)).toEqual(expected);
  });

  it.each([
    { input: [], expected: [] },
    { input: [['2022-03-01', '2022-03-10'], ['2022-03-05', '2022-03-20']], expected: [['2022-03-01', '2022-03-20']] },
    { input: [['2022-03-11', '2022-03-12'], ['2022-03-01', '2022-03-10']], expected: [['2022-03-01', '2022-03-12']] },
    { input: [['2022-02-28', '2022-02-28'], ['2022-03-01', '2022-03-01']], expected: [['2022-02-28', '2022-03-01']] },
    { input: [['2022-03-01', '2022-03-01'], ['2022-03-03', '2022-03-03']], expected: [['2022-03-01', '2022-03-01'], ['2022-03-03', '2022-03-03']] },
    { input: [['2022-01-01', '2022-12-31'], ['2022-05-01', '2022-05-02']], expected: [['2022-01-01', '2022-12-31']] },
  ])('mergeIntervals $input', ({ input, expected }) => {
    const toIntervals = (xs: string[][]) => xs.map(([start, end]) => ({ start: start!, end: end! }));
    expect(mergeIntervals(toIntervals(input))).toEqual(toIntervals(expected));
  });
});
