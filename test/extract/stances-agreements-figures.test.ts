import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { makeAnalysedDoc, type DocSpec, type MentionSpec } from '../helpers/make-analysed-doc.js';

const M: MentionSpec[] = [
  { text: 'France', entity: 'state:FRA' },
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
  { text: 'Chile', entity: 'state:CHL' },
  { text: 'the General Assembly', entity: 'org:UNGA' },
  { text: 'the Fisheries Agreement', entity: 'agreement:fish', kind: 'agreement' },
  { text: 'the Arms Treaty', entity: 'agreement:arms', kind: 'agreement' },
  { text: 'President Ruto', entity: 'person:ruto' },
];

function run(text: string, extra: Omit<DocSpec, 'mentions'> = {}) {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions, ...extra }));
}

describe('stances', () => {
  const cases: [string, { holder: string; target: string | null; stance: string; negated: boolean }][] = [
    ['France supports the resolution.', { holder: 'state:FRA', target: null, stance: 'supports', negated: false }],
    ['Kenya condemned Ethiopia.', { holder: 'state:KEN', target: 'state:ETH', stance: 'condemns', negated: false }],
    ['Chile has never condemned Ethiopia.', { holder: 'state:CHL', target: 'state:ETH', stance: 'condemns', negated: true }],
    ['Kenya abstained from the vote in the General Assembly.', { holder: 'state:KEN', target: null, stance: 'abstains', negated: false }],
    ['Chile opposed unilateral sanctions.', { holder: 'state:CHL', target: null, stance: 'opposes', negated: false }],
    ['Kenya refrained from condemning Ethiopia.', { holder: 'state:KEN', target: 'state:ETH', stance: 'refrains', negated: false }],
    ['France is monitoring the situation in Ethiopia with grave concern.', { holder: 'state:FRA', target: 'state:ETH', stance: 'concerned', negated: false }],
  ];
  for (const [text, want] of cases) {
    it(text, () => {
      const stances = run(text).stances;
      expect(stances.length).toBeGreaterThan(0);
      expect(stances[0]).toMatchObject(want);
    });
  }
  it('a stance needs a holder, and a possible one is not a stance', () => {
    expect(run('The possibility of nuclear use continues to be a concern.').stances).toEqual([]);
    expect(run('Kenya may support the resolution.').stances).toEqual([]);
  });
});

describe('agreement status', () => {
  const cases: [string, { entity: string; status: string; by: string[]; modality?: string }][] = [
    ['Ethiopia suspended the Fisheries Agreement.', { entity: 'agreement:fish', status: 'suspended', by: ['state:ETH'] }],
    ['President Ruto announced the suspension of the Arms Treaty.', { entity: 'agreement:arms', status: 'suspended', by: ['person:ruto'] }],
    ['Kenya announced it would suspend the Fisheries Agreement.', { entity: 'agreement:fish', status: 'suspended', by: ['state:KEN'], modality: 'planned' }],
    ['Ethiopia withdrew from the Arms Treaty.', { entity: 'agreement:arms', status: 'withdrawn', by: ['state:ETH'] }],
    ['Chile had violated the Arms Treaty.', { entity: 'agreement:arms', status: 'violated', by: ['state:CHL'] }],
    ['Ethiopia discontinued negotiations on a peace treaty.', { entity: 'agreement:text:negotiations-on-peace-treaty', status: 'discontinued', by: ['state:ETH'] }],
    // No agent: the exchanges' two parties, as on the event coded on the same words.
    ['Cultural exchanges between Kenya and Ethiopia have been put on hold.', { entity: 'agreement:text:cultural-exchanges', status: 'on_hold', by: ['state:KEN', 'state:ETH'] }],
    ['France and Kenya signed the Fisheries Agreement.', { entity: 'agreement:fish', status: 'signed', by: ['state:FRA', 'state:KEN'] }],
  ];
  for (const [text, want] of cases) {
    it(text, () => {
      const changes = run(text).agreementStatus;
      expect(changes[0]).toMatchObject({ modality: 'asserted', ...want });
    });
  }
  it('a noun alone is not a status change', () => {
    expect(run('The resumption of the programs is a priority for Kenya.').agreementStatus).toEqual([]);
  });
});

describe('figures', () => {
  it('GDP growth by quarter with subject and period', () => {
    const text = 'GDP growth in Kenya from January to March was +3.5%, but fell -4.1% from April to June.';
    const out = run(text, {
      quantities: [
        { text: '+3.5%', value: 3.5, unit: '%' },
        { text: '-4.1%', value: -4.1, unit: '%' },
      ],
      timexes: [
        { text: 'from January to March', value: '2022-Q1', range: { start: '2022-01-01', end: '2022-03-31' } },
        { text: 'from April to June', value: '2022-Q2', range: { start: '2022-04-01', end: '2022-06-30' } },
      ],
    });
    expect(out.figures.map((f) => [f.what, f.subject, f.value, f.period?.value])).toEqual([
      ['GDP growth', 'state:KEN', 3.5, '2022-Q1'],
      ['GDP growth', 'state:KEN', -4.1, '2022-Q2'],
    ]);
  });
  it('approval rating, trade value, counts', () => {
    const a = run("President Ruto's approval rating stood at 70%.", { quantities: [{ text: '70%', value: 70, unit: '%' }] }).figures;
    expect(a[0]).toMatchObject({ what: 'approval rating', subject: 'person:ruto', value: 70 });
    const t = run('Total trade between Kenya and Chile was 2.5 billion dollars.', { quantities: [{ text: '2.5 billion dollars', value: 2.5e9, unit: 'USD' }] }).figures;
    expect(t[0]).toMatchObject({ what: 'trade value', subject: 'state:KEN', value: 2.5e9 });
    const c = run('Kenya mobilized some 300,000 people.', { quantities: [{ text: 'some 300,000 people', value: 300000, unit: 'people' }] }).figures;
    expect(c[0]).toMatchObject({ what: 'number of people', value: 300000 });
  });
  it('a number whose measure is unknown is not a figure', () => {
    expect(run('Kenya sent 12 boxes.', { quantities: [{ text: '12 boxes', value: 12, unit: 'boxes' }] }).figures).toEqual([]);
  });
});
