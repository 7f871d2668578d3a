import { asCandidate, candidateList, type TimeParser, type TimexCandidate } from './time-parser.js';
import { anchorsOf, type AnchorGroup } from './parser-anchors.js';

/**
 * Runs the time parsers only near their anchor words (time/parser-anchors.ts) instead of over the whole text, with
 * the same matches a global scan of the whole text gives. Searching some thirty patterns through every character
 * was most of the time layer's cost; one pass over the text now cuts it into tokens and notes which tokens hold
 * which anchors, and each pattern then searches the few tokens around its anchors.
 *
 * Why the matches are the same: every match contains an anchor and lies within `before`/`after` tokens of it, so
 * every match lies inside one of the merged windows, and no match crosses from one window into another. A global
 * scan therefore enters each window with nothing carried over from before it, exactly as a scan started at the
 * window does. Each window is searched in a slice of the text with context on either side: 32 characters or more
 * before it (more across runs of spaces), which covers every lookbehind of the patterns, and 16 or more after it,
 * where lookaheads read 2 at most. A match is reported with its offsets in the whole text. A match running past
 * its window means either that the bounds are wrong for that pattern or that the end of the slice let a lookahead
 * pass that the text would fail: the parser then runs over the whole text again, so neither changes the output.
 */

const CONTEXT_BEFORE = 32;
const CONTEXT_AFTER = 8;
const MORE_CONTEXT = 8;
// Windows this few tokens apart are searched as one: a few more characters cost less than another search with
// its own context. (Searching more than the windows never changes the matches, see above.)
const MERGE_GAP = 8;

interface CompiledParser {
  parser: TimeParser;
  /** A global copy of the pattern, so that scanning never shares lastIndex with other users of the parser's own. */
  pattern: RegExp;
  /** Ids of the parser's groups and their bounds; null: no anchors, scan the whole text. (Always set, one shape.) */
  groups: { id: number; before: number; after: number }[] | null;
}

interface Automaton {
  /** Letter trie: node * 26 + letter -> child node (0: none; the root is node 0 and never a child). */
  next: Int32Array;
  /** Group ids of the words ending at a node: terms[termStart[node] .. termStart[node + 1]). */
  termStart: Int32Array;
  terms: Int32Array;
  /** Group ids of the prefixes ending at a node, laid out as terms are. */
  prefixStart: Int32Array;
  prefixTerms: Int32Array;
  /** 1 where a node has prefixes ending at it. */
  hasPrefix: Uint8Array;
  digitGroups: DigitGroup[];
  suffixes: { suffix: string; last: number; groups: number[] }[];
  /** 1 at the (lower-case) last letter of any suffix, so that most letter runs skip the suffix check. */
  suffixLast: Uint8Array;
  groupCount: number;
}

/** A group's digit anchors: runs of digits at least `min` long, after one of `after`'s characters, or one of `runs`. */
interface DigitGroup {
  id: number;
  min: number;
  after: number[] | null;
  runs: { length: number; value: number }[] | null;
}

interface Compiled {
  parsers: CompiledParser[];
  automaton: Automaton;
}

const compiledFor = new WeakMap<readonly TimeParser[], Compiled>();

function compile(parsers: readonly TimeParser[]): Compiled {
  const groups: AnchorGroup[] = [];
  const compiledParsers = parsers.map((parser): CompiledParser => {
    const pattern = new RegExp(parser.pattern.source, parser.pattern.flags.includes('g') ? parser.pattern.flags : `${parser.pattern.flags}g`);
    const anchors = anchorsOf(parser);
    if (!anchors || anchors.groups.length === 0) return { parser, pattern, groups: null };
    return {
      parser,
      pattern,
      groups: anchors.groups.map((g) => {
        groups.push(g);
        return { id: groups.length - 1, before: g.before, after: g.after };
      }),
    };
  });
  const automaton = buildAutomaton(groups);
  for (const text of primingTexts(groups)) indexAnchors(text, automaton);
  return { parsers: compiledParsers, automaton };
}

/**
 * Short texts holding every kind of anchor (words, prefixes, suffixes, digit runs after each of their characters)
 * and more tokens than the token buffers start with, indexed before any real text. V8 compiles the index pass
 * while it reads the first long text, with type feedback only for the steps that text had reached; a later text
 * reaching another (the first suffix, a digit run of a group, the buffers growing) threw the compiled code away,
 * and the pass was compiled three or four times a run. After these, every step has its feedback. The texts are
 * short so that none is long enough for V8 to compile the pass in the middle of it (code compiled before the
 * end of the pass had ever run left out the end, and stepped back to the interpreter there on every text).
 */
