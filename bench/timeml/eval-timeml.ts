import fs from 'node:fs';
import path from 'node:path';
import { recognizeTimexes } from '../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../src/recognize/time/timeml-style.js';
import { readTimeml } from './read-timeml.js';
import { timemlToDocument } from './timeml-document.js';
import { addCounts, bestPartner, countDocument, emptyCounts, measures, type TempevalMeasures } from './score-tempeval.js';

export interface TimemlEvaluation {
  folder: string;
  documents: number;
  measures: TempevalMeasures;
  /** Relaxed matches whose value differs, and misses, for error analysis. */
  errors: { doc: string; kind: 'value' | 'type' | 'missed' | 'spurious'; text: string; gold?: string; system?: string; context: string }[];
}

/**
 * Run the time layer over every .tml file in a folder and score it with the TempEval-3 measures.
 * `half` keeps the even- or odd-numbered files (in name order), to develop on one half and check on the other.
 */
export function scoreTimemlFolder(folder: string, half?: 'even' | 'odd'): TimemlEvaluation {
  const all = fs.readdirSync(folder).filter((f) => f.endsWith('.tml')).sort();
  const files = half ? all.filter((_, i) => i % 2 === (half === 'even' ? 0 : 1)) : all;
  let counts = emptyCounts();
  const errors: TimemlEvaluation['errors'] = [];
  for (const file of files) {
    const gold = readTimeml(fs.readFileSync(path.join(folder, file), 'utf8'), file);
    const { doc, seg } = timemlToDocument(gold);
    const found = resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes;
    counts = addCounts(counts, countDocument(gold.timexes, found));
    // A sentence's worth of text either side, for reading the errors.
    const context = (start: number, end: number) =>
      `${doc.text.slice(Math.max(0, start - 160), start)}[[${doc.text.slice(start, end)}]]${doc.text.slice(end, end + 80)}`.replace(/\s+/g, ' ');
    for (const g of gold.timexes) {
      const s = bestPartner(g, found);
      if (!s) errors.push({ doc: gold.id, kind: 'missed', text: g.text, gold: `${g.type} ${g.value}`, context: context(g.start, g.end) });
      else if (s.value !== g.value) errors.push({ doc: gold.id, kind: 'value', text: `${g.text} | ${s.text}`, gold: `${g.type} ${g.value}`, system: `${s.type} ${s.value}`, context: context(g.start, g.end) });
      else if (s.type !== g.type) errors.push({ doc: gold.id, kind: 'type', text: `${g.text} | ${s.text}`, gold: `${g.type} ${g.value}`, system: `${s.type} ${s.value}`, context: context(g.start, g.end) });
    }
    for (const s of found) {
      if (!gold.timexes.some((g) => s.start < g.end && g.start < s.end)) errors.push({ doc: gold.id, kind: 'spurious', text: s.text, system: `${s.type} ${s.value}`, context: context(s.start, s.end) });
    }
  }
  return { folder, documents: files.length, measures: measures(counts), errors };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** CLI entry (`npm run eval -- timeml <folder> [--json]`): a table, or one JSON object. */
export async function evalTimeml(folder: string, opts: { json: boolean }): Promise<void> {
  const r = scoreTimemlFolder(folder);
  const m = r.measures;
  if (opts.json) {
    const { errors: _errors, ...rest } = r;
    process.stdout.write(`${JSON.stringify(rest)}\n`);
    return;
  }
  const lines = [
    `TimeML ${r.folder}: ${r.documents} documents, ${m.counts.gold} gold timexes, ${m.counts.system} found`,
    '                 P      R      F1',
    `strict extent  ${pct(m.strict.precision)}  ${pct(m.strict.recall)}  ${pct(m.strict.f1)}`,
    `relaxed extent ${pct(m.relaxed.precision)}  ${pct(m.relaxed.recall)}  ${pct(m.relaxed.f1)}`,
    `type   accuracy ${pct(m.typeAccuracy)}   F1 ${pct(m.typeF1)}`,
    `value  accuracy ${pct(m.valueAccuracy)}   F1 ${pct(m.valueF1)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
