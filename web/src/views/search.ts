/**
 * Search: full text over sentences (SQLite FTS5) with facets (actor, type, date range, document);
 * hits highlighted and linked to the reader. URL: #/search?q=&actor=&type=&doc=&from=&to=&offset=
 */
import { ApiFailure, api } from '../api.js';
import { h, loading, statusLine } from '../dom.js';
import { entityIndex, readerHref } from '../entity-names.js';
import { href, type Params, type View } from '../router.js';
import { filterForm } from './filter-form.js';

const PAGE = 50;

export const searchView: View = {
  title: 'Search',
  jsonTwin: (p) => (p.q ? `/api/search?${new URLSearchParams(query(p)).toString()}` : '/openapi.json'),
  async render(root, params) {
    const [docs, names] = await Promise.all([api.documents(), entityIndex()]);
    const form = filterForm('search', params, [
      { name: 'q', label: 'Words or "a phrase"', kind: 'text' },
      { name: 'actor', label: 'Actor', kind: 'entity' }, { name: 'type', label: 'Event type', kind: 'type' },
      { name: 'from', label: 'From', kind: 'date' }, { name: 'to', label: 'To', kind: 'date' }, { name: 'doc', label: 'Document', kind: 'doc' },
    ], { entities: [...names.values()], docs });
    root.append(h('h1', {}, 'Search sentences'), form);
    const q = form.querySelector<HTMLInputElement>('input[name=q]')!;
    q.required = true;
    if (!params.q) { q.focus(); root.append(h('p', { class: 'muted' }, 'Words are all required; use "quotes" for a phrase, word* for a prefix, OR between alternatives.')); return; }
    const status = loading('results');
    root.append(status);
    const offset = Number(params.offset ?? 0) || 0;
    let page;
    try { page = await api.search({ ...query(params), limit: PAGE, offset }); } catch (err) {
      status.replaceWith(statusLine(err instanceof ApiFailure ? err.message : `Search failed: ${(err as Error).message}`, 'error'));
      return;
    }
    const titles = new Map(docs.map((d) => [d.id, d.title]));
    status.replaceWith(statusLine(`${page.total} sentence${page.total === 1 ? '' : 's'} match${page.total === 1 ? 'es' : ''}${page.total > PAGE ? `; showing ${offset + 1}–${Math.min(offset + PAGE, page.total)}` : ''}.`));
    const facets = h('aside', { class: 'facets', 'aria-label': 'Narrow the results' },
      page.facets.types.length ? [h('h2', {}, 'Event types'), h('ul', {}, page.facets.types.map((t) => h('li', {}, h('a', { href: href('search', { ...params, type: t.type, offset: '' }) }, t.type), ` ${t.count}`)))] : null,
      page.facets.docs.length > 1 ? [h('h2', {}, 'Documents'), h('ul', {}, page.facets.docs.map((d) => h('li', {}, h('a', { href: href('search', { ...params, doc: d.doc, offset: '' }) }, titles.get(d.doc) ?? d.doc), ` ${d.count}`)))] : null);
    const results = h('ol', { class: 'results', start: offset + 1 }, page.results.map((r) => h('li', {},
      h('a', { href: readerHref(r.doc, r.start, r.end), class: 'result' }, r.snippet.map((s) => (s.hit ? h('mark', {}, s.text) : s.text))),
      h('div', { class: 'muted' }, `${r.title} · sentence ${r.sentence + 1}`))));
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
      offset > 0 ? h('a', { href: href('search', { ...params, offset: String(Math.max(0, offset - PAGE)) }) }, '← previous') : null, ' ',
      offset + PAGE < page.total ? h('a', { href: href('search', { ...params, offset: String(offset + PAGE) }) }, 'next →') : null);
    root.append(h('div', { class: 'search-layout' }, h('div', {}, results, pager), facets));
  },
};

function query(p: Params): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['q', 'actor', 'type', 'doc', 'from', 'to']) if (p[k]) q[k] = p[k]!;
  return q;
}
