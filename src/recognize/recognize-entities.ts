import type { DocumentWithPeriod } from '../model/document.js';
import type { Segmentation } from '../model/structure.js';
import type { EntityKind, Mention } from '../model/entity.js';
import type { Message } from '../model/message.js';
import type { Gazetteer, SurfaceEntry } from './gazetteer.js';
import { inferSpeaker, type Speaker } from './entities/infer-speaker.js';
import { SPEAKER_WORDS, speakerReferences } from './entities/speaker-references.js';
import { allMatches, firstMatchAt, matchesAt, NO_MATCHES, stickyCopy } from './all-matches.js';
import { LiteralLists, type LiteralIndex, type SpanLiterals } from './literal-index.js';
import type { SurfaceHit } from './surface-matcher.js';
import { wholeWordsFrom } from './entities/whole-words.js';

/** A proposed mention before overlaps are settled. */
interface Candidate {
  start: number;
  end: number;
  kind: EntityKind;
  entity: string | null;
  rule: string;
  /** Pattern rules beat the gazetteer on equal spans (they carry more: a title, a body type). */
  priority: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Titles that can precede a name or stand for an office holder. Longest first so alternation prefers them. */
const TITLES = [
  'First Deputy Prime Minister', 'Deputy Prime Minister', 'Prime Minister', 'Vice President', 'Vice-President',
  'President', 'Minister for Foreign Affairs', 'Minister of Foreign Affairs', 'Minister of External Affairs',
  'External Affairs Minister', 'Deputy Foreign Minister', 'Vice Foreign Minister', 'Vice-Minister for Foreign Affairs',
  'Foreign Minister', 'Foreign Secretary', 'Secretary of State', 'Under-Secretary-General', 'Secretary-General',
  'Secretary General', 'General Secretary', 'Chief Cabinet Secretary', 'Defense Minister', 'Defence Minister',
  'State Councilor', 'State Councillor', 'Chancellor', 'Premier', 'Crown Prince', 'Emperor', 'Empress', 'King',
  'Queen', 'Emir', 'Amir', 'Sultan', 'Sheikh', 'Supreme Leader', 'Chairman', 'Chairperson', 'Speaker',
  'Ambassador', 'Special Envoy', 'Special Representative', 'High Representative', 'Commissioner',
  'Director-General', 'Director General', 'Senator', 'Governor', 'Mayor', 'Pope', 'Ayatollah', 'Minister',
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Mr', 'Mrs', 'Ms', 'Dr',
];
/** Titles that name the head of state, head of government or foreign minister: usable without a name. */
const OFFICE_TITLES = new Set([
  'President', 'Prime Minister', 'Premier', 'Chancellor', 'Foreign Minister', 'Minister for Foreign Affairs',
  'Minister of Foreign Affairs', 'Foreign Secretary', 'Secretary of State', 'King', 'Queen', 'Emperor',
  'Minister of External Affairs', 'External Affairs Minister', 'Secretary-General', 'Secretary General',
]);
const TITLE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?!Minister (?:of|for) Foreign Affairs)Minister (?:of|for) (?:\p{Lu}[\p{L}-]*)(?:,? (?:and |of |for |the )*\p{Lu}[\p{L}-]*)*|${TITLES.map(escapeRe).join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

const NAME_TOKEN = String.raw`(?:\p{Lu}\.|\p{Lu}['’]\p{Lu}\p{Ll}+|(?:al|el)-\p{Lu}\p{Ll}+|\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)*)`;
const PARTICLE = String.raw`(?:de|da|dos|das|do|van|von|der|den|la|le|bin|bint|ibn|al|el|di|du|del|della)`;
/**
 * A personal name right after a title: up to four capitalised tokens, particles allowed inside. The
 * repeated token is a group of its own (unread) so that the expression compiler makes it one loop
 * rather than writing it out three times (half the compile time; the same strings match).
 */
const NAME_AT = new RegExp(String.raw`\s+(${NAME_TOKEN}(?:\s+(?:${PARTICLE}\s+)*(${NAME_TOKEN})){0,3})(?![\p{L}\p{N}])`, 'uy');

/** Words that start or end capitalised runs but are not names. */
const NOT_NAME = new Set([
  'The', 'This', 'That', 'These', 'Those', 'A', 'An', 'In', 'On', 'At', 'For', 'By', 'With', 'From', 'And', 'But',
  'Or', 'Of', 'To', 'As', 'It', 'Its', 'He', 'She', 'His', 'Her', 'Their', 'Our', 'We', 'They', 'I', 'If', 'Since',
  'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Under', 'During', 'After', 'Before', 'Regarding', 'Following',
  'Government', 'Ministry', 'Council', 'Committee', 'Assembly', 'Office', 'Administration', 'Republic', 'Federation',
  'Union', 'States', 'Nations', 'General', 'Secretary', 'Minister', 'President', 'Prime', 'Foreign', 'Deputy',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Excellency', 'Chairman', 'Madam', 'Sir', 'Allah', 'God', 'Also', 'Both', 'Each',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Today', 'Yesterday',
]);

const AGREEMENT_HEADS = ['Agreement', 'Agreements', 'Treaty', 'Convention', 'Initiative', 'Program', 'Programme', 'Plan', 'Accord', 'Accords', 'Protocol', 'Charter', 'Pact', 'Compact', 'Declaration', 'Memorandum', 'Statement'];
const ORG_HEADS = ['Council', 'Committee', 'Commission', 'Organization', 'Organisation', 'Assembly', 'Agency', 'Fund', 'Bank', 'Court', 'Tribunal', 'Ministry', 'Institute', 'Foundation', 'Parliament', 'Secretariat', 'Authority', 'Service', 'Forces', 'Cabinet', 'Party'];
const OTHER_HEADS = ['Summit', 'Conference', 'Prize', 'Award', 'Forum', 'Games', 'Expo'];
const HEAD_KIND = new Map<string, EntityKind>([
  ...AGREEMENT_HEADS.map((h) => [h, 'agreement'] as const),
  ...ORG_HEADS.map((h) => [h, 'organization'] as const),
  ...OTHER_HEADS.map((h) => [h, 'other'] as const),
]);
const CAP_TOKEN = String.raw`[\p{Lu}\d][\p{L}\d.-]*(?:['’]s?)?`;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A capitalised word continuing a name after "of/on/for": never a month ("... Ministry on February 24"). */
const CONT_TOKEN = String.raw`(?!(?:${MONTHS}|I)(?![\p{L}]))\p{Lu}[\p{L}\d.'’-]*`;
const HEAD_ALT = [...HEAD_KIND.keys()].sort((a, b) => b.length - a.length).join('|');
/** "Eight-point Cooperation Plan for Innovative Reform in the Fields of ..." / "Agreement on the Operation of ...". */
const NAMED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:${CAP_TOKEN}\s+){0,6})(${HEAD_ALT})(?![\p{L}\p{N}])((?:\s+(?:of|on|for|concerning|between|in|to|against|with|and)(?:\s+(?:the|a|an))?\s+${CONT_TOKEN}(?:\s+${CONT_TOKEN})*)*)`,
  'gu',
);
const LEADING_FUNCTION = /^(?:(?:The|A|An|In|On|At|For|By|With|From|Since|However|Meanwhile|Moreover|Furthermore|And|But|Under|During|After|Before|Regarding|Following|As|This|These|Its|Their|His|Her|Our|Both|Each|All|Such|New York)\s+)+/u;

const BODY_AFTER_STATE = String.raw`(?:[Gg]overnment|[Aa]dministration|authorities|Foreign Ministry|Ministry of Foreign Affairs|foreign ministry|[Cc]entral [Bb]ank|[Pp]arliament|legislature|military|[Aa]rmed [Ff]orces|Army|Navy|Air Force|forces|troops)`;
const CONTEXT_BODIES = /(?<![\p{L}])(House of Representatives|House of Councillors|National Assembly|Upper House|Lower House|Cabinet Office)(?![\p{L}])/gu;
const MISSION_RE = /(?<![\p{L}])(Embassy|Consulate-General|Consulate General|Consulate|Permanent Mission|Trade Representation|Mission) of /gu;
const PLURAL_REF_RE = /(?<![\p{L}])(?:[Tt]he two (?:countries|[Ss]tates|nations|sides|[Gg]overnments)|[Bb]oth (?:countries|sides|[Gg]overnments|nations))(?![\p{L}])/gu;
/** "the administration" is the government of the state in focus; "my Administration" the speaker's. */
const ADMINISTRATION_RE = /(?<![\p{L}])(?:[Tt]he|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur) [Aa]dministration(?![\p{L}])/gu;
/** "the Trump administration": a leader's surname before it. */
const NAMED_ADMINISTRATION_RE = /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+) [Aa]dministration(?![\p{L}])/gu;
/** A bare service name after a list opener: "three branches of the military (Army, Navy, and Air Force)". */
const BRANCH_RE = /(?<=(?:\(|, |,? and | the ))(?:Army|Navy|Air Force|Marine Corps|Coast Guard)(?![\p{L}]| \p{Lu})/gu;
/** "military" before these nouns is an adjective ("a Russian military exercise"), not the armed forces. */
const MILITARY_AS_MODIFIER = /^ (?:exercises?|drills?|manoeuvres|maneuvers|operations?|aid|assistance|equipment|spending|expenditures?|cooperation|activit(?:y|ies)|build-?up|presence|bases?|facilit(?:y|ies)|personnel|actions?|threats?|pressure|power|capabilit(?:y|ies)|technolog(?:y|ies)|budget|strength|means|supplies|interventions?|offensives?|attacks?|doctrine|campaigns?|alliances?|ties|relations|coup|junta|aircraft|vessels?|ships?|units?|installations?|infrastructure|purposes|field|sphere|industry|hardware|training|deployments?|provocations?|posture|drones?|affairs|officials?|leaders(?:hip)?)(?![\p{L}])/u;
/** Named military operations: "Operation Euphrates Shield", "Operation Olive Branch". */
const OPERATION_RE = /(?<![\p{L}])Operation(?: (?!(?:of|in|on|the|and)\b)\p{Lu}[\p{L}'’-]*){1,3}(?![\p{L}])/gu;
/** A translation of a name in brackets: "Viasna (Spring)". */
const GLOSS_AFTER = /^ \((\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3})\)/u;
const COUNTRY_REF_RE = /(?<![\p{L}])[Tt]he country(?![\p{L}])/gu;
const SHORT_REF_RE = new RegExp(String.raw`(?<![\p{L}])the (${AGREEMENT_HEADS.join('|')})(?![\p{L}\p{N}])`, 'gu');
const PATRONYMIC_SUFFIX = /(?:ovich|evich|ich|ovna|evna|ichna|yeuna|eŭna|avich|ovych|ivna)$/;
const PATRONYMIC_RE = /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+(?:ovich|evich|yevich|ievich|ovna|evna|yevna|ievna|ichna|yeuna|eŭna|avich|ovych|ovych|ivna))\s+(\p{Lu}[\p{Ll}-]+)(?![\p{L}])/gu;
const APPOSITION_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME_TOKEN}(?:\s+${NAME_TOKEN}){1,2}),\s+(?:the\s+|a\s+)?(?:[\p{Lu}][\p{L}-]*\s+)?(?:co-)?(?:founder|leader|head|chairman|chairperson|chair|president|director|chief|spokesman|spokesperson|spokeswoman|secretary|winner|laureate|activist|journalist|minister|ambassador|envoy|commander|CEO|opposition)(?![\p{L}])`,
  'gu',
);
const EXERCISE_BEFORE = /(?:exercises?|drills?|manoeuvres|maneuvers|operation)\s*$/i;
const EXERCISE_AFTER = /^\s*(?:(?:joint|military|naval|strategic|command|staff|and|\s)+)?(?:exercises?|drills?)/i;
const QUOTED_RE = /[“"]([^”"\n]{2,60})[”"]/g;
const PROJECT_AFTER = /^(?:\s*(?:and|or|,)?\s*(?:[“"][^”"\n]{1,40}[”"]|[a-z][\w-]*)){0,7}?\s+projects?\b/;
const VESSEL_RE = /(?<![\p{L}])(?:boat|vessel|ship|destroyer|frigate|cruiser|submarine|tanker|icebreaker|warship|trawler|carrier)\s+(\p{Lu}[\p{Lu}\d-]+(?:\s+[\p{Lu}\d]+)*)(?![\p{L}\p{N}])/gu;
const ADMIN_RE = /(?<![\p{L}])(\p{Lu}[\p{Ll}-]+(?:\s\p{Lu}[\p{Ll}-]+)?)\s(Oblast|Krai|Prefecture|Province|Governorate)(?![\p{L}])/gu;
/** "Georgia" followed by these is still the state ("Georgia Government" is unusual but "Georgia Dream" is not a person). */
const PERSON_FIRSTNAME_STATES = new Set(['Georgia', 'Jordan', 'Chad']);
const LOCATIVE_BEFORE_US_STATE = /(?:Atlanta,|U\.S\. state of|US state of|state of)\s*$/;
const GOVERNMENT_OF_RE = /(?<![\p{L}])(?:Government|government) of (?:the )?/gu;
const BODY_AFTER_STATE_RE = new RegExp(String.raw`(?<![\p{L}])${BODY_AFTER_STATE}(?![\p{L}])`, 'gu');
const REGIONAL_GOVERNMENT_RE = /(?<![\p{L}])(\p{Lu}[\p{Ll}-]+ (?:Oblast|Krai|Prefecture|Province|Governorate|Region)) [Gg]overnment(?![\p{L}])/gu;
const SIDE_RE = /(?<![\p{L}])side(?![\p{L}])/gu;
const UN_ORGANIZATION_RE = /(?<=(?:[Tt]he|[Tt]his|[Oo]ur) )Organization(?![\p{L}]| of\b)/gu;
const CHAINED_NAME_RE = new RegExp(String.raw`,?\s+and(?:\s+(?:the|a|an))?\s+(?:${CONT_TOKEN}\s+)*?(?:${HEAD_ALT})(?![\p{L}])`, 'u');

/*
 * Hints: words every match of a pattern must contain. Most sentences lack them, and finding plain
 * words is much cheaper than trying a pattern that starts with a look-behind at every position, so
 * the pattern runs only where it can match (the result is the same). All lists are found in one
 * pass over the document (see LiteralLists). The lists under "starts" hold words every match
 * starts with: those patterns are tried only where such a word starts (matchesAt), not searched
 * for. Keep the lists in step with the patterns.
 */
const DETERMINERS = ['The', 'the', 'This', 'this', 'That', 'that', 'My', 'my', 'Our', 'our'];
const HINT_WORDS = {
  head: [...HEAD_KIND.keys()],
  admin: ['Oblast', 'Krai', 'Prefecture', 'Province', 'Governorate'],
  patronymic: ['vich', 'vna', 'ichna', 'euna', 'eŭna', 'vych'],
  apposition: ['founder', 'leader', 'head', 'chair', 'president', 'director', 'chief', 'spokes', 'secretary', 'winner', 'laureate', 'activist', 'journalist', 'minister', 'ambassador', 'envoy', 'commander', 'CEO', 'opposition'],
  administration: ['dministration'],
  regionalGovernment: ['Oblast', 'Krai', 'Prefecture', 'Province', 'Governorate', 'Region'].flatMap((r) => [`${r} Government`, `${r} government`]),
  // starts
  title: TITLES,
  governmentOf: ['Government of ', 'government of '],
  body: ['Government', 'government', 'Administration', 'administration', 'authorities', 'Foreign Ministry', 'Ministry of Foreign Affairs', 'foreign ministry', 'Central ', 'central ', 'Parliament', 'parliament', 'legislature', 'military', 'Armed ', 'armed ', 'Army', 'Navy', 'Air Force', 'forces', 'troops'],
  contextBody: ['House of ', 'National Assembly', 'Upper House', 'Lower House', 'Cabinet Office'],
  mission: ['Embassy', 'Consulate', 'Permanent Mission', 'Trade Representation', 'Mission'],
  shortRef: AGREEMENT_HEADS.map((h) => `the ${h}`),
  quote: ['“', '"'],
  vessel: ['boat', 'vessel', 'ship', 'destroyer', 'frigate', 'cruiser', 'submarine', 'tanker', 'icebreaker', 'warship', 'trawler', 'carrier'],
  side: ['side'],
  pluralRef: ['The two ', 'the two ', 'Both ', 'both '],
  countryRef: ['The country', 'the country'],
  administrationRef: DETERMINERS.flatMap((d) => [`${d} Administration`, `${d} administration`]),
  organization: ['Organization'],
  operation: ['Operation'],
  branch: ['Army', 'Navy', 'Air Force', 'Marine Corps', 'Coast Guard'],
  ...SPEAKER_WORDS,
};
type Hint = keyof typeof HINT_WORDS | 'bloc' | 'blocStart';
const BLOC_NOUNS = ['countries', 'states', 'nations'];
const TITLE_AT = stickyCopy(TITLE_RE);
const GOVERNMENT_OF_AT = stickyCopy(GOVERNMENT_OF_RE);
const BODY_AFTER_STATE_AT = stickyCopy(BODY_AFTER_STATE_RE);
const CONTEXT_BODIES_AT = stickyCopy(CONTEXT_BODIES);
const MISSION_AT = stickyCopy(MISSION_RE);
const SHORT_REF_AT = stickyCopy(SHORT_REF_RE);
const QUOTED_AT = stickyCopy(QUOTED_RE);
const VESSEL_AT = stickyCopy(VESSEL_RE);
const SIDE_AT = stickyCopy(SIDE_RE);
const PLURAL_REF_AT = stickyCopy(PLURAL_REF_RE);
const COUNTRY_REF_AT = stickyCopy(COUNTRY_REF_RE);
const ADMINISTRATION_AT = stickyCopy(ADMINISTRATION_RE);
const UN_ORGANIZATION_AT = stickyCopy(UN_ORGANIZATION_RE);
const OPERATION_AT = stickyCopy(OPERATION_RE);
const BRANCH_AT = stickyCopy(BRANCH_RE);

const NAMED_AT = stickyCopy(NAMED_RE);
const APPOSITION_AT = stickyCopy(APPOSITION_RE);

/*
 * NAMED_RE and APPOSITION_RE start with capitalised words, so no word list says where they start;
 * but what stands between a match's start and its head word (NAMED_RE) or its comma (APPOSITION_RE)
 * is only letters, digits, marks, spaces, dots, hyphens and apostrophes. So a match can only start
 * in the run of such characters before a head word or comma, at a capital or digit (or at the head
 * itself). startsBefore lists those places; the tests below accept every such character (and, to
 * stay safe, every code unit above ASCII), so no real start is left out.
 */
function inNameRun(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 39 || c === 32 || (c >= 9 && c <= 13);
}
/** A capitalised token or a number ([\p{Lu}\d]). */
function mayStartNamed(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
/** A personal name token (NAME_TOKEN: a capital, or "al-"/"el-"). */
function mayStartPersonal(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || c === 97 || c === 101;
}

/** Where a match can start: at each anchor, or at a possible token start in the run of name characters before it. Ascending. */
function startsBefore(s: string, anchors: readonly number[], mayStart: (c: number) => boolean): number[] {
  const out: number[] = [];
  let listed = 0; // positions below were considered for an earlier anchor
  for (const anchor of anchors) {
    let run = anchor;
    while (run > listed && inNameRun(s.charCodeAt(run - 1))) run--;
    for (let p = Math.max(run, listed); p < anchor; p++) if (mayStart(s.charCodeAt(p))) out.push(p);
    if (anchor >= listed) out.push(anchor);
    listed = Math.max(listed, anchor + 1);
  }
  return out;
}

/** Positions of the commas in s. */
function commas(s: string): number[] {
  const out: number[] = [];
  for (let at = s.indexOf(','); at >= 0; at = s.indexOf(',', at + 1)) out.push(at);
  return out;
}

/** The rules that depend on the gazetteer's bloc modifiers, compiled once per set of modifiers. */
const blocRules = new Map<string, { coordination: RegExp | null; hints: LiteralLists<Hint> }>();

/** The same rules by gazetteer, so a document does not sort and join the modifiers again. */
const rulesByGazetteer = new WeakMap<Gazetteer, { modifiers: Map<string, string>; size: number; rules: { coordination: RegExp | null; hints: LiteralLists<Hint> } }>();

function rulesFor(gaz: Gazetteer): { coordination: RegExp | null; hints: LiteralLists<Hint> } {
  const known = rulesByGazetteer.get(gaz);
  // A gazetteer's modifiers are not expected to change, but one whose map was replaced or grew is compiled again.
  if (known && known.modifiers === gaz.blocModifiers && known.size === gaz.blocModifiers.size) return known.rules;
  const rules = compileRules(gaz);
  rulesByGazetteer.set(gaz, { modifiers: gaz.blocModifiers, size: gaz.blocModifiers.size, rules });
  return rules;
}

/** The scope of a document's sentence rules, made in one place so that every scope has one map. */
function sentenceScope(
  text: string, gaz: Gazetteer, candidates: Candidate[], hints: LiteralIndex<Hint>, speaker: boolean, unDocument: boolean, blocCoordination: RegExp | null,
  gazByStart: Map<number, Array<{ end: number; data: SurfaceEntry }>>, stateEndingAt: Map<number, { start: number; entity: string; form: string }>,
): SentenceScope {
  return { text, gaz, candidates, s: '', offset: 0, end: 0, words: hints.span(0, 0), speaker, unDocument, blocCoordination, gazByStart, stateEndingAt };
}

/*
 * Names rarely take some of namedCandidate's branches (a treaty's "States Party", a name followed by a
 * coordinated "and the X-led ..."). V8 compiles it without them while it is hot, and throws that code away
 * the first time a document takes one ('insufficient type feedback'), compiling it again (3 times over the
 * UN corpus). Phrases taking every branch are read, to no list, before the first document, a few rounds
 * (V8 keeps feedback only after a function's first calls).
 */
const PRIMING_NAMES = [
  'The States Party to the Convention shall act.',
  'They spoke at the Ocean Forum and the Alpha-led group was formed.',
  'The Example Treaty on Open Skies of the Region entered into force.',
  'It signed a Peace Treaty and its Plan of 2020.',
  'At the Alpha-Beta Summit the Working Party met.',
];

const primedFor = new WeakSet<Gazetteer>();

/** Run once per gazetteer, with a document's hint index (the scope's words are not read by namedCandidate). */
function primeNamedCandidate(gaz: Gazetteer, hints: LiteralIndex<Hint>): void {
  if (primedFor.has(gaz)) return;
  primedFor.add(gaz);
  const scope = sentenceScope('', gaz, [], hints, false, false, null, new Map(), new Map());
  for (let round = 0; round < 10; round++) {
    for (const s of PRIMING_NAMES) {
      scope.text = s;
      scope.s = s;
      scope.end = s.length;
      for (let at = 0; at < s.length; at++) {
        NAMED_AT.lastIndex = at;
        const m = NAMED_AT.exec(s);
        if (m) namedCandidate(scope, m);
      }
      NAMED_AT.lastIndex = 0;
    }
  }
}

function compileRules(gaz: Gazetteer): { coordination: RegExp | null; hints: LiteralLists<Hint> } {
  const modifiers = [...gaz.blocModifiers.keys()].sort((a, b) => b.length - a.length);
  const mods = modifiers.map(escapeRe).join('|');
  let rules = blocRules.get(mods);
  if (!rules) {
    rules = {
      coordination: mods ? new RegExp(String.raw`(?<![\p{L}])(${mods}) and (${mods}) (countries|states|nations)(?![\p{L}])`, 'guy') : null,
      hints: new LiteralLists<Hint>({
        ...HINT_WORDS,
        // The second modifier and the noun ("... and Caucasus countries") are in every match; the first starts it.
        bloc: modifiers.flatMap((m) => BLOC_NOUNS.map((n) => `${m} ${n}`)),
        blocStart: modifiers,
      }),
    };
    blocRules.set(mods, rules);
  }
  return rules;
}

/** Every match of re in s, or nothing when s lacks the hint that every match contains. */
function matchesIf(s: string, re: RegExp, present: boolean): readonly RegExpExecArray[] {
  return present ? allMatches(re, s) : NO_MATCHES;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isBoundary(text: string, start: number, end: number): boolean {
  return !(start > 0 && isWordUnit(text, start - 1)) && !(end < text.length && isWordUnit(text, end));
}

/** Whether the code unit at `at` is a letter or digit (WORD_CHAR), without the expression for ASCII. */
function isWordUnit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text.charAt(at));
}

/**
 * The pattern rules on each sentence (on the whole text when segmentation is empty). One scope,
 * its sentence fields set for each sentence in turn: the rules read it and keep nothing of it.
 * A function of its own so that the document-level work around it is not compiled again with it.
 */
function runSentenceRules(scope: SentenceScope, hints: LiteralIndex<Hint>, sentences: readonly { start: number; end: number }[]): void {
  const text = scope.text;
  // Each rule's hint list by id, looked up once per document rather than once per sentence.
  const hintIds = new Int32Array(SENTENCE_RULES.length);
  for (let r = 0; r < SENTENCE_RULES.length; r++) {
    const hint = SENTENCE_RULES[r]!.hint;
    hintIds[r] = hint === null ? -1 : hints.ids[hint];
  }
  if (sentences.length === 0) {
    runRulesOn(scope, hints, hintIds, 0, text.length);
    return;
  }
  for (let i = 0; i < sentences.length; i++) {
    const sent = sentences[i]!;
    runRulesOn(scope, hints, hintIds, sent.start, sent.end);
  }
}

/** Runs the rules whose hint words the sentence has (most rules, in most sentences, have none). */
function runRulesOn(scope: SentenceScope, hints: LiteralIndex<Hint>, hintIds: Int32Array, start: number, end: number): void {
  scope.s = scope.text.slice(start, end);
  scope.offset = start;
  scope.end = end;
  const words = hints.span(start, end);
  scope.words = words;
  for (let r = 0; r < SENTENCE_RULES.length; r++) {
    const hint = hintIds[r]!;
    if (hint < 0 || words.has(hint)) SENTENCE_RULES[r]!.run(scope, hint);
  }
}

export function recognizeEntities(
  doc: DocumentWithPeriod,
  seg: Segmentation,
  gaz: Gazetteer,
): { mentions: Mention[]; messages: Omit<Message, 'doc'>[]; speaker: Speaker | undefined } {
  const text = doc.text;
  const messages: Omit<Message, 'doc'>[] = [];
  const candidates: Candidate[] = [];
  const speaker = inferSpeaker(doc, gaz);
  const unDocument = /\bUnited Nations\b/.test(text);
  if (speaker) {
    messages.push({ rule: `recognize.${speaker.rule}`, severity: 'info', message: `speaking state ${speaker.state}: ${speaker.reason}`, ...(speaker.evidence ?? {}) });
  }

  // 1. Gazetteer: every whole-word, case-sensitive occurrence; overlaps are settled later.
  const gazByStart = new Map<number, Array<{ end: number; data: SurfaceEntry }>>();
  const stateEndingAt = new Map<number, { start: number; entity: string; form: string }>();
  const rules = rulesFor(gaz);
  const blocCoordination = rules.coordination;
  // The gazetteer's names and the rules' hint words, found in one pass over the text.
  let gazetteerHits: SurfaceHit<SurfaceEntry>[] = [];
  const hints = rules.hints.collect((visit) => { gazetteerHits = gaz.matcher.searchWith(text, rules.hints.matcher, visit); });
  gazetteerCandidates(text, gazetteerHits, gaz, candidates, gazByStart, stateEndingAt);
  primeNamedCandidate(gaz, hints);
  const scope = sentenceScope(text, gaz, candidates, hints, Boolean(speaker), unDocument, blocCoordination, gazByStart, stateEndingAt);
  runSentenceRules(scope, hints, seg.sentences);

  const chosen = settleOverlaps(candidates, text.length);
  const withAcronyms = addGlosses(text, addAcronyms(text, chosen, gaz), gaz);
  return { mentions: mentionsOf(doc.id, text, withAcronyms), messages, speaker };
}

/**
 * The chosen candidates as mentions, in a list begun as a list of objects: an empty list (what map gave
 * for a document without names) is one of small integers to V8, another map, and the resolver compiled
 * for filled lists was thrown away at the first empty one. A function of its own: a loop in
 * recognizeEntities would make V8 compile that before it has seen every kind of document.
 */
function mentionsOf(doc: string, text: string, chosen: readonly Candidate[]): Mention[] {
  const mentions: Mention[] = [{} as Mention];
  mentions.pop();
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    // `inferred` is always a field (undefined until the resolver sets it), so that every mention has one map
    // from here on: mentions with and without it were two, and code reading both was thrown away ('wrong map').
    // Stored rows and exports write an absent and an undefined `inferred` alike.
    mentions.push({ doc, start: c.start, end: c.end, text: text.slice(c.start, c.end), entity: c.entity, kind: c.kind, rule: c.rule, inferred: undefined });
  }
  return mentions;
}

/** Every whole-word gazetteer hit as a candidate, indexed by start (all) and by end (states). */
function gazetteerCandidates(
  text: string,
  hits: readonly SurfaceHit<SurfaceEntry>[],
  gaz: Gazetteer,
  candidates: Candidate[],
  gazByStart: Map<number, Array<{ end: number; data: SurfaceEntry }>>,
  stateEndingAt: Map<number, { start: number; entity: string; form: string }>,
): void {
  for (const hit of hits) {
    const data = hit.data;
    if (!data || !isBoundary(text, hit.start, hit.end)) continue;
    let { start } = hit;
    const { end } = hit;
    const surface = hit.pattern; // the text from start to end: patterns match exactly
    if (data.entity === 'state:CHN' && /^\s+Sea\b/.test(text.slice(end, end + 5))) continue; // "China Sea" is a sea, not the state
    if (data.form === 'adjectival' && /^ Wars?\b/.test(text.slice(end, end + 6))) continue; // "the Korean War" names a war (an event)
    let entity = data.entity;
    let kind = data.kind;
    let rule = `gazetteer.${data.form}`;
    if (PERSON_FIRSTNAME_STATES.has(surface)) {
      const reading = firstNameStateReading(text, surface, start, end);
      if (reading === 'none') continue;
      if (reading === 'us-state') {
        entity = 'place:georgia-us';
        kind = 'place';
        rule = 'gazetteer.us-state';
      }
    }
    if (/^[Tt]he /.test(surface) && !/^The /.test(gaz.entities.get(entity)?.name ?? '')) start += 4;
    const list = gazByStart.get(start) ?? [];
    list.push({ end, data });
    gazByStart.set(start, list);
    if (kind === 'state') stateEndingAt.set(end, { start, entity, form: data.form });
    candidates.push({ start, end, kind, entity, rule, priority: 0 });
  }
}

/** What the pattern rules of one sentence read and where they put their candidates. */
interface SentenceScope {
  text: string;
  gaz: Gazetteer;
  candidates: Candidate[];
  /** The sentence's text, from `offset` to `end` of the document's. */
  s: string;
  offset: number;
  end: number;
  words: SpanLiterals<Hint>;
  /** Whether the document speaks for a state (a speech or statement). */
  speaker: boolean;
  unDocument: boolean;
  blocCoordination: RegExp | null;
  /** Gazetteer hits by start, and the states among them by end. */
  gazByStart: Map<number, Array<{ end: number; data: SurfaceEntry }>>;
  stateEndingAt: Map<number, { start: number; entity: string; form: string }>;
}

/*
 * Each group returns at once when the sentence lacks every word its patterns need (the hint lists),
 * which is most groups in most sentences.
 *
 * The rules are one function per group rather than one long loop body: V8's optimising compiler
 * takes time that grows faster than the size of a function, and a single function holding every
 * rule cost it seconds of CPU before a document ran at full speed.
 */

/** The longest gazetteer hit starting at `pos`, of one of `kinds` when given. */
function longestGazAt(c: SentenceScope, pos: number, kinds?: EntityKind[]): { end: number; data: SurfaceEntry } | undefined {
  return (c.gazByStart.get(pos) ?? []).filter((g) => !kinds || kinds.includes(g.data.kind)).sort((a, b) => b.end - a.end)[0];
}

/** A state name or adjective ending right before `pos`: "Japan's Prime Minister", "the Russian President". */
function stateBefore(c: SentenceScope, pos: number): { start: number; entity: string; form: string; possessive: boolean } | undefined {
  const m = /(['’]s)?\s+$/.exec(c.text.slice(Math.max(0, pos - 4), pos));
  if (!m) return undefined;
  const found = c.stateEndingAt.get(pos - m[0].length);
  return found ? { start: found.start, entity: found.entity, form: found.form, possessive: m[1] !== undefined } : undefined;
}

function titleRules(c: SentenceScope): void {
  // 2. Titles: "Prime Minister Kishida", "President of Ukraine Volodymyr Zelenskyy", "the Prime Minister of Japan".
  const found = matchesAt(TITLE_AT, c.s, c.words.starts(c.words.ids.title));
  for (let i = 0; i < found.length; i++) titleCandidate(c, found[i]!);
}

/*
 * What a rule makes of each match is a function of its own, apart from the loop over a sentence's
 * matches: the loop runs for every sentence with a hint word and is optimised early, when many of
 * the branches below have never run; had they been inlined there, the first sentence to reach
 * one would throw the optimised loop away and have it compiled again, whole.
 */

function titleCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const { text, gaz, candidates } = c;
  const title = m[1] ?? '';
  const tStart = c.offset + m.index;
  let pos = tStart + title.length;
  let ofState: { start: number; end: number } | undefined;
  const ofMatch = /^ of (?:the )?/.exec(text.slice(pos, pos + 9));
  if (ofMatch) {
    const g = longestGazAt(c, pos + ofMatch[0].length, ['state', 'organization', 'bloc']);
    if (g) {
      ofState = { start: pos + ofMatch[0].length, end: g.end };
      pos = g.end;
    }
  }
  NAME_AT.lastIndex = pos;
  const nm = NAME_AT.exec(text);
  const name = nm ? trimName(nm[1] ?? '') : '';
  if (nm && name && !NOT_NAME.has(name.split(/\s+/)[0] ?? '') && !gaz.stateForms.has(name.split(/\s+/)[0] ?? '') && !TITLES.includes(name)) {
    const nStart = nm.index + nm[0].length - (nm[1] ?? '').length;
    candidates.push({ start: nStart, end: nStart + name.length, kind: 'person', entity: null, rule: 'title-name', priority: 2 });
    return;
  }
  if (!nm && title.startsWith('Minister ') && swallowedName(c, title, tStart)) return;
  if (!OFFICE_TITLES.has(title)) return;
  if (ofState && gaz.entities.get(longestGazAt(c, ofState.start)?.data.entity ?? '')?.kind === 'state') {
    candidates.push({ start: tStart, end: ofState.end, kind: 'person', entity: null, rule: 'title-office', priority: 2 });
    return;
  }
  const before = stateBefore(c, tStart);
  if (before && !ofState) candidates.push({ start: before.start, end: tStart + title.length, kind: 'person', entity: null, rule: 'title-office', priority: 2 });
}

/**
 * "Minister of Economic Development Maksim Gennadyevich Reshetnikov": the title regex swallowed the
 * name. Adds it and answers true when the title ends in one.
 */
function swallowedName(c: SentenceScope, title: string, tStart: number): boolean {
  const ministry = /^Minister (?:of|for) (.+)$/.exec(title);
  const words = ministry?.[1]?.split(' ') ?? [];
  if (!(words.length >= 3 && words.slice(-2).every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !NOT_NAME.has(w)))) return false;
  const nameLen = PATRONYMIC_SUFFIX.test(words.at(-2) ?? '') && words.length >= 4 ? 3 : 2;
  const name2 = words.slice(-nameLen).join(' ');
  const end = tStart + title.length;
  c.candidates.push({ start: end - name2.length, end, kind: 'person', entity: null, rule: 'title-name', priority: 2 });
  return true;
}

// 3. Government bodies: "Government of Japan", "the Russian government", "Chinese Foreign Ministry".
function governmentOfRule(c: SentenceScope): void {
  const found = matchesAt(GOVERNMENT_OF_AT, c.s, c.words.starts(c.words.ids.governmentOf));
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const start = c.offset + m.index;
    const g = longestGazAt(c, start + m[0].length, ['state']);
    if (g) c.candidates.push({ start, end: g.end, kind: 'organization', entity: null, rule: 'gov-body', priority: 2 });
  }
}

function bodyAfterStateRule(c: SentenceScope): void {
  const found = matchesAt(BODY_AFTER_STATE_AT, c.s, c.words.starts(c.words.ids.body));
  for (let i = 0; i < found.length; i++) bodyAfterStateCandidate(c, found[i]!);
}

/** "the Russian government", "Japan's forces": a body word right after a state. */
function bodyAfterStateCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const start = c.offset + m.index;
  const before = stateBefore(c, start);
  if (!before) return;
  const word = m[0];
  // "Russian troops", "Japan's forces"; but not "Japan forces" (a noun compound in a headline).
  if (before.form === 'name' && !before.possessive && /^(?:forces|troops|military|authorities)$/.test(word)) return;
  if (word === 'military' && MILITARY_AS_MODIFIER.test(c.text.slice(start + word.length, start + word.length + 30))) return;
  c.candidates.push({ start: before.start, end: start + word.length, kind: 'organization', entity: null, rule: 'gov-body', priority: 2 });
}

function missionRules(c: SentenceScope): void {
  // 4. Diplomatic missions: "Embassy of Japan in Russia", "Consulate-General of the Russian Federation in Sapporo".
  const found = matchesAt(MISSION_AT, c.s, c.words.starts(c.words.ids.mission));
  for (let i = 0; i < found.length; i++) missionCandidate(c, found[i]!);
}

function missionCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const text = c.text;
  const start = c.offset + m.index;
  let pos = start + m[0].length;
  if (text.startsWith('the ', pos)) pos += 4;
  const g = longestGazAt(c, pos, ['state']);
  if (!g) return;
  let end = g.end;
  const inM = /^ (?:in|to) (?:the )?/.exec(text.slice(end, end + 9));
  if (inM) {
    const place = longestGazAt(c, end + inM[0].length);
    const capRun = /^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2}/u.exec(text.slice(end + inM[0].length, c.end));
    if (place) end = place.end;
    else if (capRun) end = end + inM[0].length + capRun[0].length;
  }
  c.candidates.push({ start, end, kind: 'organization', entity: null, rule: 'mission', priority: 3 });
}

