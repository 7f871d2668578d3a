import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import type { DiploEvent } from '../../src/model/index.js';
import { makeAnalysedDoc, type MentionSpec, type TimexSpec } from '../helpers/make-analysed-doc.js';

// Rules added after the blind UN round (general English of speeches; invented sentences).
const M: MentionSpec[] = [
  { text: 'France', entity: 'state:FRA' },
  { text: 'Germany', entity: 'state:DEU' },
  { text: 'Brazil', entity: 'state:BRA' },
  { text: 'Chile', entity: 'state:CHL' },
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
  { text: 'Norway', entity: 'state:NOR' },
  { text: 'Chilean', entity: 'state:CHL', rule: 'entity.adjectival' },
  { text: 'Kenyan', entity: 'state:KEN', rule: 'entity.adjectival' },
];

function eventsOf(text: string, timexes: TimexSpec[] = []): DiploEvent[] {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions, timexes })).events;
}

const sorted = (a: readonly string[]) => [...a].sort();
const show = (events: DiploEvent[]) => events.map((e) => `${e.type}:${e.trigger.text}`).join(', ');

interface Case { text: string; type: DiploEvent['type']; mode?: string; actors: string[]; recipients: string[]; negated?: boolean; date?: string | null; timexes?: TimexSpec[] }

