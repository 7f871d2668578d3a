import { readDataRows } from './data-files.js';
import { compilePattern } from './trigger-pattern.js';
import { parseTriggerPos, type TriggerEntry } from './trigger-lexicon.js';

/** A trigger entry that carries one label (a stance kind, an agreement status). */
export interface LabelledEntry<L extends string> extends TriggerEntry {
  label: L;
}

/** Rows of `pattern, label, pos, notes`, with labels checked against the allowed set. */
export function buildLabelledLexicon<L extends string>(rows: string[][], allowed: readonly L[], file: string): LabelledEntry<L>[] {
  return rows.map(([pattern, label, pos], k) => {
    const where = `${file} row ${k + 1}`;
    if (!pattern || !allowed.includes(label as L)) throw new Error(`${where}: bad pattern or label "${label ?? ''}"`);
    return { pattern: compilePattern(pattern), label: label as L, pos: parseTriggerPos(pos, where), line: k + 1 };
  });
}

export function loadLabelledLexicon<L extends string>(file: string, allowed: readonly L[]): LabelledEntry<L>[] {
  return buildLabelledLexicon(readDataRows(file), allowed, file);
}
