import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import type { DiploEvent } from '../../src/model/index.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

// Rules added after the sixth blind UN round (general English of speeches; invented sentences).
const M: MentionSpec[] = [
  { text: 'Peru', entity: 'state:PER' },
  { text: 'Ghana', entity: 'state:GHA' },
  { text: 'Nepal', entity: 'state:NPL' },
  { text: 'Fiji', entity: 'state:FJI' },
  { text: 'Peru-Ghana', entity: 'state:PER' },
  { text: 'Ghanaian', entity: 'state:GHA', rule: 'entity.adjectival' },
  { text: 'Maria Lopez', entity: 'person:maria-lopez' },
];

function eventsOf(text: string): DiploEvent[] {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z-])${m.text}([^A-Za-z-]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions })).events;
}

const sorted = (a: readonly string[]) => [...a].sort();
const show = (events: DiploEvent[]) => events.map((e) => `${e.type}:${e.trigger.text}:${e.actors.join('+')}`).join(', ');

interface Case { text: string; type: DiploEvent['type']; mode?: string; actors: string[]; recipients?: string[] }

const positives: Case[] = [
  // Hosting people who fled is aid (asylum), not a meeting.
  { text: 'Up to now, Peru has hosted more than 16,000 refugees from Ghana.', type: 'AID', actors: ['state:PER'] },
  { text: 'Nepal continues to host thousands of displaced people.', type: 'AID', actors: ['state:NPL'] },
  // A host receives a meeting or a visitor.
  { text: 'Peru hosted the summit of the region last year.', type: 'CONSULT', actors: ['state:PER'] },
  { text: 'Ghana hosted Maria Lopez in its capital.', type: 'CONSULT', actors: ['state:GHA'] },
  { text: 'Fiji hosted the gatherings of the mission.', type: 'CONSULT', actors: ['state:FJI'] },
  // Ending hostilities is a ceasefire.
  { text: 'Peru and Ghana agreed to end the hostilities.', type: 'RETREAT', mode: 'ceasefire', actors: ['state:PER', 'state:GHA'] },
  { text: 'Nepal ceased all hostilities on the border.', type: 'RETREAT', mode: 'ceasefire', actors: ['state:NPL'] },
  // A verb after the text still reports it when the verb before only carries it out.
  { text: 'The key is to implement the Joint Statement, adopted by Peru and Ghana in June.', type: 'AGREE', actors: ['state:PER', 'state:GHA'] },
  { text: 'Peru and Ghana issued a joint statement.', type: 'AGREE', actors: ['state:PER', 'state:GHA'] },
  // Acts named by verbs and phrases first met in the sixth round.
  { text: 'Ghanaian troops started firing at the villages of Peru.', type: 'ASSAULT', actors: ['state:GHA'] },
  { text: 'Nepal is trying to aid the refugees from Fiji.', type: 'AID', actors: ['state:NPL'], recipients: [] },
  { text: 'Peru has insisted on denuclearization first.', type: 'REQUEST', actors: ['state:PER'] },
  { text: 'Peru is objecting to a declaration by Ghana.', type: 'REJECT', actors: ['state:PER'] },
  { text: 'Peru makes it its daily business to slander Ghana.', type: 'ACCUSE', actors: ['state:PER'], recipients: ['state:GHA'] },
  { text: 'Peru made unreasonable unilateral demands on Ghana.', type: 'REQUEST', actors: ['state:PER'] },
  { text: 'Peru kept positioning strategic nuclear arsenals near Ghana.', type: 'MOBILIZE', mode: 'weapons', actors: ['state:PER'] },
  { text: 'Nepal began dismantling the nuclear test site.', type: 'RETREAT', mode: 'disarm', actors: ['state:NPL'] },
  { text: 'Fiji applauds the resolutions of Ghana.', type: 'SUPPORT', actors: ['state:FJI'] },
  { text: 'A historic agreement was reached on the nuclear programme of Ghana.', type: 'AGREE', actors: [], recipients: ['state:GHA'] },
  // Strikes launched with missiles are attacks, not weapons tests; meeting a party is still a meeting.
  { text: 'Peru launched cruise missile strikes against Ghana.', type: 'ASSAULT', mode: 'aerial', actors: ['state:PER'] },
  { text: 'Peru launched a missile test near Ghana.', type: 'MOBILIZE', actors: ['state:PER'] },
  { text: 'Peru met Ghana to meet the challenges of the region.', type: 'CONSULT', actors: ['state:PER'], recipients: ['state:GHA'] },
  { text: 'Peru refused to withdraw its troops from Ghana.', type: 'REJECT', actors: ['state:PER'] },
  { text: 'Peru began bombing the villages of Ghana.', type: 'ASSAULT', actors: ['state:PER'] },
  { text: 'Peru seized the ships of Ghana.', type: 'COERCE', mode: 'seize', actors: ['state:PER'] },
  { text: 'Peru mobilized 300,000 reservists on the border with Ghana.', type: 'MOBILIZE', mode: 'troops', actors: ['state:PER'] },
  { text: 'Peru deployed 5,000 troops on the border with Ghana.', type: 'MOBILIZE', mode: 'troops', actors: ['state:PER'] },
  { text: 'Ghana was attacked last week.', type: 'ASSAULT', actors: [], recipients: ['state:GHA'] },
  { text: 'Peru launched an attack on Ghana.', type: 'ASSAULT', actors: ['state:PER'], recipients: ['state:GHA'] },
  { text: 'Peru sanctions Ghana.', type: 'SANCTION', actors: ['state:PER'], recipients: ['state:GHA'] },
  // Joint exercises of any service are cooperation; one side's exercises near another are a show of force.
  { text: 'Peru held joint naval exercises with Ghana in the Black Sea.', type: 'COOPERATE', actors: ['state:PER', 'state:GHA'] },
  { text: 'Peru held naval exercises near Ghana.', type: 'MOBILIZE', actors: ['state:PER'] },
  // Leaving territory is a retreat; leaving an agreement stays a sanction.
  { text: 'Peru must withdraw from the occupied territories of Ghana.', type: 'RETREAT', mode: 'withdraw', actors: ['state:PER'] },
  { text: 'Peru pulled out from the border area with Ghana.', type: 'RETREAT', mode: 'withdraw', actors: ['state:PER'] },
  { text: 'Peru withdrew from the agreement with Ghana.', type: 'SANCTION', mode: 'withdraw', actors: ['state:PER'] },
  { text: 'Ghanaian forces continue to threaten Peru.', type: 'THREATEN', actors: ['state:GHA'] },
  { text: 'Peru attacked Ghana.', type: 'ASSAULT', actors: ['state:PER'], recipients: ['state:GHA'] },
  { text: 'Peru banned imports from Ghana.', type: 'SANCTION', actors: ['state:PER'], recipients: ['state:GHA'] },
  { text: 'Peru banned the entry of Ghanaian officials.', type: 'SANCTION', actors: ['state:PER'] },
  // Whom a call for something is addressed to: nobody named, unless "for X to".
  { text: 'Fiji calls for the lifting of all sanctions imposed against Ghana.', type: 'REQUEST', actors: ['state:FJI'], recipients: [] },
  { text: 'Fiji called for Ghana to withdraw.', type: 'REQUEST', actors: ['state:FJI'], recipients: ['state:GHA'] },
  // People sheltered "from" a country came from it; it receives nothing.
  { text: 'Nepal is sheltering 800,000 refugees from Fiji.', type: 'AID', actors: ['state:NPL'], recipients: [] },
];

