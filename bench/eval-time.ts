// `npm run eval -- time [gold.json ...] [--json]`: the time layer on hand-annotated texts, scored against their gold
// with the same TempEval-3 measures as the TimeML evaluation (extent, type and value), plus a list of the differences.
// A gold file holds one document (source, textLength, timexes) or several ({ documents: [...] }, as the held-out
// set test/fixtures/timex-gold-heldout.json); a file of several prints each document's differences and one total.
// Without arguments: the sample's gold, then the five held-out sets.
import fs from 'node:fs';
import { readAndAnalyse } from '../src/pipeline/ingest.js';
import { addCounts, countDocument, emptyCounts, measures, type TempevalCounts, type TempevalMeasures } from './timeml/score-tempeval.js';

interface GoldDocument {
  source: string;
  textLength: number;
  timexes: { start: number; end: number; text: string; type: string; value: string; mod?: string }[];
}
type GoldFile = GoldDocument | { documents: GoldDocument[] };

export const DEFAULT_TIME_GOLD = ['test/fixtures/timex-gold.json', 'test/fixtures/timex-gold-heldout.json', 'test/fixtures/timex-gold-heldout2.json', 'test/fixtures/timex-gold-heldout3.json', 'test/fixtures/timex-gold-heldout4.json', 'test/fixtures/timex-gold-heldout5.json', 'test/fixtures/timex-gold-heldout6.json', 'test/fixtures/timex-gold-heldout7.json', 'test/fixtures/timex-gold-heldout8.json'];

type Difference = { kind: 'value' | 'type' | 'missed' | 'spurious'; text: string; gold?: string; system?: string };

export interface TimeSampleEvaluation {
  gold: string;
  source: string;
  measures: TempevalMeasures;
  differences: Difference[];
}

async function scoreDocument(gold: GoldDocument): Promise<{ counts: TempevalCounts; differences: Difference[] }> {
  const doc = await readAndAnalyse(gold.source);
  if ('ok' in doc) throw new Error(`${gold.source}: ${doc.message}`);
  // Offsets only mean something on the text the gold was written on.
  if (doc.text.length !== gold.textLength) throw new Error(`${gold.source}: normalised text is ${doc.text.length} characters, the gold was written on ${gold.textLength}`);
  const found = doc.timexes;
  const differences: Difference[] = [];
  for (const g of gold.timexes) {
    const s = found.find((x) => x.start < g.end && g.start < x.end);
    if (!s) differences.push({ kind: 'missed', text: g.text, gold: `${g.type} ${g.value}` });
    else if (s.value !== g.value) differences.push({ kind: 'value', text: `${g.text} | ${s.text}`, gold: `${g.type} ${g.value}`, system: `${s.type} ${s.value}` });
    else if (s.type !== g.type) differences.push({ kind: 'type', text: g.text, gold: g.type, system: s.type });
  }
  for (const s of found) {
    if (!gold.timexes.some((g) => s.start < g.end && g.start < s.end)) differences.push({ kind: 'spurious', text: s.text, system: `${s.type} ${s.value}` });
  }
  return { counts: countDocument(gold.timexes, found), differences };
}

/** Score one gold file: a single document, or the sum over the documents of a set (differences prefixed by file). */
export async function scoreTimeSample(goldPath: string): Promise<TimeSampleEvaluation> {
  const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldFile;
  const docs = 'documents' in gold ? gold.documents : [gold];
  let counts = emptyCounts();
  const differences: Difference[] = [];
  for (const d of docs) {
    const r = await scoreDocument(d);
    counts = addCounts(counts, r.counts);
    const name = d.source.replace(/^.*\//, '');
    for (const x of r.differences) differences.push(docs.length > 1 ? { ...x, text: `${name}: ${x.text}` } : x);
  }
  const source = 'documents' in gold ? `${docs.length} documents of ${goldPath}` : (gold as GoldDocument).source;
  return { gold: goldPath, source, measures: measures(counts), differences };
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
