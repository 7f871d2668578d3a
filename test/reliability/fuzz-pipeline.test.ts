import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBytes } from '../../src/read/read-file.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { defaultContext, type PipelineContext } from '../../src/pipeline/context.js';
import { expectValidAnalysis } from './analysis-invariants.js';
import { SAMPLE, unSpeechFiles } from './corpus-files.js';
import { mutatedText } from './mutations.js';

// Segmentation, time normalisation and extraction, run as the pipeline runs them, on arbitrary
// text and on real reports (the sample and UN speeches, read by path) damaged at random: no throw,
// every offset inside the text and slicing back to its text, every reference resolvable.
let ctx: PipelineContext;
let real: string[];

beforeAll(() => {
  ctx = defaultContext();
  real = [SAMPLE, ...unSpeechFiles(6)].map((f) => readFileSync(f, 'utf8'));
}, 60_000);

async function analyseText(text: string, name = 'fuzz.txt', period?: { period?: string; dct?: string }) {
  let read;
  try {
    read = await readBytes(name, new TextEncoder().encode(text));
  } catch {
    return undefined; // refusing (empty, binary) is the readers' business, fuzzed elsewhere
  }
  const doc = analyse(read, ctx, { period });
  expectValidAnalysis(doc);
  return doc;
}

/** A window of a real report, so each run is small and the whole set of reports gets covered. */
const window = fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 200, max: 3000 }))
  .map(([which, at, length]) => ({ which, at, length }));

function cut(w: { which: number; at: number; length: number }): string {
  const text = real[w.which % real.length]!;
  const start = Math.floor(w.at * Math.max(0, text.length - w.length));
  return text.slice(start, start + w.length);
}

describe('pipeline under fuzzing', () => {
  it('arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (s) => { await analyseText(s); }), { numRuns: 150 });
  }, 120_000);

  it('sentences made of report vocabulary, punctuation and dates', async () => {
    const words = fc.constantFrom('the', 'Government', 'of', 'Japan', 'Russia', 'Ukraine', 'condemned', 'signed', 'an', 'agreement', 'on', 'in',
      'March', '2022', '24', 'February', 'last', 'year', 'next', 'week', 'since', '1991', 'Q3', 'summer', 'Mr.', 'Prime', 'Minister', 'said', 'U.S.', 'EU',
      'sanctions', 'not', 'will', '5%', '$3', 'billion', '1.', '(1)', 'Chapter', 'II', ',', ';', ':', '.', '?', '!', '“', '”', '(', ')', '\n', '\n\n', '—');
    await fc.assert(fc.asyncProperty(fc.array(words, { maxLength: 120 }), fc.constantFrom(undefined, { period: '2021' }, { dct: '2019-11-02' }),
      async (ws, period) => { await analyseText(ws.join(' '), 'fuzz.txt', period); }), { numRuns: 150 });
  }, 120_000);

  it('windows of real reports with random damage, as text, Markdown and HTML', async () => {
    await fc.assert(fc.asyncProperty(window, mutatedText(), fc.constantFrom('r.txt', 'r.md', 'r.html'), async (w, damage, name) => {
      await analyseText(damage(cut(w)), name);
    }), { numRuns: 120 });
  }, 180_000);

  it('undamaged windows find something, so the invariants are not checked on empty output', async () => {
    let found = 0;
    for (let i = 0; i < 6; i++) {
      const doc = await analyseText(cut({ which: i, at: 0.3, length: 3000 }));
      found += (doc?.mentions.length ?? 0) + (doc?.timexes.length ?? 0);
      expect(doc?.segmentation.sentences.length ?? 0).toBeGreaterThan(3);
    }
    expect(found).toBeGreaterThan(10);
  }, 60_000);
});