const positives: Case[] = [
  // Lexicon: sanctions by other names, broken agreements, protection, praise, yielding, bombing.
  { text: 'France imposed an economic blockade on Kenya.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:KEN'] },
  { text: 'Germany adopted unilateral coercive measures against Chile.', type: 'SANCTION', actors: ['state:DEU'], recipients: ['state:CHL'] },
  { text: 'Brazil tore up the fisheries accord with Chile.', type: 'SANCTION', mode: 'discontinue', actors: ['state:BRA'], recipients: ['state:CHL'] },
  { text: 'Kenya granted safe haven to the rebel commanders.', type: 'AID', actors: ['state:KEN'], recipients: [] },
  { text: 'Norway applauds the mediation role of Chile.', type: 'SUPPORT', actors: ['state:NOR'], recipients: ['state:CHL'] },
  { text: 'Chile never acquiesced to the demands of France.', type: 'CONCEDE', actors: ['state:CHL'], recipients: ['state:FRA'], negated: true },
  { text: 'Kenya pleaded for emergency help after the floods.', type: 'REQUEST', actors: ['state:KEN'], recipients: [] },
  { text: 'France invited Kenya to direct talks.', type: 'REQUEST', mode: 'meet', actors: ['state:FRA'], recipients: ['state:KEN'] },
  { text: 'Ethiopia dropped dozens of bombs on Kenyan villages.', type: 'ASSAULT', mode: 'aerial', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'Ethiopia persecuted Kenyan traders.', type: 'COERCE', actors: ['state:ETH'], recipients: ['state:KEN'] },
  // "increased" reports more of an act, like "intensified".
  { text: 'Ethiopia increased its air strikes on Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  // Second blind round.
  { text: 'Norway reached out to Chile after the election.', type: 'CONSULT', actors: ['state:NOR'], recipients: ['state:CHL'] },
  { text: 'Kenya returned the captured pilot to Ethiopia.', type: 'RETREAT', mode: 'release', actors: ['state:KEN'], recipients: ['state:ETH'] },
  { text: 'Brazil reiterated its solidarity with Chile.', type: 'SUPPORT', actors: ['state:BRA'], recipients: ['state:CHL'] },
  { text: 'Kenya reiterated its condemnation of Ethiopia.', type: 'ACCUSE', actors: ['state:KEN'], recipients: ['state:ETH'] },
  { text: 'Chile will never accept preconditions from France.', type: 'CONCEDE', actors: ['state:CHL'], recipients: ['state:FRA'], negated: true },
  { text: 'Insurgents blew up a Kenyan convoy.', type: 'ASSAULT', actors: [], recipients: ['state:KEN'] },
  { text: 'Norway invited Chile to its capital.', type: 'REQUEST', mode: 'meet', actors: ['state:NOR'], recipients: ['state:CHL'] },
  { text: 'Ethiopia deployed two brigades along the Kenyan border.', type: 'MOBILIZE', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'Ethiopia launched a ground offensive against Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'The sanctions applied against Kenya by France hurt farmers.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:KEN'] },
  // Fourth blind round.
  { text: 'The attack on Kenya was led by Ethiopia.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'Kenya reiterated its request to Chile.', type: 'REQUEST', actors: ['state:KEN'], recipients: ['state:CHL'] },
  // A noun licensed by a later verb takes that verb's target and agent.
  { text: 'The sanctions that were imposed on Kenya by France remain in force.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:KEN'] },
  // Joint acts: every party named as subject acts and receives.
  { text: 'Kenya and Ethiopia signed a border treaty.', type: 'AGREE', actors: ['state:KEN', 'state:ETH'], recipients: ['state:KEN', 'state:ETH'] },
  // "refused entry to X and expelled": only an infinitive right after the refusal is its content.
  { text: 'Kenya refused entry to the Chilean envoy and expelled him.', type: 'SANCTION', mode: 'expel', actors: ['state:KEN'], recipients: [] },
  // A pronoun subject with no act before it: the previous sentence's subject.
  { text: 'The citizens of Kenya have endured hardship for years. They are calling for an end to the embargo.', type: 'REQUEST', actors: ['state:KEN'], recipients: [] },
  // ... but an act in the previous sentence still gives its actor.
  { text: 'Norway condemned Chile. It also called for an inquiry.', type: 'REQUEST', actors: ['state:NOR'], recipients: [] },
  // A date after "of" names the noun before it, not the act.
  { text: 'Ethiopia rejected the ruling of the boundary tribunal of 3 May 2001.', type: 'REJECT', actors: ['state:ETH'], recipients: [], date: null, timexes: [{ text: '3 May 2001', value: '2001-05-03' }] },
  { text: 'Ethiopia rejected the ruling on 3 May 2001.', type: 'REJECT', actors: ['state:ETH'], recipients: [], date: '2001-05-03', timexes: [{ text: '3 May 2001', value: '2001-05-03' }] },
];

describe('rules from the blind UN round', () => {
  for (const c of positives) {
    it(`${c.type}: ${c.text}`, () => {
      const events = eventsOf(c.text, c.timexes);
      const hit = events.find((e) => e.type === c.type);
      expect(hit, `${c.type} in "${c.text}"; got ${show(events)}`).toBeDefined();
      if (!hit) return;
      if (c.mode) expect(hit.mode).toBe(c.mode);
      expect(sorted(hit.actors)).toEqual(sorted(c.actors));
      expect(sorted(hit.recipients)).toEqual(sorted(c.recipients));
      expect(hit.negated).toBe(c.negated ?? false);
      if (c.date !== undefined) expect(hit.date?.value ?? null).toBe(c.date);
    });
  }
});

// Each names the rule it guards.
const negatives: [string, DiploEvent['type'], string][] = [
  ['Fighters are being trained in Kenya to attack Ethiopia.', 'ASSAULT', 'what fighters are trained for has not happened'],
  ['Ethiopia moved its artillery in order to invade Kenya.', 'ASSAULT', 'an infinitive of purpose is an aim'],
  ['The dispute can be settled only through Kenya-Ethiopia talks.', 'CONSULT', 'a hypothetical means named by its parties is not a meeting'],
  ['Kenya called for the immediate lifting of the sanctions on Chile.', 'RETREAT', 'the object of a request has not happened'],
  ['Chile refused to yield to pressure from France.', 'CONCEDE', 'what is refused is not done'],
  ['Kenya appreciates that the situation of Chile is complex.', 'SUPPORT', '"appreciate that" is understanding, not praise'],
  ['The number of attacks on Kenya increased sharply.', 'ASSAULT', 'a count that rose is not an act reported'],
  ['Kenya condemned the offensive and disrespectful remarks of Chile.', 'ASSAULT', '"offensive" is an adjective outside military talk'],
  ['Norway deployed 300 doctors to Kenya.', 'MOBILIZE', 'civilians deployed are no mobilisation'],
  ['Kenya drew attention to the technical aspects of the ceasefire.', 'RETREAT', 'an aspect of a ceasefire is a topic'],
  ['Ethiopia continued to violate the ceasefire with Kenya.', 'RETREAT', 'violating a ceasefire is not agreeing one'],
  ['Chile pledged its support to an intra-Kenyan dialogue.', 'CONSULT', '"intra-X dialogue" names a kind of dialogue, not a meeting held'],
  ['Kenya hosted the Peace Assistance Mission Forum last year.', 'AID', 'a capitalised word inside a name is not a trigger'],
  ['Norway sent engineers to Kenya at the request of Chile.', 'REQUEST', '"at the request of" names no act of requesting'],
  ['Kenya tested a new bomb near the border.', 'ASSAULT', 'a bomb not launched or dropped is no attack'],
  ['Brazil spoke at length about the blockade of Kenya.', 'SANCTION', 'a blockade as a topic is not one imposed'],
  ['The sanctions regime on Kenya was debated in Geneva.', 'SANCTION', 'sanctions as a topic of discussion are not a sanction'],
];

describe('negative cases of the blind-round rules', () => {
  for (const [text, type, why] of negatives) {
    it(`no ${type}: ${text} (${why})`, () => {
      expect(show(eventsOf(text).filter((e) => e.type === type))).toBe('');
    });
  }
  it('a pronoun after a sentence naming no party stays without actor', () => {
    const req = eventsOf('The weather was harsh for years. They are calling for an end to the embargo on Kenya.').find((e) => e.type === 'REQUEST');
    expect(req?.actors ?? []).toEqual([]);
  });
  it('"summit meeting" is one meeting', () => {
    expect(eventsOf('Kenya and Ethiopia held a summit meeting in Nairobi.').filter((e) => e.type === 'CONSULT')).toHaveLength(1);
  });
  it('the request itself is still coded', () => {
    expect(eventsOf('Kenya called for the immediate lifting of the sanctions on Chile.').map((e) => e.type)).toContain('REQUEST');
  });
  it('the refusal itself is still coded', () => {
    expect(eventsOf('Chile refused to yield to pressure from France.').map((e) => e.type)).toContain('REJECT');
  });
});
