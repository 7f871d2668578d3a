import type { AgreementStatusKind, PloverType, StanceKind } from '../model/event.js';
import { lemmaCandidates } from '../extract/lemmatise.js';
import type { EntityRole, QuestionEntity, QuestionFocus, StructuredQuery } from './answer-types.js';
import { normaliseName, type EntityIndex } from './entity-index.js';
import { measureWords } from './measure-words.js';
import {
  ANSWER_KIND_NOUNS, AUXILIARIES, CHANGE_WORDS, NEGATORS, senseOf, STANCE_WORDS, STATUS_WORDS, STOPWORDS,
  type QuestionSense,
} from './question-lexicon.js';
import { questionTimes } from './question-time.js';

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the entity span covering it, if any. */
  entity?: number;
  inTime?: boolean;
  sense?: { lemma: string; sense: QuestionSense };
  lemma: string;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'how', 'why']);
const ACTOR_PREPS = new Set(['by']);
const RECIPIENT_PREPS = new Set(['against', 'on', 'to', 'toward', 'towards', 'upon', 'over']);
const PARTICIPANT_PREPS = new Set(['between', 'with', 'and']);
const CONTEXT_PREPS = new Set(['in', 'at', 'from', 'of', 'into', 'within', 'near', 'during', 'entering', 'enter', 'about', 'for', 'under']);

