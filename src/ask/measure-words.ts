import { readDataRows } from '../extract/data-files.js';

let cached: Map<string, string[]> | undefined;

/**
 * Word -> the figure measures ("GDP growth", "inflation") it can name, from the figure extractor's
 * own keyword list (data/figure-measures.tsv) plus the words of each measure's name, so a question
 * and the figures extracted from documents share one vocabulary.
 */
export function measureWords(): Map<string, string[]> {
  if (cached) return cached;
  const map = new Map<string, string[]>();
  const add = (word: string, what: string) => {
    const w = word.toLowerCase();
    if (w.length < 3 || GENERIC.has(w)) return;
    const list = map.get(w) ?? [];
    if (!list.includes(what)) list.push(what);
    map.set(w, list);
  };
  for (const [pattern, , what] of readDataRows('figure-measures.tsv')) {
    if (!pattern || !what) continue;
    for (const part of pattern.split(/\s+/)) {
      if (part.endsWith('?')) continue;
      for (const alt of part.split('|')) add(alt, what);
    }
    for (const w of what.split(/\s+/)) add(w, what);
  }
  cached = map;
  return map;
}

/** Words too general to name a measure on their own ("rate", "total"). */
const GENERIC = new Set(['rate', 'total', 'value', 'number', 'growth', 'share', 'key', 'policy', 'bilateral', 'spending', 'support']);
