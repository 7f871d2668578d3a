import { SurfaceMatcher } from './surface-matcher.js';

/**
 * Named lists of plain words, found in a text in one pass. A pattern rule whose every match
 * contains a word of its list need only run on the sentences that contain one; asking the index
 * answers that for every rule and sentence without scanning each sentence once per rule.
 */
export class LiteralLists<K extends string> {
  /** The distinct words, each with the lists it belongs to (ids into the lists, in the order given). */
  readonly words: readonly { pattern: string; data: number[] }[];
  /**
   * Each list's id, which has, starts and startsIn accept in place of its name: a caller asking
   * many times saves looking the name up each time (an object built at once, so its properties
   * stay fast to read).
   */
  readonly ids: Readonly<Record<K, number>>;
  readonly #listCount: number;
  #matcher: SurfaceMatcher<number[]> | undefined;
  /** What collect is filling (undefined outside it). */
  #filling: { starts: number[][]; ends: number[][]; hits: Hits } | undefined;

  /**
   * Records one occurrence into what collect is filling. One function for the lists' whole life,
   * not a closure per collect: the search that calls it for every word found was compiled to call
   * one function, and a new one each document threw that code away (a "wrong call target" deopt).
   */
  readonly #record = (word: number, end: number): void => {
    const filling = this.#filling;
    if (!filling) throw new Error('LiteralLists: an occurrence reported outside collect');
    const { pattern, data } = this.words[word]!;
    const start = end - pattern.length;
    for (let i = 0; i < data.length; i++) {
      const id = data[i]!;
      filling.starts[id]!.push(start);
      filling.ends[id]!.push(end);
      filling.hits.starts.push(start);
      filling.hits.ends.push(end);
      filling.hits.lists.push(id);
    }
  };

  constructor(lists: Readonly<Record<K, readonly string[]>>) {
    const names = Object.keys(lists) as K[];
    this.ids = Object.fromEntries(names.map((name, id) => [name, id])) as Record<K, number>;
    this.#listCount = names.length;
    // One pattern per distinct word, carrying every list it belongs to.
    const listsOf = new Map<string, number[]>();
    names.forEach((name, id) => {
      for (const word of lists[name]) {
        if (word === '') continue;
        const of = listsOf.get(word) ?? [];
        if (!of.includes(id)) of.push(id);
        listsOf.set(word, of);
      }
    });
    this.words = [...listsOf].map(([pattern, data]) => ({ pattern, data }));
  }

  /** Where the words of every list occur in `text`. */
  index(text: string): LiteralIndex<K> {
    const matcher = this.matcher;
    return this.collect((visit) => matcher.forEachEnd(text, visit));
  }

  /** The matcher of `words` (pattern i is words[i]), built when first asked for. */
  get matcher(): SurfaceMatcher<number[]> {
    return (this.#matcher ??= new SurfaceMatcher(this.words));
  }

  /**
   * The index built from occurrences found by the caller: `find` reports each occurrence of
   * `words[word]` by its end, in the order they end, as SurfaceMatcher.forEachEnd does. For a caller
   * that finds these words in the same pass as other patterns.
   */
  collect(find: (visit: (word: number, end: number) => void) => void): LiteralIndex<K> {
    const starts: number[][] = [];
    const ends: number[][] = [];
    for (let id = 0; id < this.#listCount; id++) {
      starts.push([]);
      ends.push([]);
    }
    // Every (list, occurrence) in the order they end, for the lists present in a span.
    const hits: Hits = { starts: [], ends: [], lists: [] };
    const outer = this.#filling;
    this.#filling = { starts, ends, hits };
    try {
      find(this.#record);
    } finally {
      this.#filling = outer;
    }
    return new LiteralIndex(this.ids, this.#listCount, starts, ends, hits);
  }


}

interface Hits {
  starts: number[];
  ends: number[];
  lists: number[];
}

/**
 * The starts of a list absent from a span. Not frozen: a frozen array has a map of its own, and the
 * rules' loops over starts were compiled for the map every other answer has.
 */
const NONE: readonly number[] = [];

/** Occurrences of each list's words in one text, in the order they end. */
export class LiteralIndex<K extends string> {
  readonly ids: Readonly<Record<K, number>>;
  readonly #listCount: number;
  readonly #starts: number[][];
  readonly #ends: number[][];
  readonly #hits: Hits;

  constructor(ids: Readonly<Record<K, number>>, listCount: number, starts: number[][], ends: number[][], hits: Hits) {
    this.ids = ids;
    this.#listCount = listCount;
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
    const present = new Uint8Array(this.#listCount);
    const { starts, ends, lists } = this.#hits;
    for (let i = firstAfter(ends, start); i < ends.length && ends[i]! <= end; i++) if (starts[i]! >= start) present[lists[i]!] = 1;
    return new SpanWords(this, present, start, end);
  }

  /** Where words of the list lying wholly within [start, end) start, minus `offset`, ascending, each once. */
  startsIn(list: K | number, start: number, end: number, offset = 0): number[] {
    const id = this.#id(list);
    const starts = this.#starts[id]!;
    const ends = this.#ends[id]!;
    let i = firstAfter(ends, start);
    if (i >= ends.length || ends[i]! > end) return [];
    const out: number[] = [];
    for (; i < ends.length && ends[i]! <= end; i++) if (starts[i]! >= start) out.push(starts[i]! - offset);
    // Found in the order they end: words of different lengths can end in another order than they start.
    for (let i = 1; i < out.length; i++) {
      if (out[i]! <= out[i - 1]!) return ascendingOnce(out);
    }
    return out;
  }

  /** Whether a word of the list lies wholly within [start, end): `text.slice(start, end).includes(word)` for some word. */
  has(list: K | number, start: number, end: number): boolean {
    const id = this.#id(list);
    const starts = this.#starts[id]!;
    const ends = this.#ends[id]!;
    // The last occurrence ending by `end`, then back over those ending after `start`.
    for (let i = firstAfter(ends, end) - 1; i >= 0 && ends[i]! > start; i--) if (starts[i]! >= start) return true;
    return false;
  }

  #id(list: K | number): number {
    return listId(this.ids, list);
  }
}

/**
 * LiteralIndex.span's answer. A class rather than an object of closures: a sentence's rules ask it
 * dozens of times, and calls to one class's methods are cheaper than calls through closures made
 * anew for every sentence.
 */
class SpanWords<K extends string> implements SpanLiterals<K> {
  readonly ids: Readonly<Record<K, number>>;
  readonly #index: LiteralIndex<K>;
  /** 1 for each list with a word wholly within the span. */
  readonly #present: Uint8Array;
  readonly #start: number;
  readonly #end: number;

  constructor(index: LiteralIndex<K>, present: Uint8Array, start: number, end: number) {
    this.ids = index.ids;
    this.#index = index;
    this.#present = present;
    this.#start = start;
    this.#end = end;
  }

  has(list: K | number, from = 0, to = this.#end - this.#start): boolean {
    const found = this.#present[listId(this.ids, list)] === 1;
    const length = this.#end - this.#start;
    // The whole span, or a part of it with no word of the list anywhere in the span.
    if (from === 0 && to >= length) return found;
    if (from >= 0 && !found) return false;
    return this.#index.has(list, this.#start + from, this.#start + Math.min(to, length));
  }

  starts(list: K | number): readonly number[] {
    return this.#present[listId(this.ids, list)] === 0 ? NONE : this.#index.startsIn(list, this.#start, this.#end, this.#start);
  }

}

/** A list's id, given its id or its name. */
function listId<K extends string>(ids: Readonly<Record<K, number>>, list: K | number): number {
  if (typeof list === 'number') return list;
  const id = Object.hasOwn(ids, list) ? ids[list] : undefined;
  if (id === undefined) throw new Error(`unknown word list ${list}`);
  return id;
}

/** The words of a text span: what LiteralIndex answers, with offsets relative to the span. */
export interface SpanLiterals<K extends string> {
  /** Each list's id, accepted in place of its name (see LiteralLists.ids). */
  readonly ids: Readonly<Record<K, number>>;
  /** Whether a word of the list lies wholly within [from, to) of the span (the whole span by default). */
  has(list: K | number, from?: number, to?: number): boolean;
  /** Where words of the list lying wholly within the span start, ascending, each once. */
  starts(list: K | number): readonly number[];
}

/**
 * The numbers of `list` ascending, each once, in `list` itself: an array of small integers keeps
 * the map the rules' loops expect (one made from a Set has another).
 */
function ascendingOnce(list: number[]): number[] {
  list.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[kept - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
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
