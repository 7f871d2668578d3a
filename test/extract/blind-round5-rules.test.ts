import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import type { DiploEvent } from '../../src/model/index.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

// Rules added after the fifth blind UN round (general English of speeches; invented sentences).
const M: MentionSpec[] = [
  { text: 'France', entity: 'state:FRA' },
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
  { text: 'Norway', entity: 'state:NOR' },
  { text: 'Chile', entity: 'state:CHL' },
  { text: 'French', entity: 'state:FRA', rule: 'entity.adjectival' },
  { text: 'Ethiopian', entity: 'state:ETH', rule: 'entity.adjectival' },
  { text: 'Kenyan', entity: 'state:KEN', rule: 'entity.adjectival' },
];

function eventsOf(text: string): DiploEvent[] {
  const mentions = M.filter((m) => new RegExp(`(^|[^A-Za-z])${m.text}([^A-Za-z]|$)`).test(text));
  return extract(makeAnalysedDoc(text, { mentions })).events;
}

const sorted = (a: readonly string[]) => [...a].sort();
const show = (events: DiploEvent[]) => events.map((e) => `${e.type}:${e.trigger.text}:${e.actors.join('+')}`).join(', ');

interface Case { text: string; type: DiploEvent['type']; mode?: string; actors: string[]; recipients?: string[] }