function namedRules(c: SentenceScope): void {
  const s = c.s;
  // 5. Capitalised names ending in (or headed by) Agreement, Treaty, Council, Summit, Prize ...
  // Tried only where a name can start before a head word; `resume` is where the next search starts.
  const namedStarts = startsBefore(s, c.words.starts(c.words.ids.head), mayStartNamed);
  let resume = 0;
  for (let m = firstMatchAt(NAMED_AT, s, namedStarts, 0); m; m = firstMatchAt(NAMED_AT, s, namedStarts, resume)) resume = namedCandidate(c, m);
}

/** The name a match of NAMED_AT makes, if any; answers where the next search starts. */
function namedCandidate(c: SentenceScope, m: RegExpExecArray): number {
  const { s, gaz } = c;
  let prefix = m[1] ?? '';
  const head = m[2] ?? '';
  const cont = m[3] === undefined || m[3] === '' ? '' : trimContinuation(c, m, m[3]);
  // "States Party", "Contracting Party": a role in a treaty, not a political party.
  if (head === 'Party' && /(?:^|\s)(?:States?|Contracting|Third|Working|Interested|Concerned|Other|Each|Any)\s*$/.test(prefix)) return m.index + m[0].length;
  const lead = LEADING_FUNCTION.exec(prefix);
  if (lead) prefix = prefix.slice(lead[0].length);
  const startIdx = m.index + (m[0].length - (m[1] ?? '').length - head.length - (m[3] ?? '').length) + (lead ? lead[0].length : 0);
  const resume = m.index + (m[1] ?? '').length + head.length + cont.length;
  if (prefix.trim() === '' && cont === '') return resume;
  if (/(?:^|\s)(?:a|an)\s+$/.test(s.slice(Math.max(0, startIdx - 4), startIdx))) return resume; // "a Peace Treaty" is generic
  // A prefix of only possessives or numbers ("its Plan", "2022 Plan") is not a name.
  if (!/\p{Lu}/u.test(prefix) && cont === '') return resume;
  // "the Japan-Russia Summit" is a meeting of its participants, who are the entities.
  if (cont === '' && /^(?:Summit|Conference|Forum)$/.test(head) && prefix.trim().split(/[-–]/).every((part) => isKnownName(part.trim(), gaz))) return resume;
  const start = c.offset + startIdx;
  const end = c.offset + m.index + (m[1] ?? '').length + head.length + cont.length;
  c.candidates.push({ start, end, kind: HEAD_KIND.get(head) ?? 'other', entity: null, rule: `named.${(HEAD_KIND.get(head) ?? 'other')}`, priority: 1 });
  return resume;
}

