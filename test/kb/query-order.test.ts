import { afterAll, describe, expect, it } from 'vitest';
import { listStances } from '../../src/kb/queries/list-stances.js';
import { listFigures } from '../../src/kb/queries/list-figures.js';
import { listAgreementStatus } from '../../src/kb/queries/list-agreement-status.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';

// SQLite sorts NULL first and PostgreSQL last; undated rows must come first on both so that
// pages are the same whichever backend serves them.
const dates: Array<[string | null, string | null]> = [['2022-03', '2022-03-01'], [null, null], ['2021', '2021-01-01'], [null, null]];

async function seed(kb: KnowledgeBase): Promise<void> {
  const text = 'Alpha condemned Beta. Beta rejected it. Gamma agreed. Delta paid 5 dollars.';
  await kb.db.insertInto('documents').values({
    id: 'd1', source: 'mem', format: 'txt', title: 't', text, period_start: '2022-01-01', period_end: '2022-12-31', dct: null,
    period_rule: 'given', period_reason: 'test', chars: text.length, ingested_at: '2026-01-01T00:00:00Z', pipeline_version: 'test',
  }).execute();
  await kb.db.insertInto('entities').values(['a', 'b'].map((id) => ({ id, kind: 'country', name: id, aliases: '[]', wikidata: null, iso3: null, country: null, sector: null, offices: null, source: 'test' }))).execute();
  for (const [i, [value, start]] of dates.entries()) {
    const date = { date_value: value, date_start: start, date_end: start };
    await kb.db.insertInto('stances').values({ id: `s${i}`, doc: 'd1', holder: 'a', target: 'b', stance: 'condemns', negated: 0, topic: null, ...date, evidence_start: 0, evidence_end: 21, rule: 'test' }).execute();
    await kb.db.insertInto('agreement_status').values({ id: `g${i}`, doc: 'd1', entity: 'a', status: 'signed', by_entities: '[]', negated: 0, modality: 'asserted', ...date, evidence_start: 0, evidence_end: 21, rule: 'test' }).execute();
    await kb.db.insertInto('figures').values({ id: `f${i}`, doc: 'd1', what: 'money', subject: null, value: 5, unit: 'USD', period_value: value, period_start: start, period_end: start, span_start: 0, span_end: 5, evidence_start: 0, evidence_end: 21, rule: 'test' }).execute();
  }
}

const expected = (prefix: string) => [`${prefix}1`, `${prefix}3`, `${prefix}2`, `${prefix}0`];

for (const target of await testDatabases('list query order')) {
  describe.skipIf(!!target.skip)(`undated rows sort first (${target.label})`, () => {
    let scratch: ScratchDatabase;
    let kb: KnowledgeBase;
    afterAll(async () => { await kb?.close(); await scratch?.drop(); });

    it('stances, agreement statuses and figures', async () => {
      scratch = await target.create();
      kb = await scratch.open();
      await seed(kb);
      expect((await listStances(kb)).stances.map((s) => s.id)).toEqual(expected('s'));
      expect((await listAgreementStatus(kb)).changes.map((s) => s.id)).toEqual(expected('g'));
      expect((await listFigures(kb)).figures.map((f) => f.id)).toEqual(expected('f'));
    });
  });
}
