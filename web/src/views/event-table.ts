/** A keyboard-friendly table of events, each linking to its evidence sentence in the reader. */
import type { DiploEvent, Entity } from '../api.js';
import { h } from '../dom.js';
import { entityList, readerHref } from '../entity-names.js';
import { QUAD_LABELS, formatDate } from '../event-labels.js';

export function eventTable(events: DiploEvent[], names: Map<string, Entity>, caption: string): HTMLElement {
  if (!events.length) return h('p', { class: 'muted' }, `${caption}: none.`);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
    h('caption', {}, `${caption} (${events.length})`),
    h('thead', {}, h('tr', {}, ['Date', 'Type', 'Actors', 'Recipients', 'Evidence'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, events.map((e) => h('tr', { 'data-event': e.id },
      h('td', { class: 'nowrap' }, formatDate(e.date), e.date?.inferred ? h('span', { class: 'muted', title: 'date inferred' }, ' *') : null),
      h('td', {}, h('span', { class: `badge quad-${e.quad}`, title: QUAD_LABELS[e.quad] ?? '' }, e.type), e.negated ? h('span', { class: 'muted' }, ' (negated)') : null),
      h('td', {}, entityList(e.actors, names)),
      h('td', {}, entityList(e.recipients, names)),
      h('td', {}, h('a', { href: readerHref(e.doc, e.evidence.start, e.evidence.end, `e:${e.id}`), class: 'evidence' }, snippet(e.evidence.text, e.trigger.text))))))));
}

function snippet(text: string, trigger: string): string {
  if (text.length <= 180) return text;
  const at = Math.max(0, text.indexOf(trigger) - 70);
  return `${at > 0 ? '…' : ''}${text.slice(at, at + 180)}…`;
}
