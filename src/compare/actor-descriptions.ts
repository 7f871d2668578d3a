import type { ComparableDocument } from './comparable-document.js';
import type { SubstanceChange } from './comparison-types.js';
import { nameOf } from './fact-labels.js';
import { sentenceIndexer } from './substance-diff.js';
import { wordTokens, type WordToken } from './word-tokens.js';

/** How far either side of a mention a describing word may stand. */
const WINDOW = 4;

// Words that do not describe: closed-class words and the most general verbs and adverbs. Written
// for this purpose; describing words are what remains (adjectives, adverbs, participles, nouns).
const NOT_DESCRIBING = new Set(`a an the this that these those it its they them their his her our we us you your i my me he she one ones
is are was were be been being am has have had do does did will would shall should can could may might must
of in on at by for to from with without into onto upon over under about as than then so such and or nor but if
not no yes also all any each every both either neither other another some more most much many very own same
which who whom whose what when where why how there here between among against toward towards through during since until
after before including like well just only now still already even again once while whether both per via within across
said says say because especially particularly alongside together thereby indeed namely make made makes take took taken give given held hold
first second third fourth fifth sixth seventh eighth ninth tenth`.split(/\s+/));

const PRONOUN = /^(?:we|our|ours|us|i|my|me|its|it|they|their|them)$/i;
const BREAK = /^[,;:()\[\]{}"“”—–!?.]$/;

export interface Description {
  entity: string;
  term: string;
  /** Offsets of the sentence the term was found in. */
  start: number;
  end: number;
}

/**
 * The words that describe each entity where it is mentioned: runs of describing words right before
 * a mention ("the illegally occupied Crimea", "territories occupied by Russia") or right after it,
 * past a possessive or an apposition comma ("Russia's unprovoked aggression", "Crimea, illegally
 * occupied since 2014"). Capitalised words are names, not descriptions, and are left out.
 */
export function actorDescriptions(doc: ComparableDocument): Description[] {
  const out: Description[] = [];
  const sentenceOf = sentenceIndexer(doc);
  const blocked = [...doc.mentions.map((m) => [m.start, m.end] as const), ...doc.timexes.map((t) => [t.start, t.end] as const)];
  const isBlocked = (t: WordToken) => blocked.some(([s, e]) => t.start < e && t.end > s);
  const cache = new Map<number, WordToken[]>();
  const tokensOf = (idx: number) => {
    let toks = cache.get(idx);
    if (!toks) {
      const s = doc.sentences[idx]!;
      toks = wordTokens(doc.text.slice(s.start, s.end), s.start);
      cache.set(idx, toks);
    }
    return toks;
  };
  for (const m of doc.mentions) {
    // "our", "we": the speaker referring to itself; the words around a pronoun describe something else.
    if (PRONOUN.test(doc.text.slice(m.start, m.end))) continue;
    const idx = sentenceOf(m.start);
    if (idx < 0) continue;
    const s = doc.sentences[idx]!;
    if (m.end > s.end) continue;
    const toks = tokensOf(idx);
    const first = toks.findIndex((t) => t.end > m.start);
    const after = toks.findIndex((t) => t.start >= m.end);
    const terms = [
      ...(first > 0 ? leftTerms(toks, first, isBlocked) : []),
      ...(after >= 0 ? rightTerms(toks, after, isBlocked, possessive(toks, m.end)) : []),
    ];
    for (const term of terms) out.push({ entity: m.entity, term, start: s.start, end: s.end });
  }
  return out;
}

const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'your', 'my']);
const AGENT = new Set(['by', 'of', 'from']);
const lower = (t: WordToken | undefined) => (t ? t.word.toLowerCase() : '');

/**
 * Before a mention, two shapes describe it: modifiers after a determiner ("the illegally occupied
 * Crimea") and an act attributed to it ("territories occupied by Russia", "the aggression of
 * Russia"). Words right before a mention without a determiner are mostly a verb taking it as object
 * ("condemned Russia"): they say what was done, not how the actor is described.
 */
function leftTerms(toks: WordToken[], first: number, isBlocked: (t: WordToken) => boolean): string[] {
  let k = first - 1;
  if (DETERMINER.has(lower(toks[k]))) k--;
  if (AGENT.has(lower(toks[k]))) {
    k--;
    if (toks[k] && DETERMINER.has(lower(toks[k]))) return [];
    const run = collect(toks, k, -1, isBlocked);
    return run ? [run] : [];
  }
  k = first - 1;
  const run: WordToken[] = [];
  while (k >= 0 && run.length < WINDOW && describing(toks[k]!) && !isBlocked(toks[k]!)) run.unshift(toks[k--]!);
  if (run.length && DETERMINER.has(lower(toks[k]))) return [words(run)];
  return [];
}

