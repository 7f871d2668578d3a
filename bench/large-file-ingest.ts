// Child process of `npm run bench -- large`: ingest one large file and print one JSON line.
import { loadPipelineCode } from './shipped-code.js';
import { cpuSeconds, maxRssMb, round } from './measure.js';

const [from, file, db] = process.argv.slice(2) as ['dist' | 'src', string, string];
const code = await loadPipelineCode(from === 'src');
const kb = await code.open.openKnowledgeBase(db);
const cpu0 = process.cpuUsage();
const started = performance.now();
const outcome = await code.ingest.ingestOne(kb, file);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds(cpu0);
const rss = maxRssMb();
// Offsets: every mention's text and every event's trigger must slice back out of its part's text.
let checked = 0;
let bad = 0;
const docs = await kb.db.selectFrom('documents').select('id').execute();
for (const { id } of docs) {
  const doc = await kb.db.selectFrom('documents').select('text').where('id', '=', id).executeTakeFirstOrThrow();
  const spans = [
    ...(await kb.db.selectFrom('mentions').select(['start', 'end', 'text']).where('doc', '=', id).execute()),
    ...(await kb.db.selectFrom('events').select(['trigger_start as start', 'trigger_end as end', 'trigger_text as text']).where('doc', '=', id).execute()),
  ];
  for (const s of spans) {
    checked++;
    if (doc.text.slice(s.start, s.end) !== s.text) bad++;
  }
}
await kb.close();
process.stdout.write(JSON.stringify({
  ok: outcome.ok, message: outcome.ok ? undefined : outcome.message,
  seconds: round(seconds), cpuSeconds: round(cpu), maxRssMb: round(rss),
  parts: outcome.ok ? outcome.parts ?? 1 : 0, sentences: outcome.ok ? outcome.sentences : 0,
  mentions: outcome.ok ? outcome.mentions : 0, events: outcome.ok ? outcome.events : 0,
  checkedOffsets: checked, badOffsets: bad,
}) + '\n');
