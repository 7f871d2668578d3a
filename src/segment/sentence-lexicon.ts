import { readFileSync } from 'node:fs';

/** How an abbreviation behaves before a following word; see data/abbreviations.tsv. */
export type AbbreviationClass = 'title' | 'numbering' | 'initialism' | 'final';

export interface SentenceLexicon {
  /** Abbreviations as written before their final full stop ("U.S", "Mr", "e.g"). */
  abbreviations: ReadonlyMap<string, AbbreviationClass>;
  /** Capitalised words that open a new sentence after an initialism ("The", "However"). */
  starters: ReadonlySet<string>;
}

const CLASSES = new Set<AbbreviationClass>(['title', 'numbering', 'initialism', 'final']);

// src/segment/ under vitest and dist/segment/ after tsc are both two levels below the package root.
const DATA_DIR = new URL('../../data/', import.meta.url);

let cached: SentenceLexicon | undefined;

/** The abbreviation and sentence-starter lists, read from data/ once per process. */
export function sentenceLexicon(): SentenceLexicon {
  cached ??= {
    abbreviations: parseAbbreviations(readDataFile('abbreviations.tsv')),
    starters: new Set(dataRows(readDataFile('sentence-starters.tsv')).map((row) => row[0]!)),
  };
  return cached;
}

function readDataFile(name: string): string {
  return readFileSync(new URL(name, DATA_DIR), 'utf8');
}

/** Non-empty, non-comment lines of a TSV file, split into trimmed cells. */
function dataRows(tsv: string): string[][] {
  const rows: string[][] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}

function parseAbbreviations(tsv: string): Map<string, AbbreviationClass> {
  const map = new Map<string, AbbreviationClass>();
  for (const [form, cls] of dataRows(tsv)) {
    if (form && cls && CLASSES.has(cls as AbbreviationClass)) map.set(form, cls as AbbreviationClass);
  }
  return map;
}

/**
 * Look an abbreviation up exactly, then lower-cased ("E.g" -> "e.g"). Never the other way: "no." is
 * a word, not "No." (number); single letters only match exactly ("V." is an initial, "v." is versus).
 */
export function abbreviationClass(lexicon: SentenceLexicon, word: string): AbbreviationClass | undefined {
  const exact = lexicon.abbreviations.get(word);
  if (exact || word.length < 2) return exact;
  return lexicon.abbreviations.get(word.toLowerCase());
}