/** The words after a name's head word ("of the ...", "on ...") that belong to the name. */
function trimContinuation(c: SentenceScope, m: RegExpExecArray, matched: string): string {
  const { s, gaz } = c;
  let cont = matched;
  // Never run two names together: "... Consular Relations and the Japan-Soviet Consular Convention".
  const chained = CHAINED_NAME_RE.exec(cont);
  if (chained) cont = cont.slice(0, chained.index);
  // A sentence-final period belongs to the sentence, not the name.
  cont = cont.replace(/\.$/, '');
  // "Plan of Action on the Iranian nuclear programme": a trailing state adjective modifies a common noun.
  const trailing = /\s+(?:of|on|for|concerning|between|in|to|against|with|and)(?:\s+(?:the|a|an))?\s+(\p{Lu}[\p{L}-]*)$/u.exec(cont);
  const followedByLower = /^\s+\p{Ll}/u.test(s.slice(m.index + m[0].length - matched.length + cont.length));
  if (trailing?.[1] && gaz.stateForms.has(trailing[1]) && followedByLower) cont = cont.slice(0, trailing.index);
  // "... Forum and the United States-led coalition": a coordinated modifier of a common noun is not part of the name.
  const andGroup = /\s+and(?:\s+(?:the|a|an))?(?:\s+[\p{Lu}\d][\p{L}\d.'’-]*)+$/u.exec(cont);
  const andLast = andGroup?.[0].split(/\s+/).at(-1) ?? '';
  if (andGroup && followedByLower && (/-\p{Ll}+$/u.test(andLast) || gaz.stateForms.has(andLast))) cont = cont.slice(0, andGroup.index);
  return cont;
}

// 6. Quoted exercise and project names, vessels, administrative regions, patronymic and apposed names.
function quotedRule(c: SentenceScope): void {
  const found = matchesAt(QUOTED_AT, c.s, c.words.starts(c.words.ids.quote));
  for (let i = 0; i < found.length; i++) quotedCandidate(c, found[i]!);
}

/** A quoted name of an exercise or a project. */
function quotedCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const text = c.text;
  const inner = m[1] ?? '';
  if (!/^\p{Lu}/u.test(inner)) return;
  const qStart = c.offset + m.index + 1;
  const before = text.slice(Math.max(c.offset, qStart - 40), qStart - 1);
  const after = text.slice(qStart + inner.length + 1, Math.min(c.end, qStart + inner.length + 80));
  if (EXERCISE_BEFORE.test(before) || EXERCISE_AFTER.test(after)) {
    c.candidates.push({ start: qStart, end: qStart + inner.length, kind: 'other', entity: null, rule: 'quoted-exercise', priority: 3 });
  } else if (after.includes('project') && PROJECT_AFTER.test(after)) {
    c.candidates.push({ start: qStart, end: qStart + inner.length, kind: 'other', entity: null, rule: 'quoted-project', priority: 3 });
  }
}

function appositionRule(c: SentenceScope): void {
  const s = c.s;
  const found = matchesAt(APPOSITION_AT, s, startsBefore(s, commas(s), mayStartPersonal));
  for (let i = 0; i < found.length; i++) appositionCandidate(c, found[i]!);
}

/** "Name Surname, the leader of ...": a name before a role in apposition. */
function appositionCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const gaz = c.gaz;
  const name = m[1] ?? '';
  const tokens = name.split(/\s+/);
  if (tokens.some((t) => NOT_NAME.has(t) || gaz.stateForms.has(t) || HEAD_KIND.has(t))) return;
  const start = c.offset + m.index;
  c.candidates.push({ start, end: start + name.length, kind: 'person', entity: null, rule: 'apposition-name', priority: 1 });
}

