import type { Timex, TimexType } from '../../model/index.js';

/**
 * A timex with every field set, in the order of the Timex interface, from this one object literal: recognition and
 * resolution both build timexes here so that all of them share one hidden class. An absent mod, range or anchor is
 * undefined rather than missing, which no output tells apart (stored rows write null for both, the export reads the
 * rows, and JSON leaves undefined fields out).
 */
export function newTimex(
  doc: string,
  start: number,
  end: number,
  text: string,
  type: TimexType,
  value: string,
  mod: Timex['mod'],
  range: Timex['range'],
  anchor: string | undefined,
  inferred: string[],
  rule: string,
): Timex {
  return { doc, start, end, text, type, value, mod, range, anchor, inferred, rule };
}
