import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import type { DiploEvent } from '../../src/model/index.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

// Entities used across the cases; every whole-word occurrence becomes a mention.
const M: MentionSpec[] = [
  { text: 'France', entity: 'state:FRA' },
  { text: 'Germany', entity: 'state:DEU' },
  { text: 'Brazil', entity: 'state:BRA' },
  { text: 'Chile', entity: 'state:CHL' },
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
  { text: 'Norway', entity: 'state:NOR' },
  { text: 'the EU', entity: 'bloc:EU' },
  { text: 'NATO', entity: 'bloc:NATO' },
  { text: 'the United Nations', entity: 'org:UN' },
  { text: 'Kenyan', entity: 'state:KEN', rule: 'entity.adjectival' },
  { text: 'Chilean', entity: 'state:CHL', rule: 'entity.adjectival' },
  { text: 'President Ruto', entity: 'person:ruto' },
  { text: 'Foreign Minister Lopez', entity: 'person:lopez' },
  { text: 'Nairobi', entity: 'place:nairobi', kind: 'place' },
];

interface Case {
  text: string;
  type: DiploEvent['type'];
  mode?: string;
  actors: string[];
  recipients: string[];
  negated?: boolean;
  modality?: DiploEvent['modality'];
  /** Mentions only this case has (names that would change other cases). */
  extra?: MentionSpec[];
}

function only(text: string, extra: MentionSpec[] = []): DiploEvent[] {
  const mentions = [...M, ...extra].filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions })).events;
}

const ADJ_ETH: MentionSpec = { text: 'Ethiopian', entity: 'state:ETH', rule: 'entity.adjectival' };

function check(c: Case): void {
  const events = only(c.text, c.extra);
  const hit = events.find((e) => e.type === c.type);
  expect(hit, `${c.type} in "${c.text}"; got ${events.map((e) => `${e.type}:${e.trigger.text}`).join(', ')}`).toBeDefined();
  if (!hit) return;
  if (c.mode !== undefined) expect(hit.mode).toBe(c.mode);
  expect(hit.actors).toEqual(c.actors);
  expect(hit.recipients).toEqual(c.recipients);
  expect(hit.negated).toBe(c.negated ?? false);
  expect(hit.modality).toBe(c.modality ?? 'asserted');
}

