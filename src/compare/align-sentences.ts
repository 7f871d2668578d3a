import { comparisonWords, diceSimilarity, normaliseSentence } from './sentence-similarity.js';

export type SentenceStatus = 'unchanged' | 'reworded' | 'added' | 'removed';

/** One row of a sentence alignment: a sentence of A, of B, or a pair. */
export interface AlignedSentence {
  status: SentenceStatus;
  /** Index into A's sentences (absent for added). */
  a?: number;
  /** Index into B's sentences (absent for removed). */
  b?: number;
  /** Word similarity of a pair, 0..1. */
  similarity?: number;
  /** The pair is out of order: the sentence moved to another place. */
  moved?: boolean;
}

export interface AlignOptions {
  /** Lowest similarity at which two different sentences count as one sentence reworded. */
  threshold?: number;
  /** Lowest similarity for pairing sentences that also moved (stricter: farther apart, less likely the same). */
  movedThreshold?: number;
}

const DEFAULT_THRESHOLD = 0.5;
const DEFAULT_MOVED_THRESHOLD = 0.6;
/** Above this many cells a gap is aligned greedily rather than with the full table. */
const MAX_CELLS = 2_000_000;

/**
 * Align the sentences of two documents, in three passes: identical sentences in order (longest
 * common subsequence) are anchors; between anchors, sentences are paired by word similarity in
 * order (a reworded sentence); what is left is paired across the document when identical or very
 * similar (a moved sentence); the rest is removed from A or added in B.
 */
