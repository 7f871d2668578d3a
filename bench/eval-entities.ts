// Entity evaluation: recognition (exact span and overlap), linking accuracy on matched mentions, per kind,
// against hand-annotated gold files. `npm run eval -- entities [gold.json ...] [--errors] [--json]`.
import fs from 'node:fs';
import path from 'node:path';
import { readFile } from '../src/read/read-file.js';
import { defaultContext } from '../src/pipeline/context.js';
import { inferPeriod } from '../src/read/infer-period.js';
import { segment } from '../src/segment/segment.js';
import { recognizeEntities } from '../src/recognize/recognize-entities.js';
import { resolveEntities } from '../src/resolve/resolve-entities.js';
import type { DocumentWithPeriod } from '../src/model/document.js';
import type { Mention } from '../src/model/entity.js';

interface GoldMention {
  start: number;
  end: number;
  text: string;
  kind: string;
  entity?: string;
  /** Plural references ("the two countries") stand for several entities. */
  entities?: string[];
  reference?: boolean;
}
interface GoldDocument {
  /** Relative to the repository root (root "repo") or to the UN General Debate corpus (root "ungdc"). */
  path: string;
  root: 'repo' | 'ungdc';
  textLength?: number;
  /** Annotation round: each round was annotated after the rules were frozen for it (the latest is held out). */
  round?: number;
  /** Only these ranges of the text were annotated (all of it when absent); `starts` guards against text drift. */
  ranges?: Array<{ paragraph?: number; start: number; end: number; starts: string }>;
  mentions: GoldMention[];
}
interface GoldFile {
  description: string;
  documents: GoldDocument[];
}

interface Counts { gold: number; system: number; exact: number; overlap: number; overlapSystem: number; typed: number; linkedOk: number; linkedOf: number }
const emptyCounts = (): Counts => ({ gold: 0, system: 0, exact: 0, overlap: 0, overlapSystem: 0, typed: 0, linkedOk: 0, linkedOf: 0 });

/** Rules whose mentions are references rather than names; they are scored in their own row. */
const REFERENCE_RULE = /^(?:state-side|plural-ref|definite-country|administration-ref|un-organization-ref|speaker-)/;

interface SystemSpan { start: number; end: number; text: string; kind: string; entities: string[]; rule: string; reference: boolean }

function systemSpans(mentions: Mention[]): SystemSpan[] {
  const bySpan = new Map<string, SystemSpan>();
  for (const m of mentions) {
    const key = `${m.start}:${m.end}`;
    const s = bySpan.get(key);
    if (s) { if (m.entity && !s.entities.includes(m.entity)) s.entities.push(m.entity); continue; }
    bySpan.set(key, { start: m.start, end: m.end, text: m.text, kind: m.kind, entities: m.entity ? [m.entity] : [], rule: m.rule, reference: REFERENCE_RULE.test(m.rule) });
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start);
}

export interface EntityErrors { doc: string; kind: 'missed' | 'spurious' | 'boundary' | 'link' | 'type'; text: string; gold?: string; system?: string; at: number }

