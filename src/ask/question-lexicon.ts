import type { AgreementStatusKind, PloverType, StanceKind } from '../model/event.js';
import { normaliseSpelling } from '../extract/lemmatise.js';

/**
 * What a verb or noun of a question asks about. Kept small and general on purpose: questions use
 * a handful of verbs for each PLOVER type, and the event and stance extractors have already coded
 * the documents' own wording, so a question only has to name the type.
 */
export interface QuestionSense {
  types: PloverType[];
  modes?: string[];
  stances?: StanceKind[];
  statuses?: AgreementStatusKind[];
}

const S = (types: PloverType[], extra: Omit<QuestionSense, 'types'> = {}): QuestionSense => ({ types, ...extra });

/** Keys are lemmas (see lemmaCandidates); a few two-word keys are joined with a space. */
export const QUESTION_SENSES: ReadonlyMap<string, QuestionSense> = new Map<string, QuestionSense>([
  // verbal conflict
  ['condemn', S(['ACCUSE'], { stances: ['condemns'] })],
  ['condemnation', S(['ACCUSE'], { stances: ['condemns'] })],
  ['denounce', S(['ACCUSE'], { stances: ['condemns'] })],
  ['criticize', S(['ACCUSE'], { stances: ['condemns'] })],
  ['criticism', S(['ACCUSE'], { stances: ['condemns'] })],
  ['accuse', S(['ACCUSE'])],
  ['protest', S(['ACCUSE', 'PROTEST'])],
  ['oppose', S([], { stances: ['opposes'] })],
  ['abstain', S([], { stances: ['abstains'] })],
  ['refrain', S([], { stances: ['refrains'] })],
  ['threaten', S(['THREATEN'])],
  ['threat', S(['THREATEN'])],
  ['reject', S(['REJECT'])],
  ['refuse', S(['REJECT'])],
  ['demand', S(['REQUEST'])],
  ['urge', S(['REQUEST'])],
  ['request', S(['REQUEST'])],
  ['appeal', S(['REQUEST'])],
  ['call on', S(['REQUEST'])],
  // material conflict
  ['sanction', S(['SANCTION'])],
  ['impose', S(['SANCTION'])],
  ['ban', S(['SANCTION', 'COERCE'])],
  ['expel', S(['SANCTION'], { modes: ['expel'] })],
  ['expulsion', S(['SANCTION'], { modes: ['expel'] })],
  ['persona', S(['SANCTION'], { modes: ['expel'] })], // persona non grata
  ['suspend', S(['SANCTION'], { statuses: ['suspended'] })],
  ['suspension', S(['SANCTION'], { statuses: ['suspended'] })],
  ['discontinue', S(['SANCTION'], { statuses: ['discontinued'] })],
  ['terminate', S(['SANCTION'], { statuses: ['discontinued'] })],
  ['withdraw', S(['SANCTION', 'RETREAT'], { statuses: ['withdrawn'] })],
  ['freeze', S(['SANCTION'])],
  ['embargo', S(['SANCTION'])],
  ['detain', S(['COERCE'], { modes: ['arrest'] })],
  ['arrest', S(['COERCE'], { modes: ['arrest'] })],
  ['seize', S(['COERCE'])],
  ['restrict', S(['COERCE'])],
  ['suppress', S(['COERCE'])],
  ['invade', S(['ASSAULT'])],
  ['invasion', S(['ASSAULT'])],
  ['attack', S(['ASSAULT'])],
  ['annex', S(['ASSAULT'])],
  ['annexation', S(['ASSAULT'])],
  ['occupy', S(['ASSAULT'])],
  ['aggression', S(['ASSAULT'])],
  ['war', S(['ASSAULT'])],
  ['wage', S(['ASSAULT'])],
  ['fight', S(['ASSAULT'])],
  ['kill', S(['ASSAULT'])],
  ['mobilize', S(['MOBILIZE'])],
  ['mobilization', S(['MOBILIZE'])],
  // cooperation
  ['support', S(['SUPPORT'], { stances: ['supports'] })],
  ['back', S(['SUPPORT'], { stances: ['supports'] })],
  ['endorse', S(['SUPPORT'], { stances: ['supports'] })],
  ['award', S(['SUPPORT'])],
  ['meet', S(['CONSULT'])],
  ['meeting', S(['CONSULT'])],
  ['summit', S(['CONSULT'])],
  ['talk', S(['CONSULT'])],
  ['visit', S(['CONSULT'])],
  ['call', S(['CONSULT'])],
  ['discuss', S(['CONSULT'])],
  ['consult', S(['CONSULT'])],
  ['host', S(['CONSULT'])],
  ['broker', S(['CONSULT'])],
  ['mediate', S(['CONSULT'])],
  ['agree', S(['AGREE'])],
  ['pledge', S(['AGREE'])],
  ['promise', S(['AGREE'])],
  ['sign', S(['AGREE'], { statuses: ['signed'] })],
  ['conclude', S(['AGREE'], { statuses: ['signed'] })],
  ['cooperate', S(['COOPERATE'])],
  ['cooperation', S(['COOPERATE'])],
  ['exercise', S(['COOPERATE', 'MOBILIZE'])],
  ['coordinate', S(['COOPERATE'])],
  ['hand', S(['COOPERATE'])],
  ['aid', S(['AID'])],
  ['assist', S(['AID'])],
  ['assistance', S(['AID'])],
  ['help', S(['AID'])],
  ['release', S(['RETREAT'])],
  ['apologize', S(['CONCEDE'])],
  ['resume', S([], { statuses: ['resumed'] })],
  ['violate', S([], { statuses: ['violated'] })],
  ['violation', S([], { statuses: ['violated'] })],
  ['hold', S([])],
]);

