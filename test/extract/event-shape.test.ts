import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

const M: MentionSpec[] = [
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
  { text: 'Nairobi', entity: 'place:nairobi', kind: 'place' },
];

// Events with and without a mode, a location, a quantity and a response, in one document.
const TEXT = [
  'In April, Kenya expelled eight diplomats of Ethiopia.',
  'Kenya condemned Ethiopia.',
  'Ethiopia mobilized 200,000 reservists.',
  'Kenya held talks with Ethiopia in Nairobi.',
  'In response, Ethiopia expelled eight diplomats of Kenya later that month.',
].join(' ');

describe('event objects', () => {
  const events = extract(makeAnalysedDoc(TEXT, { mentions: M, timexes: [{ text: 'April', value: '2022-04' }, { text: 'later that month', value: '2022-04' }] })).events;

  it('all have the same fields in the same order, whichever optional ones they use', () => {
    expect(events.length).toBeGreaterThanOrEqual(4);
    // The document does use the optional fields, on some events and not others.
    for (const field of ['mode', 'respondsTo'] as const) {
      expect(events.some((e) => e[field] !== undefined)).toBe(true);
      expect(events.some((e) => e[field] === undefined)).toBe(true);
    }
    for (const e of events) expect(Object.keys(e)).toEqual(Object.keys(events[0]!));
  });

  it('leave an unused optional field out of their JSON, as if it were absent', () => {
    const condemned = events.find((e) => e.type === 'ACCUSE' || e.trigger.text === 'condemned');
    expect(condemned).toBeDefined();
    const json = JSON.parse(JSON.stringify(condemned)) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain('respondsTo');
    expect(Object.keys(json)).not.toContain('quantity');
    expect(Object.keys(json)).toContain('rule');
  });
});
