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
  ['Kenya gave money to the Victim Support Fund.', 'SUPPORT'],
  ['France paid into the Peace Mediation Trust and the Conflict Support Office.', 'SUPPORT'],
  ['Kenya funds the Crisis Response Office.', 'ASSAULT'],
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

// Added with the second round of rules: each names the rule it guards.
const noneMore: [string, string][] = [
  ['Kenya has taken an open attitude towards dialogue.', 'a noun after "towards" is not what the verb does'],
  ['France expressed its readiness to resolve differences with Kenya.', 'bare "readiness" is willingness, not an alert'],
  ['Ethiopia installed fences along the occupation lines in Kenya.', '"occupation lines" names a thing'],
  ['Some organizations were forced to suspend their activities.', 'no party at all: not coded'],
  ['A ban on the refusal of contracts was introduced.', 'no party at all: not coded'],
];

describe('negative cases (second round)', () => {
  for (const [text, why] of noneMore) {
    it(`no event: ${text} (${why})`, () => {
      expect(eventsOf(text).map((e) => `${e.type}:${e.trigger.text}`)).toEqual([]);
    });
  }
  it('"condemned the attack on X": X is not the one condemned', () => {
    const acc = eventsOf('France condemned the attack on Kenya.').find((e) => e.type === 'ACCUSE');
    expect(acc?.recipients).toEqual([]);
  });
  it('an officer\'s expulsion "was demanded" is the expulsion, not a separate request', () => {
    const events = eventsOf('An officer of Kenya was declared persona non grata and the officer\'s expulsion was demanded by Ethiopia.');
    expect(events.filter((e) => e.type === 'REQUEST')).toEqual([]);
  });
});
