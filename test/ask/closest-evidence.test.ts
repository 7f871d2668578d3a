import { afterAll, describe, expect, it } from 'vitest';
import { closestEvidence } from '../../src/ask/closest-evidence.js';
import type { StructuredQuery } from '../../src/ask/answer-types.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';
import { askDocument, ASK_LINES } from './ask-fixture.js';

const query = (keywords: string[], unknownNames: string[] = []): StructuredQuery => ({
  question: keywords.join(' '), focus: 'what' as StructuredQuery['focus'], entities: [], eventTypes: [], eventModes: [], stances: [],
  agreementStatuses: [], triggerLemmas: [], negated: false, keywords, unknownNames, rules: [],
} as unknown as StructuredQuery);

for (const target of await testDatabases('closest evidence')) {
  describe.skipIf(!!target.skip)(`closestEvidence (${target.label})`, () => {
    let scratch: ScratchDatabase | undefined;
    let kb: KnowledgeBase | undefined;
    afterAll(async () => { await kb?.close(); await scratch?.drop(); });
    const open = async () => {
      if (kb) return kb;
      scratch = await target.create();
      kb = await scratch.open();
      await storeDocument(kb, askDocument());
      return kb;
    };

    it.each([
      [['diplomats'], [], [ASK_LINES[3]]],
      [['accord'], ['Delta'], [ASK_LINES[2]]],
      [['summit'], [], [ASK_LINES[5]]],
    ])('%j %j finds the sentence that holds them', async (keywords, names, expected) => {
      const found = await closestEvidence(await open(), query(keywords, names));
      expect(found.map((c) => c.text)).toEqual(expected);
      for (const c of found) expect(ASK_LINES.join('\n').slice(c.start, c.end)).toBe(c.text);
    });

    it.each([[[]], [['zzzqx']], [['"', '*', 'OR']]])('%j finds nothing and does not throw', async (keywords) => {
      expect(await closestEvidence(await open(), query(keywords))).toEqual([]);
    });
  });
}
