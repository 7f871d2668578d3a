/** The filter bar shared by timeline, network and search: fields bound to URL parameters. */
import type { DocumentSummary, Entity } from '../api.js';
import { h } from '../dom.js';
import { PLOVER_TYPES } from '../event-labels.js';
import { navigate, type Params } from '../router.js';

export type Field =
  | { name: string; label: string; kind: 'entity'; multiple?: boolean }
  | { name: string; label: string; kind: 'type'; multiple?: boolean }
  | { name: string; label: string; kind: 'doc'; multiple?: boolean }
  | { name: string; label: string; kind: 'date' }
  | { name: string; label: string; kind: 'text' }
  | { name: string; label: string; kind: 'choice'; options: [string, string][] };

export interface FieldContext { entities: Entity[]; docs: DocumentSummary[] }

/**
 * One labelled control for a field, showing `value`. A `multiple` picker holds a comma-separated list
 * (read it back with fieldValue); its "any" is choosing nothing, so it has no empty option.
 */
export function filterField(view: string, f: Field, value: string, ctx: FieldContext): HTMLElement {
  const id = `f-${view}-${f.name}`;
  let control: HTMLInputElement | HTMLSelectElement;
  const multiple = 'multiple' in f && !!f.multiple;
  const chosen = new Set(multiple ? value.split(',').map((v) => v.trim()) : [value]);
  const picker = (empty: string, options: [string, string][]) => h('select', { id, name: f.name, multiple, size: multiple ? 6 : null },
    multiple ? null : h('option', { value: '' }, empty), options.map(([v, label]) => h('option', { value: v, selected: chosen.has(v) }, label)));
  if (f.kind === 'entity') {
    control = picker('any', ctx.entities.filter((e) => ['state', 'person', 'organization', 'bloc'].includes(e.kind)).map((e) => [e.id, e.name]));
  } else if (f.kind === 'type') {
    control = picker('any', PLOVER_TYPES.map((t) => [t, t]));
  } else if (f.kind === 'doc') {
    control = picker('all documents', ctx.docs.map((d) => [d.id, d.title]));
  } else if (f.kind === 'choice') {
    control = h('select', { id, name: f.name }, f.options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  } else if (f.kind === 'date') {
    control = h('input', { id, name: f.name, value, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', size: 10, inputmode: 'numeric' });
  } else {
    control = h('input', { id, name: f.name, value, type: 'search' });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, f.label, multiple ? h('span', { class: 'muted' }, ' (any; Ctrl/⌘ for several)') : null), control);
}

/** A form's values by field name; several choices of one picker are joined with commas. */
export function fieldValues(form: HTMLFormElement): Params {
  const out: Params = {};
  for (const [k, v] of new FormData(form)) {
    if (typeof v !== 'string' || !v.trim()) continue;
    out[k] = out[k] ? `${out[k]},${v.trim()}` : v.trim();
  }
  return out;
}

export function filterForm(view: string, params: Params, fields: Field[], ctx: FieldContext, keep: string[] = []): HTMLFormElement {
  const inputs = fields.map((f) => filterField(view, f, params[f.name] ?? '', ctx));
  const form = h('form', { class: 'filters', role: 'search' }, inputs, h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply'), h('button', { type: 'reset' }, 'Clear')));
  const submit = (clearAll: boolean) => {
    const next: Params = {};
    for (const k of keep) if (params[k]) next[k] = params[k]!;
    if (!clearAll) Object.assign(next, fieldValues(form));
    navigate(view, next);
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); if (form.reportValidity()) submit(false); });
  form.addEventListener('reset', (ev) => { ev.preventDefault(); submit(true); });
  // Selects apply at once; text and dates wait for Enter or Apply.
  form.addEventListener('change', (ev) => { if ((ev.target as HTMLElement).tagName === 'SELECT') submit(false); });
  return form;
}
