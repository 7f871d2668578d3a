/**
 * Reader: a document's text with its sections, entity mentions coloured by kind, time expressions and
 * event triggers marked. Selecting a mark shows what it was resolved to and why (rule, stated or inferred).
 * URL: #/reader?doc=<id>&at=<start>-<end>&sel=<m|t|e>:<key>
 */
import { api, type DiploEvent, type DocumentDetail, type DocumentText, type Entity, type EventAnn, type MentionAnn, type TimexAnn } from '../api.js';
import { clear, h, loading, statusLine } from '../dom.js';
import { ENTITY_KINDS, kindColour } from '../entity-kinds.js';
import { entityChip, entityIndex, entityList } from '../entity-names.js';
import { QUAD_LABELS, formatDate } from '../event-labels.js';
import { href, replaceParams, type Params, type View } from '../router.js';

type Annotation =
  | { kind: 'mention'; key: string; start: number; end: number; data: MentionAnn }
  | { kind: 'timex'; key: string; start: number; end: number; data: TimexAnn }
  | { kind: 'event'; key: string; start: number; end: number; data: EventAnn }
  | { kind: 'focus'; key: string; start: number; end: number };

export const readerView: View = {
  title: 'Reader',
  jsonTwin: (p) => (p.doc ? `/api/documents/${encodeURIComponent(p.doc)}/text` : '/api/documents'),
  async render(root, params) {
    const docs = await api.documents();
    if (!docs.length) {
      root.append(h('section', { class: 'empty' }, h('h1', {}, 'No documents yet'),
        h('p', {}, 'Ingest a report with ', h('code', {}, 'diplograph ingest <file>'), ' or ', h('a', { href: href('ingest') }, 'upload one'), '.')));
      return;
    }
    const docId = params.doc ?? docs[0]!.id;
    const picker = h('select', { id: 'doc-picker', 'aria-label': 'Document' },
      docs.map((d) => h('option', { value: d.id, selected: d.id === docId || d.id.startsWith(docId) }, `${d.title} (${d.period_start.slice(0, 4)}, ${d.events} events)`)));
    picker.addEventListener('change', () => { location.hash = href('reader', { doc: picker.value }); });
    const toc = h('nav', { class: 'toc', 'aria-label': 'Sections' });
    const textPane = h('article', { class: 'doc-text', 'aria-label': 'Document text' }, loading('the document'));
    const detail = h('aside', { class: 'detail', 'aria-live': 'polite', 'aria-label': 'What the selection resolved to' },
      h('p', { class: 'muted' }, 'Select a marked word (click, or Tab then Enter) to see what it was resolved to and why.'));
    const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
      ENTITY_KINDS.map((k) => h('li', {}, h('span', { class: `m kind-${k}`, style: `--kind:${kindColour(k)}` }, k))),
      h('li', {}, h('span', { class: 't' }, 'time expression')), h('li', {}, h('span', { class: 'ev' }, 'event trigger')));
    root.append(h('div', { class: 'reader-layout' },
      h('div', { class: 'reader-side' }, h('label', { for: 'doc-picker', class: 'label' }, 'Document'), picker, legend, toc),
      textPane, detail));

    const [text, meta, events, names] = await Promise.all([
      api.documentText(docId), api.document(docId), api.allEvents({ doc: docId }), entityIndex(),
    ]);
    const eventsById = new Map(events.map((e) => [e.id, e]));
    renderMeta(toc, meta, text);
    const anns = annotations(text, params.at);
    clear(textPane);
    textPane.append(h('header', {}, h('h1', {}, text.title), h('p', { class: 'muted' },
      `Period ${meta.document.period_start} – ${meta.document.period_end} (${meta.document.period_reason}) · ${text.sentences.length} sentences · ${events.length} events · `,
      h('a', { href: href('timeline', { doc: docId }) }, 'timeline'), ' · ', h('a', { href: href('network', { doc: docId }) }, 'network'))));
    textPane.append(renderText(text, meta, anns));

    const byKey = new Map(anns.map((a) => [a.key, a]));
    const select = (keys: string[], focusFirst: boolean) => {
      textPane.querySelectorAll('.selected').forEach((el) => el.classList.remove('selected'));
      const chosen = keys.map((k) => byKey.get(k)).filter((a): a is Annotation => !!a && a.kind !== 'focus');
      for (const a of chosen) textPane.querySelectorAll(`[data-keys~="${CSS.escape(a.key)}"]`).forEach((el) => el.classList.add('selected'));
      clear(detail);
      detail.append(...chosen.map((a) => describe(a, eventsById, names, docId)));
      if (focusFirst) detail.querySelector<HTMLElement>('h2')?.focus();
    };
    textPane.addEventListener('click', (ev) => {
      const seg = (ev.target as HTMLElement).closest<HTMLElement>('[data-keys]');
      if (!seg) return;
      const keys = (seg.dataset.keys ?? '').split(' ').filter((k) => !k.startsWith('f:'));
      if (!keys.length) return;
      replaceParams('reader', { ...params, doc: docId, sel: keys.join(' ') });
      select(keys, false);
    });
    textPane.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      const seg = (ev.target as HTMLElement).closest<HTMLElement>('[data-keys]');
      if (!seg) return;
      ev.preventDefault();
      seg.click();
      (detail.querySelector<HTMLElement>('a, h2') ?? detail).focus();
    });
    if (params.sel) select(params.sel.split(' '), false);
    const target = textPane.querySelector<HTMLElement>('.focus') ?? (params.sel ? textPane.querySelector<HTMLElement>('.selected') : null);
    target?.scrollIntoView({ block: 'center' });
  },
};

