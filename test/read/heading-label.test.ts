import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitHeadingLabel } from '../../src/read/heading-label.js';

describe('splitHeadingLabel', () => {
  const labelled: Array<[string, string, string, string]> = [
    // text, label, style, title
    ['Chapter 2 Regional Diplomacy', 'Chapter 2', 'chapter', 'Regional Diplomacy'],
    ['Chapter 2: Regional Diplomacy', 'Chapter 2', 'chapter', 'Regional Diplomacy'],
    ['CHAPTER II. Asia', 'CHAPTER II', 'chapter', 'Asia'],
    ['Chapter Three Europe', 'Chapter Three', 'chapter', 'Europe'],
    ['Section 3.1 Trade', 'Section 3.1', 'section', 'Trade'],
    ['Part IV', 'Part IV', 'part', ''],
    ['Annex A – Figures', 'Annex A', 'annex', 'Figures'],
    ['(1) Situation in Russia', '(1)', 'paren-number', 'Situation in Russia'],
    ['(12) overview', '(12)', 'paren-number', 'overview'],
    ['(a) Sanctions', '(a)', 'paren-letter', 'Sanctions'],
    ['(iv) Energy', '(iv)', 'paren-roman', 'Energy'],
    ['3) Energy', '3)', 'number-paren', 'Energy'],
    ['1. Overview', '1.', 'number', 'Overview'],
    ['1 Overview', '1', 'number', 'Overview'],
    ['2.3 Japan-Russia Relations', '2.3', 'number', 'Japan-Russia Relations'],
    ['2.3.1. Fisheries', '2.3.1.', 'number', 'Fisheries'],
    ['I. Introduction', 'I.', 'roman', 'Introduction'],
    ['XIV. Annexes', 'XIV.', 'roman', 'Annexes'],
    ['II Situation', 'II', 'roman', 'Situation'],
    ['A Overview', 'A', 'letter', 'Overview'],
    ['B Japan-Russia Relations', 'B', 'letter', 'Japan-Russia Relations'],
    ['C. Belarus', 'C.', 'letter', 'Belarus'],
    ['  (2)   Economy  ', '(2)', 'paren-number', 'Economy'],
    ['1 "Peace" Talks', '1', 'number', '"Peace" Talks'],
  ];
  it.each(labelled)('%s -> %s', (text, label, style, title) => {
    const r = splitHeadingLabel(text);
    expect(r.label).toBe(label);
    expect(r.style).toBe(style);
    expect(r.title).toBe(title);
    expect(text.slice(r.titleOffset).trimEnd()).toBe(title);
  });

  // Headings whose first word only looks like a label.
  const unlabelled = [
    'Overview',
    '2022 in Review',
    'A New Era of Cooperation',
    '1 percent growth',
    '10 percent',
    'U.S. Policy',
    'I am here',
    'Chapters of history',
    'Partnership with Asia',
    'Sections 1 and 2',
    'CIVIL SOCIETY',
    'MIX of measures',
    'A',
    '1',
    'IV',
    '',
    '1.5 percent',
  ];
  it.each(unlabelled)('%s has no label', (text) => {
    const r = splitHeadingLabel(text);
    expect(r.label).toBeUndefined();
    expect(r.title).toBe(text.trim());
    expect(r.titleOffset).toBe(text.length - text.trimStart().length);
  });

  it('takes "A" before a consonant as a label when the document has lettered headings', () => {
    expect(splitHeadingLabel('A Japan-Russia Relations').label).toBeUndefined();
    expect(splitHeadingLabel('A Japan-Russia Relations', { letterSequence: true })).toMatchObject({ label: 'A', title: 'Japan-Russia Relations', titleOffset: 2 });
  });

  it('keeps labels standing alone when they are unambiguous', () => {
    expect(splitHeadingLabel('(3)')).toMatchObject({ label: '(3)', title: '', titleOffset: 3 });
    expect(splitHeadingLabel('Chapter 7')).toMatchObject({ label: 'Chapter 7', title: '', titleOffset: 9 });
  });

  it('always returns an offset inside the text whose tail is the title', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.boolean(), (text, letterSequence) => {
      const r = splitHeadingLabel(text, { letterSequence });
      expect(r.titleOffset).toBeGreaterThanOrEqual(0);
      expect(r.titleOffset).toBeLessThanOrEqual(text.length);
      expect(text.slice(r.titleOffset).trimEnd()).toBe(r.title);
      if (r.label) expect(text.trimStart().startsWith(r.label)).toBe(true);
    }), { numRuns: 500 });
  });
});
