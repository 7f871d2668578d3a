// Benchmarks: `npm run bench -- [ingest] [corpus folder ...] [--json] [--limit N]`.
// Prints throughput in MB of text per second per core for the whole pipeline and per stage,
// peak memory, and the same text run through well-known peers (compromise, chrono-node) in the
// same process, so that the ratio rather than an absolute time is what is reported.
import { benchIngest } from './ingest-throughput.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');
const sub = positional[0] && !positional[0].includes('/') ? positional.shift()! : 'ingest';

if (sub === 'ingest') {
  await benchIngest({ corpora: positional.length ? positional : ['../shared/data/ungdc', 'samples'], json, limit });
} else {
  process.stderr.write(`unknown benchmark "${sub}"; available: ingest\n`);
  process.exit(2);
}
