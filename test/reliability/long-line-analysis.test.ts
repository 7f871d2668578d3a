import { describe, expect, it } from 'vitest';
import { longParagraph } from '../../bench/long-line-text.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { defaultContext } from '../../src/pipeline/context.js';
import { readBytes } from '../../src/read/read-file.js';
import type { AnalysedDocument } from '../../src/model/index.js';

// A single 2 MB line (one paragraph) of generated report sentences goes through every stage. Its
// speed is measured by `npm run bench -- long-line`; here it must finish with valid offsets, and
// the line must be analysed like the same sentences in a short paragraph: as many findings per
// sentence in the whole line as in its first tenth (work that rescanned the paragraph for every
// sentence made this case never finish before).
async function analyseLine(chars: number): Promise<AnalysedDocument> {
  const text = longParagraph(chars);
  expect(text).not.toMatch(/\n/);
  return analyse(await readBytes('long-line.txt', Buffer.from(text)), defaultContext());
}

function perSentence(doc: AnalysedDocument): Record<string, number> {
  const n = doc.segmentation.sentences.length;
  return { mentions: doc.mentions.length / n, timexes: doc.timexes.length / n, events: doc.events.length / n, stances: doc.stances.length / n, figures: doc.figures.length / n };
}

describe('a single 2 MB line', () => {
  it('is analysed whole, with valid offsets, and like a short paragraph of the same sentences', async () => {
    const doc = await analyseLine(2_000_000);
    const text = doc.text;
    expect(doc.segmentation.paragraphs).toHaveLength(1);
    expect(doc.segmentation.sentences.length).toBeGreaterThan(10_000);

    let previousEnd = 0;
    for (const s of doc.segmentation.sentences) {
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      expect(s.end).toBeLessThanOrEqual(text.length);
      previousEnd = s.end;
    }
    for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const t of doc.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const e of doc.events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.evidence.start).toBeLessThanOrEqual(e.trigger.start);
      expect(e.evidence.end).toBeGreaterThanOrEqual(e.trigger.end);
    }
    for (const f of doc.figures) expect(f.span.end).toBeLessThanOrEqual(text.length);

    // Every stage found something, at the rate a tenth of the line gives.
    const whole = perSentence(doc);
    const tenth = perSentence(await analyseLine(200_000));
    for (const [what, rate] of Object.entries(whole)) {
      expect(rate, what).toBeGreaterThan(0);
      expect(rate / tenth[what]!, what).toBeGreaterThan(0.8);
      expect(rate / tenth[what]!, what).toBeLessThan(1.25);
    }
  }, 600_000);
});
