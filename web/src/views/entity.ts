/**
 * Entity pages: profile, aliases, office and term, mentions, events as actor and as recipient,
 * stances held and received, figures, agreements it is party to. Without an id: the list of entities.
 * URL: #/entity?id=<entity id>  |  #/entity?kind=&q=
 */
import { ApiFailure, api, type Entity } from '../api.js';
import { h, loading, statusLine } from '../dom.js';
import { ENTITY_KINDS, kindColour } from '../entity-kinds.js';
import { entityChip, entityIndex, entityList, readerHref } from '../entity-names.js';
import { formatDate } from '../event-labels.js';
import { href, navigate, type Params, type View } from '../router.js';
import { eventTable } from './event-table.js';
import { exportTheseLink } from './export-link.js';

export const entityView: View = {
  title: 'Entities',
  jsonTwin: (p) => (p.id ? `/api/entities/${encodeURIComponent(p.id)}` : `/api/entities?${new URLSearchParams(p).toString()}`),
  async render(root, params) {
    if (!params.id) return renderList(root, params);
    const id = params.id;
    const status = loading(id);
    root.append(status);
    let detail;
    try { detail = await api.entity(id); } catch (err) {
      status.replaceWith(statusLine(err instanceof ApiFailure && err.status === 404 ? `No entity ${id}.` : `Could not load ${id}: ${(err as Error).message}`, 'error'));
      return;
    }
    const [asActor, asRecipient, stances, figures, agreements, names] = await Promise.all([
      api.allEvents({ actor: id }), api.allEvents({ recipient: id }), api.stances({ entity: id }), api.figures({ subject: id }), api.agreements({ party: id }), entityIndex(),
    ]);
    const e = detail.entity;
    const allNames = new Map(names);
    for (const [k, v] of Object.entries({ ...stances.entities, ...agreements.entities, ...figures.entities })) if (!allNames.has(k)) allNames.set(k, { ...v, id: k } as Entity);
    status.remove();
    root.append(
      h('header', { class: 'entity-head', style: `--kind:${kindColour(e.kind)}` },
        h('h1', {}, e.name), h('p', {}, h('span', { class: 'badge', style: `background:${kindColour(e.kind)}` }, e.kind), ' ', h('code', {}, e.id),
          e.iso3 ? ` · ISO ${e.iso3}` : '', e.wikidata ? [' · Wikidata ', h('code', {}, e.wikidata)] : '', e.sector ? ` · sector ${e.sector}` : '',
          e.country ? [' · of ', entityChip(e.country, allNames)] : null),
        h('p', { class: 'muted' }, `${e.mentions} mentions in ${e.documents} document${e.documents === 1 ? '' : 's'} · record from ${e.source} · `,
          h('a', { href: href('timeline', { actor: id }) }, 'timeline as actor'), ' · ', h('a', { href: href('search', { q: e.name, actor: id }) }, 'search'))),
      h('section', {}, h('h2', {}, 'Profile'), h('dl', {},
        h('dt', {}, 'Aliases'), h('dd', {}, e.aliases.length ? e.aliases.join(', ') : '—'),
        h('dt', {}, 'Offices'), h('dd', {}, e.offices?.length ? h('ul', {}, e.offices.map((o) => h('li', {}, `${o.title}${o.country ? ` (${o.country})` : ''}: ${o.start} – ${o.end ?? 'in office'}`))) : '—'))),
      h('section', {}, h('h2', {}, 'Events'), exportTheseLink({ actor: id }, { actor: 'actor' }, { label: 'Export what it did', title: 'Its events as actor, stances it holds, agreement status changes it made and figures about it, in a format of your choice' }), eventTable(asActor, allNames, 'As actor'), eventTable(asRecipient, allNames, 'As recipient')),
      h('section', {}, h('h2', {}, 'Stances'), stanceList(stances.stances.filter((s) => s.holder === id), allNames, 'Held'), stanceList(stances.stances.filter((s) => s.target === id), allNames, 'Received')),
      h('section', {}, h('h2', {}, 'Figures'), figures.figures.length ? h('ul', {}, figures.figures.map((f) =>
        h('li', {}, h('strong', {}, f.what), ` ${f.value} ${f.unit} (${formatDate(f.period)}) `, h('a', { href: readerHref(f.doc, f.evidence.start, f.evidence.end) }, 'evidence')))) : h('p', { class: 'muted' }, 'None.')),
      h('section', {}, h('h2', {}, 'Agreements'), agreements.agreements.length ? h('ul', {}, agreements.agreements.map((a) =>
        h('li', {}, h('a', { href: href('agreements', { entity: a.entity }) }, a.name), ': ', a.history.map((c) => `${c.status} ${formatDate(c.date)}`).join(' → ')))) : h('p', { class: 'muted' }, 'None.')),
      h('section', {}, h('h2', {}, 'Mentions'), detail.mentions.length ? h('ol', { class: 'mentions' }, detail.mentions.map((m) =>
        h('li', {}, h('a', { href: readerHref(m.doc, m.start, m.end, `m:${m.start}-${m.end}`) }, `“${m.text}”`), ' ', h('span', { class: 'muted' }, m.sentence.text)))) : h('p', { class: 'muted' }, 'None.')),
    );
  },
};

function stanceList(list: import('../api.js').Stance[], names: Map<string, Entity>, caption: string): HTMLElement {
  if (!list.length) return h('p', { class: 'muted' }, `${caption}: none.`);
  return h('div', {}, h('h3', {}, caption), h('ul', {}, list.map((s) => h('li', {},
    entityChip(s.holder, names), ` ${s.negated ? 'does not ' : ''}${s.stance} `, s.target ? entityChip(s.target, names) : h('span', { class: 'muted' }, '(no target)'),
    ` · ${formatDate(s.date)} · `, h('a', { href: readerHref(s.doc, s.evidence.start, s.evidence.end) }, 'evidence')))));
}

async function renderList(root: HTMLElement, params: Params): Promise<void> {
  const kind = h('select', { id: 'entity-kind', name: 'kind' }, h('option', { value: '' }, 'all kinds'), ENTITY_KINDS.map((k) => h('option', { value: k, selected: params.kind === k }, k)));
  const q = h('input', { id: 'entity-q', name: 'q', type: 'search', value: params.q ?? '', placeholder: 'name or alias' });
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'entity-kind' }, 'Kind'), kind), h('div', { class: 'field' }, h('label', { for: 'entity-q' }, 'Name'), q),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Find')));
  const go = () => navigate('entity', { ...(kind.value ? { kind: kind.value } : {}), ...(q.value.trim() ? { q: q.value.trim() } : {}) });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); go(); });
  kind.addEventListener('change', go);
  root.append(h('h1', {}, 'Entities'), form);
  const list = await api.entities({ kind: params.kind, q: params.q });
  const names = new Map(list.map((e) => [e.id, e]));
  root.append(list.length ? h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Entity', 'Kind', 'Mentions', 'Documents', 'Id'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map((e) => h('tr', {}, h('td', {}, entityList([e.id], names)), h('td', {}, e.kind), h('td', { class: 'num' }, e.mentions), h('td', { class: 'num' }, e.documents), h('td', {}, h('code', {}, e.id)))))))
    : h('p', { class: 'muted' }, 'No entities match.'));
}
