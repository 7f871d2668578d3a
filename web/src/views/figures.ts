/**
 * Figures: charts of the numbers by period (one chart per measure and unit, one series per subject),
 * with a table of every value linked to its evidence. URL: #/figures?what=&subject=&doc=
 */
import { api, type EntityNames, type Figure } from '../api.js';
import { h, loading, statusLine } from '../dom.js';
import { entityChip, entityIndex, readerHref } from '../entity-names.js';
import { formatDate } from '../event-labels.js';
import { href, type Params, type View } from '../router.js';

export const figuresView: View = {
  title: 'Figures',
  jsonTwin: (p) => `/api/figures?${new URLSearchParams(query(p)).toString()}&limit=1000`,
  async render(root, params) {
    root.append(h('h1', {}, 'Figures by period'));
    const status = loading('figures');
    root.append(status);
    const [page, index] = await Promise.all([api.figures(query(params)), entityIndex()]);
    const names: EntityNames = { ...page.entities };
    for (const [id, e] of index) names[id] ??= { name: e.name, kind: e.kind };
    if (!page.figures.length) { status.replaceWith(statusLine('No figures found.')); return; }
    status.replaceWith(h('nav', { class: 'measure-nav', 'aria-label': 'Measures' }, 'Measures: ',
      h('a', { href: href('figures', {}), 'aria-current': params.what ? undefined : 'page' }, 'all'),
      page.measures.map((m) => [' · ', h('a', { href: href('figures', { what: m.what }), 'aria-current': params.what === m.what ? 'page' : undefined }, `${m.what} (${m.unit}, ${m.count})`)])));

    const groups = new Map<string, Figure[]>();
    for (const f of page.figures) { const k = `${f.what}\u0000${f.unit}`; groups.set(k, [...(groups.get(k) ?? []), f]); }
    const echarts = await loadCharts();
    const charts: { dispose(): void; resize(): void }[] = [];
    for (const [key, figs] of groups) {
      const [what, unit] = key.split('\u0000') as [string, string];
      const box = h('div', { class: 'chart', role: 'img', 'aria-label': `Chart of ${what} in ${unit} by period; the table below lists the values` });
      const section = h('section', { class: 'figure-group' }, h('h2', {}, `${what} `, h('span', { class: 'muted' }, `(${unit})`)), box, figureTable(figs, names));
      root.append(section);
      const bySubject = new Map<string, Figure[]>();
      for (const f of figs) { const s = f.subject ?? '(no subject)'; bySubject.set(s, [...(bySubject.get(s) ?? []), f]); }
      const chart = echarts.init(box, undefined, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: (p: { data: { fig: Figure } }) => escapeText(`${p.data.fig.value} ${p.data.fig.unit} · ${formatDate(p.data.fig.period)} · ${names[p.data.fig.subject ?? '']?.name ?? p.data.fig.subject ?? ''}`) },
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: unit, scale: true },
        series: [...bySubject].map(([subject, list]) => ({
          name: names[subject]?.name ?? subject, type: 'line', symbolSize: 10, connectNulls: true,
          data: list.filter((f) => f.period?.start).sort((a, b) => a.period!.start!.localeCompare(b.period!.start!))
            .map((f) => ({ value: [midpoint(f), f.value], fig: f })),
        })),
      });
      chart.on('click', (p) => {
        const fig = (p.data as { fig?: Figure } | undefined)?.fig;
        if (fig) location.hash = readerHref(fig.doc, fig.evidence.start, fig.evidence.end);
      });
      charts.push(chart);
    }
    const onResize = () => charts.forEach((c) => c.resize());
    window.addEventListener('resize', onResize);
    return () => { window.removeEventListener('resize', onResize); charts.forEach((c) => c.dispose()); };
  },
};

async function loadCharts() {
  return import('../line-charts.js');
}

function midpoint(f: Figure): string {
  const s = Date.parse(f.period!.start!);
  const e = Date.parse(f.period!.end ?? f.period!.start!);
  return new Date((s + e) / 2).toISOString().slice(0, 10);
}

function figureTable(figs: Figure[], names: EntityNames): HTMLElement {
  return h('details', {}, h('summary', {}, `${figs.length} values`), h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Period', 'Subject', 'Value', 'Evidence'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, figs.map((f) => h('tr', {}, h('td', {}, formatDate(f.period)), h('td', {}, f.subject ? entityChip(f.subject, names) : '—'),
      h('td', { class: 'num' }, `${f.value} ${f.unit}`), h('td', {}, h('a', { href: readerHref(f.doc, f.evidence.start, f.evidence.end) }, f.evidence.text))))))));
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function query(p: Params): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['what', 'subject', 'unit', 'doc', 'from', 'to']) if (p[k]) q[k] = p[k]!;
  return q;
}
