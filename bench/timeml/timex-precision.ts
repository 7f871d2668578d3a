// Development aid: `npx tsx bench/timeml/timex-precision.ts <folder>...` lists, for each lower-cased system timex text
// found at least 3 times, how often it overlaps a gold TIMEX3 (precision) and how often its value is right.
import fs from 'node:fs';
import path from 'node:path';
import { recognizeTimexes } from '../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../src/recognize/time/timeml-style.js';
import { readTimeml } from './read-timeml.js';
import { timemlToDocument } from './timeml-document.js';

const stats = new Map<string, { found: number; matched: number; right: number }>();
for (const folder of process.argv.slice(2)) {
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.tml'))) {
    const gold = readTimeml(fs.readFileSync(path.join(folder, file), 'utf8'), file);
    const { doc, seg } = timemlToDocument(gold);
    for (const s of resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes) {
      const key = s.text.toLowerCase().replace(/\s+/g, ' ');
      const st = stats.get(key) ?? { found: 0, matched: 0, right: 0 };
      st.found++;
      const g = gold.timexes.find((x) => x.start < s.end && s.start < x.end);
      if (g) st.matched++;
      if (g && g.value === s.value) st.right++;
      stats.set(key, st);
    }
  }
}
const rows = [...stats].filter(([, s]) => s.found >= 3).sort((a, b) => a[1].matched / a[1].found - b[1].matched / b[1].found);
for (const [text, s] of rows) process.stdout.write(`${(s.matched / s.found).toFixed(2)}  ${String(s.found).padStart(4)} found ${String(s.matched).padStart(4)} matched ${String(s.right).padStart(4)} right  ${text}\n`);
