// `npm run bench -- time [corpus ...] [--json] [--limit N] [--src]`: the time layer alone (recognise + resolve
// time expressions) in MB of text per CPU-second on one core, and chrono-node on the same texts in the same run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles } from './corpus-files.js';
import { cpuSeconds, printJson, round } from './measure.js';
import { ROOT, distIsFresh } from './shipped-code.js';
import type * as Recognize from '../src/recognize/recognize-timexes.js';
import type * as Resolve from '../src/resolve/resolve-timexes.js';
import type * as Read from '../src/read/read-file.js';
import type * as Period from '../src/read/infer-period.js';
import type * as Segment from '../src/segment/segment.js';
import type { DocumentWithPeriod, Segmentation } from '../src/model/index.js';

interface Options { corpora: string[]; json: boolean; limit?: number; src?: boolean }

export async function benchTime(opts: Options): Promise<void> {
  const from = !opts.src && distIsFresh() ? 'dist' : 'src';
  if (from === 'src' && !opts.src) process.stderr.write('bench: dist/ is missing or older than src/; measuring the sources through tsx (slower).\n');
  const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, from, from === 'dist' ? rel.replace(/\.ts$/, '.js') : rel)).href)) as T;
  const recognize = await load<typeof Recognize>('recognize/recognize-timexes.ts');
  const resolve = await load<typeof Resolve>('resolve/resolve-timexes.ts');
  const read = await load<typeof Read>('read/read-file.ts');
  const period = await load<typeof Period>('read/infer-period.ts');
  const seg = await load<typeof Segment>('segment/segment.ts');

  // Reading, the period and sentence splitting are other layers: done before the clock starts.
  const files = corpusFiles(opts.corpora, opts.limit);
  const docs: { doc: DocumentWithPeriod; seg: Segmentation; year: number }[] = [];
  let bytes = 0;
  for (const f of files) {
    const r = await read.readFile(f);
    const doc: DocumentWithPeriod = { ...r, period: period.inferPeriod(r).period };
    docs.push({ doc, seg: seg.segment(r), year: Number(/(\d{4})/.exec(path.basename(f))?.[1] ?? 2000) });
    bytes += Buffer.byteLength(r.text, 'utf8');
  }
  const mb = bytes / 1e6;

  // One warm-up pass over a few documents so that neither side pays for compiling its regexes in the measure.
  const chrono = await import('chrono-node');
  for (const d of docs.slice(0, 3)) {
    resolve.resolveTimexes(d.doc, d.seg, recognize.recognizeTimexes(d.doc, d.seg));
    chrono.parse(d.doc.text.slice(0, 20000), new Date(Date.UTC(d.year, 8, 20)));
  }

  let found = 0;
  // Recognition and resolution are also timed apart (the sum is the layer's figure) to show which one to work on.
  let recognizeS = 0;
  let t = process.cpuUsage();
  let wall = performance.now();
  for (const d of docs) {
    const r = process.cpuUsage();
    const timexes = recognize.recognizeTimexes(d.doc, d.seg);
    recognizeS += cpuSeconds(r);
    found += resolve.resolveTimexes(d.doc, d.seg, timexes).timexes.length;
  }
  const oursS = cpuSeconds(t);
  const oursWall = (performance.now() - wall) / 1000;

  let chronoFound = 0;
  t = process.cpuUsage();
  wall = performance.now();
  // chrono-node needs a reference date: the General Debate of the session year (late September).
  for (const d of docs) chronoFound += chrono.parse(d.doc.text, new Date(Date.UTC(d.year, 8, 20))).length;
  const chronoS = cpuSeconds(t);
  const chronoWall = (performance.now() - wall) / 1000;

  const result = {
    benchmark: 'time',
    code: from,
    corpora: opts.corpora,
    files: docs.length,
    mb: round(mb),
    diplograph: {
      cpuSeconds: round(oursS), wallSeconds: round(oursWall), mbPerSecond: round(mb / oursS), timexes: found,
      recognize: { cpuSeconds: round(recognizeS), mbPerSecond: round(mb / recognizeS) },
      resolve: { cpuSeconds: round(oursS - recognizeS), mbPerSecond: round(mb / (oursS - recognizeS)) },
    },
    chrono: { cpuSeconds: round(chronoS), wallSeconds: round(chronoWall), mbPerSecond: round(mb / chronoS), results: chronoFound },
    ratio: round(chronoS / oursS),
  };
  if (opts.json) return printJson(result);
  const line = (name: string, s: number, w: number, n: number, what: string) =>
    `${name.padEnd(22)} ${(mb / s).toFixed(2).padStart(7)} MB/s  ${s.toFixed(2).padStart(7)} s cpu  ${w.toFixed(2).padStart(7)} s wall  ${String(n).padStart(7)} ${what}`;
  process.stdout.write(
    [
      `time layer on ${docs.length} files, ${mb.toFixed(2)} MB (${from}), one core`,
      line('diplograph time layer', oursS, oursWall, found, 'timexes'),
      `  of which recognise ${(mb / recognizeS).toFixed(2)} MB/s (${recognizeS.toFixed(2)} s cpu), resolve ${(mb / (oursS - recognizeS)).toFixed(2)} MB/s (${(oursS - recognizeS).toFixed(2)} s cpu)`,
      line('chrono-node', chronoS, chronoWall, chronoFound, 'results'),
      `ratio: diplograph is ${(chronoS / oursS).toFixed(2)}x chrono-node's speed`,
    ].join('\n') + '\n',
  );
}
