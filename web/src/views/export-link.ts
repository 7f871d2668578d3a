/** "Export these": a link from a filtered view to the export view, carrying the filters an export understands. */
import { h } from '../dom.js';
import { carryFilters, type ExportFilterName } from '../export-formats.js';
import { href, type Params } from '../router.js';

export interface ExportLinkOptions {
  /** The view's other filters, which the link says it leaves out (an export has no recipient or quad filter). */
  notCarried?: string[];
  label?: string;
  /** Tooltip saying what the export keeps. */
  title?: string;
  /** The format to preselect (the network view offers GraphML first). */
  format?: string;
}

/** `carried` maps the view's parameters to export filters. */
export function exportTheseLink(params: Params, carried: Partial<Record<string, ExportFilterName>>, options: ExportLinkOptions = {}): HTMLElement {
  const { filters, dropped } = carryFilters(params, carried, options.notCarried);
  const target: Params = options.format ? { format: options.format } : {};
  for (const [k, v] of Object.entries(filters)) if (v) target[k] = v;
  return h('p', { class: 'export-these' },
    h('a', { href: href('export', target), title: options.title ?? 'Choose a format and download what these filters keep' }, options.label ?? 'Export these'),
    dropped.length ? h('span', { class: 'muted' }, ` (the export has no ${dropped.join(', ')} filter; the other filters carry over)`) : null);
}
