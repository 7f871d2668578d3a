import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/compare/compare-documents.js';
import { buildComparable, type FactSpec } from './build-comparable.js';

// A made-up edition and its revision. Edits: s1 reworded, s3 date changed, s4 condemnation negated,
// s5 removed, one sentence added at the end; s0, s2 and s6 stay as they are.
const OLD = [
  'The ministry published its annual review of relations with the region.',
  'Freedonia strongly supports the mediation efforts of the United Nations in the region.',
  'Trade between Freedonia and Sylvania grew steadily over the year.',
  'On 3 March 2022, Freedonia imposed sanctions on Sylvania.',
  'Freedonia condemned the attack by Sylvania on the border post.',
  'Officials from Freedonia visited Osterlich to discuss fisheries.',
  'Both countries agreed to keep talking through the winter.',
];
const NEW = [
  OLD[0]!,
  'Freedonia firmly supports the mediation efforts of the United Nations in the region.',
  OLD[2]!,
  'On 5 March 2022, Freedonia imposed sanctions on Sylvania.',
  'Freedonia did not condemn the attack by Sylvania on the border post.',
  OLD[6]!,
  'In December, Freedonia and Sylvania signed a fisheries accord.',
];
const mentions = [{ text: 'Freedonia', entity: 'state:FRE' }, { text: 'Sylvania', entity: 'state:SYL' }, { text: 'Osterlich', entity: 'state:OST' }];
const factsOld: FactSpec = {
  mentions,
  events: [
    { type: 'SUPPORT', actors: ['state:FRE'], recipients: ['org:UN'], negated: false, trigger: 'strongly supports' },
    { type: 'SANCTION', actors: ['state:FRE'], recipients: ['state:SYL'], negated: false, trigger: 'imposed sanctions', date: '2022-03-03' },
    { type: 'ACCUSE', actors: ['state:FRE'], recipients: ['state:SYL'], negated: false, trigger: 'condemned' },
    { type: 'CONSULT', actors: ['state:FRE'], recipients: ['state:OST'], negated: false, trigger: 'visited' },
  ],
  stances: [{ holder: 'state:FRE', target: 'state:SYL', stance: 'condemns', negated: false, at: 'condemned the attack' }],
  timexes: [{ text: '3 March 2022', value: '2022-03-03' }],
};
const factsNew: FactSpec = {
  mentions: mentions.filter((m) => m.entity !== 'state:OST'),
  events: [
    { type: 'SUPPORT', actors: ['state:FRE'], recipients: ['org:UN'], negated: false, trigger: 'firmly supports' },
    { type: 'SANCTION', actors: ['state:FRE'], recipients: ['state:SYL'], negated: false, trigger: 'imposed sanctions', date: '2022-03-05' },
    { type: 'ACCUSE', actors: ['state:FRE'], recipients: ['state:SYL'], negated: true, trigger: 'condemn' },
    { type: 'AGREE', actors: ['state:FRE', 'state:SYL'], recipients: [], negated: false, trigger: 'signed', date: '2022-12' },
  ],
  stances: [{ holder: 'state:FRE', target: 'state:SYL', stance: 'condemns', negated: true, at: 'did not condemn' }],
  agreements: [{ entity: 'agreement:fisheries', status: 'signed', negated: false, at: 'fisheries accord' }],
  timexes: [{ text: '5 March 2022', value: '2022-03-05' }, { text: 'December', value: '2022-12' }],
};

describe('compareDocuments on an edited copy', () => {
  const a = buildComparable('old', OLD, factsOld);
  const b = buildComparable('new', NEW, factsNew);
  const c = compareDocuments(a, b);

  it('classifies every sentence: exactly the edits, nothing else', () => {
    const rows = c.sentences.map((r) => [r.status, r.a?.index ?? null, r.b?.index ?? null]);
    expect(rows).toEqual([
      ['unchanged', 0, 0], ['reworded', 1, 1], ['unchanged', 2, 2], ['reworded', 3, 3], ['reworded', 4, 4],
      ['removed', 5, null], ['unchanged', 6, 5], ['added', null, 6],
    ]);
    expect(c.counts).toEqual({ unchanged: 3, reworded: 3, added: 1, removed: 1, moved: 0 });
  });

  it('gives reworded sentences a word-level diff', () => {
    const diff = (i: number) => c.sentences.find((r) => r.a?.index === i)!.diff!.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text.trim()]);
    expect(diff(1)).toEqual([['delete', 'strongly'], ['insert', 'firmly']]);
    expect(diff(3)).toEqual([['delete', '3'], ['insert', '5']]);
    expect(diff(4)).toEqual([['delete', 'condemned'], ['insert', 'did not condemn']]);
  });

  it('finds exactly the changes in substance', () => {
    const got = c.changes.map((x) => [x.kind, x.change, x.fields ?? [], x.aId ?? null, x.bId ?? null]);
    expect(got).toEqual([
      ['agreement', 'appeared', [], null, 'new:a0'],
      ['stance', 'changed', ['negated'], 'old:s1', 'new:s1'],
      ['event', 'changed', ['date'], 'old:e2', 'new:e2'],
      ['event', 'changed', ['negated'], 'old:e3', 'new:e3'],
      ['event', 'disappeared', [], 'old:e4', null],
      ['event', 'appeared', [], null, 'new:e4'],
      ['date', 'changed', ['value'], null, null],
    ]);
    expect(c.unchanged).toEqual({ events: 1, stances: 0, agreements: 0 });
    expect(c.changes.find((x) => x.kind === 'stance')!.summary).toBe('Freedonia condemns Sylvania → not condemns');
    expect(c.changes.find((x) => x.kind === 'date')!.summary).toContain('(2022-03-03) → “5 March 2022” (2022-03-05)');
  });

  it('cites evidence that slices out of each document', () => {
    for (const x of c.changes) {
      if (x.a) expect(a.text.slice(x.a.start, x.a.end)).toBe(x.a.text);
      if (x.b) expect(b.text.slice(x.b.start, x.b.end)).toBe(x.b.text);
    }
    for (const r of c.sentences) {
      if (r.a) expect(a.text.slice(r.a.start, r.a.end)).toBe(r.a.text);
      if (r.b) expect(b.text.slice(r.b.start, r.b.end)).toBe(r.b.text);
    }
  });

  it('finds nothing between a document and itself', () => {
    const same = compareDocuments(a, buildComparable('copy', OLD, factsOld));
    expect(same.changes).toEqual([]);
    expect(same.counts).toEqual({ unchanged: OLD.length, reworded: 0, added: 0, removed: 0, moved: 0 });
  });
});

