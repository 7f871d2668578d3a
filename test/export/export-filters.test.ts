import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { exportJson } from '../../src/export/export-json.js';
import { datePrefixProblem, validateExportFilters, type ExportFilters } from '../../src/export/export-filters.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';
import { storeFixture } from './export-fixture.js';

describe('validateExportFilters', () => {
  const ok: Array<[string, Parameters<typeof validateExportFilters>[0], ExportFilters]> = [
    ['nothing', {}, {}],
    ['empty lists and blanks are no filter', { docs: [], actors: [' '], from: '', to: '  ' }, {}],
    ['types are upper-cased', { types: ['accuse', 'Sanction'] }, { types: ['ACCUSE', 'SANCTION'] }],
    ['year, month and day', { from: '2022', to: '2022-02-28' }, { from: '2022', to: '2022-02-28' }],
    ['a month inside the year it ends', { from: '2022-05', to: '2022' }, { from: '2022-05', to: '2022' }],
    ['leap day', { from: '2024-02-29' }, { from: '2024-02-29' }],
    ['docs and actors trimmed', { docs: [' a ', 'b'], actors: ['state:RUS'] }, { docs: ['a', 'b'], actors: ['state:RUS'] }],
  ];
  it.each(ok)('accepts %s', (_name, raw, expected) => {
    expect(validateExportFilters(raw)).toEqual(expected);
  });

  const bad: Array<[Parameters<typeof validateExportFilters>[0], RegExp]> = [
    [{ from: 'March' }, /from: not a date: "March"/],
    [{ to: '22' }, /to: not a date/],
    [{ from: '2022-1' }, /not a date/],
    [{ from: '2022-13' }, /month 13/],
    [{ to: '2023-02-29' }, /day 29/],
    [{ from: '2022-04-31' }, /day 31/],
    [{ from: '2022-00' }, /month 00/],
    [{ from: '2023', to: '2022-12' }, /from 2023 is after to 2022-12/],
    [{ types: ['HUG'] }, /unknown event type\(s\): HUG; use AGREE/],
  ];
  it.each(bad)('rejects %j', (raw, message) => {
    expect(() => validateExportFilters(raw)).toThrow(RangeError);
    expect(() => validateExportFilters(raw)).toThrow(message);
  });

  it('datePrefixProblem is null exactly for real calendar prefixes', () => {
    for (const v of ['1999', '2000-02-29', '2021-12', '2021-12-31']) expect(datePrefixProblem(v)).toBeNull();
    for (const v of ['1900-02-29', '2021-12-32', '2021-1-1', '20211', 'x2021', '2021-']) expect(datePrefixProblem(v)).not.toBeNull();
  });
});

/** What a filtered export kept, by record key, for table-driven comparison. */
function kept(data: ExportJson) {
  return {
    documents: data.documents.map((d) => d.id),
    events: data.events.map((e) => e.id).sort(),
    stances: data.stances.map((s) => s.id).sort(),
    statuses: data.agreements.flatMap((a) => a.history.map((h) => `${a.entity}:${h.status}`)).sort(),
    figures: data.figures.map((f) => f.id),
    timexes: data.timexes.map((t) => t.value).sort(),
    mentioned: [...new Set(data.mentions.map((m) => m.entity))].sort(),
    messages: data.messages.map((m) => m.doc),
  };
}

