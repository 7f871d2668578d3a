import type { EntityKind } from '../../model/entity.js';
import { matchesAt, stickyCopy } from '../all-matches.js';
import { LiteralLists, type SpanLiterals } from '../literal-index.js';

/** A first-person reference to the speaker's state, relative to the sentence it was found in. */
export interface SpeakerReference {
  start: number;
  end: number;
  kind: EntityKind;
  rule: 'speaker-pronoun' | 'speaker-country' | 'speaker-government';
}

/** "my country", "our nation", "my delegation": the speaker's state whatever the sentence says. */
const COUNTRY_RE = /(?<![\p{L}])(?:[Mm]y|[Oo]ur) (?:country|nation|delegation|State|homeland|Republic|Kingdom)(?![\p{L}-])/gu;
/** "my Government", "our Government": the speaker's government. */
const GOVERNMENT_RE = /(?<![\p{L}])(?:[Mm]y|[Oo]ur) [Gg]overnment(?![\p{L}])/gu;
/** First-person plural pronouns that can speak for a state; "US" (the state) is upper case and never matched. */
const WE_RE = /(?<![\p{L}])[Ww]e(?![\p{L}'’])/gu;
const OUR_RE = /(?<![\p{L}])[Oo]ur(?![\p{L}'’])/gu;
/**
 * Sentences where "we" speaks for more than the speaker's state: the Assembly, humanity, a region. Those
 * pronouns are left alone, so a kept "we" is the speaking state with good precision.
 */
const INCLUSIVE = /\b(?:all of us|each of us|every one of us|we all|us all|we are all|we have all|we must all|both of us|many of us|none of us|some of us|those of us|together|international community|this Organization|the Organization|our Organization|this Assembly|this Hall|Member States|Member Nations|humanity|humankind|mankind|all nations|all countries|all States|all peoples|everyone|everybody|collective(?:ly)?|multilateral(?:ism)?|our common|our shared|our planet|our world|our global|our generation|our times?|our era|our age|our region|our continent|our peoples|our countries|our nations|our States|our societies|our children|our grandchildren|our future|our species|our civili[sz]ation|the world|the globe|[Ww]e,? the|[Ww]e in)\b/u;
/*
 * The group repeated {0,3} times in POSITION_AFTER_WE and PERFORMATIVE_AFTER_PRONOUN captures, though
 * only test() reads them: the regular expression compiler writes a repeated group without captures out
 * three times, and these alternations of many words cost 15-20 ms to compile each that way against
 * about 1 ms as one loop (per process and per ingest thread). The strings matched are the same.
 */
/**
 * "we" followed by a verb of taking a position or acting as a state ("We welcome", "we strongly condemn",
 * "we have ratified"): the delegation speaking. Other uses of "we" in speeches are mostly inclusive.
 */
const POSITION_AFTER_WE = /^(?: (also|particularly|therefore|thus|strongly|fully|firmly|further|hereby|once again|again|remain|continue to|will|shall|would|have|had|are|were|do|did|have also|will continue to|are ready to|stand ready to|are committed to|are determined to|are proud to|are pleased to|are grateful|are deeply)){0,3} (?:welcome[sd]?|commend(?:ed)?|support(?:ed)?|condemn(?:ed)?|denounce[sd]?|call(?:ed)? (?:on|upon|for)|urge[sd]?|reiterate[sd]?|reaffirm(?:ed)?|acknowledge[sd]?|appreciate[sd]?|recogni[sz]e[sd]?|believe[sd]?|consider(?:ed)?|insist(?:ed)?|reject(?:ed)?|oppose[sd]?|endorse[sd]?|propose[sd]?|encourage[sd]?|applaud(?:ed)?|salute[sd]?|thank(?:ed)?|congratulate[sd]?|pledge[sd]?|announce[sd]?|stress(?:ed)?|emphasi[sz]e[sd]?|underline[sd]?|see|hear|note[sd]?|ratified|signed|hosted|launched|adopted|implemented|contributed|deployed|joined|submitted|achieved|established|introduced|held|look forward)(?![\p{L}])/u;
/**
 * A clause-initial "we" reporting what was done or is being done ("We have already put in place ...", "we are
 * currently hosting ...", "We will explore ...", "We immediately returned ..."): a government's account of its
 * own acts. Past verbs of perception and wish ("we saw", "we hoped") narrate, they do not act.
 */
const STATE_ACTION_AFTER_WE = /^(?: (?:have|has) (?:already |also |now |recently |successfully |just )?(?!been\b)(?:\p{L}+(?:ed|en)|put|set|built|made|taken|given|sent|held|begun|brought|paid|spent|won|led|met|kept|undertaken)| (?:are|were) (?:also |currently |now |still |already )?(?:\p{L}+ing|at the forefront)| will (?:also |continue to |further |soon )?\p{L}+| (?:also |then |immediately |therefore |subsequently |later |again |recently |promptly |quickly )?(?!(?:watched|learned|noticed|realized|realised|wanted|needed|tried|failed|hoped|expected|wished|used|feared|worried|suffered|lived|believed|understood|saw|felt|knew|thought|heard|were|had)\b)(?:(?!\p{L}*eed(?![\p{L}]))\p{L}{3,}ed|sent|made|took|gave|held|met|spoke|brought|sought|fought|won|led|paid|broke|withdrew))(?![\p{L}])/u;

/**
 * Present or future performative verbs of appeal, demand, condemnation, support, welcome and rejection ("I call
 * upon", "We urge", "we strongly condemn"): saying them from the rostrum is the speaking
 * state's act, even in a sentence that names the wider community it appeals to ("We urge the international
 * community to ..."). Past forms narrate and are left to the rules above.
 */
const PERFORMATIVE_VERB = String.raw`(?:call(?: (?:on|upon|for))|urge|appeal|demand|condemn|denounce|deplore|support|welcome|reject|reaffirm|reiterate|stand (?:with|by|in solidarity)|express (?:my|our) (?:solidarity|support|condemnation|rejection))`;
/** Adverbs and auxiliaries that may stand between the pronoun and the verb ("we therefore once again urge", "I would like to appeal"). */
const PERFORMATIVE_ADVERB = String.raw`(?:also|further|therefore|thus|hence|now|here|hereby|again|once again|once more|strongly|firmly|fully|resolutely|unequivocally|categorically|vigorously|earnestly|sincerely|wholeheartedly|continue to|will|shall|will continue to|would like to|wish to|want to)`;
const PERFORMATIVE_AFTER_PRONOUN = new RegExp(String.raw`^(?:,? (${PERFORMATIVE_ADVERB}),?){0,3} ${PERFORMATIVE_VERB}(?![\p{L}])`, 'u');
/** The head of delegation announcing the state's own act ("I am pleased to announce a contribution of ..."). */
const I_ANNOUNCES = /^(?: also)? (?:am (?:also )?(?:pleased|proud|happy|honoured|delighted) to announce|hereby announce)(?![\p{L}])/u;
/** "I" as a pronoun (not the numeral of "World War I" or "Phase I"): only read before a performative verb. */
const I_RE = /(?<![\p{L}\p{N}.-])I(?![\p{L}\p{N}.'’-])/gu;
/**
 * A "we" that speaks for a group, read in its own clause: "we, the Member States", "we all", "we must all",
 * "we as the international community", "we in the United Nations", "we here", "we and our partners".
 */
const GROUP_AFTER_WE = /^(?:,? (?:the|as|in|at|of|here|gathered|who|Member|leaders|nations|peoples|countries|States|all|both|together|collectively|jointly|and)\b| (?:must|should|can|need to|have to|shall|will|do|are|have)? ?all\b)/u;
/** "together we", "Together, we", "collectively we", "as the international community, we" earlier in the clause. */
const GROUP_BEFORE_WE = /(?:\b(?:[Tt]ogether|[Jj]ointly|[Cc]ollectively|[Uu]nited)\b(?! with)|\b[Aa]s (?:the )?(?:international community|Member States|members|nations|leaders|world leaders|humanity|an Assembly|the United Nations|peoples)\b)[^;:]*$/u;
/**
 * A verb of saying or claiming by someone else before the pronoun: "he said we would ...", "they claim that we ...".
 * The speaker's own "let me say", "I have said", "we stated" do not count.
 */
const REPORTED_BEFORE = /(?<!\b(?:I|[Ww]e|me|us)(?: \p{L}+){0,2} )\b(?:say|says|said|told|tells|stated|claim(?:s|ed)?|alleg(?:e|es|ed)|argu(?:e|es|ed)|assert(?:s|ed)?|declar(?:es|ed)|pretend(?:s|ed)?|wrote|writes|added|adds|accus(?:es|ed))\b/u;

/** "us" right after a verb of acting on a state (not "let us", "all of us", "for us"). */
const US_AFTER_ACT_RE = /(?<![\p{L}])(?:blame[sd]?|blaming|accuse[sd]?|accusing|attack(?:ed|s|ing)?|bomb(?:ed|s|ing)?|invade[sd]?|threaten(?:ed|s|ing)?|sanction(?:ed|s|ing)?|pressure[sd]?|invite[sd]?|inviting|warn(?:ed|s)?|condemn(?:ed|s)?|expel(?:led|s)?|punish(?:ed|es|ing)?) us(?![\p{L}])/gu;

/** "our" before these nouns is the speaker's state ("our Constitution", "our citizens"), not a wider "we". */
const OUR_STATE_NOUN = /^ (?:country|nation|Government|government|people|citizens|compatriots|economy|territory|borders?|sovereignty|independence|Constitution|constitution|national|delegation|President|Prime Minister|capital|armed forces|troops|homeland|traditions|policy|position|contributions?|determination|bilateral|democracy|Parliament|parliament|Republic|State|Kingdom|soil|farmers|soldiers|diplomats|ambassadors?|embassy|embassies|island|islands|coast|population|youth|GDP|budget|currency|agriculture|own)(?![\p{L}])/u;

/*
 * Words every match of a pattern above starts with (the first five lists) or contains (the rest).
 * The patterns are tried only where their words are, which is much cheaper than searching each
 * sentence for them; the result is the same. Keep the lists in step with the patterns.
 */
export const SPEAKER_WORDS = {
  speakerMyOur: ['My ', 'my ', 'Our ', 'our '],
  speakerWe: ['We', 'we'],
  speakerI: ['I'],
  speakerOur: ['Our', 'our'],
  speakerActOnUs: ['blame', 'blaming', 'accuse', 'accusing', 'attack', 'bomb', 'invade', 'threaten', 'sanction', 'pressure', 'invite', 'inviting', 'warn', 'condemn', 'expel', 'punish'],
  speakerUs: [' us'],
  speakerQuote: ['“', '"'],
  speakerQuestion: ['?'],
  speakerInclusive: [
    'all of us', 'each of us', 'every one of us', 'we all', 'us all', 'we are all', 'we have all', 'we must all', 'both of us', 'many of us',
    'none of us', 'some of us', 'those of us', 'together', 'international community', 'this Organization', 'the Organization',
    'our Organization', 'this Assembly', 'this Hall', 'Member States', 'Member Nations', 'humanity', 'humankind', 'mankind', 'all nations',
    'all countries', 'all States', 'all peoples', 'everyone', 'everybody', 'collective', 'multilateral', 'our common', 'our shared', 'our planet',
    'our world', 'our global', 'our generation', 'our time', 'our era', 'our age', 'our region', 'our continent', 'our peoples', 'our countries',
    'our nations', 'our States', 'our societies', 'our children', 'our grandchildren', 'our future', 'our species', 'our civilisation',
    'our civilization', 'the world', 'the globe', 'We the', 'We, the', 'we the', 'we, the', 'We in', 'we in',
  ],
  speakerReported: ['say', 'said', 'told', 'tells', 'stated', 'claim', 'alleg', 'argu', 'assert', 'declar', 'pretend', 'wrote', 'writes', 'added', 'adds', 'accus'],
} as const;
export type SpeakerWord = keyof typeof SPEAKER_WORDS;
const SPEAKER_LISTS = new LiteralLists<SpeakerWord>(SPEAKER_WORDS);
const GOVERNMENT_AT = stickyCopy(GOVERNMENT_RE);
const COUNTRY_AT = stickyCopy(COUNTRY_RE);
const WE_AT = stickyCopy(WE_RE);
const I_AT = stickyCopy(I_RE);
const OUR_AT = stickyCopy(OUR_RE);
const US_AFTER_ACT_AT = stickyCopy(US_AFTER_ACT_RE);

/**
 * First-person references to the speaking state in one sentence (only call this when the document has a speaker).
 * `words` are the SPEAKER_WORDS found in the sentence, when the caller has them for the whole document.
 *
 * Each kind of reference is read by its own small function: V8 recompiles a hot function each time a
 * rarely taken branch is first reached, and one large function made every recompilation long.
 */
export function speakerReferences(sentence: string, words: SpanLiterals<SpeakerWord> = SPEAKER_LISTS.index(sentence).span(0, sentence.length)): SpeakerReference[] {
  // Every reference below starts with one of these words (and "us" needs " us"): none, nothing to do.
  if (!(words.has(words.ids.speakerMyOur) || words.has(words.ids.speakerWe) || words.has(words.ids.speakerI) || words.has(words.ids.speakerOur) || words.has(words.ids.speakerUs))) return [];
  const out: SpeakerReference[] = [];
  const myOur = words.starts(words.ids.speakerMyOur);
  addGovernmentReferences(sentence, myOur, out);
  addCountryReferences(sentence, myOur, out);
  // Rhetorical questions ("Do we give up?") and quoted words ("..., he said, 'we will ...'") speak for everyone or for someone else.
  if (words.has(words.ids.speakerQuote) || (words.has(words.ids.speakerQuestion) && /\?\s*$/.test(sentence))) return byStart(out);
  // An inclusive sentence keeps only a "we" or "I" that performs an appeal, demand or condemnation itself.
  const inclusive = words.has(words.ids.speakerInclusive) && INCLUSIVE.test(sentence);
  addWeReferences(sentence, words, inclusive, out);
  addIReferences(sentence, words, out);
  if (inclusive) return byStart(out);
  addOurReferences(sentence, words, out);
  // "India blamed us", "sent jets to bomb us": "us" as the object of a hostile or diplomatic act.
  if (words.has(words.ids.speakerUs)) addUsReferences(sentence, words, out);
  return byStart(out);
}

function byStart(out: SpeakerReference[]): SpeakerReference[] {
  return out.sort((a, b) => a.start - b.start);
}

/** Does [start, end) overlap a reference already found? */
function taken(out: readonly SpeakerReference[], start: number, end: number): boolean {
  for (let i = 0; i < out.length; i++) if (start < out[i]!.end && out[i]!.start < end) return true;
  return false;
}

/** The pronoun sits in someone else's reported words: a verb of saying or claiming comes before it in the sentence. */
function reported(sentence: string, words: SpanLiterals<SpeakerWord>, start: number): boolean {
  return words.has(words.ids.speakerReported, 0, start) && REPORTED_BEFORE.test(sentence.slice(0, start));
}

function addGovernmentReferences(sentence: string, myOur: readonly number[], out: SpeakerReference[]): void {
  const found = matchesAt(GOVERNMENT_AT, sentence, myOur);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'organization', rule: 'speaker-government' });
  }
}

function addCountryReferences(sentence: string, myOur: readonly number[], out: SpeakerReference[]): void {
  const found = matchesAt(COUNTRY_AT, sentence, myOur);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    if (!taken(out, m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'state', rule: 'speaker-country' });
  }
}

function addWeReferences(sentence: string, words: SpanLiterals<SpeakerWord>, inclusive: boolean, out: SpeakerReference[]): void {
  const found = matchesAt(WE_AT, sentence, words.starts(words.ids.speakerWe));
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const end = m.index + m[0].length;
    if (taken(out, m.index, end) || reported(sentence, words, m.index)) continue;
    if (weActsForState(sentence, m.index, end, inclusive)) out.push({ start: m.index, end, kind: 'state', rule: 'speaker-pronoun' });
  }
}

/** A "we" at sentence[start, end) that speaks for the speaker's state. */
function weActsForState(sentence: string, start: number, end: number, inclusive: boolean): boolean {
  const after = sentence.slice(end, end + 80);
  const clauseInitial = /(?:^|[,;:]\s*|\band\s+|\bso\s+)$/.test(sentence.slice(Math.max(0, start - 6), start));
  const stateAct = !inclusive && (POSITION_AFTER_WE.test(after) || (clauseInitial && STATE_ACTION_AFTER_WE.test(after)));
  // A sentence that opens with "We" and an act ("We asked India to ...") keeps it even when it later names the world.
  const openingAct = inclusive && start === 0 && STATE_ACTION_AFTER_WE.test(after);
  return stateAct || ((openingAct || PERFORMATIVE_AFTER_PRONOUN.test(after)) && !groupWe(sentence, start, end));
}

function addIReferences(sentence: string, words: SpanLiterals<SpeakerWord>, out: SpeakerReference[]): void {
  const found = matchesAt(I_AT, sentence, words.starts(words.ids.speakerI));
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const end = m.index + 1;
    if (!taken(out, m.index, end) && !reported(sentence, words, m.index) && (PERFORMATIVE_AFTER_PRONOUN.test(sentence.slice(end, end + 80)) || I_ANNOUNCES.test(sentence.slice(end, end + 80)))) out.push({ start: m.index, end, kind: 'state', rule: 'speaker-pronoun' });
  }
}

