import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

const M: MentionSpec[] = [
  { text: 'France', entity: 'state:FRA' },
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
];

function eventsOf(text: string) {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions })).events;
}

// Sentences that must yield no event at all.
const none: string[] = [
  'France said that the situation was difficult.',
  'Kenya stated its position on the matter.',
  'The report discussed the situation in Ethiopia.',
  'The effects of sanctions against Ethiopia on the economy were limited.',
  'Ministers in Kenya debated whether sanctions work.',
  'The question of sanctions against Ethiopia remains open.',
  'Since the start of the invasion, prices have risen in Kenya.',
  "Due to Ethiopia's aggression, trade with Kenya fell.",
  'Kenya is an inherent part of the region.',
  'France has a free visits scheme for students.',
  'The right to criticize power is protected in Kenya.',
  'The attack surface of the system was reviewed.',
];

// Sentences with an event, but not of this type.
const notType: [string, string][] = [
  ['Small-scale protests were held in Kenya.', 'ACCUSE'],
  ['Kenya urged Ethiopia to withdraw its troops.', 'RETREAT'],
  ['Kenya demanded a formal apology from Ethiopia.', 'CONCEDE'],
  ['A referendum on constitutional amendments was held in Kenya.', 'ASSAULT'],
];

describe('negative cases', () => {
  for (const text of none) {
    it(`no event: ${text}`, () => {
      const events = eventsOf(text);
      expect(events.map((e) => `${e.type}:${e.trigger.text}`)).toEqual([]);
    });
  }
  for (const [text, type] of notType) {
    it(`no ${type}: ${text}`, () => {
      expect(eventsOf(text).filter((e) => e.type === type)).toEqual([]);
    });
  }
});
