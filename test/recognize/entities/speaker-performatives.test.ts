import { describe, expect, it } from 'vitest';
import { speakerReferences } from '../../../src/recognize/entities/speaker-references.js';

// "I" or "we" before a present or future verb of appeal, demand, condemnation, support, welcome or rejection is the
// speaking state acting from the rostrum, also when the sentence names the wider community it appeals to.
// A "we" that is a group in its own clause, a rhetorical question and someone else's reported words are left alone.
const pronouns = (s: string) => speakerReferences(s).filter((r) => r.rule === 'speaker-pronoun').map((r) => s.slice(r.start, r.end));

describe('speaker "I" / "we" before a performative verb', () => {
  it.each([
    ['I call on both sides to return to the table.', ['I']],
    ['In this regard, I call upon the members of the Council to act.', ['I']],
    ['I strongly urge the donors to honour their pledges.', ['I']],
    ['I would like to appeal to the neighbouring States for restraint.', ['I']],
    ['I therefore once again condemn the shelling of the port.', ['I']],
    ['We urge the international community to fund the relief plan.', ['We']],
    ['We call upon all States to ratify the treaty.', ['We']],
    ['We firmly reject the unilateral measures imposed on the island.', ['We']],
    ['We welcome the truce, and we demand that the humanitarian corridors be opened.', ['We', 'we']],
    ['We will continue to stand with the people of the valley.', ['We']],
    ['We express our solidarity with the Member States hit by the storm.', ['We']],
    ['I am pleased to announce a grant of $50,000 for the relief fund.', ['I']],
    ['I am also proud to announce that we will open a mission.', ['I']],
  ])('%s', (sentence, expected) => {
    expect(pronouns(sentence)).toEqual(expected);
  });

  it.each([
    ['We, the Member States, call upon the parties to disarm.'],
    ['We all condemn terrorism in all its forms.'],
    ['We must all support the reform of the Council.'],
    ['Together we call on the world to act.'],
    ['We in the United Nations welcome the agreement.'],
    ['We as the international community reject such acts.'],
    ['He said we would support the plan.'],
    ['They claim that we reject every proposal.'],
    ['Should we welcome such a change?'],
    ['The First World War I call a tragedy.'],
    ['I hope that the talks resume soon.'],
    ['He said I am pleased to announce nothing.'],
  ])('leaves %j alone', (sentence) => {
    expect(pronouns(sentence)).toEqual([]);
  });
});

describe('the speaker\'s own verb of saying does not make the pronoun reported', () => {
  it.each([
    ['Let me say that we support the mediation.', ['we']],
    ['As I have said before, we condemn the blockade.', ['we']],
  ])('%s', (sentence, expected) => {
    expect(pronouns(sentence)).toEqual(expected);
  });
});

describe('a sentence opening with "We" and an act keeps it when it later names the world', () => {
  it.each([
    ['We asked our neighbour to leave the past behind, because the world has the most poor people here.', ['We']],
    ['We sent doctors to the camps, as the international community watched.', ['We']],
    ['We urged the parties last year to resume talks, but the international community did nothing.', ['We']],
  ])('%s', (sentence, expected) => {
    expect(pronouns(sentence)).toEqual(expected);
  });
  it.each([
    ['We all learned that the world is fragile.'],
    ['Others asked and we answered, because the world was watching.'],
    ['We hoped the international community would act.'],
  ])('leaves %j alone', (sentence) => {
    expect(pronouns(sentence)).toEqual([]);
  });
});
