import type { TimexCandidate } from './time-parser.js';

/** Keep the longest candidate where several overlap (earliest first on ties), returned in text order. */
export function refineOverlaps(candidates: TimexCandidate[]): TimexCandidate[] {
  const byPreference = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TimexCandidate[] = [];
  for (const c of byPreference) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