let normalised: Map<string, QuestionSense> | undefined;

/** The sense of a lemma as the lemmatiser spells it ("exercise" comes out as "exercize", "criticise" as "criticize"). */
export function senseOf(lemma: string): QuestionSense | undefined {
  normalised ??= new Map([...QUESTION_SENSES].map(([k, v]) => [k.split(' ').map(normaliseSpelling).join(' '), v]));
  return normalised.get(lemma) ?? QUESTION_SENSES.get(lemma);
}

/** Verbs that carry no event of their own ("did", "has", "was"); they never become the main verb. */
export const AUXILIARIES = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'can', 'could', 'should', 'may', 'might']);

export const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither']);

/** Words that carry no content for search or measures. */
export const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'between', 'against', 'about', 'into', 'over',
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much', 'did', 'do', 'does', 'has', 'have', 'had',
  'is', 'are', 'was', 'were', 'be', 'been', 'its', 'it', 'their', 'they', 'this', 'that', 'these', 'those', 'any', 'there', 'as',
  'not', 'never', 'no', 'happen', 'happened', 'countries', 'country', 'states', 'state', 'stand', 'position', 'status', 'change', 'changed',
  'year', 'kind', 'sort', 'type', 'say', 'said', 'tell', 'told', 'according', 'knowledge', 'base', "'s", 's', 'up', 'out', 'than', 'so',
]);

/** "Which countries / organisations / people ..." narrows the kinds of entity the answer may hold. */
export const ANSWER_KIND_NOUNS: ReadonlyMap<string, string[]> = new Map([
  ['country', ['state', 'bloc']], ['countries', ['state', 'bloc']], ['state', ['state', 'bloc']], ['states', ['state', 'bloc']],
  ['nation', ['state', 'bloc']], ['nations', ['state', 'bloc']], ['government', ['state', 'organization']], ['governments', ['state', 'organization']],
  ['organization', ['organization', 'bloc']], ['organizations', ['organization', 'bloc']], ['organisation', ['organization', 'bloc']], ['organisations', ['organization', 'bloc']],
  ['person', ['person']], ['people', ['person', 'organization', 'state']], ['leader', ['person']], ['leaders', ['person']], ['official', ['person', 'organization']], ['officials', ['person', 'organization']],
  ['agreement', ['agreement']], ['agreements', ['agreement']], ['treaty', ['agreement']], ['treaties', ['agreement']], ['programs', ['agreement']], ['program', ['agreement']],
]);

/** Words by which a question asks about an agreement's standing rather than about an event. */
export const STATUS_WORDS = new Set(['status', 'standing', 'state']);

/** Words by which a question asks where an actor stands. */
export const STANCE_WORDS = new Set(['stand', 'stance', 'position', 'view', 'attitude']);

/** Verbs that ask about a figure ("How did Russia's GDP change?"). */
export const CHANGE_WORDS = new Set(['change', 'grow', 'fall', 'rise', 'drop', 'develop', 'evolve', 'move', 'increase', 'decrease', 'decline']);