for (const target of await testDatabases('export filters')) describe.skipIf(!!target.skip)(`exportJson filters (${target.label})`, () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    await storeFixture(kb);
  }, 60_000);
  afterAll(async () => kb.close(), 60_000);

  const ALL = { documents: ['doc-a', 'doc-b'], timexes: ['2021', '2022-03', '2022-05', '2023-01', '2023-02'], mentioned: ['agreement:gamma', 'state:ALP', 'state:BET', 'state:GMR'], messages: ['doc-a', 'doc-b'] };
  const cases: Array<[string, ExportFilters, Partial<ReturnType<typeof kept>>]> = [
    ['no filter keeps everything', {}, {
      ...ALL, events: ['doc-a:e0', 'doc-a:e1', 'doc-b:e0'], stances: ['doc-a:s0', 'doc-b:s0'],
      statuses: ['agreement:gamma:resumed', 'agreement:gamma:suspended'], figures: ['doc-a:f0'],
    }],
    ['a document keeps all of it and only it', { docs: ['doc-b'] }, {
      documents: ['doc-b'], events: ['doc-b:e0'], stances: ['doc-b:s0'], statuses: ['agreement:gamma:resumed'], figures: [],
      timexes: ['2023-01', '2023-02'], mentioned: ['agreement:gamma', 'state:ALP', 'state:BET', 'state:GMR'], messages: ['doc-b'],
    }],
    ['a year keeps what overlaps it and leaves undated records out', { from: '2022', to: '2022' }, {
      documents: ['doc-a'], events: ['doc-a:e0'], stances: [], statuses: ['agreement:gamma:suspended'], figures: [],
      timexes: ['2022-03', '2022-05'], mentioned: ['agreement:gamma', 'state:ALP', 'state:BET'], messages: ['doc-a'],
    }],
    ['an open-ended start', { from: '2023-02' }, {
      documents: ['doc-b'], events: [], stances: ['doc-b:s0'], statuses: [], figures: [], timexes: ['2023-02'], mentioned: ['state:BET', 'state:GMR'],
    }],
    ['an open-ended end keeps figures by their period', { to: '2021-12-31' }, {
      documents: ['doc-a'], events: ['doc-a:e1'], stances: [], statuses: [], figures: ['doc-a:f0'], timexes: ['2021'],
    }],
    ['an actor keeps what it does, not what is done to it', { actors: ['state:ALP'] }, {
      documents: ['doc-a', 'doc-b'], events: ['doc-a:e0'], stances: ['doc-a:s0'], statuses: ['agreement:gamma:resumed'], figures: ['doc-a:f0'],
      timexes: ALL.timexes, mentioned: ['agreement:gamma', 'state:ALP', 'state:BET'], messages: ['doc-a', 'doc-b'],
    }],
    ['an event type narrows events only', { types: ['SANCTION'] }, {
      documents: ['doc-a', 'doc-b'], events: ['doc-a:e1'], stances: ['doc-a:s0', 'doc-b:s0'], statuses: ['agreement:gamma:resumed', 'agreement:gamma:suspended'], figures: ['doc-a:f0'],
    }],
    ['filters combine', { actors: ['state:GMR'], types: ['CONSULT'], from: '2023' }, {
      documents: ['doc-b'], events: ['doc-b:e0'], stances: ['doc-b:s0'], statuses: [], figures: [], mentioned: ['state:ALP', 'state:BET', 'state:GMR'],
    }],
    ['an actor with nothing keeps nothing', { actors: ['state:NOPE'] }, {
      documents: [], events: [], stances: [], statuses: [], figures: [], timexes: [], mentioned: [], messages: [],
    }],
    ['an unknown document keeps nothing', { docs: ['doc-zzz'] }, { documents: [], events: [], mentioned: [], messages: [] }],
  ];

  it.each(cases)('%s', async (_name, filters, expected) => {
    const data = await exportJson(kb, filters);
    expect(kept(data)).toMatchObject(expected);
  });

  it.each(cases)('%s: every reference resolves and no entity is unreferenced', async (_name, filters) => {
    const data = await exportJson(kb, filters);
    const docs = new Set(data.documents.map((d) => d.id));
    const spans = [
      ...data.events.flatMap((e) => [e.evidence, e.trigger]), ...data.stances.map((s) => s.evidence),
      ...data.agreements.flatMap((a) => a.history.map((h) => h.evidence)), ...data.figures.flatMap((f) => [f.span, f.evidence]),
      ...data.mentions, ...data.timexes,
    ];
    for (const s of spans) {
      expect(docs.has(s.doc)).toBe(true);
      expect(data.documents.find((d) => d.id === s.doc)!.text.slice(s.start, s.end)).toBe(s.text);
    }
    for (const m of data.messages) expect(docs.has(m.doc)).toBe(true);
    const named = new Set<string>([
      ...data.events.flatMap((e) => [...e.actors, ...e.recipients]), ...data.stances.flatMap((s) => [s.holder, ...(s.target ? [s.target] : [])]),
      ...data.agreements.flatMap((a) => [a.entity, ...a.history.flatMap((h) => h.by)]), ...data.figures.flatMap((f) => (f.subject ? [f.subject] : [])),
      ...data.mentions.flatMap((m) => (m.entity ? [m.entity] : [])),
    ]);
    expect(data.entities.map((e) => e.id).sort()).toEqual([...named].sort());
  });

  it.each(cases)('%s: the same when the selection is too long for an `in` list', async (_name, filters) => {
    expect(JSON.stringify(await exportJson(kb, filters, { maxInList: 1 }))).toBe(JSON.stringify(await exportJson(kb, filters)));
  });

  it('an impossible date still fails loudly when the caller skipped validation', async () => {
    await expect(exportJson(kb, { from: 'soon' })).rejects.toThrow(RangeError);
  });
});
