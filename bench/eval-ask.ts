// Question answering evaluation: `npm run eval -- ask [fixture.json ...] [--errors] [--json]`.
// Each fixture's documents are ingested into a temporary knowledge base; every question is asked in
// the deterministic mode and scored against the expected answer written from the text. Prints
// accuracy, how many unanswerable questions were declined, citation validity and answer latency.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase, type KnowledgeBase } from '../src/kb/open-knowledge-base.js';
import { ingestFiles } from '../src/pipeline/ingest.js';
import { askQuestion } from '../src/ask/ask-question.js';
import { citationHolds } from '../src/ask/citations.js';
import type { Answer, Citation } from '../src/ask/answer-types.js';

interface Expect {
  /** Groups of entity ids: one id of each group must be an answer item. */
  entities?: string[][];
  /** TIMEX3 prefixes each of which must start some answer date. */
  dates?: string[];
  values?: number[];
  statuses?: string[];
  yesno?: 'yes' | 'no';
  /** Words some cited sentence must contain (each). */
  evidence?: string[];
}
interface Question { q: string; answerable: boolean; expect?: Expect; forbid?: { entities?: string[] } }
interface Fixture { description: string; documents: Array<{ path: string; root: 'repo' | 'ungdc' }>; questions: Question[] }

export interface AskScores {
  fixture: string;
  questions: number;
  correct: number;
  accuracy: number;
  answerable: { total: number; correct: number };
  unanswerable: { total: number; declined: number };
  citations: { total: number; valid: number; validity: number; answersWithoutCitation: number };
  latencyMs: { first: number; median: number; p95: number; max: number };
  failures: Array<{ q: string; why: string; answer: string }>;
}

const DEFAULT_FIXTURES = ['test/fixtures/ask-sample.json', 'test/fixtures/ask-ungdc.json'];

export async function evalAsk(opts: { json: boolean; args: string[] }): Promise<void> {
  const showErrors = opts.args.includes('--errors');
  const files = opts.args.filter((a) => !a.startsWith('--'));
  const ungdcRoot = process.env.DIPLOGRAPH_UNGDC ?? path.resolve('../shared/data/ungdc');
  const results: AskScores[] = [];
  for (const file of files.length ? files : DEFAULT_FIXTURES) results.push(await scoreFixture(file, ungdcRoot));
  const total = results.reduce((a, r) => ({ q: a.q + r.questions, c: a.c + r.correct, cit: a.cit + r.citations.total, ok: a.ok + r.citations.valid }), { q: 0, c: 0, cit: 0, ok: 0 });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ fixtures: results, overall: { questions: total.q, correct: total.c, accuracy: total.c / total.q, citationValidity: total.cit ? total.ok / total.cit : 1 } }, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    process.stdout.write(`${r.fixture}\n`);
    process.stdout.write(`  accuracy            ${r.correct}/${r.questions} = ${r.accuracy.toFixed(3)}\n`);
    process.stdout.write(`  answerable correct  ${r.answerable.correct}/${r.answerable.total}\n`);
    process.stdout.write(`  unanswerable declined ${r.unanswerable.declined}/${r.unanswerable.total}\n`);
    process.stdout.write(`  citations valid     ${r.citations.valid}/${r.citations.total} = ${r.citations.validity.toFixed(3)} (answers without a citation: ${r.citations.answersWithoutCitation})\n`);
    process.stdout.write(`  latency ms          first ${r.latencyMs.first}, median ${r.latencyMs.median}, p95 ${r.latencyMs.p95}, max ${r.latencyMs.max}\n`);
    if (showErrors) for (const f of r.failures) process.stdout.write(`    ✗ ${f.q}\n      ${f.why}\n      ${f.answer.replace(/\n/g, '\n      ')}\n`);
  }
  process.stdout.write(`overall accuracy ${total.c}/${total.q} = ${(total.c / total.q).toFixed(3)}; citation validity ${total.ok}/${total.cit} = ${(total.cit ? total.ok / total.cit : 1).toFixed(3)}\n`);
}