export function alignSentences(a: readonly string[], b: readonly string[], options: AlignOptions = {}): AlignedSentence[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const movedThreshold = options.movedThreshold ?? DEFAULT_MOVED_THRESHOLD;
  const na = a.map(normaliseSentence);
  const nb = b.map(normaliseSentence);
  const wa = a.map(comparisonWords);
  const wb = b.map(comparisonWords);

  const anchors = exactAnchors(na, nb);
  const pairs: AlignedSentence[] = [];
  let pi = 0;
  let pj = 0;
  for (const [ai, bi] of [...anchors, [a.length, b.length] as [number, number]]) {
    pairs.push(...pairGap(wa, wb, pi, ai, pj, bi, threshold));
    if (ai < a.length) pairs.push({ status: 'unchanged', a: ai, b: bi, similarity: 1 });
    pi = ai + 1;
    pj = bi + 1;
  }

  // Moved sentences: left-overs of A matched with left-overs of B anywhere in the document.
  const usedA = new Set(pairs.map((p) => p.a));
  const usedB = new Set(pairs.map((p) => p.b));
  const restA = a.map((_, i) => i).filter((i) => !usedA.has(i));
  const restB = b.map((_, j) => j).filter((j) => !usedB.has(j));
  const moved: AlignedSentence[] = [];
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  if (restA.length * restB.length <= MAX_CELLS) {
    for (const i of restA) for (const j of restB) {
      const s = na[i] === nb[j] ? 1 : diceSimilarity(wa[i]!, wb[j]!);
      if (s >= movedThreshold) candidates.push({ i, j, s });
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    moved.push({ status: na[c.i] === nb[c.j] ? 'unchanged' : 'reworded', a: c.i, b: c.j, similarity: round(c.s), moved: true });
  }

  return interleave(pairs, moved, a.length, b.length, usedA, usedB);
}

/** Identical sentences in order: the longest common subsequence of the normalised texts. */
function exactAnchors(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const ids = new Map<string, number>();
  const id = (s: string) => { let v = ids.get(s); if (v === undefined) { v = ids.size; ids.set(s, v); } return v; };
  const ia = a.map(id);
  const ib = b.map(id);
  // Strip the common prefix and suffix: editions mostly share both.
  let pre = 0;
  while (pre < ia.length && pre < ib.length && ia[pre] === ib[pre]) pre++;
  let suf = 0;
  while (suf < ia.length - pre && suf < ib.length - pre && ia[ia.length - 1 - suf] === ib[ib.length - 1 - suf]) suf++;
  const out: Array<[number, number]> = [];
  for (let k = 0; k < pre; k++) out.push([k, k]);
  const ma = ia.slice(pre, ia.length - suf);
  const mb = ib.slice(pre, ib.length - suf);
  const inB = new Set(mb);
  if (ma.some((x) => inB.has(x))) {
    const middle = (ma.length + 1) * (mb.length + 1) <= MAX_CELLS ? lcs(ma, mb) : uniqueInOrder(ma, mb);
    for (const [i, j] of middle) out.push([pre + i, pre + j]);
  }
  for (let k = suf; k > 0; k--) out.push([ia.length - k, ib.length - k]);
  return out;
}

function lcs(a: number[], b: number[]): Array<[number, number]> {
  const w = b.length + 1;
  const len = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i * w + j] = a[i] === b[j] ? len[(i + 1) * w + j + 1]! + 1 : Math.max(len[(i + 1) * w + j]!, len[i * w + j + 1]!);
    }
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push([i, j]); i++; j++; }
    else if (len[(i + 1) * w + j]! >= len[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** For very long documents: sentences that occur once on each side, kept where they stay in order. */
function uniqueInOrder(a: number[], b: number[]): Array<[number, number]> {
  const count = (xs: number[]) => { const m = new Map<number, number>(); for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const ca = count(a);
  const cb = count(b);
  const posB = new Map<number, number>();
  b.forEach((x, j) => { if (cb.get(x) === 1) posB.set(x, j); });
  let lastJ = -1;
  const out: Array<[number, number]> = [];
  a.forEach((x, i) => {
    const j = posB.get(x);
    if (ca.get(x) === 1 && j !== undefined && j > lastJ) { out.push([i, j]); lastJ = j; }
  });
  return out;
}

/**
 * Pair the sentences of one gap (A[ai0, ai1) against B[bj0, bj1)) by similarity, keeping order:
 * the order-preserving set of pairs with the greatest total similarity, each at least `threshold`.
 */
function pairGap(wa: string[][], wb: string[][], ai0: number, ai1: number, bj0: number, bj1: number, threshold: number): AlignedSentence[] {
  const n = ai1 - ai0;
  const m = bj1 - bj0;
  if (n <= 0 || m <= 0) return [];
  if ((n + 1) * (m + 1) > MAX_CELLS) return [];
  const sim = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) sim[i * m + j] = diceSimilarity(wa[ai0 + i]!, wb[bj0 + j]!);
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim[i * m + j]!;
      const take = s >= threshold ? s + best[(i + 1) * w + j + 1]! : -1;
      best[i * w + j] = Math.max(take, best[(i + 1) * w + j]!, best[i * w + j + 1]!);
    }
  }
  const out: AlignedSentence[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim[i * m + j]!;
    if (s >= threshold && Math.abs(best[i * w + j]! - (s + best[(i + 1) * w + j + 1]!)) < 1e-12) {
      out.push({ status: 'reworded', a: ai0 + i, b: bj0 + j, similarity: round(s) });
      i++;
      j++;
    } else if (best[(i + 1) * w + j]! >= best[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Rows in reading order: pairs in order, with A-only rows before the B-only rows of each gap. */
function interleave(pairs: AlignedSentence[], moved: AlignedSentence[], na: number, nb: number, usedA: Set<number | undefined>, usedB: Set<number | undefined>): AlignedSentence[] {
  const movedAtB = new Map(moved.map((p) => [p.b!, p]));
  const rows: AlignedSentence[] = [];
  let i = 0;
  let j = 0;
  const flush = (toA: number, toB: number) => {
    for (; i < toA; i++) if (!usedA.has(i)) rows.push({ status: 'removed', a: i });
    for (; j < toB; j++) {
      const m = movedAtB.get(j);
      if (m) rows.push(m);
      else if (!usedB.has(j)) rows.push({ status: 'added', b: j });
    }
  };
  for (const p of pairs) {
    flush(p.a!, p.b!);
    rows.push(p);
    i = p.a! + 1;
    j = p.b! + 1;
  }
  flush(na, nb);
  return rows;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