describe('substance across sentences that are not aligned', () => {
  it('pairs an agreement whose status changed anywhere in the document', () => {
    const a = buildComparable('a', ['The treaty on open skies remained in force throughout the year.'], { agreements: [{ entity: 'agreement:os', status: 'in_force', negated: false, at: 'in force' }] });
    const b = buildComparable('b', ['Citing violations, the parties suspended the open skies treaty in May.'], { agreements: [{ entity: 'agreement:os', status: 'suspended', negated: false, at: 'suspended' }] });
    const c = compareDocuments(a, b);
    expect(c.sentences.map((r) => r.status)).toEqual(['removed', 'added']);
    expect(c.changes.map((x) => [x.kind, x.change, x.fields, x.pairedBy, x.summary])).toEqual([
      ['agreement', 'changed', ['status'], 'document', 'agreement:os: in force → suspended'],
    ]);
  });

  it('reports a moved sentence as unchanged and moved, not removed and added', () => {
    const s = ['Alpha ministers met in the capital for trade talks.', 'Beta officials toured the new harbour facilities.', 'Gamma delegates signed the water accord on Friday.'];
    const c = compareDocuments(buildComparable('a', s), buildComparable('b', [s[2]!, s[0]!, s[1]!]));
    expect(c.counts).toMatchObject({ unchanged: 3, added: 0, removed: 0, moved: 1 });
  });
});

describe('actor descriptions', () => {
  const mentions = [{ text: 'Crimea', entity: 'place:crimea' }, { text: 'Sylvania', entity: 'state:SYL' }];
  const cases: Array<[string, string, string, string[]]> = [
    ['apposition after a comma', 'The situation in Crimea remains tense.', 'The situation in Crimea, illegally occupied since 2014, remains tense.', ['place:crimea|illegally occupied']],
    ['modifier after a determiner', 'Patrols near Crimea continued.', 'Patrols near the occupied Crimea continued.', ['place:crimea|occupied']],
    ['possessive noun phrase', 'Sylvania troops crossed the line.', "Sylvania's unprovoked aggression crossed the line.", ['state:SYL|unprovoked aggression']],
    ['act attributed with by', 'Sylvania moved troops to Crimea.', 'The territories seized by Sylvania include Crimea.', ['state:SYL|territories seized']],
    // Negative cases: a verb taking the actor as object, or the actor's own predicate, is not a description.
    ['verb before the actor', 'Sylvania moved troops.', 'We condemned Sylvania for moving troops.', []],
    ['predicate after the actor', 'Sylvania moved troops.', 'Sylvania strongly denies moving troops.', []],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    const c = compareDocuments(buildComparable('a', [before], { mentions }), buildComparable('b', [after], { mentions }));
    const found = c.changes.filter((x) => x.kind === 'description' && x.change === 'appeared').map((x) => `${x.entity}|${x.term}`);
    expect(found).toEqual(expected);
  });

  it('says nothing about an actor only one document mentions', () => {
    const c = compareDocuments(buildComparable('a', ['Nothing happened.'], { mentions }), buildComparable('b', ['Crimea, illegally occupied, stayed quiet.'], { mentions }));
    expect(c.changes.filter((x) => x.kind === 'description')).toEqual([]);
  });
});

describe('section alignment', () => {
  it('pairs identical and renamed sections and counts their sentences', () => {
    const s = ['Alpha ministers met in the capital for trade talks.', 'Beta officials toured the new harbour facilities.', 'Gamma delegates signed the water accord on Friday.'];
    const a = buildComparable('a', s, {}, [{ title: 'Trade', before: 0 }, { title: 'Infrastructure', before: 1 }]);
    const b = buildComparable('b', s, {}, [{ title: 'Trade', before: 0 }, { title: 'Ports and water', before: 1 }]);
    const c = compareDocuments(a, b);
    expect(c.sections.map((x) => [x.status, x.a?.title, x.b?.title, x.rule, x.counts.unchanged])).toEqual([
      ['same', 'Trade', 'Trade', 'title', 1],
      ['renamed', 'Infrastructure', 'Ports and water', 'content', 2],
    ]);
  });
});
