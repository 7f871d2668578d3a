// `npm run eval -- period [folder ...] [--json]`: how often the period a document reports on is inferred right when
// its file name says nothing. Each file whose name carries a year (the UN General Debate files: AFG_70_2015.txt) is
// read under a neutral name, so only its title, dateline and text can date it, and the year inferred is compared
// with the year of the name. Default folder: ../shared/data/ungdc. `--half even|odd` keeps the even- or odd-numbered
// files (in path order), to design a rule on one half and check it on the other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBytes } from '../src/read/read-file.js';
import { inferPeriod } from '../src/read/infer-period.js';

interface PeriodEvaluation {
  folder: string;
  documents: number;
  right: number;
  ahead: number;
  behind: number;
  /** Documents dated by each rule, and how many of those were right. */
  byRule: Record<string, { documents: number; right: number }>;
  /** The wrong ones, by how many years they were off (inferred minus true). */
  offBy: Record<string, number>;
}

const NAME_YEAR = /(?<![0-9a-z])((?:19|20)\d{2})(?![0-9a-z])/i;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.(txt|md|html?)$/i.test(e.name) && NAME_YEAR.test(e.name)) out.push(p);
  }
  return out.sort();
}

export async function scorePeriods(folder: string, half?: 'even' | 'odd'): Promise<PeriodEvaluation> {
  const r: PeriodEvaluation = { folder, documents: 0, right: 0, ahead: 0, behind: 0, byRule: {}, offBy: {} };
  // A fixed "now" so that a document left undated is counted the same on any day.
  const now = () => new Date(Date.UTC(2100, 0, 1));
  const files = filesUnder(folder);
  for (const file of half ? files.filter((_, i) => i % 2 === (half === 'even' ? 0 : 1)) : files) {
    const truth = Number(NAME_YEAR.exec(path.basename(file))![1]);
    const doc = await readBytes(`document${path.extname(file)}`, readFileSync(file));
    const { period } = inferPeriod(doc, {}, now);
    const year = Number(period.start.slice(0, 4));
    r.documents++;
    const rule = r.byRule[period.rule] ??= { documents: 0, right: 0 };
    rule.documents++;
    if (year === truth) {
      r.right++;
      rule.right++;
    } else {
      if (year > truth) r.ahead++;
      else r.behind++;
      const key = year === 2100 ? 'undated' : String(year - truth);
      r.offBy[key] = (r.offBy[key] ?? 0) + 1;
    }
  }
  return r;
}

export async function evalPeriod(folders: string[], opts: { json: boolean; half?: 'even' | 'odd' }): Promise<void> {
  for (const folder of folders) {
    const r = await scorePeriods(folder, opts.half);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      continue;
    }
    const pct = (n: number, d: number) => (d ? (100 * n / d).toFixed(1) : '-');
    const lines = [
      `${folder}${opts.half ? ` (${opts.half} half)` : ''}: ${r.documents} documents read without their file names`,
      `  year right ${r.right} (${pct(r.right, r.documents)}%), ahead ${r.ahead}, behind ${r.behind}`,
      ...Object.entries(r.byRule).sort((a, b) => b[1].documents - a[1].documents)
        .map(([rule, c]) => `  ${rule.padEnd(24)} ${String(c.documents).padStart(5)} documents, ${pct(c.right, c.documents)}% right`),
      `  off by: ${Object.entries(r.offBy).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`).join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
