import type { Comparison, SentenceRow } from './comparison-types.js';
import type { DiffPart } from './word-diff.js';

export interface FormatOptions {
  /** Print unchanged sentences too (by default only the differences). */
  all?: boolean;
  /** Wrap for a terminal; 0 leaves lines whole. */
  width?: number;
}

/** Inline word diff as text: `[-removed-]{+added+}` (the wdiff convention). */
export function inlineDiff(parts: DiffPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `${lead(p.text)}[-${p.text.trim()}-]` : `${lead(p.text)}{+${p.text.trim()}+}`)).join('').trim();
}

const lead = (s: string) => (/^\s/.test(s) ? ' ' : '');
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The comparison as plain text: documents, counts, substance changes, sections, then sentences. */
export function formatComparison(c: Comparison, opts: FormatOptions = {}): string {
  const out: string[] = [];
  const doc = (tag: string, d: Comparison['a']) => `${tag}  ${clip(clean(d.title || '(untitled)'), 70)}  [${d.id.slice(0, 12)}${d.year ? `, ${d.year}` : ''}, ${d.sentences} sentences]  ${d.source}`;
  out.push(doc('A', c.a), doc('B', c.b), '');
  out.push(`Sentences: ${c.counts.unchanged} unchanged, ${c.counts.reworded} reworded, ${c.counts.added} added, ${c.counts.removed} removed (${c.counts.moved} moved)`);
  out.push(`Facts found unchanged on both sides: ${c.unchanged.events} events, ${c.unchanged.stances} stances, ${c.unchanged.agreements} agreement statuses`, '');
  out.push('What changed in substance');
  if (c.changes.length === 0) out.push('  (nothing)');
  const kw = Math.max(...c.changes.map((x) => x.kind.length), 4);
  const cw = Math.max(...c.changes.map((x) => x.change.length), 6);
  for (const x of c.changes) {
    out.push(`  ${x.kind.padEnd(kw)}  ${x.change.padEnd(cw)}  ${clean(x.summary)}${x.fields?.length ? `  [${x.fields.join(', ')}]` : ''}`);
  }
  out.push('', 'Sections');
  for (const s of c.sections) {
    const title = s.a && s.b && s.status === 'renamed' ? `${s.a.title} → ${s.b.title}` : (s.a ?? s.b)!.title;
    const n = s.counts;
    out.push(`  ${s.status.padEnd(7)}  ${title}  (${n.unchanged} unchanged, ${n.reworded} reworded, ${n.added} added, ${n.removed} removed${s.rule && s.rule !== 'title' ? `; paired by ${s.rule}` : ''})`);
  }
  out.push('', opts.all ? 'Sentences' : 'Sentences that differ');
  for (const r of c.sentences) {
    if (r.status === 'unchanged' && !r.moved && !opts.all) continue;
    out.push(...sentenceLines(r));
  }
  return out.join('\n') + '\n';
}

function sentenceLines(r: SentenceRow): string[] {
  const moved = r.moved ? ' (moved)' : '';
  switch (r.status) {
    case 'unchanged': return [`  = A${r.a!.index}/B${r.b!.index}${moved}  ${clean(r.b!.text)}`];
    case 'removed': return [`  - A${r.a!.index}  ${clean(r.a!.text)}`];
    case 'added': return [`  + B${r.b!.index}  ${clean(r.b!.text)}`];
    case 'reworded': return [`  ~ A${r.a!.index}/B${r.b!.index}${moved} (similarity ${r.similarity})  ${clean(inlineDiff(r.diff ?? []))}`];
  }
}