export interface EntityScores {
  gold: string;
  round?: number;
  documents: number;
  skipped: string[];
  overall: Measures;
  names: Measures;
  references: Measures;
  perKind: Record<string, Measures>;
  errors: EntityErrors[];
}
interface Measures {
  gold: number; system: number;
  precision: number; recall: number; f1: number;
  overlapPrecision: number; overlapRecall: number; overlapF1: number;
  typedF1: number;
  linking: number; linked: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
function measures(c: Counts): Measures {
  const p = ratio(c.exact, c.system);
  const r = ratio(c.exact, c.gold);
  const op = ratio(c.overlapSystem, c.system);
  const or = ratio(c.overlap, c.gold);
  return {
    gold: c.gold, system: c.system, precision: p, recall: r, f1: f1(p, r),
    overlapPrecision: op, overlapRecall: or, overlapF1: f1(op, or),
    typedF1: f1(ratio(c.typed, c.system), ratio(c.typed, c.gold)),
    linking: ratio(c.linkedOk, c.linkedOf), linked: c.linkedOf,
  };
}

function resolveGoldPath(doc: GoldDocument, ungdcRoot: string): string {
  return doc.root === 'ungdc' ? path.join(ungdcRoot, doc.path) : path.resolve(doc.path);
}

/**
 * The pipeline's stages up to entity resolution, called as analyse() calls them: the entity figures do not
 * depend on the extract stage, and are measured even while it is being changed.
 */
function analyseEntities(read: Awaited<ReturnType<typeof readFile>>, ctx: ReturnType<typeof defaultContext>): { text: string; mentions: Mention[] } {
  const doc: DocumentWithPeriod = { ...read, period: inferPeriod(read).period };
  const seg = segment(doc);
  const recognised = recognizeEntities(doc, seg, ctx.gazetteer);
  return { text: doc.text, mentions: resolveEntities(doc, seg, recognised.mentions, ctx.gazetteer).mentions };
}

/** Score one gold file; documents whose source is missing are listed in `skipped`. */
export async function scoreEntities(goldPath: string, ungdcRoot: string, round?: number): Promise<EntityScores> {
  const goldFile = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldFile;
  const ctx = defaultContext();
  const buckets = new Map<string, Counts>();
  const bucket = (name: string): Counts => {
    let c = buckets.get(name);
    if (!c) buckets.set(name, (c = emptyCounts()));
    return c;
  };
  const errors: EntityErrors[] = [];
  const skipped: string[] = [];
  // nil cluster -> system id -> count, to score NIL links by cluster consistency.
  const nilVotes = new Map<string, Map<string, number>>();
  const nilLinks: Array<{ cluster: string; system: string; buckets: string[] }> = [];
  let documents = 0;

  for (const gdoc of goldFile.documents.filter((d) => round === undefined || d.round === round)) {
    const file = resolveGoldPath(gdoc, ungdcRoot);
    if (!fs.existsSync(file)) { skipped.push(gdoc.path); continue; }
    const doc = analyseEntities(await readFile(file), ctx);
    documents++;
    const text = doc.text;
    const ranges = gdoc.ranges ?? [{ start: 0, end: text.length, starts: text.slice(0, 20) }];
    for (const r of ranges) {
      if (!text.startsWith(r.starts, r.start)) throw new Error(`${gdoc.path}: text at ${r.start} no longer starts with "${r.starts}" (normalisation changed; re-check the gold)`);
    }
    for (const g of gdoc.mentions) {
      if (text.slice(g.start, g.end) !== g.text) throw new Error(`${gdoc.path}: gold "${g.text}" at ${g.start} reads "${text.slice(g.start, g.end)}"`);
    }
    const inRange = (s: { start: number; end: number }): boolean => ranges.some((r) => s.start >= r.start && s.end <= r.end);
    const sys = systemSpans(doc.mentions).filter(inRange);
    const gold = gdoc.mentions;
    const isGazetteer = (id: string): boolean => ctx.gazetteer.entities.has(id);
    const goldIds = (g: GoldMention): string[] => g.entities ?? (g.entity ? [g.entity] : []);
    const rows = (kind: string, reference: boolean): string[] => ['overall', reference ? 'references' : 'names', `kind:${kind}`];

    const usedOverlap = new Set<SystemSpan>();
    for (const g of gold) {
      const gb = rows(g.kind, Boolean(g.reference));
      for (const b of gb) bucket(b).gold++;
      const exact = sys.find((s) => s.start === g.start && s.end === g.end);
      const over = exact ?? sys.find((s) => !usedOverlap.has(s) && s.start < g.end && g.start < s.end);
      if (over) {
        usedOverlap.add(over);
        for (const b of gb) bucket(b).overlap++;
      }
      if (!exact) {
        errors.push({ doc: gdoc.path, kind: over ? 'boundary' : 'missed', text: g.text, gold: `${g.kind} ${goldIds(g).join('+')}`, ...(over ? { system: `${over.text} (${over.rule})` } : {}), at: g.start });
        continue;
      }
      for (const b of ['overall', g.reference ? 'references' : 'names']) bucket(b).exact++;
      // Per-kind rows are typed: a span found with the wrong kind counts against both kinds.
      if (exact.kind === g.kind) {
        bucket(`kind:${g.kind}`).exact++;
        for (const b of ['overall', g.reference ? 'references' : 'names']) bucket(b).typed++;
        bucket(`kind:${g.kind}`).typed++;
      } else errors.push({ doc: gdoc.path, kind: 'type', text: g.text, gold: g.kind, system: `${exact.kind} (${exact.rule})`, at: g.start });
      for (const b of gb) bucket(b).linkedOf++;
      const want = goldIds(g);
      const nil = want.length === 1 && want[0]?.startsWith('nil:');
      if (nil) {
        const got = exact.entities.length === 1 ? exact.entities[0] ?? '' : '';
        if (!got || isGazetteer(got)) {
          errors.push({ doc: gdoc.path, kind: 'link', text: g.text, gold: want[0], system: exact.entities.join('+') || 'unlinked', at: g.start });
          continue;
        }
        const cluster = `${goldPath}#${want[0]}`;
        const votes = nilVotes.get(cluster) ?? new Map<string, number>();
        votes.set(got, (votes.get(got) ?? 0) + 1);
        nilVotes.set(cluster, votes);
        nilLinks.push({ cluster, system: got, buckets: gb });
        continue;
      }
      const ok = want.length === exact.entities.length && want.every((w) => exact.entities.includes(w));
      if (ok) for (const b of gb) bucket(b).linkedOk++;
      else errors.push({ doc: gdoc.path, kind: 'link', text: g.text, gold: want.join('+'), system: exact.entities.join('+') || 'unlinked', at: g.start });
    }
    for (const s of sys) {
      const rowsFor = ['overall', s.reference ? 'references' : 'names', `kind:${s.kind}`];
      for (const b of rowsFor) bucket(b).system++;
      if (gold.some((g) => s.start < g.end && g.start < s.end)) for (const b of rowsFor) bucket(b).overlapSystem++;
      else {
        errors.push({ doc: gdoc.path, kind: 'spurious', text: s.text, system: `${s.kind} ${s.entities.join('+') || 'unlinked'} (${s.rule})`, at: s.start });
      }
    }
  }
  // A nil cluster's links are right when they agree with the cluster's majority text-built id.
  for (const l of nilLinks) {
    const votes = [...(nilVotes.get(l.cluster)?.entries() ?? [])].sort((a, b) => b[1] - a[1]);
    if (votes[0]?.[0] === l.system) for (const b of l.buckets) bucket(b).linkedOk++;
    else errors.push({ doc: '', kind: 'link', text: l.cluster, gold: votes[0]?.[0], system: l.system, at: -1 });
  }
  const perKind: Record<string, Measures> = {};
  const out = (name: string): Measures => measures(bucket(name));
  for (const k of [...buckets.keys()].filter((k) => k.startsWith('kind:')).sort()) perKind[k.slice(5)] = out(k);
  return { gold: goldPath, ...(round !== undefined ? { round } : {}), documents, skipped, overall: out('overall'), names: out('names'), references: out('references'), perKind, errors };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

function printScores(s: EntityScores, showErrors: boolean): void {
  const w = (line: string): void => void process.stdout.write(line + '\n');
  w(`${path.relative(process.cwd(), s.gold)}${s.round !== undefined ? ` round ${s.round}` : ''}: ${s.documents} document(s)${s.skipped.length ? `, skipped (missing): ${s.skipped.join(', ')}` : ''}`);
  w(`${'row'.padEnd(14)} ${'gold'.padStart(5)} ${'sys'.padStart(5)}      P      R     F1 | ovl-P  ovl-R ovl-F1 | typedF1 | link-acc (n)`);
  const row = (name: string, m: Measures): void =>
    w(`${name.padEnd(14)} ${String(m.gold).padStart(5)} ${String(m.system).padStart(5)} ${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)} |${pct(m.overlapPrecision)} ${pct(m.overlapRecall)} ${pct(m.overlapF1)} | ${pct(m.typedF1)}  | ${pct(m.linking)} (${m.linked})`);
  row('all', s.overall);
  row('names', s.names);
  row('references', s.references);
  for (const [k, m] of Object.entries(s.perKind)) row(`  ${k}`, m);
  if (showErrors) for (const e of s.errors) w(`  ${e.kind.padEnd(8)} @${e.at} "${e.text}"${e.gold ? ` gold=${e.gold}` : ''}${e.system ? ` system=${e.system}` : ''}`);
}

export async function evalEntities(opts: { json: boolean; args: string[] }): Promise<void> {
  const showErrors = opts.args.includes('--errors');
  const files = opts.args.filter((a) => !a.startsWith('--'));
  const golds = files.length > 0 ? files : ['test/fixtures/entities-gold.json', 'test/fixtures/entities-gold-ungdc.json'].filter((f) => fs.existsSync(f));
  const ungdcRoot = process.env.DIPLOGRAPH_UNGDC ?? path.resolve('../shared/data/ungdc');
  const results: EntityScores[] = [];
  for (const g of golds) {
    results.push(await scoreEntities(path.resolve(g), ungdcRoot));
    const rounds = [...new Set((JSON.parse(fs.readFileSync(g, 'utf8')) as GoldFile).documents.map((d) => d.round).filter((r): r is number => r !== undefined))].sort();
    if (rounds.length > 1) for (const r of rounds) results.push(await scoreEntities(path.resolve(g), ungdcRoot, r));
  }
  if (opts.json) {
    const obj = Object.fromEntries(results.map((r) => [`${path.basename(r.gold, '.json')}${r.round !== undefined ? `#round${r.round}` : ''}`, { ...r, gold: path.relative(process.cwd(), r.gold), errors: showErrors ? r.errors : r.errors.length }]));
    process.stdout.write(JSON.stringify(obj) + '\n');
    return;
  }
  for (const r of results) printScores(r, showErrors);
}