// 7. References resolved later: "the Russian side", "the two countries", "the country".
function sideRule(c: SentenceScope): void {
  const found = matchesAt(SIDE_AT, c.s, c.words.starts(c.words.ids.side));
  for (let i = 0; i < found.length; i++) sideCandidate(c, found[i]!);
}

/** "the Russian side": a state's side is the state. */
function sideCandidate(c: SentenceScope, m: RegExpExecArray): void {
  const at = c.offset + m.index;
  const before = stateBefore(c, at);
  if (!before || before.possessive) return;
  // "the Russian side" is a definite description: the article belongs to it.
  const start = /^[Tt]he $/.test(c.text.slice(before.start - 4, before.start)) ? before.start - 4 : before.start;
  c.candidates.push({ start, end: at + 4, kind: 'state', entity: before.entity, rule: 'state-side', priority: 2 });
}

/**
 * A rule that adds every match of its expression as a candidate, unless `keep` says otherwise:
 * most rules are this and differ only in data, so one function runs them all (and is compiled
 * once, not once per rule with the search inlined into each).
 */
interface MatchRule {
  /** A sticky expression tried where a word of `hint` starts, or a global one searched for in sentences with such a word. */
  re: RegExp;
  hint: Hint;
  kind: EntityKind;
  entity: string | null;
  rule: string;
  priority: number;
  /** The candidate is the whole match, or only its first group (which ends the match). */
  span: 'match' | 'group';
  /** Whether the rule runs on the sentence at all (besides its hint). */
  when: ((c: SentenceScope) => boolean) | null;
  keep: ((c: SentenceScope, m: RegExpExecArray) => boolean) | null;
}