describe('rules from the sixth blind UN round', () => {
  for (const c of positives) {
    it(`${c.type}: ${c.text}`, () => {
      const events = eventsOf(c.text);
      const hit = events.find((e) => e.type === c.type);
      expect(hit, `${c.type} in "${c.text}"; got ${show(events)}`).toBeDefined();
      if (!hit) return;
      if (c.mode) expect(hit.mode).toBe(c.mode);
      expect(sorted(hit.actors)).toEqual(sorted(c.actors));
      if (c.recipients) expect(sorted(hit.recipients)).toEqual(sorted(c.recipients));
    });
  }
});

// Each names the rule it guards.
const negatives: [string, DiploEvent['type'], string][] = [
  ['During the Games hosted by Peru, no incidents occurred at the border with Ghana.', 'CONSULT', 'hosting games is no meeting'],
  ['Peru has hosted more than 16,000 refugees from Ghana.', 'CONSULT', 'hosting refugees is aid, not a meeting'],
  ['Peru is one of the leading host countries, together with the Ghanaian host countries.', 'CONSULT', '"host countries" names a role'],
  ['The statement contains issues such as terminating the decades-long hostility between Peru and Ghana.', 'SANCTION', 'ending hostility cuts no relations'],
  ['Out of the desire to implement the Joint Statement, Peru is focusing on building trust.', 'AGREE', 'implementing a text is not making it'],
  ['Ghana and Peru will continue to implement the joint declaration.', 'AGREE', 'carrying out a declaration is not issuing it'],
  ['Peru is a minority that insists on harming Ghana and its people.', 'REQUEST', '"insist on" before a gerund is persistence, not a demand'],
  ['Peru fired the minister responsible for trade with Ghana.', 'ASSAULT', 'firing someone is no attack; only "fire at/on"'],
  ['Peru saw a rising demand for exports to Ghana.', 'REQUEST', 'demand alone is economic'],
  ['We want to help Peru prepare to meet future medical disasters.', 'CONSULT', 'meeting a need is no meeting'],
  ['Fiji must meet its obligations to Ghana.', 'CONSULT', 'meeting obligations is no meeting'],
  ['An official of Peru, who refused to identify himself, spoke to Ghana.', 'REJECT', "a source's reticence is no rejection"],
  ['Peru declined to comment and refused to elaborate on Ghana.', 'REJECT', "a source's reticence is no rejection"],
  ['Maria Lopez paid tribute to bombing victims in Ghana.', 'ASSAULT', 'an -ing word before "victims" says which victims'],
  ['Peru must seize this historic opportunity to make peace with Ghana.', 'COERCE', 'seizing a chance is no seizure'],
  ['Fiji seized the initiative from Ghana.', 'COERCE', 'seizing the initiative is no seizure'],
  ['Peru has mobilized resources to fight poverty in Ghana.', 'MOBILIZE', 'resources and financing mobilized are no troops'],
  ['Fiji will mobilize the international community to help Ghana.', 'MOBILIZE', 'a community mobilized is no mobilisation of forces'],
  ['Peru must attack the root causes of poverty in Ghana.', 'ASSAULT', 'a problem attacked is no party attacked'],
  ['Peru has banned single-use plastics and urges Ghana to do the same.', 'SANCTION', 'a ban names a party to be a sanction'],
  ['Peru has deployed 5,000 troops to United Nations peacekeeping missions in Ghana.', 'MOBILIZE', 'troops for a peacekeeping mission are a contribution, no show of force'],
  ['Terrorism continues to threaten Ghana.', 'THREATEN', 'a scourge is no party'],
  ['The pandemic has attacked the economies of Fiji and Ghana.', 'ASSAULT', 'a pandemic is no party'],
  ['Climate change threatens Fiji and Ghana.', 'THREATEN', 'climate change is no party'],
  ['Peru expressed concern over the attack on Ghana.', 'ASSAULT', 'the act a concern is over is a reference, not an act of the one concerned'],
  ['Peru wants to withdraw from southern Ghana.', 'SANCTION', 'leaving territory cuts no relations'],
  ['Peru believes that sanctions are not the answer for Ghana.', 'SANCTION', 'sanctions as a topic (a plural noun before "are") are no sanction'],
  ['We reaffirm the call of Nepal for a resumption of the process and for ending all hostilities against Ghana.', 'RETREAT', 'an act after "for" following a call is what is asked for'],
];

