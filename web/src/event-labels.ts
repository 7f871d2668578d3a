/** How events read to a person: quad classes, cooperation versus conflict colours, dates. */
import type { DateValue } from './api.js';

export const QUAD_LABELS: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

export const COOPERATION_COLOUR = '#2e7d32';
export const CONFLICT_COLOUR = '#c62828';

export function quadColour(quad: number): string {
  return quad <= 2 ? COOPERATION_COLOUR : CONFLICT_COLOUR;
}

/** Mix of the two colours by the share of conflict (0 = all cooperation). */
export function mixColour(conflictShare: number): string {
  const a = [0x2e, 0x7d, 0x32];
  const b = [0xc6, 0x28, 0x28];
  const c = a.map((v, i) => Math.round(v + (b[i]! - v) * Math.max(0, Math.min(1, conflictShare))));
  return `rgb(${c.join(',')})`;
}

export function formatDate(d: DateValue | null | undefined): string {
  if (!d) return 'undated';
  return d.value;
}

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