function matchRule(spec: Pick<MatchRule, 're' | 'hint' | 'kind' | 'rule' | 'priority'> & Partial<MatchRule>): SentenceRule {
  const rule: MatchRule = { entity: null, span: 'match', when: null, keep: null, ...spec };
  return { hint: rule.hint, run: (c, hint) => addMatches(c, rule, hint) };
}

/** The rule on a sentence that has its hint words (`hint` is the list's id). */
function addMatches(c: SentenceScope, r: MatchRule, hint: number): void {
  if (r.when !== null && !r.when(c)) return;
  const found = r.re.sticky ? matchesAt(r.re, c.s, c.words.starts(hint)) : allMatches(r.re, c.s);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    if (r.keep !== null && !r.keep(c, m)) continue;
    let start = c.offset + m.index;
    const end = start + m[0].length;
    if (r.span === 'group') start = end - (m[1] ?? '').length;
    c.candidates.push({ start, end, kind: r.kind, entity: r.entity, rule: r.rule, priority: r.priority });
  }
}

/** 7b. The speaker's own state: "we", "our", "my country", "my Government" (speeches and statements only). */
function speakerRules(c: SentenceScope): void {
  if (!c.speaker) return;
  const found = speakerReferences(c.s, c.words);
  for (let i = 0; i < found.length; i++) {
    const r = found[i]!;
    c.candidates.push({ start: c.offset + r.start, end: c.offset + r.end, kind: r.kind, entity: null, rule: r.rule, priority: 1 });
  }
}