/**
 * After a mention: a possessive's noun phrase ("Russia's unprovoked aggression") or an apposition
 * ("Crimea, illegally occupied since 2014"; "Russia, an aggressor state"). A verb right after a
 * mention is its predicate and is left out.
 */
function rightTerms(toks: WordToken[], after: number, isBlocked: (t: WordToken) => boolean, possessed: boolean): string[] {
  let k = after;
  const w = lower(toks[k]).replace(/’/g, "'");
  if (possessed) { /* the possessive is inside the mention's own token ("Russia's") */ }
  else if (w === "'s" || w === "'") k++;
  else if (w === ',') { k++; if (DETERMINER.has(lower(toks[k]))) k++; }
  else return [];
  // Without part-of-speech tags the end of a possessive's noun phrase is unknown: two words
  // ("unprovoked aggression", "territorial integrity") rarely run into the verb after it.
  const run = collect(toks, k, 1, isBlocked, possessed || w.startsWith("'") ? 2 : WINDOW);
  return run ? [run] : [];
}

/** The mention's word carries a possessive ending the mention itself leaves out ("Russia's"). */
function possessive(toks: WordToken[], end: number): boolean {
  const t = toks.find((x) => x.start < end && end < x.end);
  return !!t && /^['’]s?$/i.test(t.word.slice(end - t.start));
}

/** The run of describing words from index k in direction dir (up to WINDOW words). */
function collect(toks: WordToken[], k: number, dir: 1 | -1, isBlocked: (t: WordToken) => boolean, max = WINDOW): string | undefined {
  const run: WordToken[] = [];
  for (; k >= 0 && k < toks.length && run.length < max; k += dir) {
    const t = toks[k]!;
    if (BREAK.test(t.word) || isBlocked(t) || !describing(t)) break;
    if (dir === 1) run.push(t); else run.unshift(t);
  }
  return run.length ? words(run) : undefined;
}

function words(run: WordToken[]): string {
  return run.map((t) => t.word.toLowerCase().replace(/’/g, "'")).join(' ');
}

function describing(t: WordToken): boolean {
  const w = t.word.toLowerCase().replace(/’/g, "'");
  return /^\p{Ll}[\p{Ll}'\-]+$/u.test(t.word) && w.length > 2 && !NOT_DESCRIBING.has(w);
}

/**
 * Terms that describe an entity in B but never in A (appeared), and the reverse (disappeared),
 * for the entities both documents mention: an entity new to B has only new descriptions, and
 * listing them all would bury the changes.
 */
export function diffDescriptions(a: ComparableDocument, b: ComparableDocument): SubstanceChange[] {
  const names = { ...a.names, ...b.names };
  const da = actorDescriptions(a);
  const db = actorDescriptions(b);
  const entitiesA = new Set(a.mentions.map((m) => m.entity));
  const entitiesB = new Set(b.mentions.map((m) => m.entity));
  const termsOf = (ds: Description[]) => {
    const m = new Map<string, Map<string, Description>>();
    for (const d of ds) {
      const per = m.get(d.entity) ?? new Map<string, Description>();
      if (!per.has(d.term)) per.set(d.term, d);
      m.set(d.entity, per);
    }
    return m;
  };
  const ta = termsOf(da);
  const tb = termsOf(db);
  const out: SubstanceChange[] = [];
  const shared = [...entitiesB].filter((e) => entitiesA.has(e)).sort((x, y) => nameOf(x, names).localeCompare(nameOf(y, names)));
  for (const entity of shared) {
    const inA = ta.get(entity) ?? new Map<string, Description>();
    const inB = tb.get(entity) ?? new Map<string, Description>();
    for (const [term, d] of inB) {
      if (inA.has(term)) continue;
      out.push({
        kind: 'description', change: 'appeared', entity, term, summary: `${nameOf(entity, names)}: “${term}” (new in B)`,
        b: { doc: b.id, start: d.start, end: d.end, text: b.text.slice(d.start, d.end) },
      });
    }
    for (const [term, d] of inA) {
      if (inB.has(term)) continue;
      out.push({
        kind: 'description', change: 'disappeared', entity, term, summary: `${nameOf(entity, names)}: “${term}” (not in B)`,
        a: { doc: a.id, start: d.start, end: d.end, text: a.text.slice(d.start, d.end) },
      });
    }
  }
  return out;
}
