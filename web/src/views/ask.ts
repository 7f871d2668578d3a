/**
 * Ask: a question box; the answer comes back with its citations, each linked to its sentence in the
 * reader. URL: #/ask?q=&mode= (the question is in the URL, so an answer can be shared and reloaded).
 * Everything from the server is inserted as text, never as HTML.
 */
import { ApiFailure, apiUrl } from '../api.js';
import { append, h, loading, statusLine } from '../dom.js';
import { readerHref } from '../entity-names.js';
import { href, navigate, type View } from '../router.js';

interface Citation { n: number; doc: string; title: string; sentence: number; start: number; end: number; text: string; quote?: { start: number; end: number; text: string } }
interface AskAnswer {
  question: string; mode: string; status: 'answered' | 'not-in-kb'; answer: string;
  rows: Array<{ kind: string; id: string; summary: string; cite: number }>;
  citations: Citation[]; closest: Citation[]; notes: string[]; elapsedMs: number;
  verification?: { ok: boolean; checked: number; failed: Array<{ sentence: string; problem: string }> };
}

async function ask(question: string, mode: string): Promise<AskAnswer> {
  const res = await fetch(apiUrl('ask'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ question, mode }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = body as { code?: string; error?: string };
    throw new ApiFailure(res.status, e.code ?? 'HTTP', e.error ?? res.statusText);
  }
  return body as AskAnswer;
}

/** The nav entry, added by main.ts next to the static ones. */
export function askNavItem(): HTMLLIElement {
  return h('li', {}, h('a', { href: href('ask'), 'data-view': 'ask' }, 'Ask'));
}

const EXAMPLES = ['Which countries have not condemned Russia?', 'What is the status of New START?', 'Where does Turkey stand?'];

export const askView: View = {
  title: 'Ask',
  jsonTwin: () => '/openapi.json',
  async render(root, params) {
    const input = h('input', { type: 'search', name: 'q', id: 'ask-q', value: params.q ?? '', maxlength: 500, required: true, size: 60, 'aria-describedby': 'ask-help' });
    const mode = h('select', { name: 'mode', id: 'ask-mode' },
      h('option', { value: 'deterministic', selected: params.mode !== 'llm' }, 'from the knowledge base'),
      h('option', { value: 'llm', selected: params.mode === 'llm' }, 'with the language model'));
    const form = h('form', {
      class: 'ask-form', role: 'search',
      onsubmit: (ev: Event) => { ev.preventDefault(); if (input.value.trim()) navigate('ask', { q: input.value.trim(), mode: mode.value === 'llm' ? 'llm' : '' }); },
    }, h('label', { for: 'ask-q' }, 'Question '), input, ' ', h('label', { for: 'ask-mode' }, 'Answer '), mode, ' ', h('button', { type: 'submit' }, 'Ask'));
    root.append(h('h1', {}, 'Ask the knowledge base'), form,
      h('p', { class: 'muted', id: 'ask-help' }, 'Every claim in an answer cites the sentence it comes from; when the documents do not say, the answer says so. Try: ',
        EXAMPLES.map((q, k) => [k ? ' · ' : '', h('a', { href: href('ask', { q }) }, q)])));
    if (!params.q) { input.focus(); return; }
    const status = loading('the answer');
    root.append(status);
    let a: AskAnswer;
    try { a = await ask(params.q, params.mode === 'llm' ? 'llm' : 'deterministic'); } catch (err) {
      status.replaceWith(statusLine(err instanceof ApiFailure ? err.message : `Asking failed: ${(err as Error).message}`, 'error'));
      return;
    }
    status.remove();
    const cite = (c: Citation) => h('li', { id: `cite-${c.n}`, value: c.n },
      h('a', { href: readerHref(c.doc, c.start, c.end) }, quoted(c)),
      h('div', { class: 'muted' }, `${c.title} · sentence ${c.sentence + 1}`));
    append(root, [
      h('section', { class: `ask-answer ask-${a.status}`, 'aria-live': 'polite' },
        h('h2', {}, a.status === 'answered' ? 'Answer' : 'Not in the knowledge base'),
        a.answer.split('\n').map((line) => h('p', {}, line)),
        a.verification && !a.verification.ok ? statusLine(`The quote check failed (${a.verification.failed.map((f) => f.problem).join('; ')}): treat this answer as unverified.`, 'error') : null,
        a.notes.map((n) => h('p', { class: 'muted' }, n)),
        h('p', { class: 'muted' }, `${a.mode} · ${a.elapsedMs} ms`)),
      a.citations.length ? h('section', {}, h('h2', {}, 'Sources'), h('ol', { class: 'citations' }, a.citations.map(cite))) : null,
      a.closest.length ? h('section', {}, h('h2', {}, 'Closest evidence'), h('ol', { class: 'citations' }, a.closest.map(cite))) : null,
    ]);
  },
};

/** The sentence with the claim's own words marked, built from text nodes only. */
function quoted(c: Citation): (HTMLElement | string)[] {
  if (!c.quote) return [c.text];
  const a = c.quote.start - c.start;
  const b = c.quote.end - c.start;
  return [c.text.slice(0, a), h('mark', {}, c.text.slice(a, b)), c.text.slice(b)];
}
