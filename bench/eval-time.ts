// `npm run eval -- time [gold.json ...] [--json]`: the time layer on a sample, scored against hand-made gold with the
// same TempEval-3 measures as the TimeML evaluation (extent, type and value), plus a list of the differences.
import fs from 'node:fs';
import { readAndAnalyse } from '../src/pipeline/ingest.js';
import { countDocument, measures, type TempevalMeasures } from './timeml/score-tempeval.js';

interface GoldFile {
  source: string;
  textLength: number;
  timexes: { start: number; end: number; text: string; type: string; value: string; mod?: string }[];
}

export interface TimeSampleEvaluation {
  gold: string;
  source: string;
  measures: TempevalMeasures;
  differences: { kind: 'value' | 'type' | 'missed' | 'spurious'; text: string; gold?: string; system?: string }[];
}

export async function scoreTimeSample(goldPath: string): Promise<TimeSampleEvaluation> {
  const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldFile;
  const doc = await readAndAnalyse(gold.source);
  if ('ok' in doc) throw new Error(`${gold.source}: ${doc.message}`);
  // Offsets only mean something on the text the gold was written on.
  if (doc.text.length !== gold.textLength) throw new Error(`${gold.source}: normalised text is ${doc.text.length} characters, the gold was written on ${gold.textLength}`);
  const found = doc.timexes;
  const differences: TimeSampleEvaluation['differences'] = [];
  for (const g of gold.timexes) {
    const s = found.find((x) => x.start < g.end && g.start < x.end);
    if (!s) differences.push({ kind: 'missed', text: g.text, gold: `${g.type} ${g.value}` });
    else if (s.value !== g.value) differences.push({ kind: 'value', text: `${g.text} | ${s.text}`, gold: `${g.type} ${g.value}`, system: `${s.type} ${s.value}` });
    else if (s.type !== g.type) differences.push({ kind: 'type', text: g.text, gold: g.type, system: s.type });
  }
  for (const s of found) {
    if (!gold.timexes.some((g) => s.start < g.end && g.start < s.end)) differences.push({ kind: 'spurious', text: s.text, system: `${s.type} ${s.value}` });
  }
  return { gold: goldPath, source: gold.source, measures: measures(countDocument(gold.timexes, found)), differences };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export async function evalTime(goldPaths: string[], opts: { json: boolean }): Promise<void> {
  for (const g of goldPaths) {
    const r = await scoreTimeSample(g);
    const m = r.measures;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      continue;
    }
    const lines = [
      `Time sample ${r.source}: ${m.counts.gold} gold timexes, ${m.counts.system} found`,
      '                 P      R      F1',
      `strict extent  ${pct(m.strict.precision)}  ${pct(m.strict.recall)}  ${pct(m.strict.f1)}`,
      `relaxed extent ${pct(m.relaxed.precision)}  ${pct(m.relaxed.recall)}  ${pct(m.relaxed.f1)}`,
      `type   accuracy ${pct(m.typeAccuracy)}   F1 ${pct(m.typeF1)}`,
      `value  accuracy ${pct(m.valueAccuracy)}   F1 ${pct(m.valueF1)}`,
      ...r.differences.map((d) => `  ${d.kind.padEnd(8)} ${d.text}${d.gold ? `  gold ${d.gold}` : ''}${d.system ? `  system ${d.system}` : ''}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
