/**
 * Timeline of events grouped by actor or by type, zoomable from years to days; each item opens its
 * evidence sentence in the reader. URL: #/timeline?group=actor|type&actor=&recipient=&type=&quad=&negated=&doc=&from=&to=&focus=
 */
import { api, type DiploEvent } from '../api.js';
import { h, loading, statusLine } from '../dom.js';
import { entityIndex, readerHref } from '../entity-names.js';
import { QUAD_LABELS, formatDate } from '../event-labels.js';
import type { View } from '../router.js';
import { eventTable } from './event-table.js';
import { exportTheseLink } from './export-link.js';
import { filterForm } from './filter-form.js';

const DAY = 86_400_000;

export const timelineView: View = {
  title: 'Timeline',
  jsonTwin: (p) => `/api/events?${new URLSearchParams(eventQuery(p) as Record<string, string>).toString()}&limit=1000`,
  async render(root, params) {
    const [docs, names] = await Promise.all([api.documents(), entityIndex()]);
    const groupBy = params.group === 'type' ? 'type' : 'actor';
    root.append(h('h1', {}, 'Timeline of events'), filterForm('timeline', params, [
      { name: 'group', label: 'Group by', kind: 'choice', options: [['actor', 'actor'], ['type', 'event type']] },
      { name: 'actor', label: 'Actor', kind: 'entity' }, { name: 'recipient', label: 'Recipient', kind: 'entity' },
      { name: 'type', label: 'Type', kind: 'type' },
      { name: 'quad', label: 'Quad class', kind: 'choice', options: [['', 'any'], ...Object.entries(QUAD_LABELS).map(([q, l]) => [q, `${q} ${l}`] as [string, string])] },
      { name: 'negated', label: 'Negated', kind: 'choice', options: [['', 'either'], ['false', 'not negated'], ['true', 'negated only']] },
      { name: 'doc', label: 'Document', kind: 'doc' }, { name: 'from', label: 'From', kind: 'date' }, { name: 'to', label: 'To', kind: 'date' },
    ], { entities: [...names.values()], docs }, ['focus']),
    exportTheseLink(params, { actor: 'actor', type: 'type', doc: 'doc', from: 'from', to: 'to' }, { notCarried: ['recipient', 'quad', 'negated'] }));
    const status = loading('events');
    const holder = h('div', { class: 'timeline-holder', id: 'timeline' });
    const controls = h('div', { class: 'zoom-controls', role: 'group', 'aria-label': 'Zoom' });
    const list = h('div', { class: 'event-list' });
    root.append(status, controls, holder, list);

    let events: DiploEvent[];
    try {
      events = await api.allEvents(eventQuery(params));
    } catch (err) {
      status.replaceWith(statusLine(`Could not load events: ${(err as Error).message}`, 'error'));
      return;
    }
    const dated = events.filter((e) => e.date?.start);
    status.replaceWith(statusLine(`${events.length} events${events.length - dated.length ? `, ${events.length - dated.length} without a date (listed below only)` : ''}. Select an item to open its sentence.`));
    list.append(eventTable(events, names, 'Events'));
    if (!dated.length) { holder.remove(); return; }

    const [{ Timeline }] = await Promise.all([import('vis-timeline/standalone'), import('vis-timeline/styles/vis-timeline-graph2d.min.css')]);
    const groups = new Map<string, string>();
    const items: Record<string, unknown>[] = [];
    const byItem = new Map<string, DiploEvent>();
    for (const e of dated) {
      const keys = groupBy === 'type' ? [e.type] : e.actors.length ? [...new Set(e.actors)] : ['(no actor)'];
      for (const key of keys) {
        groups.set(key, groupBy === 'type' ? key : names.get(key)?.name ?? key);
        const id = `${e.id}@${key}`;
        byItem.set(id, e);
        const start = new Date(`${e.date!.start}T00:00:00Z`);
        const endDay = new Date(`${e.date!.end ?? e.date!.start}T00:00:00Z`).getTime() + DAY;
        const span = endDay - start.getTime();
        items.push({
          id, group: key, start,
          ...(span > DAY ? { end: new Date(endDay), type: 'range' } : { type: 'point' }),
          content: escapeText(`${e.negated ? 'not ' : ''}${e.type}${groupBy === 'type' ? ` ${e.actors.map((a) => names.get(a)?.name ?? a).join(', ')}` : ''}`),
          title: escapeText(`${formatDate(e.date)} · ${e.type} · ${e.evidence.text.slice(0, 200)}`),
          className: `quad-${e.quad}${span > 40 * DAY ? ' coarse' : ''}${e.negated ? ' negated' : ''}`,
        });
      }
    }
    const times = items.map((i) => (i.start as Date).getTime());
    const min = Math.min(...times);
    const max = Math.max(...items.map((i) => ((i.end as Date | undefined) ?? (i.start as Date)).getTime()));
    const timeline = new Timeline(holder, items as never[], [...groups].sort((a, b) => a[1].localeCompare(b[1])).map(([id, content]) => ({ id, content: escapeText(content) })), {
      stack: true, zoomMin: DAY * 3, zoomMax: DAY * 365 * 30, orientation: 'top', maxHeight: 560, verticalScroll: true,
      start: new Date(min - 15 * DAY), end: new Date(max + 15 * DAY), tooltip: { followMouse: true }, selectable: true,
    });
    timeline.on('select', (props: { items: (string | number)[] }) => {
      const e = byItem.get(String(props.items[0]));
      if (e) location.hash = readerHref(e.doc, e.evidence.start, e.evidence.end, `e:${e.id}`);
    });
    if (params.focus) {
      const ids = [...byItem].filter(([, e]) => e.id === params.focus).map(([id]) => id);
      if (ids.length) {
        timeline.setSelection(ids);
        timeline.focus(ids, { animation: false });
        list.querySelector(`[data-event="${CSS.escape(params.focus)}"]`)?.classList.add('selected');
      }
    }
    const zoom = (label: string, fn: () => void) => h('button', { type: 'button', onclick: fn }, label);
    controls.append(zoom('Zoom in', () => timeline.zoomIn(0.5)), zoom('Zoom out', () => timeline.zoomOut(0.5)), zoom('Fit all', () => timeline.fit()));
    return () => timeline.destroy();
  },
};

function eventQuery(p: Record<string, string>): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['actor', 'recipient', 'type', 'quad', 'negated', 'doc', 'from', 'to']) if (p[k]) q[k] = p[k]!;
  return q;
}

/** vis-timeline renders content as HTML; our text is data, so escape it. */
function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

