import { SurfaceMatcher } from './surface-matcher.js';

/**
 * Named lists of plain words, found in a text in one pass. A pattern rule whose every match
 * contains a word of its list need only run on the sentences that contain one; asking the index
 * answers that for every rule and sentence without scanning each sentence once per rule.
 */
export class LiteralLists<K extends string> {
  readonly #matcher: SurfaceMatcher<number[]>;
  readonly #ids: Map<K, number>;

  constructor(lists: Readonly<Record<K, readonly string[]>>) {
    this.#ids = new Map((Object.keys(lists) as K[]).map((name, id) => [name, id]));
    // One pattern per distinct word, carrying every list it belongs to.
    const listsOf = new Map<string, number[]>();
    for (const [name, id] of this.#ids) {
      for (const word of lists[name]) {
        if (word === '') continue;
        const ids = listsOf.get(word) ?? [];
        if (!ids.includes(id)) ids.push(id);
        listsOf.set(word, ids);
      }
    }
    this.#matcher = new SurfaceMatcher([...listsOf].map(([pattern, data]) => ({ pattern, data })));
  }

  /** Where the words of every list occur in `text`. */
  index(text: string): LiteralIndex<K> {
    const starts: number[][] = [...this.#ids.values()].map(() => []);
    const ends: number[][] = starts.map(() => []);
    // Every (list, occurrence) in the order they end, for the lists present in a span.
    const hits: Hits = { starts: [], ends: [], lists: [] };
    const patterns = this.#matcher.patterns;
    this.#matcher.forEachEnd(text, (patternIndex, end) => {
      const { pattern, data } = patterns[patternIndex]!;
      const start = end - pattern.length;
      for (const id of data!) {
        starts[id]!.push(start);
        ends[id]!.push(end);
        hits.starts.push(start);
        hits.ends.push(end);
        hits.lists.push(id);
      }
    });
    return new LiteralIndex(this.#ids, starts, ends, hits);
  }
}

interface Hits {
  starts: number[];
  ends: number[];
  lists: number[];
}

const NONE: readonly number[] = Object.freeze([]);

/** Occurrences of each list's words in one text, in the order they end. */
export class LiteralIndex<K extends string> {
  readonly #ids: Map<K, number>;
  readonly #starts: number[][];
  readonly #ends: number[][];
  readonly #hits: Hits;

  constructor(ids: Map<K, number>, starts: number[][], ends: number[][], hits: Hits) {
    this.#ids = ids;
    this.#starts = starts;
    this.#ends = ends;
    this.#hits = hits;
  }

  /**
   * The words found within [start, end) of the text, with offsets relative to `start`. Which lists
   * have a word there is worked out once, from the occurrences ending in the span, so asking a
   * list with none (most lists, in most sentences) costs one array read.
   */
  span(start: number, end: number): SpanLiterals<K> {
    const present = new Uint8Array(this.#ids.size);
    const { starts, ends, lists } = this.#hits;
    for (let i = firstAfter(ends, start); i < ends.length && ends[i]! <= end; i++) if (starts[i]! >= start) present[lists[i]!] = 1;
    return {
      has: (list, from = 0, to = end - start) => {
        const found = present[this.#id(list)] === 1;
        // The whole span, or a part of it with no word of the list anywhere in the span.
        if (from === 0 && to >= end - start) return found;
        if (from >= 0 && !found) return false;
        return this.has(list, start + from, start + Math.min(to, end - start));
      },
      starts: (list) => (present[this.#id(list)] === 0 ? NONE : this.startsIn(list, start, end, start)),
    };
  }

  /** Where words of the list lying wholly within [start, end) start, minus `offset`, ascending, each once. */
  startsIn(list: K, start: number, end: number, offset = 0): number[] {
    const id = this.#id(list);
    const starts = this.#starts[id]!;
    const ends = this.#ends[id]!;
    let i = firstAfter(ends, start);
    if (i >= ends.length || ends[i]! > end) return [];
    const out: number[] = [];
    for (; i < ends.length && ends[i]! <= end; i++) if (starts[i]! >= start) out.push(starts[i]! - offset);
    // Found in the order they end: words of different lengths can end in another order than they start.
    for (let i = 1; i < out.length; i++) {
      if (out[i]! <= out[i - 1]!) return [...new Set(out)].sort((a, b) => a - b);
    }
    return out;
  }

  /** Whether a word of the list lies wholly within [start, end): `text.slice(start, end).includes(word)` for some word. */
  has(list: K, start: number, end: number): boolean {
    const id = this.#id(list);
    const starts = this.#starts[id]!;
    const ends = this.#ends[id]!;
    // The last occurrence ending by `end`, then back over those ending after `start`.
    for (let i = firstAfter(ends, end) - 1; i >= 0 && ends[i]! > start; i--) if (starts[i]! >= start) return true;
    return false;
  }

  #id(list: K): number {
    const id = this.#ids.get(list);
    if (id === undefined) throw new Error(`unknown word list ${list}`);
    return id;
  }
}

/** The words of a text span: what LiteralIndex answers, with offsets relative to the span. */
export interface SpanLiterals<K extends string> {
  /** Whether a word of the list lies wholly within [from, to) of the span (the whole span by default). */
  has(list: K, from?: number, to?: number): boolean;
  /** Where words of the list lying wholly within the span start, ascending, each once. */
  starts(list: K): readonly number[];
}

/** The first index whose value is greater than `value`, in an ascending array. */
function firstAfter(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
