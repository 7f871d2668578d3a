import type { AnalysedDocument, Figure, Quantity } from '../model/index.js';
import { textSpan } from '../model/span.js';
import { readDataRows } from './data-files.js';
import { isDatingTimex, toEventDate } from './event-date.js';
import { findMatches, compilePattern, type CompiledPattern } from './trigger-pattern.js';
import { tokenAtOffset, type SentenceView } from './sentence-view.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const COUNTED_PEOPLE = /^(people|persons|individuals|diplomats|troops|soldiers|refugees|members|officials|civilians)$/;
const SUBJECT_PREPOSITION = /^(in|of|between|for)$/;

export type UnitClass = 'percent' | 'money' | 'count' | 'any';

interface MeasureEntry {
  pattern: CompiledPattern;
  unitClass: UnitClass;
  what: string;
}

let cached: MeasureEntry[] | undefined;
export function figureMeasures(): MeasureEntry[] {
  cached ??= readDataRows('figure-measures.tsv').map(([keyword, unitClass, what]) => ({
    pattern: compilePattern(keyword!),
    unitClass: unitClass as UnitClass,
    what: what!,
  }));
  return cached;
}

const MONEY = /yen|dollar|euro|ruble|rouble|yuan|renminbi|pound|rupee|\bwon\b|franc|usd|eur\b|jpy|\$|€|£|¥/i;
const PERCENT = /%|percent|per cent|percentage point/i;

export function unitClassOf(q: Quantity): UnitClass {
  if (PERCENT.test(q.unit) || PERCENT.test(q.text)) return 'percent';
  if (MONEY.test(q.unit) || MONEY.test(q.text)) return 'money';
  return 'count';
}

/**
 * Figures are quantities whose measure we can name: the nearest measure word before the number in
 * its sentence ("GDP growth ... was +3.5%, but fell -4.1% ..." gives all three the measure), or for
 * counts the counted noun ("300,000 people"). The subject is the entity next to the measure word
 * ("GDP growth in Russia", "Putin's approval rating"); the period is the closest date or range.
 */
export function extractSentenceFigures(doc: AnalysedDocument, view: SentenceView): Omit<Figure, 'id'>[] {
  const out: Omit<Figure, 'id'>[] = [];
  // Most sentences state no quantity: their measure words would never be read.
  if (view.quantities.length === 0) return out;
  const matches = findMatches(view.tokens, figureMeasures());
  for (const q of view.quantities) {
    const cls = unitClassOf(q);
    const qFirst = tokenAtOffset(view, q.start);
    let best: { what: string; first: number; last: number; weight: number } | undefined;
    for (const { entry, match } of matches) {
      if (entry.unitClass !== cls && entry.unitClass !== 'any') continue;
      if (cls === 'count') {
        // The counted noun: within or right after the quantity ("63 Japanese individuals").
        const qLastTok = tokenAtOffset(view, q.end - 1);
        if (match.first < qFirst || match.first > qLastTok + 2) continue;
      } else if (match.last >= qFirst) continue;
      const better = !best || match.first > best.first || (match.first === best.first && entry.pattern.weight > best.weight);
      if (better) best = { what: entry.what, first: match.first, last: match.last, weight: entry.pattern.weight };
    }
    if (!best && cls === 'count') {
      const unit = q.unit.trim().toLowerCase();
      if (COUNTED_PEOPLE.test(unit)) best = { what: `number of ${unit}`, first: qFirst, last: qFirst, weight: 0 };
    }
    if (!best) continue;
    const subject = cls === 'count' ? undefined : subjectNear(view, best.first, best.last);
    const period = periodNear(view, q);
    out.push({
      what: best.what,
      ...(subject ? { subject } : {}),
      value: q.value,
      unit: q.unit,
      period,
      evidence: textSpan(doc.id, doc.text, view.sentence),
      span: textSpan(doc.id, doc.text, q),
      rule: `extract.figure.${cls}`,
    });
  }
  return out;
}

/** "Putin's approval rating", "GDP growth in Russia", "trade between Japan and Russia". */
function subjectNear(view: SentenceView, first: number, last: number): string | undefined {
  const poss = view.mentions.find((m) => m.possessive && m.last < first && first - m.last <= 3);
  if (poss) return poss.entity;
  const adj = view.mentions.find((m) => m.last === first - 1);
  if (adj) return adj.entity;
  const after = view.mentions.find((m) => m.first > last && m.first - last <= 3 && SUBJECT_PREPOSITION.test(view.tokens[m.first - 1]?.lower ?? ''));
  if (after) return after.entity;
  return undefined;
}

function periodNear(view: SentenceView, q: Quantity) {
  const usable = view.timexes.filter((r) => isDatingTimex(view, r));
  const distance = (s: number, e: number): number => (e <= q.start ? q.start - e : Math.max(0, s - q.end));
  const best = [...usable].sort((a, b) => distance(a.start, a.end) - distance(b.start, b.end))[0];
  return best ? toEventDate(best, false) : null;
}
