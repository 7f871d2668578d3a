import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';
import { makeAnalysedDoc, type MentionSpec } from '../helpers/make-analysed-doc.js';

const M: MentionSpec[] = [
  { text: 'Kenya', entity: 'state:KEN' },
  { text: 'Ethiopia', entity: 'state:ETH' },
];

describe('event dates', () => {
  it('takes the timex of its own clause', () => {
    const doc = makeAnalysedDoc('In March, Kenya expelled two diplomats of Ethiopia.', {
      mentions: M,
      timexes: [{ text: 'March', value: '2022-03', range: { start: '2022-03-01', end: '2022-03-31' } }],
    });
    const [e] = extract(doc).events;
    expect(e?.date).toMatchObject({ value: '2022-03', start: '2022-03-01', end: '2022-03-31', inferred: false });
  });

  it('carries only the year after "Subsequently" (the act is later), marks it inferred, and nothing without a connective', () => {
    const text = 'In May, Kenya imposed sanctions on Ethiopia. Subsequently, Ethiopia expelled diplomats of Kenya. Ethiopia condemned Kenya.';
    const doc = makeAnalysedDoc(text, { mentions: M, timexes: [{ text: 'May', value: '2022-05', range: { start: '2022-05-01', end: '2022-05-31' } }] });
    const events = extract(doc).events;
    expect(events.map((e) => e.type)).toEqual(['SANCTION', 'SANCTION', 'ACCUSE']);
    expect(events[1]?.date).toMatchObject({ value: '2022', start: '2022-01-01', end: '2022-12-31', inferred: true });
    expect(events[2]?.date).toBeNull();
  });

  it('keeps the full date after a same-time connective ("In response,", "therefore") and across an undated sentence', () => {
    const text = 'In May, Kenya expelled diplomats of Ethiopia. Ethiopia called it a mistake. Ethiopia therefore lodged a protest with Kenya. In response, Kenya condemned Ethiopia.';
    const doc = makeAnalysedDoc(text, { mentions: M, timexes: [{ text: 'May', value: '2022-05', range: { start: '2022-05-01', end: '2022-05-31' } }] });
    const events = extract(doc).events;
    expect(events.map((e) => [e.type, e.date?.value ?? null])).toEqual([['SANCTION', '2022-05'], ['ACCUSE', '2022-05'], ['ACCUSE', '2022-05']]);
  });

  it('does not take a cause ("In response to this aggression") for a time', () => {
    const text = 'In May, Ethiopia invaded Kenya. In response to this aggression, France imposed sanctions on Ethiopia.';
    const doc = makeAnalysedDoc(text, { mentions: M, timexes: [{ text: 'May', value: '2022-05', range: { start: '2022-05-01', end: '2022-05-31' } }] });
    expect(extract(doc).events.find((e) => e.type === 'SANCTION')?.date).toBeNull();
  });

  it('dates "immediately after the start of the invasion" by the invasion, to the month', () => {
    const text = 'Ethiopia invaded Kenya on March 3. Ethiopia put its forces on high alert immediately after the start of the invasion.';
    const doc = makeAnalysedDoc(text, { mentions: M, timexes: [{ text: 'March 3', value: '2022-03-03', range: { start: '2022-03-03', end: '2022-03-03' } }] });
    const alert = extract(doc).events.find((e) => e.type === 'MOBILIZE');
    expect(alert?.date).toMatchObject({ value: '2022-03', inferred: true });
  });

  it('does not date an act by a date that belongs to another participle ("proposed in 2016, are on hold")', () => {
    const doc = makeAnalysedDoc('Projects with Kenya proposed in 2016, are on hold, and Ethiopia suspended talks with Kenya.', { mentions: M, timexes: [{ text: '2016', value: '2016' }] });
    expect(extract(doc).events.find((e) => e.type === 'SANCTION')?.date ?? null).toBeNull();
  });

  it('does not take "for 2023" (what the act is about) as its date', () => {
    const doc = makeAnalysedDoc('Ethiopia rejected negotiations with Kenya for 2023.', { mentions: M, timexes: [{ text: '2023', value: '2023' }] });
    expect(extract(doc).events[0]?.date).toBeNull();
  });
});

describe('responses', () => {
  it('links "In response" to the latest act with reversed roles', () => {
    const text = 'In April, Kenya expelled eight diplomats of Ethiopia. Kenya held talks with Ethiopia. In response, Ethiopia expelled eight diplomats of Kenya later that month.';
    const doc = makeAnalysedDoc(text, {
      mentions: M,
      timexes: [
        { text: 'April', value: '2022-04' },
        { text: 'later that month', value: '2022-04' },
      ],
    });
    const events = extract(doc).events;
    const first = events[0]!;
    const reply = events[events.length - 1]!;
    expect(reply.type).toBe('SANCTION');
    expect(reply.actors).toEqual(['state:ETH']);
    expect(reply.respondsTo).toBe(first.id);
    expect(reply.date?.value).toBe('2022-04');
  });

  it('ids are stable and in document order', () => {
    const text = 'Kenya condemned Ethiopia. Ethiopia condemned Kenya.';
    const a = extract(makeAnalysedDoc(text, { mentions: M, id: 'd1' })).events.map((e) => e.id);
    const b = extract(makeAnalysedDoc(text, { mentions: M, id: 'd1' })).events.map((e) => e.id);
    expect(a).toEqual(['d1:e1', 'd1:e2']);
    expect(b).toEqual(a);
  });
});
