/** One occurrence of a dictionary surface in a text, as UTF-16 offsets. */
export interface SurfaceHit<T> {
  pattern: string;
  patternIndex: number;
  start: number;
  end: number;
  data: T | undefined;
}

/**
 * Characters that attach to the one before them (combining marks, joiners, variation selectors,
 * emoji modifiers): a surface never starts on one or ends just before one, so "e" + U+0301 is not
 * the letter "e" and a name ending in "e" does not match there.
 */
const ATTACHES = /^[\p{M}\u200c\u200d\ufe00-\ufe0f]|^\ud83c[\udffb-\udfff]|^[\udc00-\udfff]/u;

/**
 * Aho-Corasick over UTF-16 code units: every occurrence of every pattern, case-sensitive, reported
 * in the order they end (for one end, the longest first). Matches start and end on whole
 * characters (grapheme boundaries, by the rule above), so it finds what a grapheme matcher finds,
 * at the cost of two array reads per code unit instead of a grapheme segmentation of the text.
 *
 * The automaton is a full DFA over the code units the patterns use (about a hundred for the
 * gazetteer), with failure links folded into the table: each code unit of the text is one table
 * read, never a chain of failure hops or hash lookups.
 */
export class SurfaceMatcher<T> {
  /** The dictionary, in the order given (hits carry an index into it). */
  readonly patterns: readonly { pattern: string; data: T | undefined }[];
  /** Code unit -> column of the table; 0 for units no pattern uses (they lead back to the root). */
  readonly #column = new Uint16Array(65536);
  /** Columns per state: the alphabet plus the column of unused units. */
  readonly #width: number;
  /** state * width + column -> next state. */
  readonly #delta: Uint16Array | Int32Array;
  /** The first state whose terminals end here: the state itself, its nearest suffix with terminals, or -1. */
  readonly #firstOutput: Int32Array;
  /** Pattern indices ending exactly in each state (in pattern order). */
  readonly #terminals: number[][];
  /** The nearest proper suffix state with terminals, or -1. */
  readonly #output: Int32Array;
  /** Length of each state's string: a transition is a trie edge exactly when it leads one deeper. */
  readonly #depth: Int32Array;
  /** The automata of this dictionary joined with another's, for searchWith, by the other matcher. */
  readonly #unions = new WeakMap<object, Union>();

  constructor(patterns: readonly { pattern: string; data?: T }[]) {
    this.patterns = patterns.map((p) => ({ pattern: p.pattern, data: p.data }));
    // Each step is a function of its own: the dictionary is large enough that V8 compiles a step's
    // loop while it runs (on-stack replacement), and compiled as one function the steps after the
    // running loop, with no type feedback yet, threw that code away when reached.
    // They fill what they are given rather than return new objects: an object built after a loop
    // compiled while it ran has no type feedback either.
    const trie: Trie = { firstChild: [-1], nextSibling: [-1], unitOf: [0], depthOf: [0], terminals: [[]] };
    const width = buildTrie(this.patterns, this.#column, trie);
    const states = trie.unitOf.length;
    const delta = states <= 65536 ? new Uint16Array(states * width) : new Int32Array(states * width);
    const output = new Int32Array(states).fill(-1);
    buildTable(trie, this.#column, width, delta, output);
    this.#terminals = trie.terminals;
    this.#width = width;
    this.#delta = delta;
    this.#output = output;
    this.#firstOutput = firstOutputs(trie.terminals, output);
    this.#depth = Int32Array.from(trie.depthOf);
  }

  /**
   * Every occurrence of every pattern in `text` as (pattern index, end), in the order `search`
   * reports them, without the whole-character rule: for callers that ask whether a text contains a
   * word at all, as `includes` would.
   */
  forEachEnd(text: string, visit: (patternIndex: number, end: number) => void): void {
    const column = this.#column;
    const delta = this.#delta;
    const width = this.#width;
    const firstOutput = this.#firstOutput;
    const output = this.#output;
    const terminals = this.#terminals;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + column[text.charCodeAt(i)]!]!;
      const first = firstOutput[state]!;
      if (first === -1 || state === 0) continue;
      for (let s = first; s !== -1; s = output[s]!) for (const index of terminals[s]!) visit(index, i + 1);
    }
  }

  /** Every occurrence of every pattern in `text`, overlapping ones included. */
  search(text: string): SurfaceHit<T>[] {
    const out: SurfaceHit<T>[] = [];
    const column = this.#column;
    const delta = this.#delta;
    const width = this.#width;
    const firstOutput = this.#firstOutput;
    const output = this.#output;
    const terminals = this.#terminals;
    const patterns = this.patterns;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + column[text.charCodeAt(i)]!]!;
      const first = firstOutput[state]!;
      if (first === -1 || state === 0) continue;
      const end = i + 1;
      for (let s = first; s !== -1; s = output[s]!) {
        for (const index of terminals[s]!) {
          const { pattern, data } = patterns[index]!;
          const start = end - pattern.length;
          if (!wholeCharacters(text, start, end)) continue;
          out.push({ pattern, patternIndex: index, start, end, data });
        }
      }
    }
    return out;
  }

  /**
   * What `search(text)` returns, while `other.forEachEnd(text, visit)` runs in the same pass: one
   * automaton of both dictionaries (see Union), built at the first call with `other` and kept, so
   * each code unit costs one table read and one test, not two of each.
   */
  searchWith<U>(text: string, other: SurfaceMatcher<U>, visit: (patternIndex: number, end: number) => void): SurfaceHit<T>[] {
    const out: SurfaceHit<T>[] = [];
    let union = this.#unions.get(other);
    if (!union) {
      union = joinAutomata(this.patterns, other.patterns);
      this.#unions.set(other, union);
    }
    const column = union.column;
    const delta = union.delta;
    const width = union.width;
    const reports = union.reports;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + column[text.charCodeAt(i)]!]!;
      const report = reports[state]!;
      if (report === 0) continue;
      if (report & MINE) this.#reportJoined(text, union, state, i + 1, out);
      if (report & OTHERS) visitJoined(union, state, i + 1, visit);
    }
    return out;
  }

  /** The hits of this dictionary ending at `end` in state `state` of `union`, as search reports them. */
  #reportJoined(text: string, union: Union, state: number, end: number, out: SurfaceHit<T>[]): void {
    const output = union.mineOutput;
    const terminals = union.mineTerminals;
    const patterns = this.patterns;
    for (let s = union.mineFirst[state]!; s !== -1; s = output[s]!) {
      const ending = terminals[s]!;
      for (let k = 0; k < ending.length; k++) {
        const index = ending[k]!;
        const { pattern, data } = patterns[index]!;
        const start = end - pattern.length;
        if (!wholeCharacters(text, start, end)) continue;
        out.push({ pattern, patternIndex: index, start, end, data });
      }
    }
  }

  /** Whether the whole of `surface` is one of the patterns (a hit of `search` from 0 to its length). */
  matchesWhole(surface: string): boolean {
    const column = this.#column;
    const delta = this.#delta;
    const width = this.#width;
    const depth = this.#depth;
    let state = 0;
    for (let i = 0; i < surface.length; i++) {
      const next = delta[state * width + column[surface.charCodeAt(i)]!]!;
      if (depth[next] !== i + 1) return false;
      state = next;
    }
    return surface.length > 0 && this.#terminals[state]!.length > 0;
  }
}

