// Error analysis for the TimeML evaluation, a development aid next to `npm run eval -- timeml`:
//   npx tsx bench/timeml/timeml-errors.ts <folder> [--half even|odd] [--kind value|type|missed|spurious] [--summary] [--context] [--json]
// prints the scores of the chosen documents (all, or the even/odd-numbered ones in file order, so rules can be
// developed on one half and checked on the other) and the errors grouped by the shape of gold and system values.
import { scoreTimemlFolder, type TimemlEvaluation } from './eval-timeml.js';

/** The shape of a value, digits replaced, so errors group by pattern ("dddd-dd-dd -> dddd-dd"). */
export function valueShape(v: string | undefined): string {
  if (!v) return '-';
  return v.replace(/\d/g, 'd');
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const folder = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!folder) {
    process.stderr.write('usage: tsx bench/timeml/timeml-errors.ts <folder> [--half even|odd] [--kind value|type|missed|spurious] [--summary] [--context] [--json]\n');
    process.exit(2);
  }
  const half = opt('--half');
  if (half && half !== 'even' && half !== 'odd') {
    process.stderr.write(`--half must be even or odd, not ${half}\n`);
    process.exit(2);
  }
  const kind = opt('--kind');
  const r: TimemlEvaluation = scoreTimemlFolder(folder, half as 'even' | 'odd' | undefined);
  const errors = kind ? r.errors.filter((e) => e.kind === kind) : r.errors;
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ...r, errors })}\n`);
    return;
  }
  const m = r.measures;
  const pct = (x: number) => (100 * x).toFixed(1);
  process.stdout.write(
    `${folder}${half ? ` (${half} half)` : ''}: ${r.documents} docs; strict ${pct(m.strict.f1)} relaxed ${pct(m.relaxed.f1)} ` +
      `type ${pct(m.typeF1)} value ${pct(m.valueF1)} (value accuracy ${pct(m.valueAccuracy)}, type accuracy ${pct(m.typeAccuracy)})\n`,
  );
  if (argv.includes('--summary')) return;
  const groups = new Map<string, typeof errors>();
  for (const e of errors) {
    const key = `${e.kind.padEnd(8)} ${valueShape(e.gold)} -> ${valueShape(e.system)}`;
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const withContext = argv.includes('--context');
  const lines: string[] = [];
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`\n${String(list.length).padStart(4)}  ${key}`);
    for (const e of list) {
      lines.push(`        ${e.doc}: ${e.text}  gold ${e.gold ?? '-'}  system ${e.system ?? '-'}`);
      if (withContext) lines.push(`            ${e.context}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
