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
}

function only(text: string): DiploEvent[] {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions })).events;
}

function check(c: Case): void {
  const events = only(c.text);
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
    { text: 'Kenya and Ethiopia conducted joint military exercises.', type: 'COOPERATE', actors: ['state:KEN', 'state:ETH'], recipients: [] },
    { text: 'Ethiopia threatened Kenya with the use of force.', type: 'THREATEN', actors: ['state:ETH'], recipients: ['state:KEN'] },
  ],
  consult: [
    { text: 'President Ruto met Foreign Minister Lopez in Nairobi.', type: 'CONSULT', actors: ['person:ruto'], recipients: ['person:lopez'] },
    { text: 'The France-Germany summit took place in May.', type: 'CONSULT', actors: ['state:FRA', 'state:DEU'], recipients: ['state:FRA', 'state:DEU'] },
    { text: 'France held talks with Germany on energy.', type: 'CONSULT', actors: ['state:FRA'], recipients: ['state:DEU'] },
    { text: 'President Ruto visited France in June.', type: 'CONSULT', mode: 'visit', actors: ['person:ruto'], recipients: ['state:FRA'] },
    { text: 'Brazil held a telephone call with Chile.', type: 'CONSULT', mode: 'phone', actors: ['state:BRA'], recipients: ['state:CHL'] },
    { text: 'France and Germany issued a joint statement on the crisis.', type: 'AGREE', actors: ['state:FRA', 'state:DEU'], recipients: [] },
  ],
  sanction: [
    { text: 'Last year the EU imposed sanctions against Ethiopia.', type: 'SANCTION', actors: ['bloc:EU'], recipients: ['state:ETH'] },
    { text: 'France froze the assets of Ethiopian banks.', type: 'SANCTION', actors: ['state:FRA'], recipients: [] },
    { text: 'Kenya banned imports from Ethiopia.', type: 'SANCTION', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya expelled ten diplomats of Ethiopia.', type: 'SANCTION', mode: 'expel', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Kenya declared an attaché of Ethiopia persona non grata.', type: 'SANCTION', mode: 'expel', actors: ['state:KEN'], recipients: ['state:ETH'] },
    { text: 'Ethiopia suspended its participation in the treaty with Kenya.', type: 'SANCTION', actors: ['state:ETH'], recipients: ['state:KEN'] },
    { text: 'Ethiopia withdrew from the talks with Kenya.', type: 'SANCTION', mode: 'withdraw', actors: ['state:ETH'], recipients: ['state:KEN'] },
  ],
  coerce: [
    { text: 'A Kenyan journalist was detained by the Chilean authorities.', type: 'COERCE', mode: 'arrest', actors: ['state:CHL'], recipients: ['state:KEN'] },
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