function primingTexts(groups: AnchorGroup[]): string[] {
  const parts: string[] = ['Ab1 é'];
  for (const g of groups) {
    for (const w of g.words ?? []) parts.push(w, w.toUpperCase());
    for (const w of g.prefixes ?? []) parts.push(`${w}s`);
    if (g.suffix) parts.push(`x${g.suffix}`);
    if (g.digits === true) parts.push('7');
    else if (g.digits) {
      for (const r of g.digits.runs ?? []) parts.push(r);
      for (const c of g.digits.after ?? '') parts.push(`${c}1234567`);
    }
  }
  const texts: string[] = [];
  for (let i = 0; i < parts.length; i += 40) texts.push(parts.slice(i, i + 40).join(' - ') + '\n');
  return texts;
}

function buildAutomaton(groups: AnchorGroup[]): Automaton {
  const children: number[][] = [[]];
  const termsOf: number[][] = [[]];
  const prefixesOf: number[][] = [[]];
  const digitGroups: DigitGroup[] = [];
  const suffixes = new Map<string, number[]>();
  groups.forEach((g, id) => {
    if (g.digits === true) digitGroups.push({ id, min: 1, after: null, runs: null });
    else if (g.digits) {
      for (const r of g.digits.runs ?? []) if (!/^\d{1,6}$/.test(r)) throw new Error(`time anchor digit run "${r}" must be 1 to 6 digits`);
      digitGroups.push({
        id,
        min: g.digits.min ?? 1,
        after: g.digits.after ? [...g.digits.after].map((c) => c.charCodeAt(0)) : null,
        runs: g.digits.runs ? g.digits.runs.map((r) => ({ length: r.length, value: Number(r) })) : null,
      });
    }
    if (g.suffix) suffixes.set(g.suffix, [...(suffixes.get(g.suffix) ?? []), id]);
    const add = (word: string, into: number[][]) => {
      if (!/^[a-z]+$/.test(word)) throw new Error(`time anchor "${word}" must be lower-case ASCII letters`);
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const letter = word.charCodeAt(i) - 97;
        let child = children[node]![letter];
        if (child === undefined) {
          child = children.length;
          children.push([]);
          termsOf.push([]);
          prefixesOf.push([]);
          children[node]![letter] = child;
        }
        node = child;
      }
      if (!into[node]!.includes(id)) into[node]!.push(id);
    };
    for (const word of g.words ?? []) add(word, termsOf);
    for (const word of g.prefixes ?? []) add(word, prefixesOf);
  });
  const next = new Int32Array(children.length * 26);
  children.forEach((c, node) => c.forEach((child, letter) => (next[node * 26 + letter] = child)));
  const flatten = (lists: number[][]): [Int32Array, Int32Array] => {
    const start = new Int32Array(lists.length + 1);
    const flat: number[] = [];
    lists.forEach((t, node) => {
      start[node] = flat.length;
      flat.push(...t);
    });
    start[lists.length] = flat.length;
    return [start, Int32Array.from(flat)];
  };
  const [termStart, terms] = flatten(termsOf);
  const [prefixStart, prefixTerms] = flatten(prefixesOf);
  for (const s of suffixes.keys()) if (!/^[a-z]+$/.test(s)) throw new Error(`time anchor suffix "${s}" must be lower-case ASCII letters`);
  return {
    next,
    termStart,
    terms,
    prefixStart,
    prefixTerms,
    hasPrefix: Uint8Array.from(prefixesOf, (p) => (p.length ? 1 : 0)),
    digitGroups,
    suffixes: [...suffixes].map(([suffix, ids]) => ({ suffix, last: suffix.charCodeAt(suffix.length - 1), groups: ids })),
    suffixLast: (() => {
      const last = new Uint8Array(65536);
      for (const s of suffixes.keys()) last[s.charCodeAt(s.length - 1)] = 1;
      return last;
    })(),
    groupCount: groups.length,
  };
}

// Character classes of the index pass: token separators (the whitespace a pattern may cross with `[ \t]`, the
// line breaks it may not, and the hyphen), ASCII letters and digits; any other character (0) is part of a token.
// Indexed by UTF-16 code unit, so that no character needs a range check first.
const SEPARATOR = 1;
const LETTER = 2;
const DIGIT = 3;
const CLASS = new Uint8Array(65536);
for (const c of ' \t\n\r\v\f-') CLASS[c.charCodeAt(0)] = SEPARATOR;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = LETTER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;

/** Where the tokens are and which tokens hold each group's anchors. Buffers are reused from call to call. */
interface AnchorIndex {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Per group, the ascending indices of tokens holding one of its anchors (a token at most once). */
  tokens: number[][];
}

