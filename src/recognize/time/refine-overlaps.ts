import { candidateList, type TimexCandidate } from './time-parser.js';

/** Keep the longest candidate where several overlap (earliest first on ties), returned in text order. */
export function refineOverlaps(candidates: TimexCandidate[]): TimexCandidate[] {
  const spans = candidates.filter((c) => c.end > c.start);
  const n = spans.length;
  if (n === 0) return candidateList();
  // Text order (input order on equal starts), sorted as plain numbers: start and input position packed in one key.
  const byStart = new Int32Array(n);
  if (n < POSITIONS) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = spans[i]!.start * POSITIONS + i;
    keys.sort();
    for (let r = 0; r < n; r++) byStart[r] = keys[r]! % POSITIONS;
  } else {
    for (let i = 0; i < n; i++) byStart[i] = i;
    byStart.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  }
  // Overlapping candidates form clusters (each one starts before the ones before it end); the choice inside a
  // cluster never touches another, so most clusters, one candidate alone, are kept as they are.
  const out = candidateList();
  let r = 0;
  while (r < n) {
    let end = spans[byStart[r]!]!.end;
    let q = r + 1;
    while (q < n && spans[byStart[q]!]!.start < end) end = Math.max(end, spans[byStart[q++]!]!.end);
    if (q === r + 1) out.push(spans[byStart[r]!]!);
    else if (q - r <= SMALL_CLUSTER) keepInCluster(spans, byStart.subarray(r, q), out);
    else for (const c of keepLongest(Array.from(byStart.subarray(r, q), (i) => spans[i]!))) out.push(c);
    r = q;
  }
  return out;
}

// Clusters up to this size are decided by comparing each candidate with the kept ones.
const SMALL_CLUSTER = 32;
// The packed sort key's room for the input position (more candidates sort with a comparator instead).
const POSITIONS = 2 ** 21;

/** Longest first (earliest, then first given, on ties), each kept unless it overlaps one kept before; text order out. */
function keepInCluster(spans: TimexCandidate[], members: Int32Array, out: TimexCandidate[]): void {
  const byPreference = Array.from(members).sort((a, b) => {
    const x = spans[a]!;
    const y = spans[b]!;
    return y.end - y.start - (x.end - x.start) || x.start - y.start || a - b;
  });
  const kept: number[] = [];
  for (const i of byPreference) {
    const c = spans[i]!;
    if (!kept.some((k) => spans[k]!.start < c.end && c.start < spans[k]!.end)) kept.push(i);
  }
  for (const i of members) if (kept.includes(i)) out.push(spans[i]!);
}

/**
 * The same choice for a large cluster, where checking each candidate against every kept one would grow with the
 * square: `spans` in text order (input order on equal starts), kept ones returned in that order.
 */
function keepLongest(spans: TimexCandidate[]): TimexCandidate[] {
  const byPreference = spans.map((c, i) => i).sort((a, b) => {
    const x = spans[a]!;
    const y = spans[b]!;
    return y.end - y.start - (x.end - x.start) || x.start - y.start || a - b;
  });
  // Kept spans never overlap one another, so a candidate can only overlap a kept span that starts inside it or
  // the last kept one starting before it. A Fenwick tree over the candidates in start order counts the kept ones
  // and finds that last one, in O(log n) per candidate where a scan of everything kept grew with the square.
  const byStart = spans.map((c, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const starts = byStart.map((i) => spans[i]!.start);
  const rankOf = new Int32Array(spans.length);
  byStart.forEach((i, r) => (rankOf[i] = r));
  const tree = new Int32Array(spans.length + 1);
  const add = (r: number) => {
    for (let k = r + 1; k < tree.length; k += k & -k) tree[k]!++;
  };
  // How many kept spans have a rank below r.
  const countBelow = (r: number) => {
    let s = 0;
    for (let k = r; k > 0; k -= k & -k) s += tree[k]!;
    return s;
  };
  // The rank of the n-th kept span (1-based) in start order.
  let top = 1;
  while (top * 2 <= spans.length) top *= 2;
  const nth = (n: number) => {
    let pos = 0;
    for (let step = top; step > 0; step >>= 1) {
      if (pos + step < tree.length && tree[pos + step]! < n) {
        pos += step;
        n -= tree[pos]!;
      }
    }
    return pos;
  };
  // The first rank whose start is at least `at`.
  const lowerBound = (at: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const keep = new Uint8Array(spans.length);
  for (const i of byPreference) {
    const c = spans[i]!;
    const from = lowerBound(c.start);
    const before = countBelow(from);
    if (countBelow(lowerBound(c.end)) > before) continue;
    if (before > 0 && spans[byStart[nth(before)]!]!.end > c.start) continue;
    keep[i] = 1;
    add(rankOf[i]!);
  }
  return byStart.filter((i) => keep[i]).map((i) => spans[i]!);
}