const positives: Case[] = [
  // Blocking a text in a council, and vetoes named by "use".
  { text: 'Ethiopia blocked a draft resolution on Kenya.', type: 'REJECT', actors: ['state:ETH'] },
  { text: 'Chile vetoed the proposal twice.', type: 'REJECT', actors: ['state:CHL'] },
  { text: 'France has used its right of veto three times.', type: 'REJECT', actors: ['state:FRA'] },
  // Holding a party responsible is an accusation against it.
  { text: 'Kenya holds Ethiopia fully responsible for the shelling.', type: 'ACCUSE', mode: 'allege', actors: ['state:KEN'], recipients: ['state:ETH'] },
  // Incursions are armed entries; the adjectival state before the noun is the agent, even when a verb licensed the noun.
  { text: 'Ethiopia carried out an incursion into Kenya.', type: 'ASSAULT', actors: ['state:ETH'] },
  { text: 'Kenya reiterated its condemnation of the Ethiopian incursion into Kenyan territory.', type: 'ASSAULT', actors: ['state:ETH'] },
  // A participle right before "by" is a reduced passive: its by-party did the act, not the sentence's subject.
  { text: 'Norway condemns the attack launched by France on Kenya.', type: 'ASSAULT', actors: ['state:FRA'], recipients: ['state:KEN'] },
  { text: 'Norway deplored the sanctions imposed by France on Chile.', type: 'SANCTION', actors: ['state:FRA'], recipients: ['state:CHL'] },
  { text: 'Norway condemned the brutal attack carried out by Ethiopia on Kenya.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  // The one condemned is the agent of the act named right after the condemnation.
  { text: 'Norway condemns in the strongest possible terms the attack launched by France on Kenya.', type: 'ACCUSE', actors: ['state:NOR'], recipients: ['state:FRA'] },
  { text: 'Chile strongly condemned the invasion carried out by Ethiopia.', type: 'ACCUSE', actors: ['state:CHL'], recipients: ['state:ETH'] },
  // Aircraft and their crews stand for the state named before them.
  { text: 'French warplanes bombed Kenyan villages.', type: 'ASSAULT', actors: ['state:FRA'], recipients: ['state:KEN'] },
  // "further" between the subject and the verb is an adverb, not a determiner.
  { text: 'We further urge Ethiopia to withdraw.', type: 'REQUEST', actors: [], recipients: ['state:ETH'] },
  // Material help named with "with": not verbal support.
  { text: 'Ethiopia has supplied those rebels with direct military support.', type: 'AID', actors: ['state:ETH'] },
  { text: 'France provided the militias with weapons and training.', type: 'AID', actors: ['state:FRA'] },
  // Assassinations, killings by an army, operations launched by the military.
  { text: 'Ethiopian troops assassinated the Kenyan envoy.', type: 'ASSAULT', mode: 'targeted', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'The assassination of the Kenyan envoy was carried out by Ethiopia.', type: 'ASSAULT', mode: 'targeted', actors: ['state:ETH'] },
  { text: 'The Ethiopian army was able to kill thousands of them.', type: 'ASSAULT', actors: ['state:ETH'] },
  { text: 'The Ethiopian military launched the brutal Operation Thunder against Kenya.', type: 'ASSAULT', actors: ['state:ETH'] },
  // Sheltering people who fled is aid (asylum).
  { text: 'Kenya is sheltering 800,000 displaced people.', type: 'AID', actors: ['state:KEN'] },
  // Sums given are aid; the adverb in "holds X fully responsible" does not break the phrase.
  { text: 'Kenya announced a contribution of 100,000 dollars to the relief fund.', type: 'AID', actors: ['state:KEN'] },
  { text: 'Norway holds Ethiopia fully responsible for the raid.', type: 'ACCUSE', mode: 'allege', actors: ['state:NOR'], recipients: ['state:ETH'] },
  // Gaps seen in earlier rounds' misses: firing, amassing, house arrest, mutilation, laying down arms.
  { text: 'Ethiopian troops opened fire on Kenyan villages.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'Ethiopia has been amassing forces along the Kenyan border.', type: 'MOBILIZE', actors: ['state:ETH'] },
  { text: 'Ethiopia placed the envoy of Kenya under house arrest.', type: 'COERCE', mode: 'arrest', actors: ['state:ETH'] },
  { text: 'Ethiopian soldiers mutilated the bodies of Kenyan civilians.', type: 'ASSAULT', actors: ['state:ETH'], recipients: ['state:KEN'] },
  { text: 'Ethiopia laid down its arms before the Kenyan mediators.', type: 'RETREAT', mode: 'disarm', actors: ['state:ETH'] },
  // Capturing land is force.
  { text: 'Ethiopia captured the town of Moyale.', type: 'ASSAULT', actors: ['state:ETH'] },
];

describe('rules from the fifth blind UN round', () => {
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
  ['Kenya will deploy more female peacekeepers next year.', 'MOBILIZE', 'peacekeepers contributed to a UN mission are no show of force'],
  ['Ethiopia blocked the road to the border.', 'REJECT', 'only texts (resolutions, drafts, proposals) are rejected by blocking'],
  ['The veto power of the permanent members was discussed.', 'REJECT', 'a veto named as a power is no veto used'],
  ['Kenya holds talks with Ethiopia every year.', 'ACCUSE', '"hold" alone is no accusation'],
  ['Kenya holds Ethiopia responsible for the attack.', 'ASSAULT', 'what a party is held responsible for is a reference, not a new attack by the speaker'],
  ['The attack launched on Kenya was repelled.', 'ACCUSE', 'a reduced passive without "by" is no accusation'],
  ['Ethiopia abandoned its soldiers captured on the battlefield.', 'ASSAULT', 'people captured are no territory taken'],
  ['Kenya supports the army and its soldiers.', 'AID', 'verbal support without means is not aid'],
  ['Kenya launched an operation to vaccinate children.', 'ASSAULT', 'an operation outside military talk is no attack'],
  ['Kenya made an important contribution to peace in Ethiopia.', 'AID', 'a contribution without money words is a role, not a sum given'],
  ['Kenya held talks with the ministers responsible for trade.', 'ACCUSE', 'holding talks is no holding responsible'],
  ['Kenya opened the new fire station in Nairobi.', 'ASSAULT', '"open fire" is the phrase, not "opened" near "fire"'],
  ['Kenya sheltered its economy from the crisis.', 'AID', 'sheltering is aid only for people who fled'],
  ['Kenya was able to kill the bill in parliament.', 'ASSAULT', 'killing outside military talk (no army, troops or civilians) is no attack'],
];

describe('negative cases of the fifth-round rules', () => {
  for (const [text, type, why] of negatives) {
    it(`no ${type}: ${text} (${why})`, () => {
      expect(show(eventsOf(text).filter((e) => e.type === type))).toBe('');
    });
  }
  it('a subject, not the reduced passive, still acts when no "by" follows the participle', () => {
    const a = eventsOf('Ethiopia launched the attack that was planned on Kenya.').find((e) => e.type === 'ASSAULT');
    expect(a?.actors).toEqual(['state:ETH']);
  });
  it('"in the strongest possible terms" is emphasis, not doubt', () => {
    const e = eventsOf('Norway condemns in the strongest possible terms the attack launched by France on Kenya.');
    expect(e.map((x) => x.modality)).toEqual(e.map(() => 'asserted'));
    expect(eventsOf('Ethiopia may possibly attack Kenya.').find((x) => x.type === 'ASSAULT')?.modality).toBe('hypothetical');
  });
  it('the subject of a sentence is not the target of an act launched by another party', () => {
    const a = eventsOf('Norway condemned Kenya and welcomed the attack launched by France.').find((e) => e.type === 'ASSAULT');
    expect(a?.actors).toEqual(['state:FRA']);
    expect(a?.recipients).toEqual([]);
  });
  it('a condemnation of an act with no named agent keeps no recipient', () => {
    const c = eventsOf('Norway condemned the attack on Kenya.').find((e) => e.type === 'ACCUSE');
    expect(c?.recipients).toEqual([]);
  });
  it('"the further sanctions" stays a noun phrase', () => {
    const s = eventsOf('The further sanctions on Kenya were imposed by France.').find((e) => e.type === 'SANCTION');
    expect(s?.actors).toEqual(['state:FRA']);
  });
});
