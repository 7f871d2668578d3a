// Turn a hand-written gold list (per document: the expressions in text order as [text, type, value, mod?]) into a
// gold file with offsets into the text the pipeline reads (the read layer's normalised text), so that annotating
// needs no counting of characters. Each expression is looked for after the previous one, as a whole word.
//   npx tsx bench/timeml/place-timex-gold.ts <spec.json> <out.json> [note]
import fs from 'node:fs';
import { readFile } from '../../src/read/read-file.js';
import path from 'node:path';

type SpecDoc = { source: string; kind: string; timexes: [string, string, string, string?][] };

const [specPath, outPath, note] = process.argv.slice(2);
if (!specPath || !outPath) throw new Error('usage: place-timex-gold.ts <spec.json> <out.json> [note]');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as SpecDoc[];
const documents = [];
for (const d of spec) {
  const read = await readFile(d.source, { source: path.resolve(d.source) });
  const text = read.text;
  let from = 0;
  const timexes = d.timexes.map(([t, type, value, mod]) => {
    const re = new RegExp(`(?<![\\w-])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) throw new Error(`${d.source}: "${t}" not found after offset ${from}`);
    from = m.index + t.length;
    return { start: m.index, end: m.index + t.length, text: t, type, value, ...(mod ? { mod } : {}) };
  });
  documents.push({ source: d.source, kind: d.kind, textLength: text.length, timexes });
}
fs.writeFileSync(outPath, `${JSON.stringify({ note: note ?? '', documents }, null, 2)}\n`);
process.stdout.write(`${documents.length} documents, ${documents.reduce((n, d) => n + d.timexes.length, 0)} timexes\n`);
