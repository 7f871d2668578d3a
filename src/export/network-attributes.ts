import type { ActorEdge, ActorNode } from './actor-network.js';

/**
 * The node and edge attributes both graph formats declare, so that GraphML and GEXF carry the same columns
 * under the same names. A value of undefined is left out of the element (GraphML and GEXF both allow that).
 */
export interface NetworkAttribute<T> {
  name: string;
  type: 'string' | 'integer' | 'double';
  value: (item: T) => string | number | undefined;
}

export const NODE_ATTRIBUTES: Array<NetworkAttribute<ActorNode>> = [
  { name: 'label', type: 'string', value: (n) => n.label },
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'country', type: 'string', value: (n) => n.country },
  { name: 'sector', type: 'string', value: (n) => n.sector },
  { name: 'iso3', type: 'string', value: (n) => n.iso3 },
  { name: 'wikidata', type: 'string', value: (n) => n.wikidata },
  { name: 'events', type: 'integer', value: (n) => n.events },
  { name: 'as_actor', type: 'integer', value: (n) => n.asActor },
  { name: 'as_recipient', type: 'integer', value: (n) => n.asRecipient },
  { name: 'first', type: 'string', value: (n) => n.first },
  { name: 'last', type: 'string', value: (n) => n.last },
];

// "event_type" rather than "type": Gephi's edge table already has a Type column (directed or undirected).
export const EDGE_ATTRIBUTES: Array<NetworkAttribute<ActorEdge>> = [
  { name: 'event_type', type: 'string', value: (e) => e.type },
  { name: 'count', type: 'integer', value: (e) => e.count },
  { name: 'negated', type: 'integer', value: (e) => e.negated },
  { name: 'quad', type: 'integer', value: (e) => e.quad },
  { name: 'mean_intensity', type: 'double', value: (e) => e.meanIntensity },
  { name: 'first', type: 'string', value: (e) => e.first },
  { name: 'last', type: 'string', value: (e) => e.last },
];