function blocCoordinationRules(c: SentenceScope): void {
  if (!c.blocCoordination) return;
  const { s, gaz, candidates } = c;
  const at = (i: number): number => c.offset + i;
  // 8. Coordinated groupings: "the Central Asian and Caucasus countries" names two blocs.
  if (c.blocCoordination) {
    const found = c.words.has(c.words.ids.bloc) ? matchesAt(c.blocCoordination, s, c.words.starts(c.words.ids.blocStart)) : NO_MATCHES;
    for (let i = 0; i < found.length; i++) {
      const m = found[i]!;
      const a = m[1] ?? '';
      const b = m[2] ?? '';
      const aStart = at(m.index);
      const bStart = aStart + a.length + 5;
      candidates.push({ start: aStart, end: aStart + a.length, kind: 'bloc', entity: gaz.blocModifiers.get(a) ?? null, rule: 'bloc-coordination', priority: 3 });
      candidates.push({ start: bStart, end: at(m.index) + m[0].length, kind: 'bloc', entity: gaz.blocModifiers.get(b) ?? null, rule: 'bloc-coordination', priority: 3 });
    }
  }
}

/** A rule run on the sentences that have a word of its hint list (on all of them when null). */
interface SentenceRule {
  hint: Hint | null;
  /** `hint` is the list's id (-1 when none). */
  run: (c: SentenceScope, hint: number) => void;
}

