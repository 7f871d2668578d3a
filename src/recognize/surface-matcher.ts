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
   * What `search(text)` returns, while `other.forEachEnd(text, visit)` runs in the same pass. Each
   * code unit's step in one automaton does not wait for the other's, so the processor overlaps
   * them: two dictionaries cost little more than one, and the text is read once.
   */
  searchWith<U>(text: string, other: SurfaceMatcher<U>, visit: (patternIndex: number, end: number) => void): SurfaceHit<T>[] {
    const out: SurfaceHit<T>[] = [];
    const column = this.#column;
    const delta = this.#delta;
    const width = this.#width;
    const firstOutput = this.#firstOutput;
    const otherColumn = other.#column;
    const otherDelta = other.#delta;
    const otherWidth = other.#width;
    const otherFirstOutput = other.#firstOutput;
    let state = 0;
    let otherState = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      state = delta[state * width + column[unit]!]!;
      otherState = otherDelta[otherState * otherWidth + otherColumn[unit]!]!;
      if (firstOutput[state]! !== -1 && state !== 0) this.#report(text, state, i + 1, out);
      if (otherFirstOutput[otherState]! !== -1 && otherState !== 0) other.#visit(otherState, i + 1, visit);
    }
    return out;
  }

  /** The hits ending at `end` in `state`, as search reports them. */
  #report(text: string, state: number, end: number, out: SurfaceHit<T>[]): void {
    const output = this.#output;
    const terminals = this.#terminals;
    const patterns = this.patterns;
    for (let s = this.#firstOutput[state]!; s !== -1; s = output[s]!) {
      for (const index of terminals[s]!) {
        const { pattern, data } = patterns[index]!;
        const start = end - pattern.length;
        if (!wholeCharacters(text, start, end)) continue;
        out.push({ pattern, patternIndex: index, start, end, data });
      }
    }
  }

  /** The patterns ending at `end` in `state`, as forEachEnd reports them. */
  #visit(state: number, end: number, visit: (patternIndex: number, end: number) => void): void {
    const output = this.#output;
    const terminals = this.#terminals;
    for (let s = this.#firstOutput[state]!; s !== -1; s = output[s]!) for (const index of terminals[s]!) visit(index, end);
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
 * state's nearest proper suffix state with terminals (all -1 when given).
 */
function buildTable(trie: Trie, column: Uint16Array, width: number, delta: Uint16Array | Int32Array, output: Int32Array): void {
  const { firstChild, nextSibling, unitOf, terminals } = trie;
  const fail = new Int32Array(unitOf.length);
  const queue: number[] = [];
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
