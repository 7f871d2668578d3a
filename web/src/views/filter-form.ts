/** The filter bar shared by timeline, network and search: fields bound to URL parameters. */
import type { DocumentSummary, Entity } from '../api.js';
import { h } from '../dom.js';
import { PLOVER_TYPES } from '../event-labels.js';
import { navigate, type Params } from '../router.js';

export type Field =
  | { name: string; label: string; kind: 'entity' }
  | { name: string; label: string; kind: 'type' }
  | { name: string; label: string; kind: 'doc' }
  | { name: string; label: string; kind: 'date' }
  | { name: string; label: string; kind: 'text' }
  | { name: string; label: string; kind: 'choice'; options: [string, string][] };

export function filterForm(view: string, params: Params, fields: Field[], ctx: { entities: Entity[]; docs: DocumentSummary[] }, keep: string[] = []): HTMLFormElement {
  const inputs = fields.map((f) => {
    const id = `f-${view}-${f.name}`;
    const value = params[f.name] ?? '';
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'entity') {
      control = h('select', { id, name: f.name }, h('option', { value: '' }, 'any'),
        ctx.entities.filter((e) => ['state', 'person', 'organization', 'bloc'].includes(e.kind)).map((e) => h('option', { value: e.id, selected: e.id === value }, e.name)));
    } else if (f.kind === 'type') {
      control = h('select', { id, name: f.name }, h('option', { value: '' }, 'any'), PLOVER_TYPES.map((t) => h('option', { value: t, selected: t === value }, t)));
    } else if (f.kind === 'doc') {
      control = h('select', { id, name: f.name }, h('option', { value: '' }, 'all documents'), ctx.docs.map((d) => h('option', { value: d.id, selected: d.id === value }, d.title)));
    } else if (f.kind === 'choice') {
      control = h('select', { id, name: f.name }, f.options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
    } else if (f.kind === 'date') {
      control = h('input', { id, name: f.name, value, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', size: 10, inputmode: 'numeric' });
    } else {
      control = h('input', { id, name: f.name, value, type: 'search' });
    }
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), control);
  });
  const form = h('form', { class: 'filters', role: 'search' }, inputs, h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply'), h('button', { type: 'reset' }, 'Clear')));
  const submit = (clearAll: boolean) => {
    const next: Params = {};
    for (const k of keep) if (params[k]) next[k] = params[k]!;
    if (!clearAll) for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) next[k] = v.trim();
    navigate(view, next);
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); if (form.reportValidity()) submit(false); });
  form.addEventListener('reset', (ev) => { ev.preventDefault(); submit(true); });
  // Selects apply at once; text and dates wait for Enter or Apply.
  form.addEventListener('change', (ev) => { if ((ev.target as HTMLElement).tagName === 'SELECT') submit(false); });
  return form;
}
