import type { DocumentWithPeriod, Segmentation, Timex } from '../model/index.js';
import { TIME_PARSERS } from './time/parsers.js';
import type { TimexCandidate } from './time/time-parser.js';
import { refineModifiers } from './time/refine-modifiers.js';
import { refineRanges } from './time/refine-ranges.js';
import { refineOverlaps } from './time/refine-overlaps.js';
import { refineCompounds } from './time/refine-compounds.js';
import { timemlTimexes } from './time/timeml-style.js';

export interface RecognizeTimexOptions {
  /**
   * 'report' (default) joins "from January to March" into one range and keeps narrative links such as
   * "immediately after"; 'timeml' follows the TIMEX3 guidelines (each end its own timex, no links).
   */
  style?: 'report' | 'timeml';
}

/**
 * Find dates, times, durations and sets with their exact spans. Values may still be underspecified
 * (`XXXX-09`) or relative (`REL:...`, see time/relative-value.ts): resolveTimexes finishes them.
 */
export function recognizeTimexes(doc: DocumentWithPeriod, _seg: Segmentation, options: RecognizeTimexOptions = {}): Timex[] {
  const style = options.style ?? 'report';
  const text = doc.text;
  let candidates: TimexCandidate[] = [];
  for (const parser of TIME_PARSERS) {
    const re = parser.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const found = parser.extract(m, text);
      if (!found) continue;
      if (Array.isArray(found)) candidates.push(...found);
      else candidates.push(found);
    }
  }
  if (style === 'timeml') candidates = timemlTimexes(candidates);
  candidates = refineOverlapsByCluster(candidates);
  candidates = refineCompounds(text, candidates);
  candidates = refineModifiers(text, candidates);
  candidates = refineOverlapsByCluster(candidates);
  candidates = refineRanges(text, candidates, style === 'report');
  return candidates.map((c) => ({
    doc: doc.id,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    type: c.type,
    value: c.value,
    ...(c.mod ? { mod: c.mod } : {}),
    ...(c.range ? { range: c.range } : {}),
    inferred: c.inferred ?? [],
    rule: c.rule,
  }));
}

/**
 * refineOverlaps, run on each cluster of overlapping candidates on its own. Whether a candidate is
 * kept depends only on candidates overlapping it, so the result is the same, but the work no longer
 * grows with the square of the number of timexes in a long text.
 */
function refineOverlapsByCluster(candidates: TimexCandidate[]): TimexCandidate[] {
  const spans = candidates.filter((c) => c.end > c.start);
  // Stable: candidates with equal starts keep their order, as the preference sort needs.
  const byStart = spans.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i);
  const kept: TimexCandidate[] = [];
  let cluster: { c: TimexCandidate; i: number }[] = [];
  let clusterEnd = -1;
  const settle = () => {
    if (cluster.length === 0) return;
    // Back in input order, so ties in refineOverlaps' own sort fall as they did on the whole list.
    kept.push(...refineOverlaps(cluster.sort((a, b) => a.i - b.i).map((x) => x.c)));
    cluster = [];
  };
  for (const x of byStart) {
    if (x.c.start >= clusterEnd) settle();
    cluster.push(x);
    clusterEnd = Math.max(clusterEnd, x.c.end);
  }
  settle();
  return kept.sort((a, b) => a.start - b.start);
}