/**
 * The rules in the order they run on each sentence (the order candidates are added in, which
 * settles ties). Called through this list rather than one by one: the optimising compiler does not
 * inline a call site with this many targets, so each rule is compiled once on its own instead of
 * again inside the loop that calls it (compiling the loop with the rules inlined cost more CPU than
 * a document's rules take to run).
 */
const SENTENCE_RULES: readonly SentenceRule[] = [
  { hint: 'title', run: titleRules },
  { hint: 'governmentOf', run: governmentOfRule },
  { hint: 'body', run: bodyAfterStateRule },
  matchRule({ re: CONTEXT_BODIES_AT, hint: 'contextBody', kind: 'organization', rule: 'gov-body.contextual', priority: 1 }),
  matchRule({ re: REGIONAL_GOVERNMENT_RE, hint: 'regionalGovernment', kind: 'organization', rule: 'gov-body.regional', priority: 2 }),
  { hint: 'mission', run: missionRules },
  { hint: 'head', run: namedRules },
  matchRule({ re: SHORT_REF_AT, hint: 'shortRef', kind: 'agreement', rule: 'short-ref', priority: 0, span: 'group' }),
  { hint: 'quote', run: quotedRule },
  matchRule({ re: VESSEL_AT, hint: 'vessel', kind: 'other', rule: 'vessel', priority: 2, span: 'group' }),
  matchRule({ re: ADMIN_RE, hint: 'admin', kind: 'place', rule: 'admin-region', priority: 1, keep: (_c, m) => !NOT_NAME.has((m[1] ?? '').split(' ')[0] ?? '') }),
  matchRule({ re: PATRONYMIC_RE, hint: 'patronymic', kind: 'person', rule: 'patronymic-name', priority: 1, keep: (_c, m) => !NOT_NAME.has(m[1] ?? '') }),
  { hint: 'apposition', run: appositionRule },
  { hint: 'side', run: sideRule },
  matchRule({ re: PLURAL_REF_AT, hint: 'pluralRef', kind: 'state', rule: 'plural-ref', priority: 1 }),
  // "Turkey is the country most affected": a predicate describes, it does not refer back.
  matchRule({ re: COUNTRY_REF_AT, hint: 'countryRef', kind: 'state', rule: 'definite-country', priority: 1, keep: (c, m) => !/(?:^|\s)(?:is|was|are|were|remains|remained|becomes|became|be|been)\s+$/.test(c.s.slice(Math.max(0, m.index - 12), m.index)) }),
  // "the administration" is the government in focus; "my Administration" the speaker's, only in a speech.
  matchRule({ re: ADMINISTRATION_AT, hint: 'administrationRef', kind: 'organization', rule: 'administration-ref', priority: 1, keep: (c, m) => !(/^[Mm]y|^[Oo]ur/.test(m[0]) && !c.speaker) }),
  matchRule({ re: NAMED_ADMINISTRATION_RE, hint: 'administration', kind: 'organization', rule: 'administration-ref', priority: 2, keep: (c, m) => c.gaz.surnames.has((m[1] ?? '').toLowerCase()) }),
  // "the Organization" in a text about the United Nations is the UN (UN usage, capitalised).
  matchRule({ re: UN_ORGANIZATION_AT, hint: 'organization', kind: 'organization', entity: 'org:UN', rule: 'un-organization-ref', priority: 1, when: (c) => c.unDocument }),
  matchRule({ re: OPERATION_AT, hint: 'operation', kind: 'other', rule: 'named-operation', priority: 2 }),
  matchRule({ re: BRANCH_AT, hint: 'branch', kind: 'organization', rule: 'gov-body.branch', priority: 1 }),
  { hint: null, run: speakerRules },
  { hint: 'bloc', run: blocCoordinationRules },
];

