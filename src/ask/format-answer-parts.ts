import type { EntityIndex } from './entity-index.js';
import type { DateOf } from './load-records.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

/** A TIMEX3 value as people write it: 2022-09 -> September 2022; ranges keep both ends. */
export function formatDate(value: string): string {
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    return `${formatDate(a ?? '')} to ${formatDate(b ?? '')}`;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]!]} ${m[1]}`;
  m = /^(\d{4})-Q(\d)$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  return value;
}

export function formatWhen(date: DateOf | null): string {
  return date ? formatDate(date.value) : 'no date stated';
}

export function nameOf(index: EntityIndex, id: string): string {
  return index.entities.get(id)?.name ?? id.split(':').pop()!.replace(/[-_]+/g, ' ');
}

export function namesOf(index: EntityIndex, ids: string[]): string {
  return joinList(ids.map((id) => nameOf(index, id)));
}

export function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A figure value with its unit: 3.5 % -> "+3.5%" only when the text signed it; 2563700000000 JPY -> "2,563.7 billion JPY". */
export function formatValue(value: number, unit: string): string {
  const abs = Math.abs(value);
  let num: string;
  if (abs >= 1e12) num = `${trim(value / 1e12)} trillion`;
  else if (abs >= 1e9) num = `${trim(value / 1e9)} billion`;
  else if (abs >= 1e6) num = `${trim(value / 1e6)} million`;
  else num = trim(value);
  if (unit === '%') return `${num}%`;
  return `${num} ${unit}`.trim();
}

function trim(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const STATUS_LABEL: Record<string, string> = {
  in_force: 'in force', suspended: 'suspended', resumed: 'resumed', discontinued: 'discontinued', violated: 'violated',
  on_hold: 'on hold', withdrawn: 'withdrawn from', signed: 'signed', proposed: 'proposed',
};

export function statusLabel(status: string): string {
  return STATUS_LABEL[status] ?? status.replace(/_/g, ' ');
}

const STANCE_LABEL: Record<string, [string, string]> = {
  supports: ['supports', 'does not support'], condemns: ['condemns', 'has not condemned'], opposes: ['opposes', 'does not oppose'],
  abstains: ['abstains on', 'does not abstain on'], refrains: ['refrains from condemning', 'does not refrain from condemning'],
  concerned: ['is concerned about', 'is not concerned about'],
};

export function stanceLabel(stance: string, negated: boolean): string {
  const pair = STANCE_LABEL[stance];
  return pair ? pair[negated ? 1 : 0] : `${negated ? 'not ' : ''}${stance}`;
}