const families: Record<string, Case[]> = {
  assault: [
    { text: 'Ethiopia invaded Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Ethiopia launched a large-scale attack on Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Ethiopia illegally annexed the border regions of Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: "Ethiopia's aggression against Kenya, which began in March, continued.", type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Sham referenda were held in the occupied parts of Kenya.', type: 'ASSAULT', actors: [], recipients: ['state:KEN'] },
  ],
  mobilize: [
    { text: 'Ethiopia mobilized 200,000 reservists.', type: 'MOBILIZE', mode: 'troops', actors: ['state:ETH'], recipients: [] },
    { text: 'Ethiopia put its nuclear forces on high alert.', type: 'MOBILIZE', actors: ['state:ETH'], recipients: [] },
    // Joint acts: every party acts and receives (PLOVER.md record shape).
    { text: 'Kenya and Ethiopia conducted joint military exercises.', type: 'COOPERATE', actors: ['state:KEN', 'state:ETH'], recipients: ['state:KEN', 'state:ETH'] },
    { text: 'Kenya held a joint military exercise with Ethiopia on the border.', type: 'COOPERATE', actors: ['state:KEN', 'state:ETH'], recipients: ['state:KEN', 'state:ETH'] },
    {
      text: 'The Ethiopian military held a naval exercise “Blue Nile” in which the Kenyan military participated.', type: 'COOPERATE', actors: ['org:mil-ETH', 'org:mil-KEN'], recipients: ['org:mil-ETH', 'org:mil-KEN'],
      extra: [{ text: 'Ethiopian military', entity: 'org:mil-ETH', country: 'state:ETH' }, { text: 'Kenyan military', entity: 'org:mil-KEN', country: 'state:KEN' }, { text: 'Blue Nile', entity: 'other:blue-nile', kind: 'other' }],
    },
    { text: 'Ethiopia held a naval exercise near Kenya.', type: 'MOBILIZE', actors: ['state:ETH'], recipients: [] },
    { text: "President Ruto shifted Kenya's forces to high combat alert.", type: 'MOBILIZE', actors: ['person:ruto'], recipients: [] },
    { text: 'Nuclear threats have been made repeatedly from Ethiopia.', type: 'THREATEN', actors: ['state:ETH'], recipients: [] },
    { text: 'The possibility of Ethiopia using nuclear weapons is a concern.', type: 'ASSAULT', actors: ['state:ETH'], recipients: [], modality: 'hypothetical' },
    { text: 'Ethiopia threatened Kenya with the use of force.', type: 'THREATEN', actors: ['state:ETH'], recipients: ['state:KEN'] },
  ],
  consult: [
    { text: 'President Ruto met Foreign Minister Lopez in Nairobi.', type: 'CONSULT', actors: ['person:ruto'], recipients: ['person:lopez'] },
    { text: 'The France-Germany summit took place in May.', type: 'CONSULT', actors: ['state:FRA', 'state:DEU'], recipients: ['state:FRA', 'state:DEU'] },
    { text: 'France held talks with Germany on energy.', type: 'CONSULT', actors: ['state:FRA'], recipients: ['state:DEU'] },
    { text: 'President Ruto visited France in June.', type: 'CONSULT', mode: 'visit', actors: ['person:ruto'], recipients: ['state:FRA'] },
    { text: 'Brazil held a telephone call with Chile.', type: 'CONSULT', mode: 'phone', actors: ['state:BRA'], recipients: ['state:CHL'] },
    { text: 'France and Germany issued a joint statement on the crisis.', type: 'AGREE', actors: ['state:FRA', 'state:DEU'], recipients: ['state:FRA', 'state:DEU'] },
    { text: 'Minimal contacts exist between France and Germany, but these talks have failed to reach an agreement.', type: 'AGREE', actors: ['state:FRA', 'state:DEU'], recipients: ['state:FRA', 'state:DEU'], negated: true },
    { text: 'At the summit in May, President Ruto met Foreign Minister Lopez, and publicly stressed the need for a ceasefire.', type: 'REQUEST', actors: ['person:ruto'], recipients: [] },
  ],
  sanction: [
    { text: 'Last year the EU imposed sanctions against Ethiopia.', type: 'SANCTION', actors: ['bloc:EU'], recipients: ['state:ETH'] },
    { text: 'France froze the assets of Ethiopian banks.', type: 'SANCTION', actors: ['state:FRA'], recipients: [] },
    { text: 'Kenya banned imports from Ethiopia.', type: 'SANCTION', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya expelled ten diplomats of Ethiopia.', type: 'SANCTION', mode: 'expel', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya declared an attaché of Ethiopia persona non grata.', type: 'SANCTION', mode: 'expel', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Ethiopia suspended its participation in the treaty with Kenya.', type: 'SANCTION', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Ethiopia withdrew from the talks with Kenya.', type: 'SANCTION', mode: 'withdraw', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Relations are cooling, with France and Ethiopia mutually expelling diplomats.', type: 'SANCTION', mode: 'expel', actors: ['state:FRA', 'state:ETH'], recipients: ['state:FRA', 'state:ETH'] },
    { text: 'France will phase out its dependence on Ethiopian gas.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:ETH'], modality: 'planned', extra: [ADJ_ETH] },
    { text: 'Kenya, Brazil and other countries that have not imposed sanctions against Ethiopia trade with it.', type: 'SANCTION', actors: ['state:KEN', 'state:BRA'], recipients: ['state:ETH'], negated: true },
    {
      text: 'In March, the Government of Kenya announced measures such as discontinuing talks with Ethiopia and withdrawing from the dialogue.', type: 'SANCTION', mode: 'discontinue', actors: ['org:gov-KEN'], recipients: ['state:ETH'],
      extra: [{ text: 'Government of Kenya', entity: 'org:gov-KEN', country: 'state:KEN' }],
    },
  ],
  coerce: [
    { text: 'A Kenyan journalist was detained by the Chilean authorities.', type: 'COERCE', mode: 'arrest', actors: ['state:CHL'], recipients: ['state:KEN'] },
    { text: 'Ethiopia has taken countermeasures, such as forcing the transfer of licences from Kenyan firms.', type: 'COERCE', mode: 'seize', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'The Ethiopian authorities forced Kenyan newspapers to suspend their activities.', type: 'COERCE', actors: ['state:ETH'], recipients: ['state:KEN'], extra: [ADJ_ETH] },
    { text: 'Chile arrested three Kenyan nationals.', type: 'COERCE', mode: 'arrest', actors: ['state:CHL'], recipients: ['state:KEN'] },
  ],
  verbal: [
    { text: 'France condemned Ethiopia.', type: 'ACCUSE', actors: ['state:FRA'], recipients: ['state:ETH'] },
    { text: 'Kenya lodged a strong protest with Ethiopia.', type: 'ACCUSE', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya protested to Ethiopia over the incident.', type: 'ACCUSE', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Brazil has never condemned Ethiopia.', type: 'ACCUSE', actors: ['state:BRA'], recipients: ['state:ETH'], negated: true },
    { text: 'Chile, which has close ties with Ethiopia, has not directly condemned Ethiopia.', type: 'ACCUSE', actors: ['state:CHL'], recipients: ['state:ETH'], negated: true },
    { text: 'Kenya urged Ethiopia to withdraw its troops.', type: 'REQUEST', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Norway called on Ethiopia to respect the ceasefire.', type: 'REQUEST', actors: ['state:NOR'], recipients: ['state:ETH'] },
    { text: 'Ethiopia rejected negotiations with Kenya.', type: 'REJECT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  ],
  cooperation: [
    { text: 'Norway provided humanitarian aid to Kenya.', type: 'AID', actors: ['state:NOR'], recipients: ['state:KEN'] },
    { text: 'Brazil supports the resolution of the United Nations.', type: 'SUPPORT', actors: ['state:BRA'], recipients: ['org:UN'] },
    { text: 'Norway mediated between Kenya and Ethiopia.', type: 'CONSULT', mode: 'third-party', actors: ['state:NOR'], recipients: ['state:KEN', 'state:ETH'] },
    { text: 'Kenya handed over the remains to Ethiopia.', type: 'COOPERATE', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'In the war that began in May, Kenya supported Ethiopia by allowing the use of its territory.', type: 'COOPERATE', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya has allowed Ethiopian troops to remain in its territory.', type: 'COOPERATE', actors: ['state:KEN'], recipients: ['org:mil-ETH'], extra: [{ text: 'Ethiopian troops', entity: 'org:mil-ETH', country: 'state:ETH' }] },
    { text: 'In May, the United Nations (UN) adopted a decision that Ethiopia had violated the treaty.', type: 'ACCUSE', actors: ['org:UN'], recipients: ['state:ETH'], extra: [{ text: 'UN', entity: 'org:UN' }] },
    // "we" linked by the resolver to the speaking state (inferred ['speaker']) acts like any name.
    { text: 'We strongly condemn the attack on Kenya.', type: 'ACCUSE', actors: ['state:NOR'], recipients: [], extra: [{ text: 'We', entity: 'state:NOR', inferred: ['speaker'] }] },
    { text: 'We condemn Ethiopia for the attack.', type: 'ACCUSE', actors: ['state:NOR'], recipients: ['state:ETH'], extra: [{ text: 'We', entity: 'state:NOR', inferred: ['speaker'] }] },
    { text: 'My country has provided humanitarian aid to Kenya.', type: 'AID', actors: ['state:NOR'], recipients: ['state:KEN'], extra: [{ text: 'My country', entity: 'state:NOR', inferred: ['speaker'] }] },
    { text: 'Together with Brazil, we have sent aid to Kenya.', type: 'AID', actors: ['state:NOR'], recipients: ['state:KEN'], extra: [{ text: 'we', entity: 'state:NOR', inferred: ['speaker'] }] },
    { text: 'The prize was awarded to President Ruto.', type: 'SUPPORT', actors: [], recipients: ['person:ruto'] },
  ],
  modality: [
    { text: 'Ethiopia may invade Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'], modality: 'hypothetical' },
    { text: 'France will phase out its imports from Ethiopia.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:ETH'], modality: 'planned' },
    { text: 'Kenya announced in June it would suspend the fisheries agreement.', type: 'SANCTION', actors: ['state:KEN'], recipients: [], modality: 'planned' },
    { text: 'Ethiopia is expected to deploy more troops.', type: 'MOBILIZE', actors: ['state:ETH'], recipients: [], modality: 'planned' },
    { text: 'Ethiopia mobilized 200,000 men, according to the authorities.', type: 'MOBILIZE', actors: ['state:ETH'], recipients: [], modality: 'reported' },
  ],
};

describe('events by family', () => {
  for (const [family, cases] of Object.entries(families)) {
    describe(family, () => {
      for (const c of cases) it(c.text, () => check(c));
    });
  }
});

describe('parties shared within a sentence', () => {
  it('a list of one actor\'s measures shares the target named once', () => {
    const events = only('In March, the Government of Kenya announced measures such as discontinuing talks with Ethiopia and withdrawing from the dialogue.', [{ text: 'Government of Kenya', entity: 'org:gov-KEN', country: 'state:KEN' }]);
    const withdraw = events.find((e) => e.mode === 'withdraw');
    expect(withdraw?.recipients).toEqual(['state:ETH']);
  });
  it('an umbrella noun elaborated by acts of other types is not coded itself', () => {
    const events = only('Ethiopia has taken countermeasures, such as forcing the transfer of licences and restricting gas supplies to Kenya.');
    expect(events.map((e) => e.type)).toEqual(['COERCE', 'COERCE']);
  });
  it('an agentless passive takes the agent of the same kind of act in its sentence', () => {
    const events = only('Sham referenda were held in the occupied parts of Kenya, and Ethiopia annexed these regions.');
    expect(events.map((e) => [e.type, e.actors, e.recipients])).toEqual([
      ['ASSAULT', ['state:ETH'], ['state:KEN']],
      ['ASSAULT', ['state:ETH'], ['state:KEN']],
    ]);
  });
});
