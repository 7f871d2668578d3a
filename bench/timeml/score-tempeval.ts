/** The part of a time expression the TempEval-3 measures look at. */
export interface ScoredTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

/** Counts for one or more documents; add them up, then turn them into measures. */
export interface TempevalCounts {
  gold: number;
  system: number;
  /** System timexes with a gold timex of exactly the same extent, and gold timexes with such a system one. */
  strictSystem: number;
  strictGold: number;
  /** The same with any overlap. */
  relaxedSystem: number;
  relaxedGold: number;
  /** Relaxed gold/system pairs, and how many of them agree on type and on value. */
  pairs: number;
  typeCorrect: number;
  valueCorrect: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TempevalMeasures {
  strict: PRF;
  relaxed: PRF;
  typeAccuracy: number;
  valueAccuracy: number;
  /** TempEval-3: attribute F1 = relaxed extent F1 x attribute accuracy. */
  typeF1: number;
  valueF1: number;
  counts: TempevalCounts;
}

export function emptyCounts(): TempevalCounts {
  return { gold: 0, system: 0, strictSystem: 0, strictGold: 0, relaxedSystem: 0, relaxedGold: 0, pairs: 0, typeCorrect: 0, valueCorrect: 0 };
}

const overlaps = (a: ScoredTimex, b: ScoredTimex) => a.start < b.end && b.start < a.end;
const overlapLength = (a: ScoredTimex, b: ScoredTimex) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** The system timex a gold timex's attributes are compared with: the exact match, else the largest overlap. */
export function bestPartner<T extends ScoredTimex>(g: ScoredTimex, system: T[]): T | undefined {
  let best: T | undefined;
  for (const s of system) {
    if (!overlaps(g, s)) continue;
    if (!best || overlapLength(g, s) > overlapLength(g, best)) best = s;
  }
  return best;
}

/** Compare one document's system timexes with its gold ones. */
export function countDocument(gold: ScoredTimex[], system: ScoredTimex[]): TempevalCounts {
  const c = emptyCounts();
  c.gold = gold.length;
  c.system = system.length;
  for (const s of system) {
    if (gold.some((g) => g.start === s.start && g.end === s.end)) c.strictSystem++;
    if (gold.some((g) => overlaps(g, s))) c.relaxedSystem++;
  }
  for (const g of gold) {
    if (system.some((s) => g.start === s.start && g.end === s.end)) c.strictGold++;
    const best = bestPartner(g, system);
    if (!best) continue;
    c.relaxedGold++;
    c.pairs++;
    if (best.type === g.type) c.typeCorrect++;
    if (best.value === g.value) c.valueCorrect++;
  }
  return c;
}

export function addCounts(a: TempevalCounts, b: TempevalCounts): TempevalCounts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as (keyof TempevalCounts)[]) out[k] = a[k] + b[k];
  return out;
}

function prf(matchedSystem: number, system: number, matchedGold: number, gold: number): PRF {
  const precision = system ? matchedSystem / system : 0;
  const recall = gold ? matchedGold / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function measures(c: TempevalCounts): TempevalMeasures {
  const strict = prf(c.strictSystem, c.system, c.strictGold, c.gold);
  const relaxed = prf(c.relaxedSystem, c.system, c.relaxedGold, c.gold);
  const typeAccuracy = c.pairs ? c.typeCorrect / c.pairs : 0;
  const valueAccuracy = c.pairs ? c.valueCorrect / c.pairs : 0;
  return { strict, relaxed, typeAccuracy, valueAccuracy, typeF1: relaxed.f1 * typeAccuracy, valueF1: relaxed.f1 * valueAccuracy, counts: c };
}
