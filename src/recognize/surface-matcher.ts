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
 * at the cost of a Map lookup per code unit instead of a grapheme segmentation of the text.
 */
export class SurfaceMatcher<T> {
  /** The dictionary, in the order given (hits carry an index into it). */
  readonly patterns: readonly { pattern: string; data: T | undefined }[];
  /** Transitions of each state; the root's are a dense table for speed. */
  readonly #next: Map<number, number>[] = [new Map()];
  readonly #root = new Int32Array(65536).fill(0);
  readonly #fail: number[] = [0];
  /** Pattern indices ending exactly in each state (in pattern order). */
  readonly #terminals: number[][] = [[]];
  /** The nearest suffix state with terminals, or -1. */
  readonly #output: number[] = [-1];

  constructor(patterns: readonly { pattern: string; data?: T }[]) {
    this.patterns = patterns.map((p) => ({ pattern: p.pattern, data: p.data }));
    for (const [index, { pattern }] of this.patterns.entries()) {
      if (pattern === '') continue;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let child = this.#next[state]!.get(unit);
        if (child === undefined) {
          child = this.#next.length;
          this.#next.push(new Map());
          this.#fail.push(0);
          this.#terminals.push([]);
          this.#output.push(-1);
          this.#next[state]!.set(unit, child);
        }
        state = child;
      }
      this.#terminals[state]!.push(index);
    }
    for (const [unit, child] of this.#next[0]!) this.#root[unit] = child;
    // Failure links breadth first: a state's failure is the longest proper suffix that is a state.
    const queue: number[] = [...this.#next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [unit, child] of this.#next[state]!) {
        let f = this.#fail[state]!;
        while (f !== 0 && !this.#next[f]!.has(unit)) f = this.#fail[f]!;
        const target = this.#next[f]!.get(unit);
        const failure = target !== undefined && target !== child ? target : 0;
        this.#fail[child] = failure;
        this.#output[child] = this.#terminals[failure]!.length > 0 ? failure : this.#output[failure]!;
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern in `text`, overlapping ones included. */
  search(text: string): SurfaceHit<T>[] {
    const out: SurfaceHit<T>[] = [];
    const next = this.#next;
    const fail = this.#fail;
    const root = this.#root;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let to: number | undefined;
      while (state !== 0 && (to = next[state]!.get(unit)) === undefined) state = fail[state]!;
      state = state === 0 ? root[unit]! : to!;
      if (state === 0) continue;
      const end = i + 1;
      for (let s = this.#terminals[state]!.length > 0 ? state : this.#output[state]!; s !== -1; s = this.#output[s]!) {
        for (const index of this.#terminals[s]!) {
          const { pattern, data } = this.patterns[index]!;
          const start = end - pattern.length;
          if (!wholeCharacters(text, start, end)) continue;
          out.push({ pattern, patternIndex: index, start, end, data });
        }
      }
    }
    return out;
  }
}

function wholeCharacters(text: string, start: number, end: number): boolean {
  return !(start > 0 && attaches(text, start)) && !(end < text.length && attaches(text, end));
}

function attaches(text: string, at: number): boolean {
  // Below U+0300 nothing attaches: skip the expression for the common case.
  return text.charCodeAt(at) >= 0x300 && ATTACHES.test(text.slice(at, at + 2));
}
