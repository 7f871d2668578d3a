import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { lemmaCandidates } from '../../src/extract/lemmatise.js';
import { tokenise } from '../../src/extract/tokenise.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

const NAMES: MentionSpec[] = [
  { text: 'Alphaland', entity: 'state:ALP' },
  { text: 'Betastan', entity: 'state:BET' },
  { text: 'the Union', entity: 'bloc:UNI' },
  { text: 'Minister Gamma', entity: 'person:gamma' },
  { text: 'Alphan', entity: 'state:ALP', rule: 'test.adjectival' },
];
const WORDS = [
  'condemned', 'imposed', 'sanctions', 'against', 'the', 'has', 'never', 'not', 'will', 'may', 'expelled', 'diplomats',
  'held', 'talks', 'with', 'summit', 'In', 'response', ',', 'and', 'suspended', 'agreement', 'on', 'hold', 'was', 'detained',
  'by', 'authorities', 'annexed', 'invasion', 'of', 'supports', 'abstained', 'from', 'concern', 'GDP', 'growth', '5%', "'s",
  'joint', 'exercises', 'declared', 'persona', 'non', 'grata', 'urged', 'to', 'withdraw', 'forces', 'according', '“', '”',
  'mutually', 'between', 'Subsequently', 'therefore', 'these', 'measures', 'immediately', 'after', 'start', 'such', 'as',
  'including', 'countermeasures', 'forced', 'occupied', 'referenda', 'were', 'proposed', 'negotiations', 'treaty', 'using',
  'nuclear', 'weapons', 'allowed', 'troops', 'remain', 'stressed', 'need', 'for', 'other', 'countries', 'that', 'lines',
];

const sentence = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES.map((n) => n.text))), { minLength: 1, maxLength: 25 })
  .map((ws) => ws.join(' ').replace(/ '/g, "'") + '.');

describe('extract properties', () => {
  it('never throws, and every span slices back to its text', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sentences) => {
        const text = sentences.map((s) => s[0]!.toUpperCase() + s.slice(1)).join(' ');
        const mentions = NAMES.filter((n) => new RegExp(`(^|[^A-Za-z])${n.text}([^A-Za-z]|$)`).test(text));
        const timexes = text.includes('May') ? [{ text: 'May', value: '2022-05' }] : [];
        const quantities = text.includes('5%') ? [{ text: '5%', value: 5, unit: '%' }] : [];
        const doc = makeAnalysedDoc(text, { mentions, timexes, quantities });
        const frozen = JSON.stringify({ m: doc.mentions, t: doc.timexes });
        const out = extract(doc);
        for (const e of out.events) {
          expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
          expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
          expect(e.trigger.start).toBeGreaterThanOrEqual(e.evidence.start);
          expect(e.trigger.end).toBeLessThanOrEqual(e.evidence.end);
          expect(e.intensity).toBeGreaterThanOrEqual(-10);
          expect(e.intensity).toBeLessThanOrEqual(10);
        }
        for (const s of out.stances) expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
        for (const a of out.agreementStatus) expect(text.slice(a.evidence.start, a.evidence.end)).toBe(a.evidence.text);
        for (const f of out.figures) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
        expect(new Set(out.events.map((e) => e.id)).size).toBe(out.events.length);
        for (const e of out.events) {
          // An act names some party (street protests aside), and a non-joint act never targets its own actor.
          if (e.type !== 'PROTEST') expect(e.actors.length + e.recipients.length).toBeGreaterThan(0);
          const joint = e.actors.length === e.recipients.length && e.actors.every((a) => e.recipients.includes(a));
          if (!joint) for (const r of e.recipients) expect(e.actors).not.toContain(r);
          if (e.date) expect(e.date.value).toMatch(/^\d{4}/);
        }
        // Every agreement the status history names is an entity of the document or one the stage supplies.
        const known = new Set([...doc.entities.keys(), ...out.newEntities.map((x) => x.id)]);
        for (const a of out.agreementStatus) expect(known.has(a.entity)).toBe(true);
        for (const x of out.newEntities) expect(x.kind).toBe('agreement');
        // The stage reads the document and never edits it.
        expect(JSON.stringify({ m: doc.mentions, t: doc.timexes })).toBe(frozen);
        expect(doc.events).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('tokens slice back to their text on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const t of tokenise(s, 0, s.length)) expect(s.slice(t.start, t.end)).toBe(t.text);
      }),
    );
  });
});

describe('lemmatiser', () => {
  const cases: [string, string][] = [
    ['condemned', 'condemn'], ['imposes', 'impose'], ['imposing', 'impose'], ['stopped', 'stop'], ['held', 'hold'],
    ['withdrew', 'withdraw'], ['sanctions', 'sanction'], ['mobilised', 'mobilize'], ['mobilisation', 'mobilization'],
    ['carried', 'carry'], ['talks', 'talk'], ['programmes', 'program'], ['froze', 'freeze'], ['put', 'put'], ['using', 'use'],
  ];
  for (const [form, lemma] of cases) {
    it(`${form} -> ${lemma}`, () => expect(lemmaCandidates(form).map((c) => c.lemma)).toContain(lemma));
  }
  it('does not invent lemmas for short words', () => {
    expect(lemmaCandidates('is').map((c) => c.lemma)).toEqual(['is', 'be']);
    expect(lemmaCandidates('us').map((c) => c.lemma)).toEqual(['us']);
  });
});
