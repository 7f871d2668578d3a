/**
 * Ingest from the browser: upload a report, watch its progress, see its messages, and the documents
 * already in the knowledge base. Read-only servers say so. URL: #/ingest
 */
import { ApiFailure, api, type IngestStatus } from '../api.js';
import { clear, h, statusLine } from '../dom.js';
import { resetEntityIndex } from '../entity-names.js';
import { href, type View } from '../router.js';

const TOKEN_KEY = 'diplograph.writeToken';

export const ingestView: View = {
  title: 'Ingest',
  jsonTwin: () => '/api/ingest/status',
  async render(root) {
    root.append(h('h1', {}, 'Ingest a report'));
    const [status, docs] = await Promise.all([api.ingestStatus(), api.documents()]);
    const docList = h('div', { class: 'doc-list' });
    const refreshDocs = async () => { clear(docList); docList.append(documentsTable(await api.documents())); };
    docList.append(documentsTable(docs));
    if (!status.writable) {
      root.append(statusLine('This server is read-only. Start it with --write-token <token> (or DIPLOGRAPH_WRITE_TOKEN) to upload from the browser, or use `diplograph ingest <file>`.'), h('h2', {}, 'Documents'), docList);
      return;
    }
    const file = h('input', { id: 'upload-file', type: 'file', accept: '.txt,.text,.html,.htm,.xhtml,.md,.markdown,.pdf,.docx', required: true });
    const token = h('input', { id: 'upload-token', type: 'password', autocomplete: 'off', required: true, value: sessionStorage.getItem(TOKEN_KEY) ?? '' });
    const progress = h('div', { class: 'upload-progress', 'aria-live': 'polite' });
    const button = h('button', { type: 'submit' }, 'Upload and analyse');
    const form = h('form', { class: 'upload', id: 'upload-form' },
      h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'Report (txt, html, md, pdf, docx)'), file),
      h('div', { class: 'field' }, h('label', { for: 'upload-token' }, 'Write token'), token),
      h('div', { class: 'field actions' }, button));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen || !token.value) return;
      sessionStorage.setItem(TOKEN_KEY, token.value);
      void upload(chosen, token.value, progress, button).then(refreshDocs);
    });
    root.append(form, progress, h('h2', {}, 'Recent uploads'), recentJobs(status), h('h2', {}, 'Documents'), docList);
  },
};

async function upload(file: File, token: string, progress: HTMLElement, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  clear(progress);
  const line = statusLine(`Uploading ${file.name} (${Math.ceil(file.size / 1024)} KiB)…`);
  progress.append(line);
  // The upload request answers when the analysis is done; meanwhile the status route tells the stage.
  const timer = setInterval(() => {
    void api.ingestStatus().then((s) => {
      const job = s.jobs.find((j) => j.name === file.name && j.state !== 'done' && j.state !== 'failed');
      if (job) line.textContent = `${file.name}: ${job.state}${job.stage ? `, ${job.stage}` : ''}…`;
    }).catch(() => undefined);
  }, 400);
  try {
    const result = await api.upload(file, token);
    const o = result.job.outcome ?? {};
    clear(progress);
    progress.append(statusLine(`${file.name}: ${String(o.status ?? 'stored')} · ${String(o.sentences ?? '?')} sentences, ${String(o.events ?? '?')} events, ${String(o.messages ?? 0)} messages.`),
      h('p', {}, h('a', { href: href('reader', { doc: String(o.id ?? '') }), id: 'open-uploaded' }, `Open “${String(o.title ?? file.name)}” in the reader`), ' · ',
        h('a', { href: href('timeline', { doc: String(o.id ?? '') }) }, 'its timeline')),
      ...(result.messages.length ? [h('details', { open: true }, h('summary', {}, `Messages (${result.messages.length})`),
        h('ul', {}, result.messages.map((m) => h('li', { class: `sev-${m.severity}` }, h('strong', {}, m.severity), ` ${m.message} `, h('code', {}, m.rule)))))] : []));
    resetEntityIndex();
  } catch (err) {
    clear(progress);
    const msg = err instanceof ApiFailure ? `${err.message}${err.code === 'READ_ONLY' ? ' (check the write token)' : ''}` : (err as Error).message;
    progress.append(statusLine(`${file.name} was not ingested: ${msg}`, 'error'));
  } finally {
    clearInterval(timer);
    button.disabled = false;
  }
}

function recentJobs(status: IngestStatus): HTMLElement {
  if (!status.jobs.length) return h('p', { class: 'muted' }, 'None since the server started.');
  return h('ul', {}, status.jobs.map((j) => h('li', {}, `${j.name}: ${j.state}${j.stage && j.state === 'running' ? ` (${j.stage})` : ''} · ${j.startedAt}`)));
}

function documentsTable(docs: import('../api.js').DocumentSummary[]): HTMLElement {
  if (!docs.length) return h('p', { class: 'muted' }, 'No documents yet.');
  return h('div', { class: 'table-wrap' }, h('table', { id: 'documents' },
    h('thead', {}, h('tr', {}, ['Title', 'Source', 'Period', 'Sentences', 'Events', 'Messages', 'Ingested'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, docs.map((d) => h('tr', {},
      h('td', {}, h('a', { href: href('reader', { doc: d.id }) }, d.title)), h('td', {}, d.source), h('td', { class: 'nowrap' }, `${d.period_start} – ${d.period_end}`),
      h('td', { class: 'num' }, d.sentences), h('td', { class: 'num' }, d.events), h('td', { class: 'num' }, d.messages), h('td', { class: 'nowrap' }, d.ingested_at.slice(0, 16).replace('T', ' ')))))));
}
