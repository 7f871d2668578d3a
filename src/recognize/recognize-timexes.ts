import type { DocumentWithPeriod, Segmentation, Timex } from '../model/index.js';
import { TIME_PARSERS } from './time/parsers.js';
import { candidateList, type TimexCandidate } from './time/time-parser.js';
import { refineModifiers } from './time/refine-modifiers.js';
import { refineRanges } from './time/refine-ranges.js';
import { refineOverlaps } from './time/refine-overlaps.js';
import { refineCompounds } from './time/refine-compounds.js';
import { refineTitles } from './time/refine-titles.js';
import { timemlTimexes } from './time/timeml-style.js';
import { scanParsers, scanWhole } from './time/anchored-scan.js';
import { newTimex } from './time/new-timex.js';

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
  return timexesFrom(doc, scanParsers(TIME_PARSERS, doc.text), options);
}

/**
 * The same as recognizeTimexes, with every parser's pattern searched through the whole text rather than only near
 * its anchor words: the plain definition, kept to check the anchored scan against (test/recognize/time).
 */
export function recognizeTimexesReference(doc: DocumentWithPeriod, _seg: Segmentation, options: RecognizeTimexOptions = {}): Timex[] {
  const candidates = candidateList();
  for (const parser of TIME_PARSERS) scanWhole(parser, parser.pattern, doc.text, candidates);
  return timexesFrom(doc, candidates, options);
}

/** An empty list of strings of the elements kind a filled one has (see resolve-timexes.ts, noStrings). */
function noStrings(): string[] {
  const list = [''];
  list.pop();
  return list;
}

function timexesFrom(doc: DocumentWithPeriod, found: TimexCandidate[], options: RecognizeTimexOptions): Timex[] {
  const style = options.style ?? 'report';
  const text = doc.text;
  let candidates = found;
  if (style === 'timeml') candidates = timemlTimexes(candidates);
  candidates = refineTitles(text, candidates);
  candidates = refineOverlaps(candidates);
  // "the evening of 13 September" is one time in reports; TimeML tags only the date (AQUAINT: "on the night of [Oct. 23]").
  candidates = refineCompounds(text, candidates, style === 'report');
  candidates = refineModifiers(text, candidates);
  candidates = refineOverlaps(candidates);
  candidates = refineRanges(text, candidates, style === 'report');
  // Every field set (mod, range and anchor undefined when absent), in one order: see new-timex.ts.
  return candidates.map((c) =>
    newTimex(doc.id, c.start, c.end, text.slice(c.start, c.end), c.type, c.value, c.mod || undefined, c.range || undefined, undefined, c.inferred ?? noStrings(), c.rule),
  );
}