// Token offsets, kept from one text to the next up to a size (a text's part holds ~1 token per 6 characters).
const RETAINED_TOKENS = 1 << 20;
// They start small, so that the first priming text (compile, above) already makes them grow.
let startsBuffer = new Int32Array(16);
let endsBuffer = new Int32Array(16);

function indexAnchors(text: string, a: Automaton): AnchorIndex {
  const n = text.length;
  let starts = startsBuffer;
  let ends = endsBuffer;
  const tokens: number[][] = [];
  for (let g = 0; g < a.groupCount; g++) tokens.push([]);
  const { next, termStart, terms, prefixStart, prefixTerms, hasPrefix, digitGroups, suffixes, suffixLast } = a;
  let count = 0;
  let tok = -1;
  let inToken = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = CLASS[c]!;
    if (kind === SEPARATOR) {
      if (inToken) {
        ends[tok] = i;
        inToken = false;
      }
      i++;
      continue;
    }
    if (!inToken) {
      if (count === starts.length) {
        const more = new Int32Array(count * 2);
        more.set(starts);
        starts = more;
        const moreEnds = new Int32Array(count * 2);
        moreEnds.set(ends);
        ends = moreEnds;
      }
      tok = count++;
      starts[tok] = i;
      inToken = true;
    }
    if (kind === LETTER) {
      // A run of ASCII letters: walk the trie while it has them (node 0, the root, is never reached again: dead),
      // then step over the rest of the run.
      const runStart = i;
      let node = next[(c | 32) - 97]!;
      i++;
      while (node !== 0) {
        if (hasPrefix[node] === 1) for (let t = prefixStart[node]!; t < prefixStart[node + 1]!; t++) note(tokens, prefixTerms[t]!, tok);
        if (i >= n) break;
        const d = text.charCodeAt(i);
        if (CLASS[d] !== LETTER) break;
        node = next[node * 26 + (d | 32) - 97]!;
        i++;
      }
      if (node !== 0) for (let t = termStart[node]!; t < termStart[node + 1]!; t++) note(tokens, terms[t]!, tok);
      else while (i < n && CLASS[text.charCodeAt(i)] === LETTER) i++;
      if (suffixLast[text.charCodeAt(i - 1) | 32] === 1) noteSuffixes(text, runStart, i, suffixes, tokens, tok);
    } else {
      if (kind === DIGIT) {
        // A run of digits: its length, value (while short) and the character before it decide which groups it anchors.
        const runStart = i;
        let value = c - 48;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 48 || d > 57) break;
          if (i - runStart < 7) value = value * 10 + d - 48;
          i++;
        }
        noteDigits(digitGroups, i - runStart, value, runStart > 0 ? text.charCodeAt(runStart - 1) : -1, tokens, tok);
      } else i++;
    }
  }
  if (inToken) ends[tok] = n;
  if (starts.length <= RETAINED_TOKENS) {
    startsBuffer = starts;
    endsBuffer = ends;
  }
  return { starts, ends, count, tokens };
}

// The index pass's rarer steps, as functions of their own and without closures made per call: the pass is
// compiled while it reads the first long text, and a step that text had not reached yet, inlined, was compiled
// without type feedback and threw the whole pass's code away when a later text reached it.

function note(tokens: number[][], g: number, tok: number): void {
  const list = tokens[g]!;
  if (list.length === 0 || list[list.length - 1] !== tok) list.push(tok);
}

/** The groups of the suffixes the letter run [runStart, end) ends with. */
function noteSuffixes(text: string, runStart: number, end: number, suffixes: Automaton['suffixes'], tokens: number[][], tok: number): void {
  const lastLetter = text.charCodeAt(end - 1) | 32;
  for (let j = 0; j < suffixes.length; j++) {
    const s = suffixes[j]!;
    const len = s.suffix.length;
    if (end - runStart < len || lastLetter !== s.last) continue;
    let k = 0;
    while (k < len && (text.charCodeAt(end - len + k) | 32) === s.suffix.charCodeAt(k)) k++;
    if (k === len) for (let x = 0; x < s.groups.length; x++) note(tokens, s.groups[x]!, tok);
  }
}

/** The groups a run of digits anchors, by its length, its value (while short) and the character before it. */
function noteDigits(digitGroups: DigitGroup[], length: number, value: number, before: number, tokens: number[][], tok: number): void {
  for (let j = 0; j < digitGroups.length; j++) {
    const g = digitGroups[j]!;
    if (length < g.min || (g.after !== null && !g.after.includes(before))) continue;
    if (g.runs !== null && !hasRun(g.runs, length, value)) continue;
    note(tokens, g.id, tok);
  }
}

