/**
 * Agreements: each agreement's status history as a lifeline (coloured by status between dated changes),
 * every change linked to its evidence. URL: #/agreements?entity=&party=&status=&doc=&sel=<change id>
 */
import { api, type Agreement, type EntityNames, type StatusChange } from '../api.js';
import { clear, h, loading, statusLine } from '../dom.js';
import { entityIndex, entityList, readerHref } from '../entity-names.js';
import { formatDate } from '../event-labels.js';
import { href, replaceParams, type Params, type View } from '../router.js';

const STATUS_COLOURS: Record<string, string> = {
  proposed: '#9e9e9e', signed: '#5c6bc0', in_force: '#2e7d32', resumed: '#43a047', on_hold: '#f9a825',
  suspended: '#ef6c00', violated: '#c62828', discontinued: '#6d4c41', withdrawn: '#424242',
};

export const agreementsView: View = {
  title: 'Agreements',
  jsonTwin: (p) => `/api/agreements?${new URLSearchParams(query(p)).toString()}`,
  async render(root, params) {
    root.append(h('h1', {}, 'Agreements and their status'));
    const status = loading('agreements');
    root.append(status);
    const [list, index] = await Promise.all([api.agreements(query(params)), entityIndex()]);
    const names: EntityNames = { ...list.entities };
    for (const [id, e] of index) names[id] ??= { name: e.name, kind: e.kind };
    if (!list.agreements.length) { status.replaceWith(statusLine('No agreement status changes found.')); return; }
    status.replaceWith(h('ul', { class: 'legend' }, Object.entries(STATUS_COLOURS).map(([s, c]) => h('li', {}, h('span', { class: 'swatch', style: `background:${c}` }), ` ${s.replace('_', ' ')}`))));
    const dated = list.agreements.flatMap((a) => a.history).filter((c) => c.date?.start);
    const min = Math.min(...dated.map((c) => Date.parse(c.date!.start!)));
    const max = Math.max(...dated.map((c) => Date.parse(c.date!.end ?? c.date!.start!)));
    const span = Math.max(max - min, 86_400_000 * 30);
    const lo = min - span * 0.05;
    const hi = max + span * 0.1;
    const pct = (t: number) => `${((t - lo) / (hi - lo)) * 100}%`;
    const detail = h('aside', { class: 'detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a status change to see its evidence.'));
    const show = (a: Agreement, c: StatusChange) => {
      replaceParams('agreements', { ...params, sel: c.id });
      clear(detail);
      detail.append(h('h2', { tabindex: -1 }, a.name, ': ', c.status.replace('_', ' ')),
        h('dl', {}, h('dt', {}, 'Date'), h('dd', {}, formatDate(c.date)), h('dt', {}, 'By'), h('dd', {}, entityList(c.by, names)),
          h('dt', {}, 'Modality'), h('dd', {}, c.modality + (c.negated ? ', negated' : '')), h('dt', {}, 'Rule'), h('dd', {}, h('code', {}, c.rule))),
        h('blockquote', {}, c.evidence.text), h('p', {}, h('a', { href: readerHref(c.doc, c.evidence.start, c.evidence.end) }, 'Open in the reader')));
      detail.querySelector<HTMLElement>('h2')?.focus();
    };
    const years: number[] = [];
    for (let y = new Date(lo).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < hi; y++) years.push(y);
    const axis = h('div', { class: 'lifeline-axis', 'aria-hidden': 'true' }, years.map((y) => h('span', { style: `left:${pct(Date.UTC(y, 0, 1))}` }, String(y))));
    const rows = list.agreements.map((a) => {
      const changes = a.history.filter((c) => c.date?.start && !c.negated);
      const track = h('div', { class: 'lifeline-track' });
      changes.forEach((c, i) => {
        const from = Date.parse(c.date!.start!);
        const next = changes[i + 1];
        const to = next ? Date.parse(next.date!.start!) : hi;
        track.append(h('div', { class: 'lifeline-seg', style: `left:${pct(from)};width:calc(${pct(to)} - ${pct(from)});background:${STATUS_COLOURS[c.status] ?? '#999'}`, title: `${c.status} from ${formatDate(c.date)}` }));
      });
      for (const c of a.history.filter((x) => x.date?.start)) {
        track.append(h('button', { type: 'button', class: `lifeline-dot${c.negated ? ' negated' : ''}`, style: `left:${pct(Date.parse(c.date!.start!))};border-color:${STATUS_COLOURS[c.status] ?? '#999'}`,
          'aria-label': `${a.name} ${c.negated ? 'not ' : ''}${c.status} ${formatDate(c.date)}`, title: `${c.negated ? 'not ' : ''}${c.status} · ${formatDate(c.date)}`, onclick: () => show(a, c) }));
      }
      const undated = a.history.filter((c) => !c.date?.start);
      return h('div', { class: 'lifeline-row' },
        h('div', { class: 'lifeline-name' }, h('a', { href: href('entity', { id: a.entity }) }, a.name)),
        track,
        undated.length ? h('div', { class: 'lifeline-undated' }, 'Undated: ', undated.map((c) => h('button', { type: 'button', class: 'link', onclick: () => show(a, c) }, c.status))) : null);
    });
    root.append(h('div', { class: 'agreements-layout' }, h('div', { class: 'lifelines' }, h('div', { class: 'lifeline-row axis-row' }, h('div', { class: 'lifeline-name' }), axis), rows), detail));
    if (params.sel) {
      for (const a of list.agreements) { const c = a.history.find((x) => x.id === params.sel); if (c) show(a, c); }
    }
  },
};

function query(p: Params): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['entity', 'party', 'status', 'doc', 'from', 'to']) if (p[k]) q[k] = p[k]!;
  return q;
}
