import { sentenceTense, type Tense } from './sentence-tense.js';

/**
 * The tense that governs one time expression: the nearest verb cue in its own clause, not the whole sentence
 * ("A spokesman said Thursday that troops will stay": Thursday is past). 'present' means no direction: the
 * nearest candidate wins ("payable Dec. 15", "until March 6", "extended to Nov. 20").
 */

// Words right before a date that make it a deadline or boundary: the date leans to the future unless the clause
// is plainly past, and then the nearest candidate wins ("payable Dec. 15", "extended to Nov. 20", "by August").
const DEADLINE_BEFORE = /(?:^|[^\w'-])(?:until|till|through|thru|by|effective|payable|due|starting|as[ \t]+soon[ \t]+as|as[ \t]+early[ \t]+as|as[ \t]+late[ \t]+as|no[ \t]+later[ \t]+than|expires?|expiring|(?:scheduled|set|slated|planned)[ \t]+for|(?:extended|postponed|delayed|deferred|put[ \t]+off|rescheduled|moved|pushed[ \t]+back|adjourned)[ \t]+(?:to|until|till))[ \t]+(?:(?:on|in|at)[ \t]+)?(?:(?:early|late|mid|the[ \t]+end[ \t]+of)[ \t-]+)?$/i;
const PLAN_AFTER_NOUN = /(?:^|[^\w'-])([a-z]+)[ \t]+(?:planned|scheduled|slated|set)(?:[ \t]+(?:at|in)[ \t]+[^,;:.]{1,40}?)?[ \t]+for[ \t]+(?:(?:on|at)[ \t]+)?$/;
const NOT_A_NOUN = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|he|she|it|they|we|you|i|who|which|that|originally|previously|initially|now|also|not|never|already|tentatively)$/;
// A delay moves a plan to a later day than the one it is reported on; "had been postponed until" tells an older delay.
const POSTPONED_BEFORE = /(?:^|[^\w'-])(?<!had[ \t]+been[ \t]+)(?:postponed|delayed|deferred|put[ \t]+off|pushed[ \t]+back|adjourned|rescheduled)[ \t]+(?:until|till|to)[ \t]+(?:(?:on|at)[ \t]+)?(?:(?:early|late)[ \t-]+)?$/i;
const NEAREST_BEFORE = /(?:^|[^\w'-])as[ \t]+of[ \t]+$/i;
const PAST_BEFORE = /(?:^|[^\w'-])(?:since)[ \t]+$/i;

const FUTURE = new Set([
  'will', "'ll", 'shall', 'wo', 'would', 'planned', 'planning', 'scheduled', 'expected', 'expect', 'expects', 'expecting',
  'due', 'intend', 'intends', 'intended', 'aims', 'slated', 'upcoming', 'going', 'hopes', 'hoped', 'seeks', 'wants',
  'promised', 'vowed', 'pledged', 'threatened', 'tomorrow', 'ready', 'likely', 'may', 'might',
]);
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'took', 'made', 'began', 'came', 'went', 'met', 'gave', 'sent',
  'fell', 'rose', 'grew', 'lost', 'won', 'sold', 'bought', 'paid', 'left', 'held', 'became', 'brought', 'thought', 'found',
  'kept', 'led', 'ran', 'spent', 'struck', 'fought', 'knew', 'wrote', 'spoke', 'broke', 'chose', 'drove', 'flew', 'got',
  'saw', 'stood', 'meant', 'felt', 'heard', 'taught', 'caught', 'built', 'shot', 'sank', 'tore', 'woke', 'withdrew',
  'ago', 'yesterday', 'earlier', 'quit', 'shut', 'arose', 'drew', 'threw', 'swore', 'fled', 'slid', 'wore', 'ate', 'laid',
  'overtook', 'underwent', 'undertook', 'began', 'sought',
]);
// Words of commitment that look ahead to what is promised, but are themselves acts done on a day.
const SPEECH_ACT = new Set(['promised', 'vowed', 'pledged', 'threatened']);
const ACT_DATED_AFTER = /^(?:in|on|at|during|last|earlier|yesterday)$/i;
// Scheduled events in the plain present: the day named right after them is ahead.
const SCHEDULED = new Set([
  'meet', 'meets', 'begin', 'begins', 'start', 'starts', 'resume', 'resumes', 'open', 'opens', 'close', 'closes',
  'leave', 'leaves', 'depart', 'departs', 'arrive', 'arrives', 'return', 'returns', 'visit', 'visits', 'travel', 'travels',
  'convene', 'convenes', 'vote', 'votes', 'expire', 'expires', 'reconvene', 'reconvenes', 'fly', 'flies',
]);
const NOT_SCHEDULED_BEFORE = /^(?:did|didn't|not|never|n't|could|couldn't|would|wouldn't|should|to|must|can|cannot|the|a|an|his|her|its|their|our|this|that)$/i;
// The present perfect counts as present: "has set Nov. 10 as the deadline" (the nearest Nov. 10).
const PRESENT = new Set(['is', 'are', 'am', 'says', 'does', 'do', 'remains', 'continues', 'has', 'have']);
// Words that end a clause when reading outward from the time expression.
const BOUNDARY = new Set(['that', 'which', 'who', 'whom', 'because', 'while', 'although', 'though', 'but', 'whereas', 'if', 'unless', 'where', 'when']);
const AUXILIARY = /^(?:be|been|being|is|are|was|were|am|has|have|had|get|got)$/i;
const NOT_A_VERB_AFTER_TO = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|any|all|be|about|around|over|under|on|in|at|for|from|with|by|of|and|or|more|less|than|only|just|nearly|almost|both|each|every|one|two|three|new|other|such|what|how|death|date|day|power|office|war|court|trial|[A-Z$\d].*)$/;
// An -ed word between a determiner (or a name) and a noun is an adjective ("the increased dividend", "Series H preferred shares").
const NOMINAL_BEFORE = /^(?:the|a|an|his|her|its|their|our|this|that|these|those|of|million|billion|thousand|hundred|dozen|many|several|few|more|most|other|such|no|each|every|some|all|[A-Z].*|\$?\d.*)$/;
const NOT_A_NOUN_AFTER = /^(?:the|a|an|his|her|its|their|our|this|that|these|those|some|any|all|no|on|in|at|by|for|to|from|with|up|down|out|off|into|over|about|after|before|through|throughout|during|until|till|across|around|since|under|between|against|toward|towards|without|within|along|him|them|it|us|me|as|and|[.,!?]|\$?\d.*|[a-z]+ly)$/;

const INTENT_BEFORE_TO = /^(?:agreed?|agrees|agreement|plans?|planned|planning|decided?|decides|decision|expected|scheduled|set|due|is|are|was|were|hopes?|hoped|wants?|wanted|voted|promised|pledged|intends?|intended|ready|aims?|aimed|seeks?|sought|proposed|proposal|going|able|likely|prepared|preparing|moved|moving|vowed|threatened|offered|ordered|asked|called|subpoenaed|invited|summoned)$/i;

const PREPOSITION_BEFORE_TO = /^(?:according|prior|thanks|owing|compared|contrary|close|next|relative|similar|addition|regard|respect|opposed|subject|equal|reference|as|up)$/i;

type Cue = Tense | 'stop' | 'skip' | null;

function classify(word: string, next: string | undefined, prev: string | undefined, distance: number, intentBefore = prev !== undefined && INTENT_BEFORE_TO.test(prev)): Cue {
  if (word === 'May') return null;
  const w = word.toLowerCase();
  if (BOUNDARY.has(w)) return 'stop';
  if (w === 'to') {
    // "according to sources", "prior to the vote": a preposition, not an infinitive.
    if (prev !== undefined && PREPOSITION_BEFORE_TO.test(prev)) return null;
    // "to" + verb looks ahead when close to the date, or further away after a word of intent or arrangement
    // ("agreed to buy the unit in February", "is to resume trading in Paris Tuesday"); a purpose clause
    // ("staged celebrations to mark the entry into NATO on Friday") does not.
    const reach = intentBefore ? 12 : 4;
    return next !== undefined && distance <= reach && /^[a-z]/.test(next) && !NOT_A_VERB_AFTER_TO.test(next) ? 'future' : null;
  }
  // "I would like to thank", "we would wish": a courtesy, not a plan.
  if (w === 'would' && next !== undefined && /^(?:like|love|wish|want|prefer)$/i.test(next)) return null;
  // "the report promised in January", "pledged on Monday to": the date is when the promise was made; only what
  // follows "to" or "that" lies ahead (the scan from the date meets that verb first).
  // "rain is forecast for Sunday", "growth predicted for next year": what a forecast is for lies ahead.
  if (next !== undefined && next.toLowerCase() === 'for' && /^(?:forecast|predicted|projected)$/.test(w)) return 'future';
  if (FUTURE.has(w)) return SPEECH_ACT.has(w) && next !== undefined && ACT_DATED_AFTER.test(next) ? 'past' : 'future';
  if (PRESENT.has(w)) return 'present';
  const pastForm = PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !w.startsWith('un'));
  if (!pastForm) return null;
  // "will be named", "was terminated", "will be paid": the auxiliary decides.
  if (prev && AUXILIARY.test(prev)) return 'skip';
  if (!PAST.has(w) && prev && NOMINAL_BEFORE.test(prev) && next !== undefined && /^[a-z]/.test(next) && !NOT_A_NOUN_AFTER.test(next)) return null;
  return 'past';
}

// Newswire writes quotation marks as `` and '': they end a clause as " does.
const WORD = /[A-Za-z][A-Za-z'-]*|\$?\d+(?:[.,]\d+)*%?|``|''|[;:"“”()!?]|[.,]/g;
const CLAUSE_END = /^(?:[;:"“”()!?.]|``|'')$/;

export interface LocalTense {
  tense: Tense;
  /**
   * What decided it: a deadline word before the date, a verb in its clause, or the whole sentence; 'postponed'
   * is a deadline that a reported delay set ("postponed until Tuesday"): a weekday then lies after the report.
   */
  from: 'deadline' | 'postponed' | 'clause' | 'sentence';
}

/** The tense for the time expression at [start, end) inside the sentence [sentenceStart, sentenceEnd). */
export function localTense(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): LocalTense {
  const before = text.slice(Math.max(sentenceStart, start - 60), start);
  if (PAST_BEFORE.test(before)) return { tense: 'past', from: 'clause' };
  if (NEAREST_BEFORE.test(before)) return { tense: 'present', from: 'deadline' };
  // "A memorial service planned for Saturday was canceled": the plan qualifies a noun; the clause's own verb, after
  // the date, tells whether the day has passed.
  const reduced = PLAN_AFTER_NOUN.exec(before);
  if (reduced && !NOT_A_NOUN.test(reduced[1]!) && rightTense(text, sentenceEnd, end) === 'past') return { tense: 'present', from: 'deadline' };
  const clause = clauseTense(text, sentenceStart, sentenceEnd, start, end);
  // With no verb in the clause, the sentence tells whether the deadline is reported as past ("issued an ultimatum
  // demanding that Iraq withdraw within a week, starting at noon Saturday").
  if (DEADLINE_BEFORE.test(before)) {
    const past = (clause ?? sentenceTense(text.slice(sentenceStart, sentenceEnd))) === 'past';
    return { tense: past ? 'present' : 'future', from: past && POSTPONED_BEFORE.test(before) ? 'postponed' : 'deadline' };
  }
  if (clause) return { tense: clause, from: 'clause' };
  return { tense: sentenceTense(text.slice(sentenceStart, sentenceEnd)), from: 'sentence' };
}

// A date used as a modifier ("the Aug. 7 blasts killed", "the Jan. 14 deadline"): its clause's verb follows it.
const DETERMINER_BEFORE = /(?:^|[^\w'-])(?:the|a|an|this|that|its|his|her|their|our)[ \t]+$/i;
const NOUN_AFTER = /^(?:'s)?[ \t]+[a-z][a-z-]+/;

// Events news only reports once they happened: "the Oct. 23 slaying", "the Aug. 7 bombings" are past whatever the
// clause around them says ("investigators have searched since the Oct. 23 slaying").
const PAST_EVENT_AFTER = /^(?:'s)?[ \t]+(?:slayings?|killings?|bombings?|attacks?|blasts?|explosions?|crash(?:es)?|shootings?|murders?|assassinations?|massacres?|earthquakes?|deaths?|shipwreck|rescue)\b/i;

function clauseTense(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): Tense | null {
  const determiner = DETERMINER_BEFORE.test(text.slice(Math.max(sentenceStart, start - 8), start));
  if (determiner && PAST_EVENT_AFTER.test(text.slice(end, end + 24))) return 'past';
  if (determiner && NOUN_AFTER.test(text.slice(end, end + 20))) {
    return rightTense(text, sentenceEnd, end) ?? leftTense(text, sentenceStart, start);
  }
  return leftTense(text, sentenceStart, start) ?? rightTense(text, sentenceEnd, end);
}

// The period of "Ill.", "Corp." or "U.S." inside a clause: a short capitalised word before it and a comma or a
// lower-case word after it.
function isAbbreviationDot(words: string[], i: number): boolean {
  if (words[i] !== '.') return false;
  const before = words[i - 1];
  const after = words[i + 1];
  return before !== undefined && /^[A-Z][A-Za-z]{0,3}$/.test(before) && (after === undefined || after === ',' || /^[a-z]/.test(after));
}

function leftTense(text: string, sentenceStart: number, start: number): Tense | null {
  // Left: the nearest cue back to a clause boundary.
  const left = [...text.slice(Math.max(sentenceStart, start - 200), start).matchAll(WORD)].map((m) => m[0]);
  for (let i = left.length - 1, n = 1; i >= 0 && n <= 16; i--, n++) {
    const w = left[i]!;
    if (CLAUSE_END.test(w) && !isAbbreviationDot(left, i)) break;
    // "Arafat and Netanyahu meet separately Monday", "the talks resume Tuesday": a plain present of a scheduled
    // event right before its day tells what is to come (a negation or a modal before it decides instead).
    if (n <= 3 && SCHEDULED.has(w) && !(i > 0 && NOT_SCHEDULED_BEFORE.test(left[i - 1]!))) return 'future';
    const cue = classify(w, left[i + 1], left[i - 1], n, w === 'to' && intentWithin(left, i));
    if (cue === 'stop') break;
    if (cue === 'skip' || !cue) continue;
    if (cue === 'past' && reducedRelative(left, i) && futureFurtherLeft(left, i)) return 'future';
    if (cue === 'future' && expectationInPast(left, i)) return 'past';
    // "went there to question him on Tuesday": an infinitive of purpose happens when the verb that governs it
    // did; only a word of intent or obligation before "to" looks ahead.
    if (cue === 'future' && w === 'to' && !intentWithin(left, i) && governedByPast(left, i)) return 'past';
    return cue;
  }
  return null;
}

// "will cut the price of diesel sold to distributors from Wednesday": a participle right after a noun and before a
// preposition may qualify the noun (a reduced relative clause) rather than be the clause's verb. It gives way only
// to a plain future earlier in the same clause; alone it still reads as the past ("the firm sold to investors").
const PARTICIPLE_FOLLOWER = /^(?:to|by|for|at|in|from|on|abroad|overseas|under|through|via)$/;
function reducedRelative(words: string[], i: number): boolean {
  const w = words[i]!.toLowerCase();
  const prev = words[i - 1];
  const next = words[i + 1];
  if (!prev || !next || !PARTICIPLE_FOLLOWER.test(next)) return false;
  if (!PARTICIPLE.has(w) && !(w.length > 4 && w.endsWith('ed'))) return false;
  return /^[a-z]{3,}$/.test(prev) && !NOT_A_NOUN.test(prev) && !BOUNDARY.has(prev) && !/ly$/.test(prev);
}
function futureFurtherLeft(words: string[], i: number): boolean {
  for (let k = i - 2, n = 1; k >= 0 && n <= 16; k--, n++) {
    const w = words[k]!;
    if ((CLAUSE_END.test(w) && !isAbbreviationDot(words, k)) || w === ',') return false;
    if (/^(?:will|shall|'ll)$/i.test(w)) return true;
    if (BOUNDARY.has(w.toLowerCase())) return false;
  }
  return false;
}
// Past forms that are past participles as well.
const PARTICIPLE = new Set(['sold', 'paid', 'held', 'bought', 'made', 'found', 'kept', 'led', 'left', 'brought', 'sent', 'spent',
  'built', 'told', 'heard', 'taught', 'caught', 'shot', 'laid', 'won', 'lost', 'struck', 'fought', 'sought', 'meant', 'felt']);

// A past-tense verb earlier in the clause of an infinitive, with no word of intent or future on the way.
function governedByPast(words: string[], to: number): boolean {
  for (let k = to - 1, n = 1; k >= 0 && n <= 12; k--, n++) {
    const w = words[k]!;
    if (CLAUSE_END.test(w) && !isAbbreviationDot(words, k)) return false;
    const cue = classify(w, words[k + 1], words[k - 1], 99);
    if (cue === 'stop' || cue === 'future' || cue === 'present') return false;
    if (cue === 'past') return !(reducedRelative(words, k) && futureFurtherLeft(words, k));
  }
  return false;
}

// "subpoenaed Elian to testify", "asked the court to rule": a verb that puts someone under an obligation, with its
// object between it and "to" (up to three words back, within the clause). Right before "to", any word of intent.
const OBLIGING = /^(?:asked|asks|ordered|orders|subpoenaed|invited|summoned|urged|told|forced|required|directed|instructed|authorized|persuaded)$/i;
function intentWithin(words: string[], to: number): boolean {
  if (to > 0 && INTENT_BEFORE_TO.test(words[to - 1]!)) return true;
  for (let k = to - 2; k >= Math.max(0, to - 4); k--) {
    const w = words[k]!;
    if (CLAUSE_END.test(w) || w === ',') return false;
    if (OBLIGING.test(w)) return true;
  }
  return false;
}

// An expectation told as past: "had been due to expire Friday", "had planned to", "as previously planned".
// The plan itself lies behind the writer, so the day is the one before the text, or the nearest.
const PAST_EXPECTATION = /^(?:had|previously|originally|initially)$/i;
function expectationInPast(words: string[], cue: number): boolean {
  for (let k = cue - 1; k >= Math.max(0, cue - 4); k--) {
    const w = words[k]!;
    if (CLAUSE_END.test(w) || w === ',') return false;
    if (PAST_EXPECTATION.test(w)) return true;
  }
  return false;
}

function rightTense(text: string, sentenceEnd: number, end: number): Tense | null {
  // Right: the nearest cue forward, across commas ("On Tuesday, the two sides conferred").
  const right = [...text.slice(end, Math.min(sentenceEnd, end + 200)).matchAll(WORD)].map((m) => m[0]);
  for (let i = 0; i < right.length && i < 14; i++) {
    const w = right[i]!;
    if (CLAUSE_END.test(w) && !isAbbreviationDot(right, i)) break;
    if (w === ',') continue;
    const cue = classify(w, right[i + 1] ?? '.', right[i - 1], Math.max(0, i - 6));
    if (cue === 'stop') break;
    if (cue === 'skip' || !cue) continue;
    return cue;
  }
  return null;
}