async function scoreFixture(file: string, ungdcRoot: string): Promise<AskScores> {
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as Fixture;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-ask-'));
  const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
  try {
    const paths = fixture.documents.map((d) => (d.root === 'ungdc' ? path.join(ungdcRoot, d.path) : path.resolve(d.path)));
    const outcomes = await ingestFiles(kb, paths);
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) throw new Error(`could not ingest: ${failed.map((f) => (f.ok ? '' : f.message)).join('; ')}`);
    return await scoreQuestions(kb, fixture, file);
  } finally {
    await kb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function scoreQuestions(kb: KnowledgeBase, fixture: Fixture, file: string): Promise<AskScores> {
  const texts = new Map((await kb.db.selectFrom('documents').select(['id', 'text']).execute()).map((d) => [d.id, d.text]));
  const sentences = await kb.db.selectFrom('sentences').select(['doc', 'idx', 'start', 'end']).execute();
  const sentenceAt = new Map(sentences.map((s) => [`${s.doc}:${s.idx}`, s]));
  const scores: AskScores = {
    fixture: file, questions: fixture.questions.length, correct: 0, accuracy: 0,
    answerable: { total: 0, correct: 0 }, unanswerable: { total: 0, declined: 0 },
    citations: { total: 0, valid: 0, validity: 1, answersWithoutCitation: 0 },
    latencyMs: { first: 0, median: 0, p95: 0, max: 0 }, failures: [],
  };
  const times: number[] = [];
  for (const question of fixture.questions) {
    const started = performance.now();
    const answer = await askQuestion(kb, question.q);
    times.push(performance.now() - started);
    const valid = (c: Citation) => {
      const s = sentenceAt.get(`${c.doc}:${c.sentence}`);
      return !!s && s.start === c.start && s.end === c.end && citationHolds(c, texts.get(c.doc) ?? '');
    };
    for (const c of [...answer.citations, ...answer.closest]) {
      scores.citations.total++;
      if (valid(c)) scores.citations.valid++;
    }
    if (answer.status === 'answered' && !answer.citations.length) scores.citations.answersWithoutCitation++;
    const why = judge(question, answer);
    if (question.answerable) scores.answerable.total++;
    else scores.unanswerable.total++;
    if (!why) {
      scores.correct++;
      if (question.answerable) scores.answerable.correct++;
      else scores.unanswerable.declined++;
    } else {
      scores.failures.push({ q: question.q, why, answer: answer.answer });
    }
  }
  scores.accuracy = scores.correct / Math.max(1, scores.questions);
  scores.citations.validity = scores.citations.total ? scores.citations.valid / scores.citations.total : 1;
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  scores.latencyMs = {
    first: round(times[0] ?? 0),
    median: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    p95: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
  return scores;
}

/** Why an answer is wrong, or undefined when it is right. */
export function judge(question: Question, answer: Answer): string | undefined {
  if (!question.answerable) return answer.status === 'not-in-kb' ? undefined : 'should be "not in the knowledge base"';
  if (answer.status !== 'answered') return 'declined an answerable question';
  const e = question.expect ?? {};
  const entityItems = new Set(answer.items.filter((i) => i.kind === 'entity').map((i) => i.value));
  for (const group of e.entities ?? []) if (!group.some((id) => entityItems.has(id))) return `missing entity ${group.join(' or ')}`;
  for (const id of question.forbid?.entities ?? []) if (entityItems.has(id)) return `wrong entity ${id}`;
  const dates = answer.items.filter((i) => i.kind === 'date').map((i) => i.value);
  for (const d of e.dates ?? []) if (!dates.some((v) => v.startsWith(d))) return `missing date ${d} (have ${dates.join(', ') || 'none'})`;
  const values = answer.items.filter((i) => i.kind === 'value').map((i) => Number(i.value));
  for (const v of e.values ?? []) if (!values.some((x) => Math.abs(x - v) < 1e-6)) return `missing value ${v} (have ${values.join(', ') || 'none'})`;
  const statuses = answer.items.filter((i) => i.kind === 'status').map((i) => i.value);
  for (const s of e.statuses ?? []) if (!statuses.includes(s)) return `missing status ${s}`;
  if (e.yesno && !answer.items.some((i) => i.kind === e.yesno)) return `expected ${e.yesno}`;
  const cited = answer.citations.map((c) => c.text.toLowerCase());
  for (const words of e.evidence ?? []) if (!cited.some((t) => t.includes(words.toLowerCase()))) return `no cited sentence contains "${words}"`;
  return undefined;
}
