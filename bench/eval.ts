// Evaluations: `npm run eval -- <name> [args] [--json]`. Each prints its figures; --json prints one JSON object.
//   time [gold.json ...]: the time layer against hand-made gold (default: the sample's test/fixtures/timex-gold.json,
//     then the held-out sets test/fixtures/timex-gold-heldout.json and -heldout2.json, 16 documents of kinds TimeML lacks).
//   timeml [folder ...]: the time layer on TimeML files (default: ../shared/data/timeml/timebank and aquaint).
//   period [folder ...] [--half even|odd]: the period of each document inferred without its file name (default:
//     ../shared/data/ungdc); --half keeps every other file, to design on one half and check on the other.
const [name, ...rest] = process.argv.slice(2);
const json = rest.includes('--json');
const args = rest.filter((a) => a !== '--json');

const evaluations: Record<string, () => Promise<void>> = {
  entities: async () => (await import('./eval-entities.js')).evalEntities({ json, args }),
  ask: async () => (await import('./eval-ask.js')).evalAsk({ json, args }),
  time: async () => {
    const { evalTime, DEFAULT_TIME_GOLD } = await import('./eval-time.js');
    await evalTime(args.length ? args : DEFAULT_TIME_GOLD, { json });
  },
  timeml: async () => {
    const { evalTimeml } = await import('./timeml/eval-timeml.js');
    for (const folder of args.length ? args : ['../shared/data/timeml/timebank', '../shared/data/timeml/aquaint']) await evalTimeml(folder, { json });
  },
  events: async () => (await import('./eval-events.js')).evalEvents({ json, args }),
  period: async () => {
    const i = args.indexOf('--half');
    const half = i >= 0 ? args.splice(i, 2)[1] : undefined;
    if (half !== undefined && half !== 'even' && half !== 'odd') throw new Error(`--half must be even or odd, not ${half}`);
    await (await import('./eval-period.js')).evalPeriod(args.length ? args : ['../shared/data/ungdc'], { json, ...(half ? { half } : {}) });
  },
};

if (!name || !(name in evaluations)) {
  process.stderr.write(`usage: npm run eval -- <${Object.keys(evaluations).join('|')}> [args] [--json]\n`);
  process.exit(name ? 2 : 0);
}
await evaluations[name]!();
