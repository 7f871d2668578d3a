import { readDataRows } from '../extract/data-files.js';

/** A name with a known year: a historical event (its start and end years) or an agreement (the year signed). */
export interface Dated {
  name: string;
  start: number;
  end: number;
  kind: 'event' | 'agreement';
}

// Every name and alias of data/named-events.tsv and data/agreements.tsv, lower case, without a leading "the".
const DATED = new Map<string, Dated>();
for (const [name, aliases, start, end] of readDataRows('named-events.tsv')) {
  if (!name || !start) continue;
  for (const n of [name, ...(aliases ?? '').split('|')]) if (n) DATED.set(datedKey(n), { name, start: Number(start.slice(0, 4)), end: Number((end || start).slice(0, 4)), kind: 'event' });
}
for (const [, name, aliases, signed] of readDataRows('agreements.tsv')) {
  if (!name || !/^\d{4}/.test(signed ?? '')) continue;
  const year = Number(signed!.slice(0, 4));
  for (const n of [name, ...(aliases ?? '').split('|')]) if (n && !DATED.has(datedKey(n))) DATED.set(datedKey(n), { name, start: year, end: year, kind: 'agreement' });
}
const NAMES = [...DATED.keys()].sort((a, b) => b.length - a.length);
// An institution's founding, named as "the founding of X": X itself, when the text says it was founded.
const FOUNDED = NAMES.flatMap((n) => {
  const m = /^(?:founding|foundation|establishment|creation) of (?:the )?(.+)$/.exec(n);
  return m ? [{ institution: m[1]!, dated: DATED.get(n)! }] : [];
});

export function datedKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
}

// What may stand between "anniversary of" and the name: the act that began it, or the end of an event.
const ACT = /^(?:the\s+)?(?:(end|close)|(?:start|beginning|outbreak|adoption|signing|signature|conclusion|founding|foundation|establishment|creation|birth)|)\s*(?:of\s+)?(?:the\s+)?/i;

/** The name with a known year that the text at `from` begins with, longest first ("United Nations" as its founding). */
export function datedAt(text: string, from: number): { dated: Dated; end: number; useEnd: boolean } | undefined {
  const act = ACT.exec(text.slice(from, from + 40))!;
  const at = from + act[0].length;
  const ahead = text.slice(at, at + 120).toLowerCase().replace(/\s+/g, ' ');
  const original = text.slice(at, at + 120).replace(/\s+/g, ' ');
  // Bounded, and not the start of a longer name: "the United Nations Convention on the Law of the Sea".
  const bounded = (n: string) => ahead.startsWith(n) && !/[\w-]/.test(ahead.charAt(n.length)) && !/^ \p{Lu}/u.test(original.slice(n.length));
  for (const n of NAMES) {
    if (bounded(n)) return { dated: DATED.get(n)!, end: at + n.length, useEnd: !!act[1] };
  }
  // An institution's anniversary is that of its founding: "the seventieth anniversary of the United Nations".
  if (!act[1]) {
    for (const f of FOUNDED) if (bounded(f.institution)) return { dated: f.dated, end: at + f.institution.length, useEnd: false };
  }
  return undefined;
}

export interface DatedMention {
  dated: Dated;
  start: number;
  end: number;
  /** The year the text dates it by: its start or its end, as the words around it say; undefined when they do not say and the two differ. */
  year: number | undefined;
}

const ENDED_BEFORE = /\b(?:end|close|aftermath)\s+of\s+(?:the\s+)?$|\bafter\s+(?:the\s+)?$/i;
const BEGAN_BEFORE = /\b(?:start|beginning|outbreak|eve)\s+of\s+(?:the\s+)?$/i;
const BEGAN_AFTER = /^\s+(?:began|broke\s+out|started|erupted)\b/i;
const ENDED_AFTER = /^\s+(?:ended|came\s+to\s+an\s+end|was\s+over)\b/i;
// Said of an institution, the words that make a mention of it one of its founding: "created the United Nations",
// "the United Nations was born", "its founding".
const FOUNDING_BEFORE = /\b(?:found(?:ed|ing)|foundation|establish(?:ed|ing|ment)|creat(?:ed|ing|ion)|birth|born|set\s+up)\s+(?:of\s+)?(?:the\s+)?$/i;
const FOUNDING_AFTER = /^\s*(?:was|were)\s+(?:founded|established|created|born|set\s+up)\b/i;

// The names and institutions a text contains anywhere, found once per text: the windows searched for them (one per
// "years ago", "this year", "its anniversary") then try only those, not every name known.
let presentCache: { text: string; names: string[]; founded: typeof FOUNDED } | undefined;

function present(text: string): { names: string[]; founded: typeof FOUNDED } {
  if (presentCache?.text !== text) {
    const lower = text.toLowerCase().replace(/\s/g, ' ');
    presentCache = { text, names: NAMES.filter((n) => lower.includes(n)), founded: FOUNDED.filter((f) => lower.includes(f.institution)) };
  }
  return presentCache;
}

