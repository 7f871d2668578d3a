import type { DiploEvent, Entity } from '../model/index.js';
import { roleAt } from './function-words.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';
import { statesOf } from './state-of.js';

const LOOKBACK = 40;

export interface ResponseMarker {
  /** Lemmas of the words after "in response to" ("this aggression"), to find what is responded to. */
  cue: string[];
}

/** Is the act presented as a response ("In response, ...", "in retaliation", "as a countermeasure")? */
export function hasResponseMarker(view: SentenceView, clause: Clause, triggerFirst: number): ResponseMarker | null {
  // The marker may open the sentence or the trigger's clause.
  const starts = [0, clause.first];
  for (const s of starts) {
    for (let i = s; i < Math.min(triggerFirst, s + 25); i++) {
      const last = roleAt(view.tokens, i, 'response', triggerFirst);
      if (last < 0) continue;
      const cue: string[] = [];
      if (view.tokens[last + 1]?.lower === 'to') {
        for (let k = last + 2; k < Math.min(triggerFirst, last + 8); k++) {
          const t = view.tokens[k]!;
          if (t.punct) break;
          cue.push(...t.lemmas.map((c) => c.lemma));
        }
      }
      return { cue };
    }
  }
  return null;
}

/**
 * The most recent earlier event with the roles reversed: its actors are this event's recipients
 * (compared as states, so "the Embassy of Japan" meets "Japan"), preferring one whose recipients
 * are also this event's actors.
 */
export function findRespondedEvent(
  entities: ReadonlyMap<string, Entity>,
  earlier: readonly DiploEvent[],
  current: Pick<DiploEvent, 'actors' | 'recipients'>,
  cue: readonly string[] = [],
): DiploEvent | undefined {
  const myActors = statesOf(entities, current.actors);
  const myRecipients = statesOf(entities, current.recipients);
  if (myActors.size === 0) return undefined;
  // Only hostile acts that happened are retaliated against; only the latest LOOKBACK are looked at,
  // so they are collected from the end (the whole document's events are not filtered each time).
  const isEligible = (e: DiploEvent): boolean => e.quad >= 3 && !e.negated && e.modality !== 'hypothetical' && e.actors.length > 0;
  const eligible = latest(earlier, isEligible);
  // "In response to this aggression": the latest event whose trigger word is named.
  if (cue.length > 0) {
    for (let k = eligible.length - 1; k >= Math.max(0, eligible.length - LOOKBACK); k--) {
      const e = eligible[k]!;
      const words = e.trigger.text.toLowerCase().split(/[^\p{L}]+/u);
      if (words.some((w) => w.length > 3 && cue.includes(w)) && ![...statesOf(entities, e.actors)].some((a) => myActors.has(a))) return e;
    }
  }
  // Material conflict (sanctions, expulsions, force) is what countermeasures answer; verbal conflict only failing that.
  return matchRoles(entities, latest(earlier, (e) => e.quad === 4 && isEligible(e), true), myActors, myRecipients) ?? matchRoles(entities, eligible, myActors, myRecipients);
}

/** The last LOOKBACK events that pass `keep`, in document order (only hostile ones, quad >= 3, can; material conflict is quad 4). */
function latest(events: readonly DiploEvent[], keep: (e: DiploEvent) => boolean, materialOnly = false): DiploEvent[] {
  const indices = hostileIndices(events);
  const hostile = materialOnly ? indices.material : indices.hostile;
  const out: DiploEvent[] = [];
  for (let k = hostile.length - 1; k >= 0 && out.length < LOOKBACK; k--) {
    const e = events[hostile[k]!]!;
    if (keep(e)) out.push(e);
  }
  return out.reverse();
}

// A document's event list only grows while it is extracted: the positions of its hostile events
// are kept per list and extended, so a long document with few hostile acts is not rescanned per response.
interface HostileIndices { seen: number; last: DiploEvent | undefined; hostile: number[]; material: number[] }
const hostileCache = new WeakMap<readonly DiploEvent[], HostileIndices>();

function hostileIndices(events: readonly DiploEvent[]): HostileIndices {
  let cache = hostileCache.get(events);
  // Anything but appending (a list cut or rewritten) starts the positions afresh.
  if (!cache || cache.seen > events.length || (cache.seen > 0 && events[cache.seen - 1] !== cache.last)) {
    cache = { seen: 0, last: undefined, hostile: [], material: [] };
    hostileCache.set(events, cache);
  }
  for (let k = cache.seen; k < events.length; k++) {
    const quad = events[k]!.quad;
    if (quad >= 3) cache.hostile.push(k);
    if (quad === 4) cache.material.push(k);
  }
  cache.seen = events.length;
  cache.last = events[events.length - 1];
  return cache;
}

function matchRoles(entities: ReadonlyMap<string, Entity>, eligible: readonly DiploEvent[], myActors: Set<string>, myRecipients: Set<string>): DiploEvent | undefined {
  let partial: DiploEvent | undefined;
  for (let k = eligible.length - 1; k >= Math.max(0, eligible.length - LOOKBACK); k--) {
    const e = eligible[k]!;
    const theirActors = statesOf(entities, e.actors);
    const theirRecipients = statesOf(entities, e.recipients);
    if ([...myActors].some((a) => theirActors.has(a))) continue;
    const actsOnMe = [...myActors].some((a) => theirRecipients.has(a));
    const iActOnThem = [...myRecipients].some((r) => theirActors.has(r));
    if (actsOnMe && iActOnThem) return e;
    if (!partial && (iActOnThem || (actsOnMe && myRecipients.size === 0))) partial = e;
  }
  return partial;
}
