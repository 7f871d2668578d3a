import { describe, expect, it } from 'vitest';
import { sentenceItems } from '../../src/extract/sentence-items.js';
import { makeAnalysedDoc } from '../helpers/make-analysed-doc.js';
import type { AnalysedDocument } from '../../src/model/index.js';

/** What filtering the document's lists gives for a sentence (sentenceItems must give the same). */
function filtered(doc: AnalysedDocument, k: number) {
  const s = doc.segmentation.sentences[k]!;
  const inside = (x: { start: number; end: number }) => x.start >= s.start && x.end <= s.end;
  return {
    mentions: doc.mentions.filter(inside),
    timexes: doc.timexes.flatMap((timex, index) => (inside(timex) ? [index] : [])),
    quantities: doc.quantities.filter(inside),
  };
}

const text = 'Japan met Russia in 2022. Nothing here. In March, 40 tonnes went to Kenya. Again nothing.\nA new paragraph on 5 ships.';
const doc = makeAnalysedDoc(text, {
  mentions: [{ text: 'Japan', entity: 'state:JPN' }, { text: 'Russia', entity: 'state:RUS' }, { text: 'Kenya', entity: 'state:KEN' }],
  timexes: [{ text: '2022', value: '2022' }, { text: 'March', value: 'XXXX-03' }],
  quantities: [{ text: '40 tonnes', value: 40, unit: 'tonne' }, { text: '5 ships', value: 5, unit: 'ship' }],
});

describe('sentenceItems', () => {
  it.each([0, 1, 2, 3, 4])('of sentence %i are what filtering the lists gives', (k) => {
    const items = sentenceItems(doc, doc.segmentation.sentences[k]!);
    const expected = filtered(doc, k);
    expect(items.mentions).toEqual(expected.mentions);
    expect(items.timexes.map((t) => t.index)).toEqual(expected.timexes);
    expect(items.timexes.map((t) => t.timex)).toEqual(expected.timexes.map((i) => doc.timexes[i]));
    expect(items.quantities).toEqual(expected.quantities);
  });

  it('are empty for sentences without items, and filled ones are not shared', () => {
    expect(doc.segmentation.sentences.length).toBe(5);
    const [withMentions, empty, withAll, alsoEmpty, withQuantity] = doc.segmentation.sentences.map((s) => sentenceItems(doc, s));
    expect(empty).toEqual({ mentions: [], timexes: [], quantities: [] });
    expect(alsoEmpty).toEqual({ mentions: [], timexes: [], quantities: [] });
    expect(withMentions!.mentions.map((m) => m.text)).toEqual(['Japan', 'Russia']);
    expect(withAll!.mentions.map((m) => m.text)).toEqual(['Kenya']);
    expect(withMentions!.mentions).not.toBe(withAll!.mentions);
    expect(withMentions!.timexes).not.toBe(withAll!.timexes);
    expect(withAll!.quantities).not.toBe(withQuantity!.quantities);
    expect(withQuantity!.quantities.map((q) => q.text)).toEqual(['5 ships']);
  });
});
