import type { TimexCandidate } from './time-parser.js';

/** Keep the longest candidate where several overlap (earliest first on ties), returned in text order. */
export function refineOverlaps(candidates: TimexCandidate[]): TimexCandidate[] {
  const spans = candidates.filter((c) => c.end > c.start);
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
