/**
 * Compare: two documents side by side. Above the text, what changed in substance (events, stances,
 * agreement statuses, dates, how actors are described); below, sentences aligned in two columns,
 * reworded ones with their word-level diff. Text is only ever inserted as text nodes.
 * URL: #/compare?a=<doc id>&b=<doc id>&all=1
 */
import { api, apiUrl, type DocumentSummary } from '../api.js';
import { h, loading, statusLine } from '../dom.js';
import { readerHref } from '../entity-names.js';
import { navigate, type View } from '../router.js';

interface DiffPart { op: 'equal' | 'delete' | 'insert'; text: string }
interface Side { doc: string; start: number; end: number; text: string; index?: number }
interface Change { kind: string; change: string; summary: string; fields?: string[]; a?: Side; b?: Side }
interface Row { status: 'unchanged' | 'reworded' | 'added' | 'removed'; moved?: boolean; similarity?: number; a?: Side; b?: Side; diff?: DiffPart[] }
interface SectionRow { status: string; a?: { title: string }; b?: { title: string }; counts: Record<string, number> }
interface DocRef { id: string; title: string; source: string; year?: string; sentences: number }
interface Comparison {
  a: DocRef; b: DocRef; counts: Record<string, number>; changes: Change[]; sections: SectionRow[]; sentences: Row[];
  unchanged: { events: number; stances: number; agreements: number };
}

const CSS = `
.compare-pick { display: flex; gap: 0.8rem; flex-wrap: wrap; align-items: end; margin-bottom: 0.8rem; }
.compare-pick label { display: flex; flex-direction: column; font-size: 0.85rem; max-width: 28rem; }
.compare-changes td, .compare-changes th { text-align: left; vertical-align: top; padding: 0.15rem 0.5rem; }
.compare-text { width: 100%; border-collapse: collapse; table-layout: fixed; }
.compare-text td { vertical-align: top; padding: 0.3rem 0.5rem; border-top: 1px solid #ddd; }
.compare-text td.status { width: 6.5rem; font-size: 0.8rem; color: #555; }
.row-added td.b, .row-reworded td.b { background: #e8f5e9; }
.row-removed td.a, .row-reworded td.a { background: #ffebee; }
.compare-text del { background: #ffcdd2; text-decoration: line-through; }
.compare-text ins { background: #c8e6c9; text-decoration: none; }
.change-appeared { color: #2e7d32; } .change-disappeared { color: #c62828; } .change-changed { color: #8a5a00; }
`;

const docLabel = (d: DocumentSummary) => `${d.source.split(/[\\/]/).pop() ?? d.source} · ${d.period_start.slice(0, 4)} · ${d.id.slice(0, 8)}`;

export const compareView: View = {
  title: 'Compare',
  jsonTwin: (p) => (p.a && p.b ? apiUrl('compare', { a: p.a, b: p.b }) : '/api/documents'),
  async render(root, params) {
    root.append(h('style', {}, CSS), h('h1', {}, 'Compare two documents'));
    const docs = await api.documents();
    const select = (name: 'a' | 'b', label: string) => h('label', {}, label,
      h('select', { name, 'aria-label': label }, h('option', { value: '' }, '(choose a document)'),
        docs.map((d) => h('option', { value: d.id, selected: params[name] === d.id }, docLabel(d)))));
    const selA = select('a', 'A (older)');
    const selB = select('b', 'B (newer)');
    const all = h('label', {}, h('input', { type: 'checkbox', name: 'all', checked: params.all === '1' }), ' show unchanged sentences');
    const form = h('form', { class: 'compare-pick' }, selA, selB, all, h('button', { type: 'submit' }, 'Compare'));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      navigate('compare', { a: String(data.get('a') ?? ''), b: String(data.get('b') ?? ''), all: data.get('all') ? '1' : '' });
    });
    root.append(form);
    if (!params.a || !params.b) { root.append(statusLine('Choose two documents: A, the older, and B, the newer.')); return; }

    const status = loading('the comparison');
    root.append(status);
    const res = await fetch(apiUrl('compare', { a: params.a, b: params.b }), { headers: { accept: 'application/json' } });
    const body = await res.json() as Comparison & { error?: string };
    if (!res.ok) { status.replaceWith(statusLine(body.error ?? `comparison failed (${res.status})`, 'error')); return; }
    const c = body;
    const n = c.counts;
    status.replaceWith(statusLine(`${n.unchanged ?? 0} unchanged, ${n.reworded ?? 0} reworded, ${n.added ?? 0} added, ${n.removed ?? 0} removed sentences (${n.moved ?? 0} moved); ${c.changes.length} changes in substance.`));

    root.append(h('h2', {}, 'What changed in substance'));
    if (!c.changes.length) root.append(statusLine('No change in events, stances, agreement statuses, dates or descriptions.'));
    else {
      root.append(h('div', { class: 'table-wrap' }, h('table', { class: 'compare-changes' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'kind'), h('th', { scope: 'col' }, 'change'), h('th', { scope: 'col' }, 'what'), h('th', { scope: 'col' }, 'evidence'))),
        h('tbody', {}, c.changes.map((x) => h('tr', { class: `change change-${x.change}`, 'data-kind': x.kind },
          h('td', {}, x.kind), h('td', { class: `change-${x.change}` }, x.change + (x.fields?.length ? ` (${x.fields.join(', ')})` : '')),
          h('td', {}, x.summary),
          h('td', {}, x.a ? h('a', { href: readerHref(x.a.doc, x.a.start, x.a.end) }, 'A') : null, x.a && x.b ? ' · ' : null,
            x.b ? h('a', { href: readerHref(x.b.doc, x.b.start, x.b.end) }, 'B') : null)))))));
    }

    root.append(h('h2', {}, 'Sections'), h('ul', {}, c.sections.map((s) => h('li', {},
      `${s.status}: `, s.a && s.b && s.status === 'renamed' ? `${s.a.title} → ${s.b.title}` : (s.a ?? s.b)?.title ?? '',
      ` (${s.counts.unchanged ?? 0} unchanged, ${s.counts.reworded ?? 0} reworded, ${s.counts.added ?? 0} added, ${s.counts.removed ?? 0} removed)`))));

    const rows = params.all === '1' ? c.sentences : c.sentences.filter((r) => r.status !== 'unchanged' || r.moved);
    root.append(h('h2', {}, params.all === '1' ? 'Sentences side by side' : 'Sentences that differ, side by side'));
    root.append(h('table', { class: 'compare-text' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, `A: ${c.a.title.slice(0, 60)}`), h('th', { scope: 'col' }, `B: ${c.b.title.slice(0, 60)}`))),
      h('tbody', {}, rows.map((r) => h('tr', { class: `row-${r.status}`, 'data-status': r.status },
        h('td', { class: 'status' }, r.status, r.moved ? ' (moved)' : '', r.similarity !== undefined && r.status === 'reworded' ? h('div', {}, `similarity ${r.similarity}`) : null),
        h('td', { class: 'a' }, r.a ? (r.diff ? r.diff.filter((p) => p.op !== 'insert').map(part) : r.a.text) : ''),
        h('td', { class: 'b' }, r.b ? (r.diff ? r.diff.filter((p) => p.op !== 'delete').map(part) : r.b.text) : ''))))));
  },
};

function part(p: DiffPart): Node | string {
  if (p.op === 'equal') return p.text;
  return h(p.op === 'delete' ? 'del' : 'ins', {}, p.text);
}

