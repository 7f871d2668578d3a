/**
 * Export: pick a format and optional filters; the download link is a plain <a href download> to
 * GET /api/export, so the browser streams the file to disk. The formats are the ones the server's
 * OpenAPI description lists, so a format added to the server shows up here without a change.
 * URL: #/export?format=&doc=&from=&to=&actor=&type= (lists comma-separated, as in the API).
 */
import { ApiFailure, api } from '../api.js';
import { debounce, h, loading, statusLine } from '../dom.js';
import { entityIndex } from '../entity-names.js';
import { EXPORT_FILTER_NAMES, datePrefixError, dateRangeError, exportCommand, exportUrl, filterHelpFromOpenApi, formatUse, formatsFromOpenApi, type ExportFilterName, type ExportFormatInfo } from '../export-formats.js';
import { replaceParams, type Params, type View } from '../router.js';
import { fieldValues, filterField, type Field } from './filter-form.js';

const FIELDS: Field[] = [
  { name: 'doc', label: 'Documents', kind: 'doc', multiple: true },
  { name: 'actor', label: 'Actors', kind: 'entity', multiple: true },
  { name: 'type', label: 'Event types', kind: 'type', multiple: true },
  { name: 'from', label: 'From', kind: 'date' },
  { name: 'to', label: 'To', kind: 'date' },
];

async function loadOpenApi(): Promise<unknown> {
  const res = await fetch('/openapi.json', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiFailure(res.status, 'HTTP', `/openapi.json answered ${res.status}`);
  return res.json();
}

export const exportView: View = {
  title: 'Export',
  jsonTwin: () => '/openapi.json',
  async render(root, params) {
    root.append(h('h1', {}, 'Export'), h('p', { class: 'intro' },
      'Download the knowledge base, or the part the filters keep, in a format another program reads. Every record keeps its source: the document and the character offsets of its sentence.'));
    const status = loading('the export formats');
    root.append(status);
    let formats: ExportFormatInfo[];
    let spec: unknown;
    let docs: Awaited<ReturnType<typeof api.documents>>;
    let names: Awaited<ReturnType<typeof entityIndex>>;
    try {
      [spec, docs, names] = await Promise.all([loadOpenApi(), api.documents(), entityIndex()]);
      formats = formatsFromOpenApi(spec);
    } catch (err) {
      status.replaceWith(statusLine(`Could not read the export formats: ${(err as Error).message}`, 'error'));
      return;
    }
    status.remove();

    const chosen = formats.some((f) => f.name === params.format) ? params.format! : formats[0]!.name;
    const formatList = h('fieldset', { class: 'format-list' }, h('legend', {}, 'Format'),
      h('ul', {}, formats.map((f) => h('li', {}, h('label', {},
        h('input', { type: 'radio', name: 'format', value: f.name, checked: f.name === chosen }),
        ' ', h('strong', {}, f.name), f.contentType ? h('span', { class: 'muted' }, ` ${f.contentType.split(';')[0]}`) : null,
        h('span', { class: 'format-use' }, formatUse(f)))))));
    const filters = h('fieldset', { class: 'filters export-filters' }, h('legend', {}, 'Filters (optional; all given must hold)'),
      FIELDS.map((f) => filterField('export', f, params[f.name] ?? '', { entities: [...names.values()], docs })),
      h('div', { class: 'field actions' }, h('button', { type: 'reset' }, 'Clear filters')));
    const form = h('form', { class: 'export-form', id: 'export-form' }, formatList, filters);

    const link = h('a', { id: 'export-download', class: 'download', href: '#', download: true }, 'Download');
    const problem = h('p', { class: 'status status-error', role: 'alert', hidden: true });
    const count = h('p', { class: 'muted', 'aria-live': 'polite' });
    const urlLine = h('code', { class: 'export-url' });
    const cliLine = h('code', { class: 'export-cli' });
    const help = filterHelpFromOpenApi(spec);
    root.append(form, h('section', { class: 'export-output', 'aria-label': 'Download' }, problem,
      h('p', {}, link), count,
      h('dl', {}, h('dt', {}, 'URL'), h('dd', {}, urlLine), h('dt', {}, 'Command line'), h('dd', {}, cliLine)),
      help ? h('details', {}, h('summary', {}, 'How the filters apply'), h('pre', { class: 'filter-help' }, help)) : null));

    let countRequest = 0;
    const updateCount = debounce(async (q: Partial<Record<ExportFilterName, string>>) => {
      const mine = ++countRequest;
      try {
        const page = await api.events({ ...q, limit: 1 });
        if (mine !== countRequest) return;
        count.textContent = `${page.totalExact === false ? 'At least ' : ''}${page.total} event${page.total === 1 ? '' : 's'} match these filters (the export also keeps the stances, agreement status changes and figures that the document, date and actor filters select).`;
      } catch (err) {
        if (mine === countRequest) count.textContent = `Could not count the matching events: ${(err as Error).message}`;
      }
    }, 250);

    const update = () => {
      const values = fieldValues(form);
      const format = values.format ?? chosen;
      const q: Partial<Record<ExportFilterName, string>> = {};
      for (const name of EXPORT_FILTER_NAMES) if (values[name]) q[name] = values[name];
      const state: Params = { format, ...q };
      replaceParams('export', state);
      const trouble = dateProblem(q);
      problem.hidden = !trouble;
      problem.textContent = trouble ?? '';
      const url = exportUrl(format, q);
      const info = formats.find((f) => f.name === format);
      const scoped = Object.keys(q).length > 0;
      if (trouble) {
        link.removeAttribute('href');
        link.setAttribute('aria-disabled', 'true');
      } else {
        link.href = url;
        link.removeAttribute('aria-disabled');
      }
      link.textContent = `Download ${format}${scoped ? ' (filtered)' : ''}`;
      link.title = info ? formatUse(info) : '';
      urlLine.textContent = url;
      cliLine.textContent = exportCommand(format, q, `export.${extensionGuess(info)}`);
      if (!trouble) updateCount(q);
    };
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', (ev) => ev.preventDefault());
    form.addEventListener('reset', (ev) => {
      // Clear the filters only: the chosen format stays (a plain reset would restore the first one shown).
      ev.preventDefault();
      for (const el of filters.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
        if (el instanceof HTMLSelectElement) for (const o of el.options) o.selected = false;
        else el.value = '';
      }
      update();
    });
    update();
  },
};

/** Why the dates cannot be sent as they are, or null: the API would refuse them with a 400. */
function dateProblem(q: Partial<Record<ExportFilterName, string>>): string | null {
  for (const side of ['from', 'to'] as const) {
    const error = q[side] ? datePrefixError(q[side]!) : null;
    if (error) return `${side === 'from' ? 'From' : 'To'} "${q[side]}": ${error}.`;
  }
  const range = dateRangeError(q.from, q.to);
  return range ? `The dates are the wrong way round: ${range}.` : null;
}

/** A file name for the command-line example, from the media type the server names. */
function extensionGuess(info: ExportFormatInfo | undefined): string {
  const type = info?.contentType?.split(';')[0] ?? '';
  if (type === 'application/zip') return 'zip';
  if (type === 'text/tab-separated-values') return 'tsv';
  if (type.endsWith('+xml')) return info!.name;
  if (type === 'application/x-ndjson') return 'jsonl';
  if (type === 'application/ld+json') return 'jsonld';
  return info?.name ?? 'json';
}
