import type { Timex } from '../../model/index.js';

/** What a parser proposes; the recogniser adds doc and text, refiners merge and de-overlap. */
export interface TimexCandidate {
  start: number;
  end: number;
  type: Timex['type'];
  value: string;
  mod?: Timex['mod'];
  range?: { start: string; end: string };
  /** Parts of the value filled in by recognition itself (a year carried over from "January to December 2022"). */
  inferred?: string[];
  rule: string;
}

/**
 * A candidate in the one shape every stage after the parsers works with: all fields present from construction,
 * in one order, unset ones undefined. Parsers return literals of a dozen shapes (fields added only when set); fed
 * to the refiners as they are, each refiner met several maps, and V8 threw away code it had compiled for the
 * first few on meeting another (and compiled it again, polymorphic and larger).
 */
export function candidate(
  start: number,
  end: number,
  type: Timex['type'],
  value: string,
  rule: string,
  mod: Timex['mod'] | undefined,
  range: { start: string; end: string } | undefined,
  inferred: string[] | undefined,
): TimexCandidate {
  return { start, end, type, value, mod, range, inferred, rule };
}

/** A parser's result in the shared shape. */
export function asCandidate(c: TimexCandidate): TimexCandidate {
  return candidate(c.start, c.end, c.type, c.value, c.rule, c.mod, c.range, c.inferred);
}

/**
 * An empty list of candidates with the elements kind a filled one has: an empty literal is an array of small
 * integers to V8 until the first push, a map of its own that the code reading the list would meet too.
 */
export function candidateList(): TimexCandidate[] {
  const list = [EMPTY];
  list.pop();
  return list;
}

const EMPTY = candidate(0, 0, 'DATE', '', '', undefined, undefined, undefined);
// The optional fields hold undefined first and a string, range or list later: V8 tracks what kind of value each
// field of a shape has held and, when a new kind comes, replaces the shape and throws away code made for it. One
// candidate with each field filled, made here before any code runs, settles the fields' kinds at the start.
candidate(0, 0, 'DATE', '', '', 'START', { start: '', end: '' }, ['']);

/**
 * One small parser: a global regex, compiled once, and a function that turns a match into
 * candidates (or nothing, when the context shows it is not a time expression).
 */
export interface TimeParser {
  name: string;
  pattern: RegExp;
  extract(match: RegExpExecArray, text: string): TimexCandidate | TimexCandidate[] | null;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The word just before `at` (letters, digits, dots, hyphens), for context checks. */
export function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && (isWordChar(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === DOT)) start--;
  return text.slice(start, end);
}

/** The word just after `at`. */
export function wordAfter(text: string, at: number): string {
  let start = at;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

const DOT = 46;
const isBlank = (c: number) => c === 32 || c === 9;
/** `[\w'-]` by character code (no regex run per character). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 45;
}