/** Which dictionaries have patterns ending in a state of a joined automaton (Union.reports). */
const MINE = 1;
const OTHERS = 2;

/**
 * One automaton for two dictionaries (searchWith): a text is read once, one table read per code
 * unit rather than one in each dictionary's table. Its states are those of a trie of both
 * dictionaries' patterns; each state keeps, for each dictionary apart, the patterns ending in it
 * and the nearest proper suffix state where some of that dictionary's patterns end. A state's
 * string ends with a pattern exactly when one of the two automata would report it there, and the
 * chains run from the longest suffix down, so each dictionary's occurrences come in the order its
 * own automaton gives them.
 */
interface Union {
  column: Uint16Array;
  width: number;
  delta: Uint16Array | Int32Array;
  /** Per state: MINE when a pattern of the first dictionary ends there, OTHERS the second's, or both. */
  reports: Uint8Array;
  mineFirst: Int32Array;
  mineOutput: Int32Array;
  mineTerminals: number[][];
  othersFirst: Int32Array;
  othersOutput: Int32Array;
  othersTerminals: number[][];
}

function joinAutomata(mine: readonly { pattern: string }[], others: readonly { pattern: string }[]): Union {
  const column = new Uint16Array(65536);
  const trie: Trie = { firstChild: [-1], nextSibling: [-1], unitOf: [0], depthOf: [0], terminals: [[]] };
  const width = buildTrie([...mine, ...others], column, trie);
  const states = trie.unitOf.length;
  const delta = states <= 65536 ? new Uint16Array(states * width) : new Int32Array(states * width);
  const output = new Int32Array(states).fill(-1);
  const fail = new Int32Array(states);
  const order: number[] = [];
  buildTable(trie, column, width, delta, output, fail, order);
  const mineTerminals: number[][] = [];
  const othersTerminals: number[][] = [];
  splitTerminals(trie.terminals, mine.length, mineTerminals, othersTerminals);
  const mineOutput = new Int32Array(states).fill(-1);
  suffixOutputs(order, fail, mineTerminals, mineOutput);
  const othersOutput = new Int32Array(states).fill(-1);
  suffixOutputs(order, fail, othersTerminals, othersOutput);
  const mineFirst = firstOutputs(mineTerminals, mineOutput);
  const othersFirst = firstOutputs(othersTerminals, othersOutput);
  const reports = new Uint8Array(states);
  for (let s = 0; s < states; s++) reports[s] = (mineFirst[s] !== -1 ? MINE : 0) | (othersFirst[s] !== -1 ? OTHERS : 0);
  return { column, width, delta, reports, mineFirst, mineOutput, mineTerminals, othersFirst, othersOutput, othersTerminals };
}

