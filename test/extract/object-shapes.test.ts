import { describe, expect, it } from 'vitest';
import { argumentsWith, type Arguments } from '../../src/extract/find-arguments.js';
import { coarsenToYear, eventDate } from '../../src/extract/event-date.js';
import { noParties, partyList } from '../../src/extract/party-list.js';
import { tokenAt, tokenise } from '../../src/extract/tokenise.js';

// The helpers that give extraction's objects one shape must not change a value.

describe('party lists', () => {
  it('an empty list is a new list each time, so that filling one fills no other', () => {
    const a = noParties();
    const b = noParties();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push('state:KEN');
    expect(b).toEqual([]);
    expect(noParties()).toEqual([]);
  });

  it.each([[['state:KEN']], [['state:KEN', 'state:ETH']]])('a filled list is kept as it is: %j', (list) => {
    expect(partyList(list)).toBe(list);
  });

  it('an empty list is replaced by a new empty one', () => {
    const empty: string[] = [];
    const out = partyList(empty);
    expect(out).toEqual([]);
    expect(out).not.toBe(empty);
  });
});

describe('tokenAt', () => {
  const tokens = tokenise('Kenya expelled two diplomats.', 0, 29);
  it.each([-2, -1, 0, 1, 4, 5, 6, 100])('at %i is what indexing gives', (i) => {
    expect(tokenAt(tokens, i)).toBe(tokens[i]);
  });
});

describe('argumentsWith', () => {
  const base: Arguments = { actors: ['state:KEN'], recipients: ['state:ETH'], passive: false, pronounSubject: true, symmetric: true, objectPrep: 'from' };

  it('replaces the parties (and voice when given) and keeps every other field', () => {
    const out = argumentsWith(base, ['state:ETH'], [], true);
    expect(out).toEqual({ actors: ['state:ETH'], recipients: [], passive: true, pronounSubject: true, symmetric: true, objectPrep: 'from' });
    expect(argumentsWith(base, [], ['state:KEN']).passive).toBe(false);
    expect(Object.keys(out)).toEqual(Object.keys(base));
  });

  it('leaves the arguments it copies alone', () => {
    argumentsWith(base, [], []);
    expect(base.actors).toEqual(['state:KEN']);
    expect(base.recipients).toEqual(['state:ETH']);
  });
});

describe('event dates', () => {
  it('have the fields of the model in its order', () => {
    expect(Object.keys(eventDate('2022-04', '2022-04-01', '2022-04-30', 'timex:0', false))).toEqual(['value', 'start', 'end', 'source', 'inferred']);
  });

  it.each([
    [eventDate('2022-04', '2022-04-01', '2022-04-30', 'timex:3', true), eventDate('2022', '2022-01-01', '2022-12-31', 'timex:3', true)],
    [eventDate('2021-FA', null, null, 'timex:1', false), eventDate('2021', '2021-01-01', '2021-12-31', 'timex:1', false)],
  ])('coarsened to the year keep source and inference: %j', (date, year) => {
    const out = coarsenToYear(date);
    expect(out).toEqual(year);
    expect(Object.keys(out)).toEqual(Object.keys(date));
  });

  it('already a year, is returned as it is', () => {
    const date = eventDate('2022', '2022-01-01', '2022-12-31', 'timex:0', false);
    expect(coarsenToYear(date)).toBe(date);
  });
});