/**
 * How to read a state name that is also a given name or a US state ("Georgia", "Jordan", "Chad")
 * at text[start, end): as the state, as the US state, or as neither (part of a person's name).
 * Apart from the loop over the hits, where it would seldom run.
 */
function firstNameStateReading(text: string, surface: string, start: number, end: number): 'state' | 'us-state' | 'none' {
  if (LOCATIVE_BEFORE_US_STATE.test(text.slice(Math.max(0, start - 20), start)) || /^,? (?:USA|U\.S\.)/.test(text.slice(end, end + 6))) {
    return surface === 'Georgia' ? 'us-state' : 'none';
  }
  return looksLikeGivenName(text, end) ? 'none' : 'state'; // "Georgia Smith": a person's given name
}

function looksLikeGivenName(text: string, end: number): boolean {
  const next = /^ (\p{Lu}\p{Ll}+)(?![\p{L}])/u.exec(text.slice(end, end + 30));
  if (!next?.[1]) return false;
  return !/^(?:Government|Ministry|President|Prime|Foreign|Parliament|Valley|River|Sea|Republic|Dream|Army|Embassy|Armed|Constitution|Coast|Strait|Tech)$/.test(next[1]);
}

function trimName(name: string): string {
  const tokens = name.split(/\s+/);
  while (tokens.length > 1 && NOT_NAME.has(tokens.at(-1) ?? '')) tokens.pop();
  return tokens.join(' ');
}

/** Longest match wins; on equal spans the pattern rule wins but inherits the gazetteer's entity. */
function settleOverlaps(candidates: Candidate[], textLength: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken: Candidate[] = [];
  // Taken spans never overlap, so one mark per character and one entry per start answer both
  // questions in time proportional to the candidate's length, not to the number taken so far.
  const occupied = new Uint8Array(textLength);
  const takenByStart = new Map<number, Candidate>();
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    const same = takenByStart.get(c.start);
    if (same && same.end === c.end) {
      if (same.entity === null && c.entity !== null) {
        same.entity = c.entity;
        same.kind = c.kind; // "United Nations Development Programme" is the organisation the gazetteer knows
      }
      continue;
    }
    if (same || isOccupied(occupied, c.start, c.end)) continue;
    const copy = { ...c };
    taken.push(copy);
    takenByStart.set(c.start, copy);
    occupied.fill(1, c.start, c.end);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

function isOccupied(occupied: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (occupied[p]) return true;
  return false;
}

/** Characters covered by the (non-empty, non-overlapping) spans. */
function occupiedBy(spans: readonly { start: number; end: number }[], textLength: number): Uint8Array {
  const occupied = new Uint8Array(textLength);
  for (const o of spans) occupied.fill(1, o.start, o.end);
  return occupied;
}

/** "Full Name (ABBR)" defines ABBR for the rest of the document when the gazetteer does not know it. */
function addAcronyms(text: string, chosen: Candidate[], gaz: Gazetteer): Candidate[] {
  const out = [...chosen];
  let occupiedCache: Uint8Array | undefined;
  const known = new Set<string>();
  for (const c of chosen) {
    const m = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&-]{1,9})\)/u.exec(text.slice(c.end, c.end + 16));
    if (!m?.[1] || c.kind === 'state' || c.kind === 'person') continue;
    const abbr = m[1];
    if (known.has(abbr) || gaz.matcher.matchesWhole(abbr)) continue;
    const initials = text.slice(c.start, c.end).match(/\p{Lu}/gu)?.join('') ?? '';
    if (!isSubsequence(abbr.replace(/[^\p{Lu}]/gu, ''), initials)) continue;
    known.add(abbr);
    const occupied = (occupiedCache ??= occupiedBy(out, text.length));
    // Every whole-word occurrence from c.end on (the text at c.end is a space or "("), found as
    // plain text: an expression compiled per acronym cost more than the search.
    for (const start of wholeWordsFrom(text, abbr, c.end)) {
      if (isOccupied(occupied, start, start + abbr.length)) continue;
      out.push({ start, end: start + abbr.length, kind: c.kind, entity: c.entity, rule: 'acronym', priority: 0 });
      occupied.fill(1, start, start + abbr.length);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "Viasna (Spring)": a bracketed translation right after an organisation's name names it too. */
function addGlosses(text: string, chosen: Candidate[], gaz: Gazetteer): Candidate[] {
  const out = [...chosen];
  let occupied: Uint8Array | undefined;
  for (const c of chosen) {
    if (c.kind !== 'organization' && c.kind !== 'other') continue;
    const m = GLOSS_AFTER.exec(text.slice(c.end, c.end + 60));
    const gloss = m?.[1];
    if (!gloss || isKnownName(gloss, gaz) || gloss.split(' ').some((w) => NOT_NAME.has(w) || HEAD_KIND.has(w))) continue;
    const start = c.end + 2;
    occupied ??= occupiedBy(out, text.length);
    if (isOccupied(occupied, start, start + gloss.length)) continue;
    out.push({ start, end: start + gloss.length, kind: c.kind, entity: c.entity, rule: 'parenthetical-alias', priority: 0 });
    occupied.fill(1, start, start + gloss.length);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A whole surface the gazetteer knows (any kind). */
function isKnownName(surface: string, gaz: Gazetteer): boolean {
  return gaz.matcher.matchesWhole(surface);
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return needle.length > 0 && i === needle.length;
}
