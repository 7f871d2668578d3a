import type { ComparableAgreementStatus, ComparableEvent, ComparableStance } from './comparable-document.js';

/** Short readable labels of facts, used in summaries (ids stay in the structured output). */
export function nameOf(id: string | null | undefined, names: Record<string, string>): string {
  if (!id) return '(no target)';
  return names[id] ?? id;
}

const list = (ids: string[], names: Record<string, string>) => (ids.length ? ids.map((i) => nameOf(i, names)).join(' + ') : '?');

export function eventLabel(e: ComparableEvent, names: Record<string, string>): string {
  const who = list(e.actors, names);
  const whom = e.recipients.length ? ` → ${list(e.recipients, names)}` : '';
  const neg = e.negated ? 'not ' : '';
  const mod = e.modality && e.modality !== 'asserted' ? ` (${e.modality})` : '';
  const date = e.date ? ` @${e.date.value}` : '';
  return `${who} ${neg}${e.type}${e.mode ? `/${e.mode}` : ''}${whom}${mod}${date} «${e.trigger.text}»`;
}

export function stancePhrase(s: Pick<ComparableStance, 'stance' | 'negated'>): string {
  return `${s.negated ? 'not ' : ''}${s.stance}`;
}

export function stanceLabel(s: ComparableStance, names: Record<string, string>): string {
  const on = s.target ? nameOf(s.target, names) : s.topic ? `“${s.topic}”` : '(general)';
  return `${nameOf(s.holder, names)} ${stancePhrase(s)} ${on}`;
}

export function statusPhrase(a: Pick<ComparableAgreementStatus, 'status' | 'negated'>): string {
  return `${a.negated ? 'not ' : ''}${a.status.replace(/_/g, ' ')}`;
}

export function agreementLabel(a: ComparableAgreementStatus, names: Record<string, string>): string {
  return `${nameOf(a.entity, names)}: ${statusPhrase(a)}`;
}
