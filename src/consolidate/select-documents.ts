import path from 'node:path';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';

export interface DocumentSelection {
  /** Glob over the document's source path: `*` within a path segment, `**` across segments, `?` one character. */
  source?: string;
  /** Years of the report period (YYYY), any of them. */
  years?: string[];
  /** ISO3 codes of the state the document speaks for (file name prefix ISO3_ or an inferred speaker). */
  countries?: string[];
  /** Document ids or unique prefixes. */
  ids?: string[];
}

export interface SelectedDocument { id: string; title: string; source: string; year: string; country?: string }

/** Turn a source glob into a regular expression (matched against the whole path, or its end). */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A relative glob matches the end of an absolute source path.
  return new RegExp(glob.startsWith('/') ? `^${re}$` : `(^|/)${re}$`);
}

const ISO3_PREFIX = /^([A-Z]{3})[_.-]/;

/** The documents of a corpus view: every stored document matching all the given filters. */
export async function selectDocuments(kb: KnowledgeBase, sel: DocumentSelection = {}): Promise<SelectedDocument[]> {
  const rows = await kb.db.selectFrom('documents').select(['id', 'title', 'source', 'period_start']).orderBy('period_start').orderBy('source').execute();
  const glob = sel.source ? globToRegExp(sel.source) : undefined;
  const countries = sel.countries?.map((c) => c.toUpperCase());
  let speakers = new Map<string, string>();
  if (countries?.length) {
    const found = await kb.db.selectFrom('mentions').select(['doc', 'entity']).where('rule', 'like', 'speaker%')
      .where('entity', 'in', countries.map((c) => `state:${c}`)).groupBy(['doc', 'entity']).execute();
    speakers = new Map(found.map((f) => [f.doc, (f.entity ?? '').replace(/^state:/, '')]));
  }
  const out: SelectedDocument[] = [];
  for (const r of rows) {
    const source = r.source.replace(/\\/g, '/');
    const year = r.period_start.slice(0, 4);
    const fromName = ISO3_PREFIX.exec(path.basename(source))?.[1];
    const country = countries?.length ? (fromName && countries.includes(fromName) ? fromName : speakers.get(r.id)) : fromName;
    if (glob && !glob.test(source)) continue;
    if (sel.years?.length && !sel.years.includes(year)) continue;
    if (countries?.length && !country) continue;
    if (sel.ids?.length && !sel.ids.some((p) => r.id.startsWith(p))) continue;
    out.push({ id: r.id, title: r.title, source: r.source, year, ...(country ? { country } : {}) });
  }
  return out;
}
