import { readDataRows } from './data-files.js';
import { isRole } from './function-words.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const VALIDITY = /^(validity|implementation)$/;
const QUOTE_OR_HYPHEN = /^[“”"'‘’-]$/;
const VALIDITY_OR_OPERATION = /^(validity|implementation|operation)$/;
const LIST_JOIN = /^(,|and|or)$/;

/** What an agreement status change applies to: a recognised agreement entity, or a noun phrase. */
export interface AgreementTarget {
  /** Entity id; for phrases, a stable id built from the words (`agreement:text:negotiations-on-a-peace-treaty`). */
  entity: string;
  fromText: boolean;
  first: number;
  last: number;
  /** For phrases: the words as written ("negotiations on a peace treaty"), to name the entity. */
  name?: string;
}

let heads: Set<string> | undefined;
function agreementHeads(): Set<string> {
  heads ??= new Set(readDataRows('agreement-heads.tsv').map((r) => r[0]!).filter(Boolean));
  return heads;
}

function isHead(view: SentenceView, i: number): boolean {
  const t = view.tokens[i];
  return t !== undefined && !t.punct && t.lemmas.some((c) => (c.inflection === 'base' || c.inflection === 's') && agreementHeads().has(c.lemma));
}

const COMPLEMENT = /^(on|for|concerning|between|of|regarding|with|about)$/;
const SKIP_BEFORE_HEAD = 6;
const MAX_COMPLEMENT = 5;

export function slug(words: readonly string[]): string {
  return words
    .map((w) => w.toLowerCase().replace(/['’]/g, ''))
    .filter((w) => !/^(the|a|an|its|their|this|these|those)$/.test(w))
    .join('-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Agreements written after a trigger ("suspending free visits and the Four-island exchange
 * program", "the suspension of New START"): agreement mentions, else noun phrases ending in an
 * agreement head word, with a short complement ("negotiations on a peace treaty").
 */
export function agreementsAfter(view: SentenceView, clause: Clause, last: number): AgreementTarget[] {
  const out: AgreementTarget[] = [];
  let i = last + 1;
  while (i <= clause.last) {
    // "the suspension of the New START": skip "of the" to reach the name.
    while (i <= clause.last && (isRole(view.tokens[i], 'determiner') || isRole(view.tokens[i], 'preposition') || VALIDITY.test(view.tokens[i]!.lower))) i++;
    if (i > clause.last) break;
    const mention = view.mentionsAt[i]!.find((m) => m.kind === 'agreement');
    if (mention) {
      out.push({ entity: mention.entity, fromText: false, first: mention.first, last: mention.last });
      i = mention.last + 1;
    } else {
      // Find the head within a few words.
      let h = -1;
      for (let j = i; j <= Math.min(clause.last, i + SKIP_BEFORE_HEAD); j++) {
        if (view.tokens[j]!.punct && !QUOTE_OR_HYPHEN.test(view.tokens[j]!.text)) break;
        if (view.mentionsAt[j]!.some((m) => m.kind === 'agreement')) break;
        if (isHead(view, j)) {
          h = j;
          // "the joint economic activities" is not a head; take the last head of a compound ("exchange program").
          while (isHead(view, h + 1) && h + 1 <= clause.last) h++;
          break;
        }
      }
      if (h < 0) break;
      let end = h;
      const comp = view.tokens[h + 1];
      if (comp && COMPLEMENT.test(comp.lower)) {
        let k = h + 2;
        while (k <= clause.last && k <= h + 1 + MAX_COMPLEMENT) {
          const tk = view.tokens[k]!;
          if (tk.punct || tk.lower === 'and' || tk.lower === 'or' || COMPLEMENT.test(tk.lower)) break;
          end = k;
          k++;
        }
        // Prefer an agreement entity inside the complement: "the validity of the agreement on ...".
        const inner = view.mentions.find((m) => m.first > h && m.last <= end && m.kind === 'agreement');
        if (inner) {
          out.push({ entity: inner.entity, fromText: false, first: inner.first, last: inner.last });
          i = end + 1;
          if (!continuesList(view, i, clause)) break;
          i = skipJoin(view, i);
          continue;
        }
      }
      let start = i;
      while (start < h && (isRole(view.tokens[start], 'determiner') || isRole(view.tokens[start], 'preposition') || VALIDITY_OR_OPERATION.test(view.tokens[start]!.lower))) start++;
      const words = view.tokens.slice(start, end + 1).map((x) => x.text);
      out.push({ entity: `agreement:text:${slug(words)}`, fromText: true, first: start, last: end, name: view.doc.text.slice(view.tokens[start]!.start, view.tokens[end]!.end) });
      i = end + 1;
    }
    if (!continuesList(view, i, clause)) break;
    i = skipJoin(view, i);
  }
  return out;
}

function continuesList(view: SentenceView, i: number, clause: Clause): boolean {
  const t = view.tokens[i];
  if (!t || i > clause.last) return false;
  if (t.lower === 'and' || t.lower === 'or') return true;
  // ", and" / "," followed by something that is not a new verb.
  if (t.text === ',' && view.tokens[i + 1]?.lower !== 'and') return false;
  return false;
}

function skipJoin(view: SentenceView, i: number): number {
  while (view.tokens[i] && LIST_JOIN.test(view.tokens[i]!.lower)) i++;
  return i;
}

/** The agreement written before a state or passive trigger ("the programs are on hold", "the treaty was suspended"). */
export function agreementBefore(view: SentenceView, clause: Clause, first: number): AgreementTarget | null {
  for (let i = first - 1; i >= clause.first; i--) {
    const mention = view.mentionsAt[i]!.find((m) => m.kind === 'agreement');
    if (mention) return { entity: mention.entity, fromText: false, first: mention.first, last: mention.last };
    if (isHead(view, i)) {
      let start = i;
      while (start - 1 >= clause.first && start > i - 4 && !view.tokens[start - 1]!.punct && !isRole(view.tokens[start - 1], 'determiner') && !isRole(view.tokens[start - 1], 'preposition') && !isRole(view.tokens[start - 1], 'be')) start--;
      const words = view.tokens.slice(start, i + 1).map((x) => x.text);
      return { entity: `agreement:text:${slug(words)}`, fromText: true, first: start, last: i, name: view.doc.text.slice(view.tokens[start]!.start, view.tokens[i]!.end) };
    }
  }
  return null;
}
