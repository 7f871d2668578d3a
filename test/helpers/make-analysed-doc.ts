import type { AnalysedDocument, Entity, EntityKind, Mention, Paragraph, Quantity, Sentence, Timex, TimexType } from '../../src/model/index.js';

export interface MentionSpec {
  text: string;
  entity: string;
  kind?: EntityKind;
  /** Defaults to `test.name`; use `test.adjectival` for "Russian"-style modifiers. */
  rule?: string;
  /** Only the n-th occurrence (0-based); by default every whole-word occurrence. */
  nth?: number;
  /** The state an organisation or person belongs to (entity.country). */
  country?: string;
  /** Marks the link as inferred, e.g. ['speaker'] for "we" resolved to the speaking state. */
  inferred?: string[];
}

export interface TimexSpec {
  text: string;
  value: string;
  type?: TimexType;
  range?: { start: string; end: string };
  nth?: number;
}

export interface QuantitySpec {
  text: string;
  value: number;
  unit: string;
  nth?: number;
}

export interface DocSpec {
  mentions?: MentionSpec[];
  timexes?: TimexSpec[];
  quantities?: QuantitySpec[];
  /** Entity records beyond the ones implied by mentions (e.g. an organisation's country). */
  entities?: Entity[];
  id?: string;
}

/** Whole-word occurrences of `needle` in `text`. */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + needle.length] ?? ' ';
    if (/[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(needle[0] ?? '')) continue;
    if (/[A-Za-z0-9]/.test(after) && /[A-Za-z0-9]/.test(needle[needle.length - 1] ?? '')) continue;
    out.push(i);
  }
  return out;
}

function place<T extends { text: string; nth?: number }>(text: string, spec: T): number[] {
  const all = occurrences(text, spec.text);
  if (all.length === 0) throw new Error(`make-analysed-doc: "${spec.text}" not found in text`);
  if (spec.nth === undefined) return all;
  const one = all[spec.nth];
  if (one === undefined) throw new Error(`make-analysed-doc: "${spec.text}" has no occurrence ${spec.nth}`);
  return [one];
}

/** Naive segmentation for tests: one paragraph per line, sentences end at . ! ? before a capital. */
function segmentForTest(text: string): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const index = paragraphs.length;
    paragraphs.push({ start, end: start + line.length, index, section: null, kind: 'paragraph' });
    // Sentence ends: . ! ? (with closing quotes) followed by a space and a capital letter, or the line end.
    let from = 0;
    const ends = [...line.matchAll(/[.!?]["”]?(?=\s+[A-Z“"])/g)].map((m) => (m.index ?? 0) + m[0].length);
    ends.push(line.trimEnd().length);
    for (const end of ends) {
      const lead = line.slice(from, end).length - line.slice(from, end).trimStart().length;
      if (end > from + lead) sentences.push({ start: start + from + lead, end: start + end, index: sentences.length, paragraph: index });
      from = end;
    }
  }
  return { paragraphs, sentences };
}

/** An AnalysedDocument built from a string and surface-text specs of its mentions, timexes and quantities. */
export function makeAnalysedDoc(text: string, spec: DocSpec = {}): AnalysedDocument {
  const doc = spec.id ?? 'testdoc';
  const mentions: Mention[] = [];
  const entities = new Map<string, Entity>();
  for (const m of spec.mentions ?? []) {
    const kind = m.kind ?? (m.entity.split(':')[0] === 'state' ? 'state' : m.entity.startsWith('person:') ? 'person' : m.entity.startsWith('agreement:') ? 'agreement' : m.entity.startsWith('place:') ? 'place' : 'organization');
    for (const start of place(text, m)) {
      mentions.push({ doc, start, end: start + m.text.length, text: m.text, entity: m.entity, kind, rule: m.rule ?? 'test.name', ...(m.inferred ? { inferred: m.inferred } : {}) });
    }
    if (!entities.has(m.entity)) entities.set(m.entity, { id: m.entity, kind, name: m.text, aliases: [], source: 'test', ...(m.country ? { country: m.country } : {}) });
  }
  for (const e of spec.entities ?? []) entities.set(e.id, e);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);

  const timexes: Timex[] = [];
  for (const t of spec.timexes ?? []) {
    for (const start of place(text, t)) {
      timexes.push({ doc, start, end: start + t.text.length, text: t.text, type: t.type ?? 'DATE', value: t.value, ...(t.range ? { range: t.range } : {}), inferred: [], rule: 'test' });
    }
  }
  timexes.sort((a, b) => a.start - b.start);

  const quantities: Quantity[] = [];
  for (const q of spec.quantities ?? []) {
    for (const start of place(text, q)) {
      quantities.push({ doc, start, end: start + q.text.length, text: q.text, value: q.value, unit: q.unit, approximate: false, rule: 'test' });
    }
  }
  quantities.sort((a, b) => a.start - b.start);

  const { paragraphs, sentences } = segmentForTest(text);
  return {
    id: doc,
    source: 'test',
    format: 'text',
    title: 'test',
    text,
    blocks: [],
    footnotes: [],
    messages: [],
    period: { start: '2022-01-01', end: '2022-12-31', rule: 'period.override', reason: 'test' },
    segmentation: { sections: [], paragraphs, sentences },
    mentions,
    timexes,
    quantities,
    entities,
    events: [],
    stances: [],
    agreementStatus: [],
    figures: [],
  };
}
