/**
 * Stances: a matrix of who (rows) stands where on whom (columns); each cell lists its evidence.
 * URL: #/stances?stance=&doc=&from=&to=&cell=<holder>|<target>
 */
import { api, type EntityNames, type Stance } from '../api.js';
import { clear, h, loading, statusLine } from '../dom.js';
import { entityChip, entityIndex, readerHref } from '../entity-names.js';
import { formatDate } from '../event-labels.js';
import { replaceParams, type Params, type View } from '../router.js';
import { filterForm } from './filter-form.js';

const STANCE_COLOURS: Record<string, string> = {
  supports: '#2e7d32', condemns: '#c62828', opposes: '#e65100', concerned: '#f9a825', abstains: '#757575', refrains: '#5c6bc0',
};
const NO_TARGET = '(general)';

export const stancesView: View = {
  title: 'Stances',
  jsonTwin: (p) => `/api/stances?${new URLSearchParams(query(p)).toString()}&limit=1000`,
  async render(root, params) {
    const [docs, index] = await Promise.all([api.documents(), entityIndex()]);
    root.append(h('h1', {}, 'Stances: who stands where on whom'), filterForm('stances', params, [
      { name: 'stance', label: 'Stance', kind: 'choice', options: [['', 'any'], ...Object.keys(STANCE_COLOURS).map((s) => [s, s] as [string, string])] },
      { name: 'doc', label: 'Document', kind: 'doc' }, { name: 'from', label: 'From', kind: 'date' }, { name: 'to', label: 'To', kind: 'date' },
    ], { entities: [...index.values()], docs }));
    const status = loading('stances');
    root.append(status);
    const page = await api.stances(query(params));
    const names: EntityNames = { ...page.entities };
    for (const [id, e] of index) names[id] ??= { name: e.name, kind: e.kind };
    if (!page.stances.length) { status.replaceWith(statusLine('No stances found for these filters.')); return; }
    status.replaceWith(statusLine(`${page.total} stances. Rows hold the stance; columns are its target. Select a cell for the evidence.`));
    const holders = [...new Set(page.stances.map((s) => s.holder))].sort((a, b) => (names[a]?.name ?? a).localeCompare(names[b]?.name ?? b));
    const targets = [...new Set(page.stances.map((s) => s.target ?? NO_TARGET))].sort((a, b) => (names[a]?.name ?? a).localeCompare(names[b]?.name ?? b));
    const cells = new Map<string, Stance[]>();
    for (const s of page.stances) { const k = `${s.holder}|${s.target ?? NO_TARGET}`; cells.set(k, [...(cells.get(k) ?? []), s]); }
    const detail = h('aside', { class: 'detail', 'aria-live': 'polite' });
    const show = (key: string) => {
      const list = cells.get(key) ?? [];
      replaceParams('stances', { ...params, cell: key });
      clear(detail);
      const [holder, target] = key.split('|') as [string, string];
      detail.append(h('h2', { tabindex: -1 }, entityChip(holder, names), ' on ', target === NO_TARGET ? NO_TARGET : entityChip(target, names)),
        h('ul', { class: 'evidence-list' }, list.map((s) => h('li', {},
          h('span', { class: 'badge', style: `background:${STANCE_COLOURS[s.stance] ?? '#777'}` }, `${s.negated ? 'not ' : ''}${s.stance}`), ` ${formatDate(s.date)}${s.topic ? ` · ${s.topic}` : ''} `,
          h('blockquote', {}, s.evidence.text), h('a', { href: readerHref(s.doc, s.evidence.start, s.evidence.end) }, 'Open in the reader'), h('span', { class: 'muted' }, ` · rule ${s.rule}`)))));
      detail.querySelector<HTMLElement>('h2')?.focus();
    };
    const table = h('table', { class: 'matrix' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'holder \\ target'), targets.map((t) => h('th', { scope: 'col' }, t === NO_TARGET ? NO_TARGET : entityChip(t, names))))),
      h('tbody', {}, holders.map((holder) => h('tr', {}, h('th', { scope: 'row' }, entityChip(holder, names)), targets.map((t) => {
        const list = cells.get(`${holder}|${t}`);
        if (!list) return h('td', {});
        const counts = new Map<string, number>();
        for (const s of list) { const k = `${s.negated ? 'not ' : ''}${s.stance}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
        return h('td', {}, h('button', { type: 'button', class: 'cell', 'aria-label': `${names[holder]?.name ?? holder} on ${names[t]?.name ?? t}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`, onclick: () => show(`${holder}|${t}`) },
          [...counts].map(([k, n]) => h('span', { class: 'badge', style: `background:${STANCE_COLOURS[k.replace('not ', '')] ?? '#777'}` }, `${k} ${n}`))));
      })))));
    root.append(h('div', { class: 'stances-layout' }, h('div', { class: 'table-wrap' }, table), detail));
    if (params.cell && cells.has(params.cell)) show(params.cell);
  },
};

function query(p: Params): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['stance', 'doc', 'from', 'to', 'holder', 'target']) if (p[k]) q[k] = p[k]!;
  return q;
}