function hasRun(runs: { length: number; value: number }[], length: number, value: number): boolean {
  for (let j = 0; j < runs.length; j++) if (runs[j]!.length === length && runs[j]!.value === value) return true;
  return false;
}

/** Every candidate of every parser, in the order a global scan of each parser in turn finds them. */
export function scanParsers(parsers: readonly TimeParser[], text: string): TimexCandidate[] {
  let compiled = compiledFor.get(parsers);
  if (!compiled) {
    compiled = compile(parsers);
    compiledFor.set(parsers, compiled);
  }
  const index = indexAnchors(text, compiled.automaton);
  const out = candidateList();
  for (const p of compiled.parsers) {
    if (p.groups === null || !scanNearAnchors(p, p.groups, text, index, out)) scanWhole(p.parser, p.pattern, text, out);
  }
  return out;
}

/** The plain scan: the parser's pattern over the whole text. */
export function scanWhole(parser: TimeParser, re: RegExp, text: string, out: TimexCandidate[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    push(out, parser.extract(m, text));
  }
  re.lastIndex = 0;
}

/** A parser's findings, each in the shared candidate shape (time-parser.ts, candidate). */
function push(out: TimexCandidate[], found: TimexCandidate | TimexCandidate[] | null): void {
  if (!found) return;
  if (Array.isArray(found)) for (const c of found) out.push(asCandidate(c));
  else out.push(asCandidate(found));
}

/**
 * The parser's matches inside the merged windows around its anchors, appended to `out`; false (and `out` as it
 * was) when a match ran past its window, so that the caller scans the whole text instead.
 */
function scanNearAnchors(
  p: CompiledParser,
  groups: { id: number; before: number; after: number }[],
  text: string,
  index: AnchorIndex,
  out: TimexCandidate[],
): boolean {
  const mark = out.length;
  const last = index.count - 1;
  // Merge the groups' windows in order of their first token (each group's list is ascending already).
  const lists: number[][] = [];
  const at: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    lists.push(index.tokens[groups[g]!.id]!);
    at.push(0);
  }
  let lo = -1;
  let hi = -2;
  for (;;) {
    let best = -1;
    let bestLo = 0;
    for (let g = 0; g < groups.length; g++) {
      const list = lists[g]!;
      if (at[g]! >= list.length) continue;
      const l = list[at[g]!]! - groups[g]!.before;
      if (best < 0 || l < bestLo) {
        best = g;
        bestLo = l;
      }
    }
    if (best < 0) break;
    const tok = lists[best]![at[best]!++]!;
    const wLo = Math.max(0, tok - groups[best]!.before);
    const wHi = Math.min(last, tok + groups[best]!.after);
    if (wLo <= hi + MERGE_GAP) {
      if (wHi > hi) hi = wHi;
      continue;
    }
    if (hi >= 0 && !scanWindow(p, text, index, lo, hi, out)) {
      out.length = mark;
      return false;
    }
    lo = wLo;
    hi = wHi;
  }
  if (hi >= 0 && !scanWindow(p, text, index, lo, hi, out)) {
    out.length = mark;
    return false;
  }
  return true;
}

const isBlank = (c: number) => c === 32 || c === 9;

function scanWindow(p: CompiledParser, text: string, index: AnchorIndex, first: number, lastTok: number, out: TimexCandidate[]): boolean {
  const n = text.length;
  const from = first > 0 ? index.ends[first - 1]! : 0;
  const until = index.ends[lastTok]!;
  let s0 = from - CONTEXT_BEFORE;
  if (s0 <= 0) s0 = 0;
  else {
    while (s0 > 0 && isBlank(text.charCodeAt(s0 - 1))) s0--;
    s0 = Math.max(0, s0 - MORE_CONTEXT);
  }
  let e0 = until + CONTEXT_AFTER;
  if (e0 >= n) e0 = n;
  else {
    while (e0 < n && isBlank(text.charCodeAt(e0))) e0++;
    e0 = Math.min(n, e0 + MORE_CONTEXT);
  }
  const slice = s0 === 0 && e0 === n ? text : text.slice(s0, e0);
  const re = p.pattern;
  re.lastIndex = from - s0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const start = m.index + s0;
    if (start >= until) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (start + m[0].length > until) {
      re.lastIndex = 0;
      return false;
    }
    m.index = start;
    m.input = text;
    push(out, p.parser.extract(m, text));
  }
  re.lastIndex = 0;
  return true;
}