/** Each state's pattern indices, those below `split` into `mine` and the rest, less `split`, into `others`. */
function splitTerminals(terminals: readonly number[][], split: number, mine: number[][], others: number[][]): void {
  const none: number[] = [];
  for (let s = 0; s < terminals.length; s++) {
    const ending = terminals[s]!;
    if (ending.length === 0) {
      mine.push(none);
      others.push(none);
      continue;
    }
    const m: number[] = [];
    const o: number[] = [];
    for (let k = 0; k < ending.length; k++) {
      const index = ending[k]!;
      if (index < split) m.push(index);
      else o.push(index - split);
    }
    mine.push(m.length > 0 ? m : none);
    others.push(o.length > 0 ? o : none);
  }
}

/**
 * Fills `output` (all -1) with each state's nearest proper suffix state with some of `terminals`,
 * following failure links; `order` is breadth first, so a state's failure is done before it.
 */
function suffixOutputs(order: readonly number[], fail: Int32Array, terminals: readonly number[][], output: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const s = order[k]!;
    const f = fail[s]!;
    output[s] = terminals[f]!.length > 0 ? f : output[f]!;
  }
}

/** The second dictionary's patterns ending at `end` in state `state` of `union`, as its forEachEnd reports them. */
function visitJoined(union: Union, state: number, end: number, visit: (patternIndex: number, end: number) => void): void {
  const output = union.othersOutput;
  const terminals = union.othersTerminals;
  for (let s = union.othersFirst[state]!; s !== -1; s = output[s]!) {
    const ending = terminals[s]!;
    for (let k = 0; k < ending.length; k++) visit(ending[k]!, end);
  }
}

/**
 * The trie, with sparse transitions while it is built (see buildTrie): per state, its children as a
 * linked list (first child, next sibling), the code unit leading to it, its depth and the patterns
 * ending in it. Starts with the root alone.
 */
interface Trie {
  firstChild: number[];
  nextSibling: number[];
  unitOf: number[];
  depthOf: number[];
  terminals: number[][];
}

/**
 * Adds the patterns to the trie, with one map for all edges (state and code unit to child), and
 * gives each code unit they use a column of `column` (from 1; 0 is every other unit). Answers the
 * number of columns used.
 */
function buildTrie(patterns: readonly { pattern: string }[], column: Uint16Array, trie: Trie): number {
  const edge = new Map<number, number>();
  const { firstChild, nextSibling, unitOf, depthOf, terminals } = trie;
  let width = 1;
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index]!.pattern;
    if (pattern === '') continue;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (column[unit] === 0) column[unit] = width++;
      const key = state * 65536 + unit;
      let child = edge.get(key);
      if (child === undefined) {
        child = unitOf.length;
        edge.set(key, child);
        unitOf.push(unit);
        depthOf.push(i + 1);
        firstChild.push(-1);
        nextSibling.push(firstChild[state]!);
        firstChild[state] = child;
        terminals.push([]);
      }
      state = child;
    }
    terminals[state]!.push(index);
  }
  return width;
}

/**
 * Fills the full transition table `delta` (state * width + column -> next state) and `output`, each
 * state's nearest proper suffix state with terminals (all -1 when given); and, for a caller that
 * wants them, `fail` with each state's failure and `queue` with the states breadth first.
 */
function buildTable(
  trie: Trie, column: Uint16Array, width: number, delta: Uint16Array | Int32Array, output: Int32Array,
  fail = new Int32Array(trie.unitOf.length), queue: number[] = [],
): void {
  const { firstChild, nextSibling, unitOf, terminals } = trie;
  for (let child = firstChild[0]!; child !== -1; child = nextSibling[child]!) {
    delta[column[unitOf[child]!]!] = child;
    queue.push(child);
  }
  // Breadth first: a state's failure is the longest proper suffix that is a state, and its row is
  // its failure's row (copied in a plain loop: copyWithin costs a runtime call per row) with its
  // own children written over it.
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    const failure = fail[state]!;
    const row = state * width;
    const failureRow = failure * width;
    for (let c = 0; c < width; c++) delta[row + c] = delta[failureRow + c]!;
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      const col = column[unitOf[child]!]!;
      const target = delta[failureRow + col]!;
      const childFailure = target !== child ? target : 0;
      fail[child] = childFailure;
      output[child] = terminals[childFailure]!.length > 0 ? childFailure : output[childFailure]!;
      delta[row + col] = child;
      queue.push(child);
    }
  }
}

/** The first state whose terminals end in each state: the state itself, its nearest suffix with terminals, or -1. */
function firstOutputs(terminals: readonly number[][], output: Int32Array): Int32Array {
  const firstOutput = new Int32Array(terminals.length);
  for (let s = 0; s < terminals.length; s++) firstOutput[s] = terminals[s]!.length > 0 ? s : output[s]!;
  return firstOutput;
}

function wholeCharacters(text: string, start: number, end: number): boolean {
  return !(start > 0 && attaches(text, start)) && !(end < text.length && attaches(text, end));
}

function attaches(text: string, at: number): boolean {
  // Below U+0300 nothing attaches: skip the expression for the common case.
  return text.charCodeAt(at) >= 0x300 && ATTACHES.test(text.slice(at, at + 2));
}