/** Turn a question into a structured query over the knowledge base. Pure apart from reading the index. */
export function parseQuestion(question: string, index: EntityIndex): StructuredQuery {
  const rules: string[] = [];
  const q = question.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const tokens = tokenise(q);
  const times = questionTimes(q);
  for (const t of tokens) t.inTime = times.some((x) => t.start >= x.from && t.end <= x.to);
  const spans = findEntitySpans(q, index)
    .filter((s) => !times.some((x) => s.start >= x.from && s.end <= x.to))
    // "United Nations Crime Congress": a known name inside a longer unknown one is not that entity.
    .filter((s) => !/^ \p{Lu}/u.test(q.slice(s.end, s.end + 2)) || /^ (?:and|of|in|on)\b/i.test(q.slice(s.end)) || isKnownStart(q.slice(s.end + 1), index));
  spans.forEach((s, k) => { for (const t of tokens) if (t.start >= s.start && t.end <= s.end) t.entity = k; });

  const free = tokens.filter((t) => t.entity === undefined && !t.inTime);
  const first = tokens[0]?.lower ?? '';
  const negated = tokens.some((t) => NEGATORS.has(t.lower) || t.lower.endsWith("n't"));

  // The event, stance and status senses of the question's free words.
  for (const t of free) {
    for (const c of lemmaCandidates(t.lower)) {
      const sense = senseOf(c.lemma);
      if (sense) { t.sense = { lemma: c.lemma, sense }; break; }
    }
  }
  // "call on", two-word senses.
  for (let k = 0; k + 1 < free.length; k++) {
    if (free[k + 1]!.start - free[k]!.end > 1) continue;
    for (const c of lemmaCandidates(free[k]!.lower)) {
      const key = `${c.lemma} ${free[k + 1]!.lower}`;
      const two = senseOf(key);
      if (two) { free[k]!.sense = { lemma: key, sense: two }; break; }
    }
  }
  const sensed = free.filter((t) => t.sense && !AUXILIARIES.has(t.lower));
  const eventTypes = uniq(sensed.flatMap((t) => t.sense!.sense.types)) as PloverType[];
  const eventModes = uniq(sensed.flatMap((t) => t.sense!.sense.modes ?? []));
  const stances = uniq(sensed.flatMap((t) => t.sense!.sense.stances ?? [])) as StanceKind[];
  const agreementStatuses = uniq(sensed.flatMap((t) => t.sense!.sense.statuses ?? [])) as AgreementStatusKind[];
  const triggerLemmas = uniq(sensed.map((t) => t.sense!.lemma));

  const measures = measureWords();
  const lowerFree = free.map((t) => t.lower);
  const hasMeasure = free.some((t) => measures.has(t.lower) || lemmaCandidates(t.lower).some((c) => measures.has(c.lemma)));

  // Main verb: the last sensed word (in "What sanctions did Japan impose" the verb follows the subject).
  const verb = [...sensed].reverse().find((t) => !isNounOnly(t.lemma)) ?? sensed[sensed.length - 1];
  const passive = !!verb && isPassive(tokens, verb);

  // Focus.
  let focus: QuestionFocus;
  let asked: 'actor' | 'recipient' | undefined;
  let answerKinds: string[] | undefined;
  const second = tokens[1]?.lower ?? '';
  const kindNoun = ['which', 'what'].includes(first) ? tokens.slice(1, 3).find((t) => ANSWER_KIND_NOUNS.has(t.lower) && t.entity === undefined) : undefined;
  if (first === 'how' && (second === 'many' || second === 'much')) { focus = 'figure'; rules.push('focus.how-many'); }
  else if (first === 'how' && tokens.some((t) => t.entity === undefined && lemmaCandidates(t.lower).some((c) => CHANGE_WORDS.has(c.lemma)))) { focus = 'figure'; rules.push('focus.how-change'); }
  else if (lowerFree.some((w) => STANCE_WORDS.has(w)) && !eventTypes.length) { focus = 'stance'; rules.push('focus.stance'); }
  else if (first === 'when') { focus = 'when'; rules.push('focus.when'); }
  else if (first === 'where') { focus = 'where'; rules.push('focus.where'); }
  else if (lowerFree.some((w) => STATUS_WORDS.has(w)) && spans.some((s) => s.kind === 'agreement')) { focus = 'status'; rules.push('focus.status'); }
  else if (lowerFree.includes('status')) { focus = 'status'; rules.push('focus.status-unknown-agreement'); }
  else if (first === 'who' || first === 'whom' || kindNoun) {
    focus = 'who';
    if (kindNoun) { answerKinds = ANSWER_KIND_NOUNS.get(kindNoun.lower); rules.push(`focus.which-${kindNoun.lower}`); }
    else rules.push('focus.who');
    asked = askedRole(tokens, verb, passive, first === 'whom');
  }
  else if (AUXILIARIES.has(first)) { focus = 'yesno'; rules.push('focus.yes-no'); }
  else if (hasMeasure && !eventTypes.length && (first === 'what' || first === 'how')) { focus = 'figure'; rules.push('focus.measure'); }
  else { focus = 'what'; rules.push('focus.what'); }

  const entities: QuestionEntity[] = spans.map((s, k) => {
    const role = roleOf(tokens, k, s, verb, passive, focus);
    const e = index.entities.get(s.id);
    return { id: s.id, name: e?.name ?? s.text, kind: e?.kind ?? s.kind, text: s.text, start: s.start, end: s.end, role, inKnowledgeBase: e?.inKnowledgeBase ?? false };
  });

  const keywords = uniq(free.filter((t) => !STOPWORDS.has(t.lower) && !NEGATORS.has(t.lower) && t.lower.length > 1 && !/^\d+$/.test(t.lower)).map((t) => t.lower.replace(/'s$/, '')));
  // Capitalised measure names ("GDP") and lexicon words are vocabulary, not names.
  const unknownNames = findUnknownNames(tokens.map((t) => (measures.has(t.lower) || t.sense ? { ...t, entity: -1 } : t)));
  if (unknownNames.length) rules.push('names.unknown');
  if (negated) rules.push('negated');
  if (passive) rules.push('passive');
  const time = times[0];
  return {
    question, focus, ...(asked ? { asked } : {}), ...(answerKinds ? { answerKinds } : {}),
    entities, eventTypes, eventModes, stances, agreementStatuses, triggerLemmas, negated,
    ...(time ? { time: { text: time.text, value: time.value, ...(time.start ? { start: time.start, end: time.end } : {}) } } : {}),
    keywords, unknownNames, rules,
  };
}

/** Does the text right after a name start another known name ("Japan Russia ...")? Then the first name stands alone. */
function isKnownStart(rest: string, index: EntityIndex): boolean {
  return findEntitySpans(rest.split(/[?.!,;]/)[0] ?? '', index).some((s) => s.start === 0);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function tokenise(q: string): Token[] {
  const out: Token[] = [];
  for (const m of q.matchAll(/[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*\.?/gu)) {
    let text = m[0];
    // A full stop ends a question word ("U.S." keeps its own).
    if (text.endsWith('.') && !/\.[\p{L}]\.$/u.test(text)) text = text.slice(0, -1);
    const lower = text.toLowerCase();
    const start = m.index;
    if (lower.endsWith("n't") && lower.length > 3) {
      const base = lower === "can't" ? 'can' : lower === "won't" ? 'will' : lower.slice(0, -3);
      out.push({ text: text.slice(0, base.length), lower: base, start, end: start + base.length, lemma: base });
      out.push({ text: "n't", lower: "n't", start: start + base.length, end: start + text.length, lemma: 'not' });
      continue;
    }
    if (/.'s$/.test(lower)) {
      // "Russia's" is "Russia" and a possessive, so the name matches and the possessive marks its role.
      const n = text.length - 2;
      out.push({ text: text.slice(0, n), lower: lower.slice(0, n), start, end: start + n, lemma: lemmaCandidates(lower.slice(0, n))[0]?.lemma ?? lower.slice(0, n) });
      out.push({ text: "'s", lower: "'s", start: start + n, end: start + text.length, lemma: "'s" });
      continue;
    }
    out.push({ text, lower, start, end: start + text.length, lemma: lemmaCandidates(lower)[0]?.lemma ?? lower });
  }
  return out;
}

interface Span { id: string; kind: string; text: string; start: number; end: number }

/** Longest-first, non-overlapping matches of entity names; short upper-case names only as written. */
export function findEntitySpans(q: string, index: EntityIndex): Span[] {
  const lower = normaliseName(q);
  // normaliseName collapses spaces; q already has single spaces and straight apostrophes, so offsets agree.
  const taken: Span[] = [];
  const isWord = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
  for (const s of index.surfaces) {
    for (let at = lower.indexOf(s.key); at >= 0; at = lower.indexOf(s.key, at + 1)) {
      const end = at + s.key.length;
      if (isWord(lower[at - 1]) || isWord(lower[end])) continue;
      if (s.caseSensitive && q.slice(at, end) !== s.caseSensitive) continue;
      if (taken.some((t) => at < t.end && end > t.start)) continue;
      const id = s.ids[0]!;
      taken.push({ id, kind: index.entities.get(id)?.kind ?? 'other', text: q.slice(at, end), start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Question lexicon words that are nouns only: the verb of "What sanctions did Japan impose" is "impose". */
function isNounOnly(lemma: string): boolean {
  return /(?:tion|sion|ment|ism|ance|ence)$/.test(lemma) || ['summit', 'threat', 'aggression', 'embargo', 'aid', 'criticism', 'meeting'].includes(lemma);
}

function isPassive(tokens: Token[], verb: Token): boolean {
  const k = tokens.indexOf(verb);
  const form = verb.lower;
  if (!/(ed|en)$/.test(form) && !['held', 'made', 'put', 'hit', 'shot', 'sent', 'given', 'taken', 'seen', 'met', 'brought', 'sought', 'struck'].includes(form)) return false;
  // "When was the Japanese consular officer detained": a form of "be" a few words before the participle.
  for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
    if (BE.has(tokens[j]!.lower)) return true;
    if (j < k - 1 && (AUXILIARIES.has(tokens[j]!.lower))) return false;
  }
  return false;
}

/** In "Who banned X" the actor is asked; in "Who was banned", "Who did X ban" and "Whom ..." the recipient. */
function askedRole(tokens: Token[], verb: Token | undefined, passive: boolean, whom: boolean): 'actor' | 'recipient' {
  if (whom || passive) return 'recipient';
  if (!verb) return 'actor';
  const k = tokens.indexOf(verb);
  // An entity between the auxiliary and the verb is the subject, so the question asks for the object.
  const before = tokens.slice(1, k);
  const auxAt = before.findIndex((t) => AUXILIARIES.has(t.lower));
  if (auxAt >= 0 && before.slice(auxAt).some((t, j, rest) => t.entity !== undefined && rest[j + 1]?.lower !== "'s")) return 'recipient';
  return 'actor';
}

function roleOf(tokens: Token[], k: number, span: Span, verb: Token | undefined, passive: boolean, focus: QuestionFocus): EntityRole {
  const firstTok = tokens.findIndex((t) => t.entity === k);
  const lastTok = tokens.length - 1 - [...tokens].reverse().findIndex((t) => t.entity === k);
  const prev = tokens[firstTok - 1]?.lower;
  const possessive = tokens[lastTok + 1]?.lower === "'s";
  // Agreements, places and named occasions are what a record is about or where it happened, never a party to it.
  if (span.kind === 'agreement' || span.kind === 'place' || span.kind === 'other') return 'context';
  if (prev && ACTOR_PREPS.has(prev)) return 'actor';
  // "between Japan and Russia": both sides, whichever acted.
  if (tokens.slice(Math.max(0, firstTok - 4), firstTok).some((t) => t.lower === 'between')) return 'participant';
  if (prev === 'with' || prev === 'and' && tokens.slice(0, firstTok).some((t) => t.lower === 'between')) return 'participant';
  if (focus === 'figure' && (possessive || prev === 'in' || prev === 'of')) return 'subject';
  if (focus === 'stance' && (possessive || !verb)) return 'actor';
  if (prev && RECIPIENT_PREPS.has(prev)) return 'recipient';
  if (prev && CONTEXT_PREPS.has(prev)) return 'context';
  if (possessive) {
    // "Japan's consular officer was detained": the possessor stands for the recipient side in a passive.
    return passive ? 'recipient' : 'context';
  }
  if (!verb) return 'participant';
  const v = tokens.indexOf(verb);
  if (firstTok < v) {
    if (passive) return 'recipient';
    // "How many Japanese individuals did Russia ban": another subject between the auxiliary and the verb makes this the object.
    const aux = tokens.findIndex((t, j) => j > lastTok && j < v && AUXILIARIES.has(t.lower));
    if (aux >= 0 && tokens.some((t, j) => j > aux && j < v && t.entity !== undefined && t.entity !== k)) return 'recipient';
    return 'actor';
  }
  return passive ? 'context' : 'recipient';
}

const NAME_STOP = new Set(['What', 'Which', 'Who', 'Whom', 'Whose', 'When', 'Where', 'How', 'Why', 'Did', 'Does', 'Do', 'Has', 'Have', 'Is', 'Are', 'Was', 'Were', 'I', 'The', 'A', 'An', 'In', 'On', 'And', 'Of', 'Can', 'Could', 'Will', 'Should']);
const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Autumn|Fall|Winter)$/;

/** Runs of capitalised words not covered by a known entity or a time: names the knowledge base cannot know. */
function findUnknownNames(tokens: Token[]): string[] {
  const out: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    const words = run.filter((t) => !NAME_STOP.has(t.text));
    if (words.length) out.push(words.map((t) => t.text).join(' '));
    run = [];
  };
  tokens.forEach((t, k) => {
    const cap = /^\p{Lu}/u.test(t.text) && t.entity === undefined && !t.inTime && !MONTHS.test(t.text) && !(k === 0);
    if (cap) run.push(t);
    else flush();
  });
  flush();
  return out;
}
