import { isRole, isRoleReading } from './function-words.js';
import type { SentenceView } from './sentence-view.js';
import type { Clause } from './split-clauses.js';
import { isVerbReading } from './verb-reading.js';

// Word tests used per token, compiled once (a literal in a function makes a new expression object each time it runs).
const QUOTE_OR_BRACKET = /^[“”"'‘’()-]$/;
const COORDINATOR = /^(and|but|or)$/;
const ABOUT = /^(towards|toward|about|regarding|concerning|over)$/;
const QUOTE_MARK = /^[“”"'‘’]$/;
const PERFECT_AUXILIARY = /^(has|have|had|been|being)$/;
const OUT_OR_UP = /^(out|up)$/;
const LY_ENDING = /ly$/;

/** How a noun trigger was licensed, or null when it only names or refers to an event. */
export type NounLicence = 'verb-before' | 'verb-after' | 'passive-after' | 'reduced-passive' | 'compound' | 'named' | 'background' | null;

const BEFORE_WINDOW = 15;
/** Verbs of carrying out or keeping to a text, and the agreed texts they take. */
const KEEPING = /^(?:implement|apply|enforce|maintain)$/;
const AGREED_TEXT = /^(?:statement|statements|declaration|declarations|communique|communiqué|communiques|communiqués|agreement|agreements|accord|accords)$/;
const AFTER_WINDOW = 6;

export interface LicenceOptions {
  /** Meeting nouns may be licensed by the participants written before them ("the Japan-Russia summit"). */
  allowCompound: boolean;
  /** Tokens of verb triggers: a support verb is not searched for beyond one ("suspending visits" is not "announced visits"). */
  blockers?: ReadonlySet<number>;
}

/**
 * A noun like "sanctions" or "talks" is an event only when the sentence reports it happening:
 * "imposed sanctions", "talks were held", "the China-Russia summit". Otherwise ("the effects of
 * sanctions", "since the start of the aggression", "discussed sanctions", "Japan's sanctions") it is
 * a topic or a reference back to an event coded where it happened.
 */
export function licenseNounTrigger(view: SentenceView, clause: Clause, first: number, last: number, opts: LicenceOptions): NounLicence {
  const t = view.tokens;
  // "the occupation lines": the noun modifies the next one.
  if (isRole(t[last + 1], 'compound-head') && view.mentionsAt[last + 1]!.length === 0) return null;
  const possessed = t[first - 1]?.lower === "'s" || ((t[first - 1]?.text === "'" || t[first - 1]?.text === '’') && (view.mentionsAt[first - 2]?.length ?? 0) > 0);
  // 1. A support verb before it, with nothing backgrounding in between or just before the verb.
  if (!possessed && supportVerbBefore(view, clause, first, last, opts)) return 'verb-before';
  // Backgrounded ("since the buildup of ..."): usually a reference to an act coded where it happened;
  // the caller decides whether it is the only mention of a dated act.
  if (isBackgrounded(view, clause, first)) return 'background';
  if (namedAfter(view, clause, last)) return 'named';
  // 2. A verb after it: "talks were held", "the aggression, which began on February 24".
  const after = verbAfter(view, clause, last);
  if (after) return after;
  // 3. A meeting named by its participants or host: "the Japan-Russia summit", "Putin's visit".
  if (opts.allowCompound && namedByParticipants(view, clause, first, possessed)) return 'compound';
  return null;
}

// The steps of licenseNounTrigger are functions of their own: as one large function the optimising
// compiler spent more CPU compiling it, again after each deopt, than running it on a pass over a corpus.

/** A support verb before the noun ("imposed sanctions", "announced the start of"), with nothing backgrounding it. */
function supportVerbBefore(view: SentenceView, clause: Clause, first: number, last: number, opts: LicenceOptions): boolean {
  const t = view.tokens;
  for (let i = first - 1; i >= Math.max(clause.first, first - BEFORE_WINDOW); i--) {
    const tok = t[i]!;
    if (opts.blockers?.has(i)) break;
    if (isRole(tok, 'background')) break;
    if (tok.punct && tok.text !== ',' && !QUOTE_OR_BRACKET.test(tok.text)) break;
    if (tok.text === ',' && COORDINATOR.test(t[i + 1]?.lower ?? '')) break;
    // "taken an open attitude towards dialogue": the verb's object is the attitude, not the dialogue;
    // "expressed concern over the attack", "imposed sanctions over the annexation": the act is what it is about.
    if (ABOUT.test(tok.lower)) break;
    if (isRole(tok, 'light-before') && !isRole(tok, 'determiner') && !isRole(tok, 'preposition')) {
      if (view.mentionsAt[i]!.length > 0) continue;
      const inflection = tok.lemmas.find((c) => isRoleReading(c, 'light-before'))?.inflection ?? 'base';
      const before = [t[i - 1], t[i - 2]];
      if (before.some((b) => b && isRole(b, 'background'))) break;
      // "the start of" is a reference; "announced the start of" is the report of one.
      if (t[i - 1] && isRole(t[i - 1], 'determiner')) {
        if (t[i - 2] && isRole(t[i - 2], 'light-before')) return true;
        continue;
      }
      if (!isVerbReading(view, i, inflection) && !(t[i - 1] && isRole(t[i - 1], 'modal'))) continue;
      // "implement the Joint Statement": carrying out a text presupposes it; a verb after may still report it ("adopted in June").
      if (tok.lemmas.some((c) => KEEPING.test(c.lemma)) && AGREED_TEXT.test(t[last]!.lower)) break;
      return true;
    }
  }
  return false;
}

/** A backgrounding word ("since") among the six words before the noun, up to a comma. */
function isBackgrounded(view: SentenceView, clause: Clause, first: number): boolean {
  const t = view.tokens;
  let backgrounded = false;
  for (let d = 1; d <= 6 && first - d >= clause.first; d++) {
    const tok = t[first - d]!;
    if (tok.text === ',') break;
    if (isRole(tok, 'background')) backgrounded = true;
  }
  return backgrounded;
}

/** A noun naming an event followed by its name: the exercise “Vostok 2022”. */
function namedAfter(view: SentenceView, clause: Clause, last: number): boolean {
  const t = view.tokens;
  for (let i = last + 1; i <= Math.min(clause.last, last + 2); i++) {
    if (QUOTE_MARK.test(t[i]!.text)) continue;
    if (view.mentionsAt[i]!.some((m) => m.kind === 'other' && m.first === i)) return true;
    break;
  }
  return false;
}

/** A verb after the noun: "talks were held", "the attack launched by X", "the aggression, which began". */
function verbAfter(view: SentenceView, clause: Clause, last: number): 'verb-after' | 'passive-after' | 'reduced-passive' | null {
  const t = view.tokens;
  for (let i = last + 1, seen = 0; i <= clause.last && seen < AFTER_WINDOW; i++, seen++) {
    // A long name counts as one word ("the meeting of the X Committee on Trade and Economic Issues was held").
    const named = view.mentionsAt[i]!.reduce((m, r) => Math.max(m, r.last), -1);
    if (named > i) i = named;
    const tok = t[i]!;
    // Quotation marks neither end the search nor count as words: the “referenda” on “incorporation” were held.
    if (QUOTE_MARK.test(tok.text) || PERFECT_AUXILIARY.test(tok.lower)) {
      seen--;
      continue;
    }
    // ", such as joint navigation and joint flights ...," is an aside: skip to its closing comma.
    if (tok.text === ',' && (t[i + 1]?.lower === 'including' || (t[i + 1]?.lower === 'such' && t[i + 2]?.lower === 'as'))) {
      let j = i + 1;
      while (j <= clause.last && t[j]!.text !== ',') j++;
      if (j > clause.last) break;
      i = j;
      seen--;
      continue;
    }
    if (tok.punct && tok.text !== ',') break;
    // ", and nuclear threats have been made": the verb after a coordinator belongs to the next conjunct.
    if (tok.text === ',' && COORDINATOR.test(t[i + 1]?.lower ?? '')) break;
    const past = tok.lemmas.some((c) => (c.inflection === 'ed' || c.inflection === 'irregular') && isRoleReading(c, 'light-after'));
    // "the attack launched by X", "carried out by X": a participle right after the noun, before "by", is a passive without its auxiliary.
    if (past && i === last + 1 && (t[i + 1]?.lower === 'by' || (OUT_OR_UP.test(t[i + 1]?.lower ?? '') && t[i + 2]?.lower === 'by'))) return 'reduced-passive';
    if (past) return isRole(t[i - 1], 'be') || (isRole(t[i - 2], 'be') && LY_ENDING.test(t[i - 1]!.lower)) ? 'passive-after' : 'verb-after';
  }
  return null;
}

/** Participants or a host named right before the noun ("the Japan-Russia summit", "Putin's visit"), or the noun ending a named meeting. */
function namedByParticipants(view: SentenceView, clause: Clause, first: number, possessed: boolean): boolean {
  const prev = first - 1;
  if (prev >= clause.first && (view.mentionsAt[prev]!.length > 0 || (possessed && (view.mentionsAt[prev - 1]?.length ?? 0) > 0))) return true;
  // The trigger word is itself the end of a named meeting ("the Japan-Russia Summit").
  return view.mentionsAt[first]!.some((m) => m.first < first);
}
