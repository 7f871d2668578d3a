import { loadPipelineCode } from './shipped-code.js';
import { longParagraph } from './long-line-text.js';
import { cpuSeconds, printJson, round } from './measure.js';

interface Options { json: boolean; sizesMb?: number[]; src?: boolean }

/**
 * One paragraph with no line break (the "single huge line" of docs/reliability.md) at growing
 * sizes, read and analysed in this process: seconds per stage and per MB. With work proportional
 * to the text, seconds per MB stay flat as the line grows; a stage that rescans the paragraph for
 * every sentence shows up as seconds per MB rising with the size.
 */
export async function benchLongLine(opts: Options): Promise<void> {
  const code = await loadPipelineCode(opts.src);
  const ctx = code.context.defaultContext();
  const sizes = opts.sizesMb ?? [0.8, 5];
  const runs = [];
  for (const sizeMb of sizes) {
    const text = longParagraph(Math.round(sizeMb * 1e6));
    const stages: Record<string, number> = {};
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const read = await code.read.readBytes('long-line.txt', Buffer.from(text));
    const doc = code.analyse.analyse(read, ctx, { onStageDone: (s, ms) => { stages[s] = round(ms / 1000); } });
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(cpu0);
    runs.push({
      megabytes: round(text.length / 1e6), seconds: round(seconds), cpuSeconds: round(cpu), cpuSecondsPerMb: round(cpu / (text.length / 1e6)),
      stages, paragraphs: doc.segmentation.paragraphs.length, sentences: doc.segmentation.sentences.length, mentions: doc.mentions.length, events: doc.events.length,
    });
  }
  const result = { benchmark: 'long-line', code: code.from, runs };
  if (opts.json) return printJson(result);
  process.stdout.write(`long-line (${code.from}): one paragraph without line breaks, read and analysed\n`);
  for (const r of runs) {
    process.stdout.write(`  ${String(r.megabytes).padStart(5)} MB  ${String(r.seconds).padStart(7)} s wall  ${String(r.cpuSeconds).padStart(7)} s CPU  ${String(r.cpuSecondsPerMb).padStart(6)} CPU s/MB  ${r.sentences} sentences, ${r.mentions} mentions, ${r.events} events\n`);
    process.stdout.write(`         stages (s): ${Object.entries(r.stages).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  }
}