function renderMeta(toc: HTMLElement, meta: DocumentDetail, text: DocumentText): void {
  clear(toc);
  if (meta.sections.length) {
    toc.append(h('h2', { class: 'label' }, 'Sections'), h('ol', {}, meta.sections.map((s) =>
      h('li', { style: `padding-left:${(s.level - 1) * 0.8}rem` }, h('a', { href: `#sec-${s.heading_start}`, 'data-jump': String(s.heading_start) }, `${s.label ? `${s.label} ` : ''}${s.title}`)))));
    toc.addEventListener('click', (ev) => {
      const a = (ev.target as HTMLElement).closest<HTMLAnchorElement>('a[data-jump]');
      if (!a) return;
      ev.preventDefault(); // the hash holds the route, so jump without changing it
      const el = document.getElementById(`sec-${a.dataset.jump}`);
      el?.scrollIntoView({ block: 'start' });
      el?.focus();
    });
  }
  if (meta.messages.length) {
    toc.append(h('details', { class: 'messages' }, h('summary', {}, `${meta.messages.length} message${meta.messages.length === 1 ? '' : 's'} from processing`),
      h('ul', {}, meta.messages.map((m) => h('li', { class: `sev-${m.severity}` }, h('strong', {}, m.severity), ' ', m.message, ' ', h('code', {}, m.rule),
        m.start !== null && m.end !== null ? [' ', h('a', { href: href('reader', { doc: text.id, at: `${m.start}-${m.end}` }) }, 'show')] : null)))));
  }
}

