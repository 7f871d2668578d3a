import { expect } from 'vitest';
import type { AnalysedDocument, ReadDocument } from '../../src/model/index.js';

const SEVERITIES = new Set(['info', 'warning', 'error']);

function inText(text: string, start: number, end: number, what: string): void {
  expect(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`).toBe(true);
  expect(start, what).toBeGreaterThanOrEqual(0);
  expect(end, what).toBeLessThanOrEqual(text.length);
  expect(start, what).toBeLessThanOrEqual(end);
}

/** What every reader's document keeps, whatever it was given. */
export function expectValidRead(doc: ReadDocument): void {
  expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
  expect(typeof doc.title).toBe('string');
  expect(doc.text.trim()).not.toBe('');
  let previous = -1;
  for (const b of doc.blocks) {
    inText(doc.text, b.start, b.end, `block ${b.kind}`);
    expect(b.start, 'blocks in order').toBeGreaterThan(previous);
    previous = b.end;
  }
  for (const f of doc.footnotes) {
    inText(doc.text, f.body.start, f.body.end, 'footnote');
    for (const m of f.markers) inText(doc.text, m.start, m.end, 'footnote marker');
  }
  for (const m of doc.messages) expect(SEVERITIES.has(m.severity), m.rule).toBe(true);
}

/** The output schema of the whole analysis: every span inside the text and slicing back to its text, every reference resolvable. */
export function expectValidAnalysis(doc: AnalysedDocument): void {
  expectValidRead(doc);
  const { text } = doc;
  const { sections, paragraphs, sentences } = doc.segmentation;
  const sectionIds = new Set(sections.map((s) => s.id));
  for (const s of sections) {
    inText(text, s.start, s.end, 'section');
    inText(text, s.heading.start, s.heading.end, 'section heading');
    if (s.parent !== null) expect(sectionIds.has(s.parent), `section parent ${s.parent}`).toBe(true);
  }
  let previousEnd = -1;
  paragraphs.forEach((p, i) => {
    expect(p.index).toBe(i);
    inText(text, p.start, p.end, 'paragraph');
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = p.end;
    if (p.section !== null) expect(sectionIds.has(p.section)).toBe(true);
  });
  previousEnd = -1;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    inText(text, s.start, s.end, 'sentence');
    expect(s.start, 'sentences do not overlap').toBeGreaterThanOrEqual(previousEnd);
    expect(s.end, 'sentences are not empty').toBeGreaterThan(s.start);
    previousEnd = s.end;
    const p = paragraphs[s.paragraph];
    expect(p, `sentence ${i} paragraph`).toBeDefined();
    expect(s.start).toBeGreaterThanOrEqual(p!.start);
    expect(s.end).toBeLessThanOrEqual(p!.end);
  });
  for (const m of doc.mentions) {
    inText(text, m.start, m.end, 'mention');
    expect(text.slice(m.start, m.end)).toBe(m.text);
    if (m.entity) expect(doc.entities.has(m.entity), `mention entity ${m.entity}`).toBe(true);
  }
  for (const t of doc.timexes) {
    inText(text, t.start, t.end, 'timex');
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.value, t.text).toMatch(/^\S+$/);
    if (t.range) expect(t.range.start <= t.range.end, `${t.text} range`).toBe(true);
  }
  const eventIds = new Set<string>();
  for (const e of doc.events) {
    expect(eventIds.has(e.id), `duplicate event ${e.id}`).toBe(false);
    eventIds.add(e.id);
    inText(text, e.trigger.start, e.trigger.end, 'event trigger');
    inText(text, e.evidence.start, e.evidence.end, 'event evidence');
    expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    expect(e.intensity).toBeGreaterThanOrEqual(-10);
    expect(e.intensity).toBeLessThanOrEqual(10);
    for (const a of [...e.actors, ...e.recipients]) expect(doc.entities.has(a), `event actor ${a}`).toBe(true);
  }
  for (const e of doc.events) if (e.respondsTo) expect(eventIds.has(e.respondsTo), `responds to ${e.respondsTo}`).toBe(true);
  for (const s of doc.stances) {
    inText(text, s.evidence.start, s.evidence.end, 'stance');
    expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
  }
  for (const a of doc.agreementStatus) {
    inText(text, a.evidence.start, a.evidence.end, 'agreement');
    expect(text.slice(a.evidence.start, a.evidence.end)).toBe(a.evidence.text);
  }
  for (const f of doc.figures) {
    inText(text, f.span.start, f.span.end, 'figure');
    expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    expect(Number.isFinite(f.value), `figure value ${f.value}`).toBe(true);
  }
  for (const m of doc.messages) {
    expect(SEVERITIES.has(m.severity), m.rule).toBe(true);
    if (m.start !== undefined && m.end !== undefined) inText(text, m.start, m.end, `message ${m.rule}`);
  }
  // The whole result is plain data: it serialises (no cycles, no BigInt).
  expect(() => JSON.stringify({ ...doc, entities: [...doc.entities.values()] })).not.toThrow();
}
