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
