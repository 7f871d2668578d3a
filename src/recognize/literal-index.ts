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
    const patterns = this.#matcher.patterns;
    this.#matcher.forEachEnd(text, (patternIndex, end) => {
      const { pattern, data } = patterns[patternIndex]!;
      for (const id of data!) {
        starts[id]!.push(end - pattern.length);
        ends[id]!.push(end);
      }
    });
    return new LiteralIndex(this.#ids, starts, ends);
  }
}

/** Occurrences of each list's words in one text, in the order they end. */
export class LiteralIndex<K extends string> {
  readonly #ids: Map<K, number>;
  readonly #starts: number[][];
  readonly #ends: number[][];

  constructor(ids: Map<K, number>, starts: number[][], ends: number[][]) {
    this.#ids = ids;
    this.#starts = starts;
    this.#ends = ends;
  }

  /** Whether a word of the list lies wholly within [start, end): `text.slice(start, end).includes(word)` for some word. */
  has(list: K, start: number, end: number): boolean {
    const id = this.#ids.get(list);
    if (id === undefined) throw new Error(`unknown word list ${list}`);
    const starts = this.#starts[id]!;
    const ends = this.#ends[id]!;
    // The last occurrence ending by `end`, then back over those ending after `start`.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && ends[i]! > start; i--) if (starts[i]! >= start) return true;
    return false;
  }
}
