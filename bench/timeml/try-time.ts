// Development aid: `npx tsx bench/timeml/try-time.ts <DCT YYYY-MM-DD|-> "sentence" ...` prints the timexes the time layer
// finds and how they resolve, the way the TimeML evaluation runs it.
import { recognizeTimexes } from '../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../src/resolve/resolve-timexes.js';
import { timemlTimexes } from '../../src/recognize/time/timeml-style.js';
import { timemlToDocument } from './timeml-document.js';

const [dct, ...texts] = process.argv.slice(2);
for (const text of texts) {
  const { doc, seg } = timemlToDocument({ id: 'try', text, dct: dct && dct !== '-' ? dct : null, timexes: [] });
  const found = resolveTimexes(doc, seg, timemlTimexes(recognizeTimexes(doc, seg, { style: 'timeml' }))).timexes;
  process.stdout.write(`${text}\n${found.map((t) => `   [${t.text}] ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}  (${t.rule})`).join('\n')}\n`);
}
