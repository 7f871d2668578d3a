// Development aid: `npx tsx bench/timeml/timeml-doc.ts <file.tml>` lists one document's gold and system timexes
// side by side in text order (gold | system, with their values), to follow how anchoring moves through a text.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { recognizeTimexes } from '../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../src/recognize/time/timeml-style.js';
import { readTimeml } from './read-timeml.js';
import { timemlToDocument } from './timeml-document.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tsx bench/timeml/timeml-doc.ts <file.tml>\n');
  process.exit(2);
}
const t = readTimeml(readFileSync(file, 'utf8'), basename(file, '.tml'));
const { doc, seg } = timemlToDocument(t);
const found = resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes;
const rows: { at: number; line: string }[] = [];
for (const g of t.timexes) rows.push({ at: g.start, line: `${String(g.start).padStart(6)} gold   [${g.text}] ${g.type} ${g.value}` });
for (const s of found) rows.push({ at: s.start + 0.5, line: `${String(s.start).padStart(6)} system [${s.text}] ${s.type} ${s.value}${s.anchor ? `  (${s.anchor})` : ''}` });
process.stdout.write(`${t.id} dct ${t.dct ?? '-'}\n${rows.sort((a, b) => a.at - b.at).map((r) => r.line).join('\n')}\n`);
