import type { KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';

/**
 * Documents whose text has characters beyond the Basic Multilingual Plane (emoji, flags, a
 * mathematical digit, a CJK Extension B ideograph: two UTF-16 units, one character to SQL) and
 * multi-byte ones (accents, CJK, dashes) before and inside evidence, with events whose evidence
 * is: a whole sentence, part of one, two sentences with the space between, the gap between two
 * sentences, an empty span, a document stored without sentence rows, and an end before its start.
 * `expected` is what JavaScript's slice of the document gives, the answer the API always gave.
 */
export interface EvidenceCase { name: string; id: string; doc: string; start: number; end: number; expected: string; held: boolean }

const SENTENCES_A = [
  'Rapport 🇫🇷 sur les relations — 2021',
  'Le 𝟚 mars, l’État 𠀋 a signé un accord avec Ωmega.',
  '😀 Alphaland accused Betastan of violating the ceasefire.',
  'Ünïcödé ťèxt ✓ then 👍🏽 and 中文 were welcomed by 𝒜lphaland.',
];
const SENTENCES_B = ['Plain 𝄞 text without stored sentences, condemned by 🙂 Betastan.'];

export async function storeEvidenceFixture(kb: KnowledgeBase): Promise<{ cases: EvidenceCase[]; texts: Map<string, string> }> {
  const docs = [{ id: 'doc-astral-a', sentences: SENTENCES_A, stored: true }, { id: 'doc-astral-b', sentences: SENTENCES_B, stored: false }];
  const texts = new Map<string, string>();
  const spans = new Map<string, [number, number][]>();
  for (const d of docs) {
    // Title line, then sentences apart by one space, as the segmenter stores them.
    const [title, ...rest] = d.sentences;
    let text = `${title}\n`;
    const at: [number, number][] = [[0, title!.length]];
    for (const s of rest) {
      at.push([text.length, text.length + s.length]);
      text += `${s} `;
    }
    texts.set(d.id, text);
    spans.set(d.id, at);
    await kb.db.insertInto('documents').values({
      id: d.id, source: `/test/${d.id}.txt`, format: 'text', title: title!, text, period_start: '2021-01-01', period_end: '2021-12-31', dct: null,
      period_rule: 'test', period_reason: 'test', chars: text.length, ingested_at: '2024-01-01T00:00:00.000Z', pipeline_version: 'test',
    }).execute();
    if (d.stored) {
      await kb.db.insertInto('sentences').values(at.map(([start, end], idx) => ({ doc: d.id, idx, paragraph: idx === 0 ? 0 : 1, start, end, text: text.slice(start, end) }))).execute();
    }
  }
  const a = spans.get('doc-astral-a')!;
  const textA = texts.get('doc-astral-a')!;
  const inside = textA.indexOf('then 👍🏽 and 中文');
  const spec: [string, string, number, number, boolean][] = [
    ['title', 'doc-astral-a', a[0]![0], a[0]![1], true],
    ['whole sentence, astral before and inside', 'doc-astral-a', a[1]![0], a[1]![1], true],
    ['whole sentence starting with an emoji', 'doc-astral-a', a[2]![0], a[2]![1], true],
    ['part of a sentence, from after an emoji', 'doc-astral-a', inside, inside + 'then 👍🏽 and 中文'.length, true],
    ['last sentence', 'doc-astral-a', a[3]![0], a[3]![1], true],
    ['two sentences and the space between', 'doc-astral-a', a[2]![0], a[3]![1], false],
    ['the space between two sentences', 'doc-astral-a', a[2]![1], a[3]![0], false],
    ['empty span inside a sentence', 'doc-astral-a', inside, inside, true],
    ['end before start', 'doc-astral-a', a[3]![1], a[3]![0], false],
    ['document without sentence rows', 'doc-astral-b', texts.get('doc-astral-b')!.indexOf('Plain'), texts.get('doc-astral-b')!.length - 1, false],
  ];
  const cases = spec.map(([name, doc, start, end, held], n): EvidenceCase => ({
    name, id: `${doc}:e${n + 1}`, doc, start, end, held, expected: texts.get(doc)!.slice(start, end),
  }));
  await kb.db.insertInto('events').values(cases.map((c, n) => ({
    id: c.id, doc: c.doc, type: 'ACCUSE', mode: null, contexts: '[]', date_value: `2021-03-${String(n + 1).padStart(2, '0')}`,
    date_start: `2021-03-${String(n + 1).padStart(2, '0')}`, date_end: `2021-03-${String(n + 1).padStart(2, '0')}`, date_source: 'sentence', date_inferred: 0,
    location: null, quantity_value: null, quantity_unit: null, negated: 0, modality: 'asserted', quad: 3, intensity: -3,
    trigger_start: c.start, trigger_end: c.start, trigger_text: '', evidence_start: c.start, evidence_end: c.end, rule: 'test', responds_to: null,
  }))).execute();
  return { cases, texts };
}