function addOurReferences(sentence: string, words: SpanLiterals<SpeakerWord>, out: SpeakerReference[]): void {
  const found = matchesAt(OUR_AT, sentence, words.starts(words.ids.speakerOur));
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const end = m.index + m[0].length;
    if (!taken(out, m.index, end) && OUR_STATE_NOUN.test(sentence.slice(end, end + 20))) out.push({ start: m.index, end, kind: 'state', rule: 'speaker-pronoun' });
  }
}

function addUsReferences(sentence: string, words: SpanLiterals<SpeakerWord>, out: SpeakerReference[]): void {
  const found = matchesAt(US_AFTER_ACT_AT, sentence, words.starts(words.ids.speakerActOnUs));
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const start = m.index + m[0].length - 2;
    if (!taken(out, start, start + 2)) out.push({ start, end: start + 2, kind: 'state', rule: 'speaker-pronoun' });
  }
}

/** A "we" standing for a group in its own clause (see GROUP_AFTER_WE, GROUP_BEFORE_WE). */
function groupWe(sentence: string, start: number, end: number): boolean {
  const clause = sentence.slice(0, start).split(/[.;:!?]/).pop() ?? '';
  return GROUP_AFTER_WE.test(sentence.slice(end, end + 40)) || GROUP_BEFORE_WE.test(clause);
}