function annotations(text: DocumentText, at: string | undefined): Annotation[] {
  const out: Annotation[] = [];
  for (const m of text.mentions) out.push({ kind: 'mention', key: `m:${m.start}-${m.end}`, start: m.start, end: m.end, data: m });
  for (const t of text.timexes) out.push({ kind: 'timex', key: `t:${t.idx}`, start: t.start, end: t.end, data: t });
  for (const e of text.events) out.push({ kind: 'event', key: `e:${e.id}`, start: e.start, end: e.end, data: e });
  const m = at ? /^(\d+)-(\d+)$/.exec(at) : null;
  if (m) out.push({ kind: 'focus', key: 'f:at', start: Number(m[1]), end: Number(m[2]) });
  return out.filter((a) => a.end > a.start).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Paragraph by paragraph, cut at every annotation edge; each piece carries the keys covering it. */
function renderText(text: DocumentText, meta: DocumentDetail, anns: Annotation[]): HTMLElement {
  const body = h('div', { class: 'doc-body' });
  const headingLevel = new Map(meta.sections.map((s) => [s.heading_start, s.level]));
  const paras = text.paragraphs.length ? text.paragraphs : [{ idx: 0, section: null, kind: 'paragraph', start: 0, end: text.text.length }];
  const buckets: Annotation[][] = paras.map(() => []);
  const starts = paras.map((p) => p.start);
  for (const a of anns) {
    for (let i = Math.max(0, upperBound(starts, a.start) - 1); i < paras.length && paras[i]!.start < a.end; i++) {
      if (paras[i]!.end > a.start) buckets[i]!.push(a);
    }
  }
  paras.forEach((p, i) => {
    const level = headingLevel.get(p.start);
    const tag = p.kind === 'title' ? 'h2' : p.kind === 'heading' ? (level && level >= 3 ? 'h4' : 'h3') : p.kind === 'list-item' ? 'li' : 'p';
    const el = document.createElement(tag);
    el.className = `para para-${p.kind}`;
    if (p.kind === 'heading' || p.kind === 'title') { el.id = `sec-${p.start}`; el.tabIndex = -1; }
    el.append(...pieces(text.text, p.start, p.end, buckets[i]!));
    body.append(el);
  });
  return body;
}

function pieces(text: string, from: number, to: number, anns: Annotation[]): Node[] {
  const cuts = new Set<number>([from, to]);
  for (const a of anns) { if (a.start > from && a.start < to) cuts.add(a.start); if (a.end > from && a.end < to) cuts.add(a.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const covering = anns.filter((a) => a.start <= s && a.end >= e);
    const piece = text.slice(s, e);
    if (!covering.length) { out.push(document.createTextNode(piece)); continue; }
    const span = document.createElement('span');
    span.textContent = piece;
    span.dataset.keys = covering.map((a) => a.key).join(' ');
    const classes: string[] = [];
    const labels: string[] = [];
    for (const a of covering) {
      if (a.kind === 'mention') {
        classes.push('m', `kind-${a.data.kind}`, a.data.entity ? 'linked' : 'unlinked');
        span.style.setProperty('--kind', kindColour(a.data.kind));
        labels.push(`${a.data.kind} ${a.data.entity ?? '(not linked)'}`);
      } else if (a.kind === 'timex') {
        classes.push('t');
        labels.push(`time ${a.data.value}`);
      } else if (a.kind === 'event') {
        classes.push('ev', a.data.negated ? 'negated' : '');
        labels.push(`event ${a.data.type}${a.data.negated ? ' (negated)' : ''}`);
      } else classes.push('focus');
    }
    span.className = classes.filter(Boolean).join(' ');
    if (labels.length) {
      span.tabIndex = 0;
      span.setAttribute('role', 'button');
      span.title = labels.join('; ');
    }
    out.push(span);
  }
  return out;
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! <= value) lo = mid + 1; else hi = mid; }
  return lo;
}

function provenance(rule: string, inferred: string[]): HTMLElement {
  return h('p', { class: 'why' }, inferred.length
    ? [h('span', { class: 'badge inferred' }, 'inferred'), ` ${inferred.join(', ')} filled in · rule `, h('code', {}, rule)]
    : [h('span', { class: 'badge stated' }, 'stated'), ' in the text · rule ', h('code', {}, rule)]);
}