/** Every name with a known year between `start` and `end` of the text, bounded as words. */
export function datedNamesIn(text: string, start: number, end: number): DatedMention[] {
  const known = present(text);
  const span = text.slice(start, end);
  const lower = span.toLowerCase().replace(/\s/g, ' ');
  const taken: Array<[number, number]> = [];
  const out: DatedMention[] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const boundedAt = (i: number, n: string) => !/[\w-]/.test(lower.charAt(i - 1)) && !/[\w-]/.test(lower.charAt(i + n.length)) && !/^ \p{Lu}/u.test(span.slice(i + n.length, i + n.length + 2));
  const add = (i: number, n: string, dated: Dated) => {
    taken.push([i, i + n.length]);
    const before = span.slice(Math.max(0, i - 30), i);
    const after = span.slice(i + n.length, i + n.length + 30);
    const year = ENDED_BEFORE.test(before) || ENDED_AFTER.test(after) ? dated.end
      : BEGAN_BEFORE.test(before) || BEGAN_AFTER.test(after) || dated.start === dated.end ? dated.start : undefined;
    out.push({ dated, start: start + i, end: start + i + n.length, year });
  };
  for (const n of known.names) {
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
      if (boundedAt(i, n) && free(i, i + n.length)) add(i, n, DATED.get(n)!);
    }
  }
  for (const f of known.founded) {
    const n = f.institution;
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
      if (!boundedAt(i, n) || !free(i, i + n.length)) continue;
      if (FOUNDING_BEFORE.test(span.slice(Math.max(0, i - 30), i)) || FOUNDING_AFTER.test(span.slice(i + n.length, i + n.length + 30))) add(i, n, f.dated);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// "the Organization", "our Organization": in a text that names one institution of known founding (the United Nations
// in a speech to its Assembly), that institution. Capitalized only: "an organization" is any.
const ORGANIZATION = /\bOrganization\b/g;

/**
 * The institution of known founding the text is about: the one it names, or the one it names at least twice as often
 * as any other (a speech to the United Nations that mentions its Human Rights Council once).
 */
let soleCache: { text: string; sole: { institution: string; dated: Dated } | undefined } | undefined;

function soleInstitution(text: string): { institution: string; dated: Dated } | undefined {
  // Asked once per "Organization" in the text: counted once per text, not once per mention.
  if (soleCache?.text !== text) soleCache = { text, sole: countInstitutions(text) };
  return soleCache.sole;
}

function countInstitutions(text: string): { institution: string; dated: Dated } | undefined {
  const lower = text.toLowerCase();
  const counts = new Map<string, { f: { institution: string; dated: Dated }; n: number }>();
  for (const f of FOUNDED) {
    const n = lower.split(f.institution).length - 1;
    if (!n) continue;
    const c = counts.get(f.dated.name);
    if (!c || n > c.n) counts.set(f.dated.name, { f, n });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  return ranked.length && (ranked.length === 1 || ranked[0]!.n >= 2 * ranked[1]!.n) ? ranked[0]!.f : undefined;
}

/**
 * What "its" refers to when said of an anniversary ("the Universal Declaration, which celebrates its seventieth
 * anniversary"): the last name with a known year in `text` between `from` and `to`, an institution counting as its
 * founding, and "the Organization" as the one institution of known founding the whole text names.
 */
export function lastDatedBefore(text: string, from: number, to: number): { dated: Dated; start: number; end: number } | undefined {
  const span = text.slice(from, to);
  const lower = span.toLowerCase().replace(/\s/g, ' ');
  let best: { dated: Dated; start: number; end: number } | undefined;
  const consider = (i: number, n: string, dated: Dated) => {
    if (/[\w-]/.test(lower.charAt(i - 1)) || /[\w-]/.test(lower.charAt(i + n.length))) return;
    if (!best || from + i > best.start) best = { dated, start: from + i, end: from + i + n.length };
  };
  const known = present(text);
  for (const n of known.names) {
    const i = lower.lastIndexOf(n);
    if (i >= 0) consider(i, n, DATED.get(n)!);
  }
  for (const f of known.founded) {
    const i = lower.lastIndexOf(f.institution);
    if (i >= 0 && !/^ \p{Lu}/u.test(span.slice(i + f.institution.length, i + f.institution.length + 2))) consider(i, f.institution, f.dated);
  }
  ORGANIZATION.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = ORGANIZATION.exec(span); m; m = ORGANIZATION.exec(span)) last = m;
  if (last && (!best || from + last.index > best.start)) {
    const sole = soleInstitution(text);
    if (sole) best = { dated: sole.dated, start: from + last.index, end: from + last.index + last[0].length };
  }
  return best;
}

const ORGANIZATION_AT = /^(?:the\s+|our\s+|this\s+)?(?:[\p{Ll}-]+\s+){0,2}Organization(?![\w-])/u;

/** "the Organization", "our global Organization" at `from`: the one institution of known founding the text names. */
export function organizationAt(text: string, from: number): { dated: Dated; end: number } | undefined {
  const m = ORGANIZATION_AT.exec(text.slice(from, from + 60));
  const sole = m ? soleInstitution(text) : undefined;
  return m && sole ? { dated: sole.dated, end: from + m[0].length } : undefined;
}
