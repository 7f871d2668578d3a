import type { Entity } from '../model/entity.js';

/**
 * The state an entity acts for, to compare roles across events: a state itself, an organisation's
 * or place's country, a person's (latest) office country. Others stand for themselves.
 */
export function stateOf(entities: ReadonlyMap<string, Entity>, id: string): string {
  const e = entities.get(id);
  if (!e) return id;
  if (e.kind === 'state') return e.id;
  if (e.country) return e.country;
  const office = e.offices?.[e.offices.length - 1];
  return office?.country ?? id;
}

export function statesOf(entities: ReadonlyMap<string, Entity>, ids: readonly string[]): Set<string> {
  return new Set(ids.map((id) => stateOf(entities, id)));
}