function describe(a: Annotation, events: Map<string, DiploEvent>, names: Map<string, Entity>, doc: string): HTMLElement {
  if (a.kind === 'mention') {
    const m = a.data;
    const inferred: string[] = m.inferred ? JSON.parse(m.inferred) as string[] : [];
    const entity = m.entity ? names.get(m.entity) : undefined;
    return h('section', { class: 'resolution' },
      h('h2', { tabindex: -1 }, h('span', { class: 'badge', style: `background:${kindColour(m.kind)}` }, m.kind), ' “', m.text, '”'),
      m.entity
        ? h('p', {}, 'Resolved to ', entityChip(m.entity, names), entity ? h('span', { class: 'muted' }, ` (${m.entity})`) : null)
        : h('p', {}, 'Recognised as a ', m.kind, ' but not linked to a known entity.'),
      entity?.offices?.length ? h('p', { class: 'muted' }, entity.offices.map((o) => `${o.title} ${o.start}–${o.end ?? ''}`).join('; ')) : null,
      provenance(m.rule, inferred));
  }
  if (a.kind === 'timex') {
    const t = a.data;
    const inferred: string[] = JSON.parse(t.inferred) as string[];
    return h('section', { class: 'resolution' },
      h('h2', { tabindex: -1 }, h('span', { class: 'badge time' }, t.type), ' “', t.text, '”'),
      h('dl', {},
        h('dt', {}, 'Normalised'), h('dd', {}, h('code', {}, t.value), t.mod ? ` (${t.mod})` : ''),
        t.range_start ? [h('dt', {}, 'Covers'), h('dd', {}, `${t.range_start} – ${t.range_end ?? ''}`)] : null,
        t.anchor ? [h('dt', {}, 'Anchored on'), h('dd', {}, t.anchor)] : null),
      provenance(t.rule, inferred),
      t.range_start ? h('p', {}, h('a', { href: href('timeline', { doc, from: t.range_start.slice(0, 10), to: (t.range_end ?? t.range_start).slice(0, 10) }) }, 'Events in this period on the timeline')) : null);
  }
  if (a.kind === 'event') {
    const brief = a.data;
    const e = events.get(brief.id);
    return h('section', { class: 'resolution' },
      h('h2', { tabindex: -1 }, h('span', { class: `badge quad-${e?.quad ?? 0}` }, brief.type), brief.negated ? ' (negated)' : '', ' “', e?.trigger.text ?? '', '”'),
      e ? h('dl', {},
        h('dt', {}, 'Actors'), h('dd', { class: 'actors' }, entityList(e.actors, names)),
        h('dt', {}, 'Recipients'), h('dd', { class: 'recipients' }, entityList(e.recipients, names)),
        h('dt', {}, 'Date'), h('dd', {}, formatDate(e.date), e.date ? h('span', { class: `badge ${e.date.inferred ? 'inferred' : 'stated'}` }, e.date.inferred ? 'inferred' : 'stated') : null),
        h('dt', {}, 'Class'), h('dd', {}, `${QUAD_LABELS[e.quad] ?? e.quad}, intensity ${e.intensity}`),
        e.mode ? [h('dt', {}, 'Mode'), h('dd', {}, e.mode)] : null,
        e.contexts.length ? [h('dt', {}, 'Contexts'), h('dd', {}, e.contexts.join(', '))] : null,
        h('dt', {}, 'Modality'), h('dd', {}, e.modality + (e.negated ? ', negated' : ''))) : statusLine('event details unavailable', 'error'),
      h('p', { class: 'why' }, 'Rule ', h('code', {}, brief.rule)),
      h('p', {}, h('a', { href: href('timeline', { doc, focus: brief.id }) }, 'Show on the timeline'),
        e?.actors[0] && e.recipients[0] ? [' · ', h('a', { href: href('network', { doc, edge: `${e.actors[0]}>${e.recipients[0]}` }) }, 'Show in the network')] : null,
        ' · ', h('a', { href: `/api/events?doc=${encodeURIComponent(doc)}&limit=1000`, class: 'muted' }, 'JSON')));
  }
  return h('section', {});
}
