import type { AnalysedDocument, Mention, Quantity, Sentence, Timex } from '../model/index.js';

/** A timex in a sentence, with its index in doc.timexes (event dates cite it). */
export interface TimexRef {
  timex: Timex;
  index: number;
  // What extraction reads of it for every trigger, copied: timexes have several optional fields, in
  // several combinations (nine shapes in a year of speeches), and refs have one.
  start: number;
  end: number;
  type: Timex['type'];
  value: string;
}

function timexRef(timex: Timex, index: number): TimexRef {
  return { timex, index, start: startOf(timex), end: endOf(timex), type: timex.type, value: timex.value };
}

// The offsets of the mentions, timexes and quantities of a document, read at one place for all of
// them: the place sees more shapes than V8 tracks one by one from the first document on and reads
// them all the generic way, where reading each kind apart met a new shape now and then after being
// optimised, and was deoptimised and compiled again.
function startOf(item: { start: number }): number {
  return item.start;
}

function endOf(item: { end: number }): number {
  return item.end;
}

/** A document's mentions, timexes (with their index in doc.timexes) and quantities inside one sentence, in document order. */
export interface SentenceItems {
  mentions: Mention[];
  timexes: TimexRef[];
  quantities: Quantity[];
}

interface Index {
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  timexes: readonly Timex[];
  quantities: readonly Quantity[];
  byStart: Map<number, { end: number; items: SentenceItems }>;
}

// One index per analysed document, built on the first sentence asked for: filtering every
// mention for every sentence made extraction grow with the square of the document's length.
const indexes = new WeakMap<AnalysedDocument, Index | null>();

/**
 * What lies inside `sentence` (start >= sentence.start and end <= sentence.end), exactly as
 * filtering the document's lists would give, in time proportional to the sentence's own items.
 */
export function sentenceItems(doc: AnalysedDocument, sentence: Sentence): SentenceItems {
  const index = indexFor(doc);
  const found = index?.byStart.get(sentence.start);
  if (found && found.end === sentence.end) return found.items;
  return filterItems(doc, sentence);
}

function filterItems(doc: AnalysedDocument, sentence: { start: number; end: number }): SentenceItems {
  const inside = (x: { start: number; end: number }): boolean => x.start >= sentence.start && x.end <= sentence.end;
  const timexes: SentenceItems['timexes'] = [];
  doc.timexes.forEach((timex, index) => {
    if (inside(timex)) timexes.push(timexRef(timex, index));
  });
  return { mentions: doc.mentions.filter(inside), timexes, quantities: doc.quantities.filter(inside) };
}

function indexFor(doc: AnalysedDocument): Index | null {
  let index = indexes.get(doc);
  const seg = doc.segmentation;
  // The same document object with other lists (never done by the pipeline, but cheap to check) is indexed anew.
  if (index && index.sentences === seg.sentences && index.mentions === doc.mentions && index.timexes === doc.timexes && index.quantities === doc.quantities) return index;
  if (index === null) return null;
  index = buildIndex(doc);
  indexes.set(doc, index);
  return index;
}

function buildIndex(doc: AnalysedDocument): Index | null {
  const sentences = doc.segmentation.sentences;
  // Only sentences in order and not overlapping (what segmentation makes) can be found by bisection.
  for (let k = 1; k < sentences.length; k++) if (sentences[k]!.start < sentences[k - 1]!.end) return null;
  // Pushed, not mapped: map gives a packed list as a builtin and a holey one inlined in optimised
  // code, and the reads below were deoptimised ("wrong map") when the other kind came.
  // Sentences without items share NO_ITEMS, and a bucket's lists are made on their first item: most
  // sentences have no timex or quantity, and these lists lived (through scavenges) to the document's end.
  const buckets: SentenceItems[] = [];
  for (let k = 0; k < sentences.length; k++) buckets.push(NO_ITEMS);
  for (const m of doc.mentions) {
    const last = lastStartingBy(sentences, startOf(m));
    for (let j = firstHolding(sentences, last, endOf(m)); j <= last; j++) {
      const b = bucketAt(buckets, j);
      if (b.mentions === NO_ITEMS.mentions) b.mentions = [m];
      else b.mentions.push(m);
    }
  }
  for (let index = 0; index < doc.timexes.length; index++) {
    const timex = doc.timexes[index]!;
    const last = lastStartingBy(sentences, startOf(timex));
    for (let j = firstHolding(sentences, last, endOf(timex)); j <= last; j++) {
      const b = bucketAt(buckets, j);
      if (b.timexes === NO_ITEMS.timexes) b.timexes = [timexRef(timex, index)];
      else b.timexes.push(timexRef(timex, index));
    }
  }
  for (const q of doc.quantities) {
    const last = lastStartingBy(sentences, startOf(q));
    for (let j = firstHolding(sentences, last, endOf(q)); j <= last; j++) {
      const b = bucketAt(buckets, j);
      if (b.quantities === NO_ITEMS.quantities) b.quantities = [q];
      else b.quantities.push(q);
    }
  }
  const byStart = new Map<number, { end: number; items: SentenceItems }>();
  sentences.forEach((s, k) => {
    // Two empty sentences at one offset hold the same items; the first is kept.
    if (!byStart.has(s.start)) byStart.set(s.start, { end: s.end, items: buckets[k]! });
  });
  return { sentences, mentions: doc.mentions, timexes: doc.timexes, quantities: doc.quantities, byStart };
}

/**
 * An empty list of the elements kind a list of objects has. An empty literal has a kind of its own,
 * which the first push changes: sentences without items and with them would have lists of two maps,
 * and code reading them was deoptimised when the other came by.
 */
function objectList<T extends object>(): T[] {
  const list = [{}] as T[];
  list.pop();
  return list;
}

/** The items of a sentence with none: shared, never written to (a sentence's own bucket is made on its first item). */
const NO_ITEMS: SentenceItems = { mentions: objectList<Mention>(), timexes: objectList<TimexRef>(), quantities: objectList<Quantity>() };

/** Sentence j's own bucket, made on its first item (its lists still the shared empty ones). */
function bucketAt(buckets: SentenceItems[], j: number): SentenceItems {
  let b = buckets[j]!;
  if (b === NO_ITEMS) buckets[j] = b = { mentions: NO_ITEMS.mentions, timexes: NO_ITEMS.timexes, quantities: NO_ITEMS.quantities };
  return b;
}

/** The last sentence starting at or before an offset (-1 if none). */
function lastStartingBy(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) { k = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return k;
}

/**
 * The first of the sentences up to `last` that hold an item ending at `end`: they run back from
 * `last` while they end at or after it (only empty sentences on its end can, besides `last`). All
 * of them start at or before the item, as `last` does, sentences being in order.
 */
function firstHolding(sentences: readonly Sentence[], last: number, end: number): number {
  let j = last;
  while (j >= 0 && sentences[j]!.end >= end) j--;
  return j + 1;
}
