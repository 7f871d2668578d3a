import { describe, expect, it } from 'vitest';
import { speakerReferences } from '../../../src/recognize/entities/speaker-references.js';

// A clause-initial "we" before a past act is the speaking state; past verbs of perception, wish or need narrate.
// Naming the United Nations does not make a "we" inclusive ("we are asking the United Nations"); "we in the United Nations" does.
const speaker = (s: string) => speakerReferences(s).filter((r) => r.rule === 'speaker-pronoun').map((r) => s.slice(r.start, r.end));

describe('speaker "we" before a past act', () => {
  it.each([
    ['We immediately released the fishermen.'],
    ['We protested, and we recalled our envoy.'],
    ['We sent a team of engineers to the region.'],
    ['We denounce the blockade.'],
    ['We withdrew our application.'],
    ['We are asking the United Nations to send observers.'],
  ])('%s', (sentence) => {
    expect(speaker(sentence).length).toBeGreaterThan(0);
  });
  it.each([
    ['We need more resources for development.'],
    ['We hoped for a better outcome.'],
    ['We saw the consequences of inaction.'],
    ['We succeed only when we act together.'],
    ['We learned a hard lesson.'],
    ['We in the United Nations have failed the refugees.'],
  ])('leaves %j alone', (sentence) => {
    expect(speaker(sentence)).toEqual([]);
  });
});

describe('speaker "us" as the object of an act', () => {
  const us = (s: string) => speakerReferences(s).filter((r) => s.slice(r.start, r.end) === 'us').length;
  it.each([['Our neighbour immediately blamed us.'], ['They sent aircraft to bomb us.'], ['The Council invited us to the talks.']])('%s', (sentence) => {
    expect(us(sentence)).toBe(1);
  });
  it.each([['Let us work together.'], ['All of us must act.'], ['This matters for us and for them.'], ['The crisis affected us deeply.']])('leaves %j alone', (sentence) => {
    expect(us(sentence)).toBe(0);
  });
});
