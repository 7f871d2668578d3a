/** Entity names for ids, loaded once per page and shared by every view. */
import { api, type Entity } from './api.js';
import { h } from './dom.js';
import { href } from './router.js';
import { kindColour } from './entity-kinds.js';

let cache: Promise<Map<string, Entity>> | undefined;

export function entityIndex(): Promise<Map<string, Entity>> {
  cache ??= api.entities({ limit: 1000 }).then((list) => new Map(list.map((e) => [e.id, e]))).catch(() => new Map());
  return cache;
}

/** Forget cached names (after an upload adds entities). */
export function resetEntityIndex(): void {
  cache = undefined;
}

export function kindOfId(id: string): string {
  const prefix = id.split(':')[0] ?? '';
  return ({ state: 'state', person: 'person', org: 'organization', organization: 'organization', bloc: 'bloc', agreement: 'agreement', place: 'place' } as Record<string, string>)[prefix] ?? 'other';
}

/** A link to an entity page, coloured by kind. */
export function entityChip(id: string, index: Map<string, { name: string; kind: string }> | Record<string, { name: string; kind: string }>): HTMLElement {
  const known = index instanceof Map ? index.get(id) : index[id];
  const kind = known?.kind ?? kindOfId(id);
  return h('a', { class: `chip kind-${kind}`, href: href('entity', { id }), style: `--kind:${kindColour(kind)}`, title: `${kind} ${id}` }, known?.name ?? id);
}

export function entityList(ids: string[], index: Map<string, { name: string; kind: string }> | Record<string, { name: string; kind: string }>): (Node | string)[] {
  if (!ids.length) return [h('span', { class: 'muted' }, '—')];
  return ids.flatMap((id, i) => (i ? [' ', entityChip(id, index)] : [entityChip(id, index)]));
}

/** Where the reader shows a span: the document, the range to highlight, and what to select. */
export function readerHref(doc: string, start: number, end: number, sel?: string): string {
  return href('reader', { doc, at: `${start}-${end}`, ...(sel ? { sel } : {}) });
}