describe('negative cases of the sixth-round rules', () => {
  for (const [text, type, why] of negatives) {
    it(`no ${type}: ${text} (${why})`, () => {
      expect(show(eventsOf(text).filter((e) => e.type === type))).toBe('');
    });
  }
  it('a meeting named again by its parties after "the" is the one already coded', () => {
    const text = 'Peru and Ghana held a summit in June.\nThe Council refused to welcome the Peru-Ghana summit.';
    const consult = eventsOf(text).filter((e) => e.type === 'CONSULT');
    expect(consult.map((e) => e.trigger.text)).toEqual(['summit']);
    expect(consult[0]!.trigger.start).toBeLessThan(text.indexOf('\n'));
  });
  it('the year of a numbered resolution does not date the act', () => {
    const text = 'Fiji applauds Ghana for resolutions 2445 (2018) and 2469 (2019).';
    const doc = makeAnalysedDoc(text, { mentions: M.filter((m) => /^(Fiji|Ghana)$/.test(m.text)), timexes: [{ text: '2018', value: '2018' }, { text: '2019', value: '2019' }] });
    const support = extract(doc).events.find((e) => e.type === 'SUPPORT');
    expect(support).toBeDefined();
    expect(support?.date).toBeNull();
    const dated = makeAnalysedDoc('In 2018, Fiji applauded Ghana for resolutions 2445 and 2469.', { mentions: M.filter((m) => /^(Fiji|Ghana)$/.test(m.text)), timexes: [{ text: '2018', value: '2018' }] });
    expect(extract(dated).events.find((e) => e.type === 'SUPPORT')?.date?.value).toBe('2018');
  });
  it('hosting a conference is one meeting, the conference', () => {
    const consult = eventsOf('Peru will host the conference on oceans together with Fiji.').filter((e) => e.type === 'CONSULT');
    expect(consult.map((e) => e.trigger.text)).toEqual(['conference']);
  });
  it('hosting the next round of talks is one meeting, the talks', () => {
    const consult = eventsOf('Peru is ready to host the next round of talks between Ghana and Fiji.').filter((e) => e.type === 'CONSULT');
    expect(consult.map((e) => e.trigger.text)).toEqual(['talks']);
  });
  it('a meeting named by its parties is still coded the first time', () => {
    const consult = eventsOf('The Council welcomed the Peru-Ghana summit.').filter((e) => e.type === 'CONSULT');
    expect(consult).toHaveLength(1);
  });
});
