import type { DocumentWithPeriod } from '../model/document.js';
import { detachedString } from '../model/detached-string.js';
import type { Segmentation } from '../model/structure.js';
import type { Entity, EntityKind, Mention, Sector } from '../model/entity.js';
import type { Message } from '../model/message.js';
import { slugify, type Gazetteer, type OfficeRole, type OfficeTerm } from '../recognize/gazetteer.js';
import { inferSpeaker, type Speaker } from '../recognize/entities/infer-speaker.js';

type Messages = Omit<Message, 'doc'>[];

/** Title words -> the office class they name. */
const TITLE_ROLES: Array<[RegExp, OfficeRole]> = [
  [/^(?:President|King|Queen|Emperor|Empress|Emir|Amir|Sultan|Supreme Leader|Chairman)$/, 'hos'],
  [/^(?:Prime Minister|Premier|Chancellor)$/, 'hog'],
  [/^(?:Foreign Minister|Minister (?:for|of) Foreign Affairs|Foreign Secretary|Secretary of State|Minister of External Affairs|External Affairs Minister)$/, 'fm'],
  [/^(?:Secretary-General|Secretary General)$/, 'sg'],
];
const TITLE_BEFORE = /(First Deputy Prime Minister|Deputy Prime Minister|Prime Minister|Vice President|President|Minister (?:for|of) Foreign Affairs|Minister of External Affairs|Foreign Minister|Foreign Secretary|Secretary of State|Secretary-General|Secretary General|Chancellor|Premier|Emperor|King|Queen|Emir|Chairman|Minister(?: (?:of|for) [\p{L} ,-]+?)?|Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|[\p{Lu}][\p{L} -]*)(?: of (?:the )?[\p{L}. -]+?)?\s+$/u;

/** Government bodies named by a state plus a noun: id prefix, canonical name template, PLOVER sector. */
const BODY_TYPES: Array<{ re: RegExp; key: string; name: (state: string) => string; sector: Sector }> = [
  { re: /^[Gg]overnment of |\b(?:[Gg]overnment|[Aa]dministration|authorities)$/, key: 'gov', name: (s) => `Government of ${s}`, sector: 'GOV' },
  { re: /^Ministry of Foreign Affairs of |\b(?:Foreign Ministry|Ministry of Foreign Affairs|foreign ministry)$/, key: 'mfa', name: (s) => `Ministry of Foreign Affairs of ${s}`, sector: 'GOV' },
  { re: /\b[Cc]entral [Bb]ank$/, key: 'cb', name: (s) => `Central Bank of ${s}`, sector: 'GOV' },
  { re: /\b(?:[Pp]arliament|legislature)$/, key: 'leg', name: (s) => `Parliament of ${s}`, sector: 'LEG' },
  { re: /\b(?:military|[Aa]rmed [Ff]orces|Army|Navy|Air Force|forces|troops)$/, key: 'mil', name: (s) => `Armed forces of ${s}`, sector: 'MIL' },
];
const LOCATIVE_WORDS = new Set(['in', 'to', 'from', 'at', 'near', 'via', 'visited', 'visit', 'visits', 'visiting', 'around', 'outside', 'into', 'toward', 'towards', 'across', 'through', 'of', 'for', 'on', 'held', 'hosted', 'by', 'within']);

/** What resolving one document carries from mention to mention: the entities used so far, the output, the indexes. */
class Resolution {
  readonly entities = new Map<string, Entity>();
  readonly messages: Messages = [];
  /** Begun as a list of objects, not an empty literal (a list of small integers to V8 until its first push). */
  readonly out: Mention[] = noMentions();
  readonly text: string;
  readonly sentenceOf: (pos: number) => number;
  readonly paragraphOf: (pos: number) => number;
  readonly footnoteEntities: Map<number, Mention>;
  readonly homeState: string | undefined;
  readonly speaker: { state: string } | undefined;
  /** A name split into words, kept: a short form is compared with every earlier name of its kind. */
  readonly wordsOfName = new Map<string, string[]>();

  constructor(readonly doc: DocumentWithPeriod, seg: Segmentation, mentions: Mention[], readonly gaz: Gazetteer, known: KnownSpeaker | undefined) {
    this.text = doc.text;
    this.sentenceOf = makeSentenceIndex(seg, this.text.length);
    this.paragraphOf = makeParagraphIndex(seg, this.text.length);
    this.footnoteEntities = footnoteLinks(doc, mentions, this.sentenceOf);
    this.homeState = reportingState(mentions, gaz);
    this.speaker = known ? known.speaker : inferSpeaker(doc, gaz);
  }

  /** A gazetteer entity, recorded as used by this document. */
  use(id: string): string {
    if (!this.entities.has(id)) {
      const e = this.gaz.entities.get(id);
      if (e) this.entities.set(id, e);
    }
    return id;
  }

  /**
   * Record `alias` as a name this document uses for entity `id`. The gazetteer's own object is copied
   * first: the gazetteer is shared by every document a process reads, and an alias pushed onto it
   * would show in later documents' entities, so what is stored would depend on which documents the
   * process (or ingest thread) had read before.
   */
  addAlias(id: string, alias: string): void {
    let e = this.entities.get(id) ?? this.gaz.entities.get(id);
    if (!e || e.aliases.includes(alias)) return;
    if (e === this.gaz.entities.get(id)) e = { ...e, aliases: [...e.aliases] };
    e.aliases.push(alias);
    this.entities.set(id, e);
  }

  /** An entity built from the text (or the gazetteer's, when it has that id); a new one is reported. */
  textEntity(id: string, kind: EntityKind, name: string, extra: Partial<Entity>, m: Mention, rule: string): string {
    const existing = this.entities.get(id) ?? this.gaz.entities.get(id);
    if (existing) {
      this.entities.set(id, existing);
      if (name !== existing.name) this.addAlias(id, name);
      return id;
    }
    this.entities.set(id, { id, kind, name, aliases: [], ...extra, source: 'text' });
    this.messages.push({ rule: 'resolve.unlinked-entity', severity: 'info', start: m.start, end: m.end, message: `"${name}" is not in the gazetteer; kept as ${id} (${rule})` });
    return id;
  }

  emit(m: Mention, entity: string, inferred?: string[], patch?: Partial<Mention>): void {
    // The keys of `{ ...m, ...patch, entity, inferred? }` in that order, without spreading a temporary object per mention.
    const out: Mention = { ...m };
    if (patch) Object.assign(out, patch);
    out.entity = this.use(entity);
    if (inferred && inferred.length > 0) out.inferred = inferred;
    this.out.push(out);
  }

  note(rule: string, m: Mention, message: string): void {
    this.messages.push({ rule, severity: 'info', start: m.start, end: m.end, message });
  }

  /** The government of a state: the gazetteer's record, or one built with the deterministic id. */
  governmentOf(state: string, m: Mention, rule: string): string {
    const iso3 = state.slice('state:'.length);
    return this.textEntity(`org:gov-${iso3}`, 'organization', `Government of ${this.gaz.entities.get(state)?.name ?? iso3}`, { country: state, sector: 'GOV' }, m, rule);
  }
}

/*
 * One small function per kind of mention rather than one large switch: V8 optimises a function once it
 * is hot, and a large one with rarely taken cases is compiled again (at length, on background threads)
 * each time a document first takes one of them. Small functions recompile cheaply or not at all.
 */
type ResolveMention = (r: Resolution, m: Mention) => void;

function resolveTitleName(r: Resolution, m: Mention): void {
  const t = resolveTitledName(m, r.text, r.doc, r.gaz, r.entities);
  if (t.entity) {
    r.emit(m, t.entity, t.inferred);
    if (t.note) r.note('resolve.office-ambiguous', m, t.note);
  } else {
    const country = t.country;
    r.emit(m, r.textEntity(`person:${slugify(m.text)}`, 'person', m.text, { ...(country ? { country } : {}), sector: 'GOV' }, m, m.rule));
  }
}

function resolveNamedPerson(r: Resolution, m: Mention): void {
  if (m.entity) r.emit(m, m.entity);
  else r.emit(m, r.textEntity(`person:${slugify(m.text)}`, 'person', m.text, {}, m, m.rule));
}

function resolveTitleOffice(r: Resolution, m: Mention): void {
  const parsed = parseTitleOffice(m.text, r.gaz);
  const holder = parsed ? holderInPeriod(r.gaz, parsed.role, parsed.country, r.doc) : undefined;
  if (holder?.person) {
    r.emit(m, holder.person, ['office-holder']);
    if (holder.note) r.note('resolve.office-ambiguous', m, holder.note);
  } else {
    const name = m.text.replace(/^the /, '');
    r.emit(m, r.textEntity(`person:${slugify(name)}`, 'person', name, parsed?.country ? { country: parsed.country, sector: 'GOV' } : {}, m, m.rule), ['office-holder']);
  }
}

function resolveGovernmentBody(r: Resolution, m: Mention): void {
  if (m.entity) { r.emit(m, m.entity); return; }
  const b = resolveBody(m, r.gaz, r.out, r.paragraphOf, r.homeState);
  if (b.gazId) r.emit(m, b.gazId, b.inferred);
  else r.emit(m, r.textEntity(b.id, 'organization', b.name, { ...(b.country ? { country: b.country } : {}), sector: b.sector }, m, m.rule), b.inferred);
}

function resolveMission(r: Resolution, m: Mention): void {
  const state = firstState(m.text, r.gaz);
  const name = m.text.replace(/^the /, '');
  r.emit(m, r.textEntity(`org:${slugify(name)}`, 'organization', name, { ...(state ? { country: state } : {}), sector: 'GOV' }, m, m.rule));
}

function resolveSpeakerState(r: Resolution, m: Mention): void {
  if (r.speaker) r.emit(m, r.speaker.state, ['speaker']);
}

function resolveSpeakerGovernment(r: Resolution, m: Mention): void {
  if (r.speaker) r.emit(m, r.governmentOf(r.speaker.state, m, m.rule), ['speaker']);
}

function resolveAdministration(r: Resolution, m: Mention): void {
  const a = administrationState(m, r.text, r.doc, r.gaz, r.out, r.paragraphOf, r.speaker?.state, r.homeState);
  if (a) r.emit(m, r.governmentOf(a.state, m, m.rule), [a.why]);
  else r.note('resolve.unresolved-reference', m, `no state in focus for "${m.text}"`);
}

function resolveBranch(r: Resolution, m: Mention): void {
  const country = contextState(m, r.out, r.gaz, r.paragraphOf);
  const iso3 = country?.slice('state:'.length) ?? 'UNK';
  const name = `${m.text} (${country ? r.gaz.entities.get(country)?.name ?? iso3 : 'unknown state'})`;
  r.emit(m, r.textEntity(`org:${slugify(m.text)}-${iso3.toLowerCase()}`, 'organization', name, { ...(country ? { country } : {}), sector: 'MIL' }, m, m.rule), country ? ['country-context'] : undefined);
}

function resolveStateSide(r: Resolution, m: Mention): void {
  r.emit(m, m.entity ?? 'state:UNK', ['side-reference']);
}

function resolvePluralReference(r: Resolution, m: Mention): void {
  const pair = lastPair(r.out, m, r.sentenceOf, r.text, r.entities);
  if (pair) for (const id of pair) r.emit(m, id, ['plural-reference']);
  else r.note('resolve.unresolved-reference', m, `no pair of states before "${m.text}"`);
}

function resolveDefiniteCountry(r: Resolution, m: Mention): void {
  const text = r.text;
  // A possessor ("France's responsibility to ensure that the country ...") is rarely the country meant.
  // The speaker's "we" is never what "the country" points back to.
  const prev = findLast(r.out, (o) => o.entity?.startsWith('state:') && !o.rule.startsWith('speaker-') && o.end <= m.start && m.start - o.end < 1500 && !/^['’]s\b/.test(text.slice(o.end, o.end + 3)));
  if (prev?.entity) r.emit(m, prev.entity, ['coreference']);
  else r.note('resolve.unresolved-reference', m, `no state before "${m.text}"`);
}

function resolveShortReference(r: Resolution, m: Mention): void {
  const head = m.text;
  const prev = findLast(r.out, (o) => o.kind === 'agreement' && o.entity && o.end <= m.start && (r.entities.get(o.entity)?.name ?? o.text).split(/\s+/).includes(head));
  if (prev?.entity) r.emit(m, prev.entity, ['short-form']);
  // a bare "the Treaty" with nothing before it names nothing
}

function resolveAlias(r: Resolution, m: Mention): void {
  if (m.entity) { r.emit(m, m.entity); return; }
  const text = r.text;
  const definition = new RegExp(`^\\s*\\(${escapeRe(m.text)}\\)`);
  const def = findLast(r.out, (o) => o.end <= m.start && definition.test(text.slice(o.end, o.end + m.text.length + 4)));
  if (def?.entity) r.emit(m, def.entity);
  else r.emit(m, r.textEntity(`${prefixOf(m.kind)}:${slugify(m.text)}`, m.kind, m.text, {}, m, m.rule));
}

/** Any other mention: a gazetteer link (a capital may stand for its government), else a name built from the text. */
function resolveOther(r: Resolution, m: Mention): void {
  if (m.rule.startsWith('gazetteer.') && m.entity) {
    const capitalState = r.gaz.capitals.get(m.entity);
    if (capitalState && isMetonymy(r.text, m)) {
      r.emit(m, capitalState, ['capital-metonymy'], { kind: 'state', rule: 'capital-metonymy' });
    } else r.emit(m, m.entity);
    return;
  }
  if (m.entity) { r.emit(m, m.entity); return; }
  resolveTextName(r, m);
}

/** Named things built from the text: a footnote may give the full name; a short form may repeat an earlier name. */
function resolveTextName(r: Resolution, m: Mention): void {
  if (resolveViaFootnote(r, m)) return;
  // "the Ministry of Foreign Affairs" with no state: the reporting state's (or the speaker's) ministry.
  const ministry = /^(?:the )?(Ministry (?:of|for) [\p{L} ,-]+)$/u.exec(m.text);
  const owner = r.homeState ?? r.speaker?.state;
  if (m.kind === 'organization' && ministry?.[1] && owner && !firstState(m.text, r.gaz)) {
    r.emit(m, ministryOf(ministry[1], owner, m, r.gaz, r), ['home-state']);
    return;
  }
  const extended = extendedNameOf(m, r.gaz);
  if (extended) { r.emit(m, extended, ['name-prefix']); return; }
  const earlier = shortFormOf(m, r.out, r.entities, r.wordsOfName);
  if (earlier) { r.emit(m, earlier, ['short-form']); return; }
  const name = m.text.replace(/^the /, '');
  r.emit(m, r.textEntity(`${prefixOf(m.kind, m.rule)}:${slugify(name)}`, m.kind, name, {}, m, m.rule));
}

/** A footnote whose marker stands in the mention's sentence names the same thing in full. */
function resolveViaFootnote(r: Resolution, m: Mention): boolean {
  const viaFootnote = r.footnoteEntities.get(sentenceKey(m, r.sentenceOf));
  if (!(viaFootnote?.entity && viaFootnote.kind === m.kind && viaFootnote.start !== m.start && sharesHead(m.text, viaFootnote.text))) return false;
  const id = r.gaz.entities.has(viaFootnote.entity)
    ? r.use(viaFootnote.entity)
    : r.textEntity(viaFootnote.entity, m.kind, viaFootnote.text.replace(/^the /i, ''), {}, m, 'footnote');
  r.emit(m, id, ['footnote']);
  r.addAlias(id, m.text);
  return true;
}

/** Mention rule -> how it is resolved; rules not listed go to resolveOther. */
const RESOLVERS = new Map<string, ResolveMention>([
  ['title-name', resolveTitleName],
  ['patronymic-name', resolveNamedPerson],
  ['apposition-name', resolveNamedPerson],
  ['title-office', resolveTitleOffice],
  ['gov-body', resolveGovernmentBody],
  ['gov-body.contextual', resolveGovernmentBody],
  ['gov-body.regional', resolveGovernmentBody],
  ['mission', resolveMission],
  ['speaker-pronoun', resolveSpeakerState],
  ['speaker-country', resolveSpeakerState],
  ['speaker-government', resolveSpeakerGovernment],
  ['administration-ref', resolveAdministration],
  ['gov-body.branch', resolveBranch],
  ['state-side', resolveStateSide],
  ['plural-ref', resolvePluralReference],
  ['definite-country', resolveDefiniteCountry],
  ['short-ref', resolveShortReference],
  ['acronym', resolveAlias],
  ['parenthetical-alias', resolveAlias],
]);

/** The speaker recognizeEntities inferred for the same document (undefined: none), so that it is not inferred twice. */
export interface KnownSpeaker {
  speaker: Speaker | undefined;
}

export function resolveEntities(
  doc: DocumentWithPeriod,
  seg: Segmentation,
  mentions: Mention[],
  gaz: Gazetteer,
  known?: KnownSpeaker,
): { mentions: Mention[]; entities: Map<string, Entity>; messages: Messages } {
  const r = new Resolution(doc, seg, mentions, gaz, known);
  const sorted = noMentions();
  for (let i = 0; i < mentions.length; i++) sorted.push(mentions[i]!);
  sorted.sort(byPosition);
  for (let i = 0; i < sorted.length; i++) { const m = sorted[i]!; (RESOLVERS.get(m.rule) ?? resolveOther)(r, m); }
  r.out.sort(byPosition);
  return { mentions: r.out, entities: r.entities, messages: r.messages };
}

function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * An empty list with the elements kind a filled list of mentions has: an empty literal is a list of small
 * integers to V8 until its first push, a map of its own, and code compiled for filled lists was thrown away
 * ('wrong map') at the first document without mentions.
 */
function noMentions(): Mention[] {
  const list = [{}] as Mention[];
  list.pop();
  return list;
}

/**
 * An empty list of the elements kind a filled list of objects has (see noMentions). A literal of its own:
 * V8 tracks the elements kind of lists per literal, and the mention lists go on to other code.
 */
function objectList<T extends object>(): T[] {
  const list = [{}] as T[];
  list.pop();
  return list;
}

/**
 * "Paris Agreement on Climate Change": a known name of two words or more followed by "on/of/for ..." is that
 * entity written out more fully.
 */
function extendedNameOf(m: Mention, gaz: Gazetteer): string | undefined {
  if (m.kind !== 'agreement' && m.kind !== 'organization') return undefined;
  const surface = m.text.replace(/^the /i, '');
  const hits = gaz.matcher
    .search(surface)
    .filter((h) => h.start === 0 && h.data?.kind === m.kind && /\s/.test(h.data.surface) && /^ (?:on|of|for|concerning) \S/.test(surface.slice(h.end, h.end + 16)))
    .sort((a, b) => b.end - a.end);
  return hits[0]?.data?.entity;
}

/** Per entity map of a gazetteer, its organisations by country (undefined: of none), in the map's order. */
const organizationsByCountry = new WeakMap<Map<string, Entity>, { size: number; byCountry: Map<string | undefined, Entity[]> }>();
const NO_ENTITIES: readonly Entity[] = [];

/**
 * The gazetteer's organisations of a country, in the order its entity map gives them (the first match
 * found by scanning the whole map is the first found here). Bodies and ministries of a state were looked
 * for by reading every entity of the gazetteer, of many shapes ('wrong map' in resolveBody).
 */
function organizationsOf(gaz: Gazetteer, country: string | undefined): readonly Entity[] {
  let index = organizationsByCountry.get(gaz.entities);
  if (!index || index.size !== gaz.entities.size) {
    const byCountry = new Map<string | undefined, Entity[]>();
    for (const e of gaz.entities.values()) {
      if (e.kind !== 'organization') continue;
      const list = byCountry.get(e.country);
      if (list) list.push(e);
      else byCountry.set(e.country, [e]);
    }
    organizationsByCountry.set(gaz.entities, (index = { size: gaz.entities.size, byCountry }));
  }
  return index.byCountry.get(country) ?? NO_ENTITIES;
}

/** "Ministry of Foreign Affairs" of a known state: the gazetteer's body if it has one, else a built one. */
function ministryOf(
  surface: string, state: string, m: Mention, gaz: Gazetteer, r: Resolution,
): string {
  const iso3 = state.slice('state:'.length);
  if (/^Ministry (?:of|for) Foreign Affairs$/.test(surface)) {
    const id = `org:mfa-${iso3}`;
    if (gaz.entities.has(id)) return id;
  }
  for (const e of organizationsOf(gaz, state)) {
    if ((e.name === surface || e.name.startsWith(`${surface} of `) || e.aliases.includes(surface))) return e.id;
  }
  const stateName = gaz.entities.get(state)?.name ?? iso3;
  return r.textEntity(`org:${slugify(surface)}-${iso3.toLowerCase()}`, 'organization', `${surface} of ${stateName}`, { country: state, sector: 'GOV' }, m, m.rule);
}

/**
 * Whose administration: "my/our Administration" is the speaker's, "the Trump administration" the leader's
 * state, "the administration" the state the paragraph is about (else the speaker's or the reporting state).
 */
function administrationState(
  m: Mention, text: string, doc: DocumentWithPeriod, gaz: Gazetteer, resolved: Mention[], paragraphOf: (pos: number) => number,
  speaker: string | undefined, homeState: string | undefined,
): { state: string; why: string } | undefined {
  if (/^(?:[Mm]y|[Oo]ur) /.test(m.text)) return speaker ? { state: speaker, why: 'speaker' } : undefined;
  const leader = /^(?:the )?(\p{Lu}[\p{L}'’-]+) [Aa]dministration$/u.exec(m.text)?.[1];
  if (leader && !/^(?:The|This|That)$/.test(leader)) {
    const people = gaz.surnames.get(leader.toLowerCase()) ?? [];
    const terms = gaz.offices.filter((t) => people.includes(t.person) && (t.role === 'hos' || t.role === 'hog') && t.country.startsWith('state:'));
    const best = terms.map((t) => ({ t, d: distanceDays(t, doc.period.start || '1900-01-01', doc.period.end || '9999-12-31') })).sort((a, b) => a.d - b.d)[0];
    return best ? { state: best.t.country, why: 'office-holder' } : undefined;
  }
  const ctx = contextState(m, resolved, gaz, paragraphOf);
  if (ctx) return { state: ctx, why: 'country-context' };
  if (speaker) return { state: speaker, why: 'speaker' };
  return homeState ? { state: homeState, why: 'home-state' } : undefined;
}

/** The last item meeting the test (what `[...items].reverse().find(test)` gives, without the copy). */
function findLast<T>(items: readonly T[], test: (item: T) => unknown): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

function prefixOf(kind: EntityKind, rule = ''): string {
  if (rule === 'quoted-exercise') return 'exercise';
  if (rule === 'vessel') return 'vessel';
  if (rule === 'quoted-project') return 'project';
  return { state: 'state', person: 'person', organization: 'org', bloc: 'bloc', agreement: 'agreement', place: 'place', other: 'other' }[kind];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function roleOfTitle(title: string): OfficeRole | undefined {
  return TITLE_ROLES.find(([re]) => re.test(title))?.[1];
}

/** Days of overlap between an office term and the report period (0 when disjoint). */
function overlapDays(term: OfficeTerm, start: string, end: string): number {
  const s = Math.max(Date.parse(term.start), Date.parse(start));
  const e = Math.min(Date.parse(term.end ?? '9999-12-31'), Date.parse(end));
  return e >= s ? (e - s) / 86_400_000 + 1 : 0;
}

/** Distance in days from a term to the period, for picking the nearest holder when none overlaps. */
function distanceDays(term: OfficeTerm, start: string, end: string): number {
  const ts = Date.parse(term.start);
  const te = Date.parse(term.end ?? '9999-12-31');
  const ps = Date.parse(start);
  const pe = Date.parse(end);
  if (te < ps) return (ps - te) / 86_400_000;
  if (ts > pe) return (ts - pe) / 86_400_000;
  return 0;
}

function holderInPeriod(gaz: Gazetteer, role: OfficeRole, country: string, doc: DocumentWithPeriod): { person: string; note?: string } | undefined {
  const terms = termsOfOffice(gaz, role, country);
  const scored = terms.map((t) => ({ t, days: overlapDays(t, doc.period.start, doc.period.end) })).filter((x) => x.days > 0).sort((a, b) => b.days - a.days);
  const best = scored[0];
  if (!best) return undefined;
  const others = [...new Set(scored.slice(1).map((x) => x.t.person))].filter((p) => p !== best.t.person);
  const note = others.length > 0 ? `${others.length + 1} holders of this office overlap the report period; chose the one in office longest` : undefined;
  return { person: best.t.person, ...(note ? { note } : {}) };
}

function resolveTitledName(
  m: Mention, text: string, doc: DocumentWithPeriod, gaz: Gazetteer, entities: Map<string, Entity>,
): { entity?: string; inferred?: string[]; note?: string; country?: string } {
  // A name the gazetteer already linked needs no reading of its title.
  if (m.entity) return { entity: m.entity };
  const before = text.slice(Math.max(0, m.start - 90), m.start);
  const tm = TITLE_BEFORE.exec(before);
  const titlePhrase = tm?.[0]?.trim() ?? '';
  const title = tm?.[1]?.trim() ?? '';
  const role = roleOfTitle(title);
  const ofCountry = firstState(titlePhrase.replace(/^[^]*? of /, ''), gaz) ?? adjacentState(text, m.start - (tm?.[0]?.length ?? 0), gaz);
  const tokens = m.text.split(/\s+/);
  // The whole name, its last word, its first and its last two, each once, then lower-cased.
  const forms = [m.text, tokens.at(-1) ?? '', tokens[0] ?? '', tokens.slice(-2).join(' ')];
  const keys: string[] = [];
  for (let i = 0; i < forms.length; i++) if (forms[i] && forms.indexOf(forms[i]!) === i) keys.push(forms[i]!.toLowerCase());
  // The people of every key, in key order, each once (no flatMap over the gazetteer's lists and empty
  // literals, lists of two elements kinds: 'wrong map' when a name with no known surname came by).
  const bearers = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const named = gaz.surnames.get(keys[i]!);
    if (named) for (const p of named) bearers.add(p);
  }
  let candidates = [...bearers];
  if (candidates.length > 0) {
    // Lists begun as lists of objects and filled by loops: map and filter gave empty lists of another
    // elements kind, and code compiled for filled ones was thrown away ('wrong map') at the first empty one.
    const all = termsOf(gaz, candidates);
    const terms = objectList<OfficeTerm>();
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      if ((!role || t.role === role) && (!ofCountry || t.country === ofCountry)) terms.push(t);
    }
    const inPeriod = objectList<{ t: OfficeTerm; d: number }>();
    for (let i = 0; i < terms.length; i++) {
      const d = overlapDays(terms[i]!, doc.period.start, doc.period.end);
      if (d > 0) inPeriod.push({ t: terms[i]!, d });
    }
    inPeriod.sort((a, b) => b.d - a.d);
    if (inPeriod[0]) {
      const people = new Set(inPeriod.map((x) => x.t.person));
      return { entity: inPeriod[0].t.person, inferred: ['office-holder'], ...(people.size > 1 ? { note: `"${m.text}" matches ${people.size} office holders in the report period; chose the longest-serving` } : {}) };
    }
    // A past holder named in a later report ("Prime Minister Abe proposed in 2016"): the nearest term.
    // The first of the nearest (what a stable sort by distance puts first; distances are never NaN).
    let nearest: OfficeTerm | undefined;
    let nearestDays = 0;
    for (let i = 0; i < terms.length; i++) {
      const d = distanceDays(terms[i]!, doc.period.start, doc.period.end);
      if (nearest === undefined || d < nearestDays) { nearest = terms[i]!; nearestDays = d; }
    }
    if (nearest) return { entity: nearest.person, inferred: ['office-holder', 'outside-period'] };
    candidates = [];
  }
  // Same person named in full earlier in the document ("Maksim Reshetnikov" ... "Minister Reshetnikov").
  const surname = (tokens.at(-1) ?? '').toLowerCase();
  for (const e of entities.values()) {
    if (e.kind === 'person' && e.source === 'text' && e.name !== m.text && e.name.toLowerCase().endsWith(` ${surname}`)) return { entity: e.id, inferred: ['coreference'] };
  }
  return ofCountry ? { country: ofCountry } : {};
}

/** Office terms by role and country, in the gazetteer's order; built once per gazetteer. */
const termsByOffice = new WeakMap<Gazetteer, Map<OfficeRole, Map<string, OfficeTerm[]>>>();
const NO_TERMS: readonly OfficeTerm[] = [];

/**
 * The terms of an office (a role in a country), as a filter of gaz.offices would give them: every
 * title naming an office asked for them, and filtering all the gazetteer's terms each time cost more
 * than the rest of choosing the holder.
 */
function termsOfOffice(gaz: Gazetteer, role: OfficeRole, country: string): readonly OfficeTerm[] {
  let index = termsByOffice.get(gaz);
  if (!index) {
    index = new Map();
    for (const term of gaz.offices) {
      let byCountry = index.get(term.role);
      if (!byCountry) index.set(term.role, (byCountry = new Map()));
      const list = byCountry.get(term.country);
      if (list) list.push(term);
      else byCountry.set(term.country, [term]);
    }
    termsByOffice.set(gaz, index);
  }
  return index.get(role)?.get(country) ?? NO_TERMS;
}

/** Office terms by person, with each term's place in the gazetteer's list; built once per gazetteer. */
const termsByPerson = new WeakMap<Gazetteer, Map<string, Array<{ term: OfficeTerm; at: number }>>>();

/** The terms of these people, in the gazetteer's order (as a filter of gaz.offices would give them). */
function termsOf(gaz: Gazetteer, people: readonly string[]): OfficeTerm[] {
  let index = termsByPerson.get(gaz);
  if (!index) {
    index = new Map();
    gaz.offices.forEach((term, at) => {
      const list = index!.get(term.person) ?? [];
      list.push({ term, at });
      index!.set(term.person, list);
    });
    termsByPerson.set(gaz, index);
  }
  const found = objectList<{ term: OfficeTerm; at: number }>();
  for (let i = 0; i < people.length; i++) {
    const list = index.get(people[i]!);
    if (list) for (let j = 0; j < list.length; j++) found.push(list[j]!);
  }
  if (people.length > 1) found.sort((a, b) => a.at - b.at);
  const terms = objectList<OfficeTerm>();
  for (let i = 0; i < found.length; i++) terms.push(found[i]!.term);
  return terms;
}

function parseTitleOffice(phrase: string, gaz: Gazetteer): { role: OfficeRole; country: string } | undefined {
  const p = phrase.replace(/^the /i, '');
  const of = /^(.+?) of (?:the )?(.+)$/.exec(p);
  if (of?.[1] && of[2]) {
    const role = roleOfTitle(of[1]);
    const country = gaz.stateForms.get(of[2]);
    if (role && country) return { role, country };
  }
  const pre = /^(.+?)(?:['’]s)? ((?:Prime Minister|President|Premier|Chancellor|Foreign Minister|Minister (?:for|of) Foreign Affairs|Foreign Secretary|Secretary of State|King|Queen|Emperor|Minister of External Affairs|External Affairs Minister))$/.exec(p);
  if (pre?.[1] && pre[2]) {
    const role = roleOfTitle(pre[2]);
    const country = gaz.stateForms.get(pre[1]);
    if (role && country) return { role, country };
  }
  return undefined;
}

/** Per matcher, phrase -> its first state ('' for none); the same phrases ("the Government of X") recur. */
const firstStates = new WeakMap<object, Map<string, string>>();
const FIRST_STATES_KEPT = 8192;

/**
 * The first state named inside a phrase ("Government of Japan" -> state:JPN), whole words only. Looked up
 * once per phrase: a search of the gazetteer written out in each caller (V8 inlines it) made every caller
 * large to compile.
 */
function firstState(s: string, gaz: Gazetteer): string | undefined {
  let known = firstStates.get(gaz.matcher);
  if (!known) firstStates.set(gaz.matcher, (known = new Map()));
  let state = known.get(s);
  if (state === undefined) {
    if (known.size >= FIRST_STATES_KEPT) known.clear();
    state = searchFirstState(s, gaz) ?? '';
    // Kept beyond this document: a detached copy, or the key would keep the document's text alive.
    known.set(detachedString(s), state);
  }
  return state === '' ? undefined : state;
}

function searchFirstState(s: string, gaz: Gazetteer): string | undefined {
  const hits = gaz.matcher
    .search(s)
    // Positions outside the string are tested as no character (charAt there gave '', and a deopt).
    .filter((h) => h.data?.kind === 'state' && (h.start === 0 || !/[\p{L}\p{N}]/u.test(s.charAt(h.start - 1))) && (h.end >= s.length || !/[\p{L}\p{N}]/u.test(s.charAt(h.end))))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return hits[0]?.data?.entity;
}

/** "Russian Minister X": a state form written right before a title. */
function adjacentState(text: string, pos: number, gaz: Gazetteer): string | undefined {
  const m = /(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?:['’]s)? $/u.exec(text.slice(Math.max(0, pos - 30), pos));
  return m?.[1] ? gaz.stateForms.get(m[1]) : undefined;
}

function resolveBody(
  m: Mention, gaz: Gazetteer, resolved: Mention[], paragraphOf: (pos: number) => number, homeState: string | undefined,
): { gazId?: string; id: string; name: string; country?: string; sector: Sector; inferred?: string[] } {
  const surface = m.text.replace(/^the /i, '');
  if (m.rule === 'gov-body.regional') {
    return { id: `org:${slugify(surface)}`, name: surface.replace(/ government$/, ' Government'), sector: 'GOV' };
  }
  let country = firstState(surface, gaz);
  const inferred: string[] = [];
  if (!country && m.rule === 'gov-body.contextual' && homeState) {
    country = homeState;
    inferred.push('home-state');
  }
  if (!country) {
    country = contextState(m, resolved, gaz, paragraphOf);
    if (country) inferred.push('country-context');
  }
  const iso3 = country?.slice('state:'.length) ?? 'UNK';
  const stateName = country ? gaz.entities.get(country)?.name ?? iso3 : 'unknown state';
  if (m.rule === 'gov-body.contextual') {
    // A legislature the gazetteer knows for that state ("House of Representatives" of Japan).
    for (const e of organizationsOf(gaz, country)) {
      if ((e.name.startsWith(surface) || e.aliases.some((a) => a.endsWith(surface)))) {
        return { gazId: e.id, id: e.id, name: e.name, sector: e.sector ?? 'LEG', inferred };
      }
    }
    return { id: `org:${slugify(surface)}-${iso3.toLowerCase()}`, name: `${surface} (${stateName})`, ...(country ? { country } : {}), sector: 'LEG', inferred };
  }
  const type = BODY_TYPES.find((b) => b.re.test(surface));
  if (type && country) {
    const id = `org:${type.key}-${iso3}`;
    if (gaz.entities.has(id)) return { gazId: id, id, name: gaz.entities.get(id)?.name ?? id, sector: type.sector, inferred };
    return { id, name: type.name(stateName), country, sector: type.sector, inferred };
  }
  return { id: `org:${slugify(surface)}`, name: surface, ...(country ? { country } : {}), sector: 'GOV', inferred };
}

/** The state most often named in the paragraph so far (persons and bodies count for their country); latest wins ties. */
function contextState(
  m: Mention, resolved: Mention[], gaz: Gazetteer, paragraphOf: (pos: number) => number,
): string | undefined {
  const para = paragraphOf(m.start);
  const counts = new Map<string, { n: number; last: number }>();
  for (const o of resolved) {
    if (o.end > m.start || paragraphOf(o.start) !== para || !o.entity) continue;
    const e = gaz.entities.get(o.entity);
    const state = o.entity.startsWith('state:') ? o.entity : e?.country?.startsWith('state:') ? e.country : undefined;
    if (!state) continue;
    const c = counts.get(state) ?? { n: 0, last: 0 };
    counts.set(state, { n: c.n + 1, last: o.start });
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]?.[0];
}

/** "Moscow announced" is the government; "in Moscow" is the city. */
function isMetonymy(text: string, m: Mention): boolean {
  let before = text.slice(Math.max(0, m.start - 60), m.start);
  // Look past a coordination: "between Tokyo and Moscow".
  before = before.replace(/\s*(?:and|or|,)\s*\p{Lu}[\p{L}.]*\s*$/u, ' ');
  const prev = /([\p{L}]+)[\s,]*$/u.exec(before)?.[1]?.toLowerCase();
  if (prev && LOCATIVE_WORDS.has(prev)) return false;
  const after = text.slice(m.end, m.end + 40);
  // A capital heading a noun compound ("Moscow State University", "Tokyo Olympics") is not the government.
  if (/^\s+\p{Lu}/u.test(after)) return false;
  return /^(?:['’]s\b|\s+(?:and|has|have|had|is|was|will|would|should|must|did|does|do|continues?|announced|said|says|stated|rejected|accused|demanded|insists?|claims?|refused|responded|protested|agreed|decided|wants|sees|believes|considers|views|also|may|might|could|cannot|can)\b)/.test(after);
}

function makeSentenceIndex(seg: Segmentation, length: number): (pos: number) => number {
  const sents = [...seg.sentences].sort((a, b) => a.start - b.start);
  if (sents.length === 0) return () => 0;
  return (pos: number) => {
    let lo = 0;
    let hi = sents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((sents[mid]?.start ?? length) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return sents[lo]?.index ?? 0;
  };
}

function makeParagraphIndex(seg: Segmentation, length: number): (pos: number) => number {
  const paras = [...seg.paragraphs].sort((a, b) => a.start - b.start);
  if (paras.length === 0) return () => 0;
  // The last paragraph starting at or before pos (and inside the text), by bisection: this is asked
  // for every earlier mention when a reference looks for the state in focus.
  return (pos: number) => {
    const limit = Math.min(pos, length - 1);
    let lo = 0;
    let hi = paras.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (paras[mid]!.start <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? paras[lo - 1]!.index : 0;
  };
}

function sentenceKey(m: Mention, sentenceOf: (pos: number) => number): number {
  return sentenceOf(m.start);
}

/** Sentence index -> the first named mention in the body of a footnote whose marker stands in that sentence. */
function footnoteLinks(doc: DocumentWithPeriod, mentions: Mention[], sentenceOf: (pos: number) => number): Map<number, Mention> {
  const out = new Map<number, Mention>();
  for (const fn of doc.footnotes) {
    const named = mentions
      .filter((m) => m.start >= fn.body.start && m.end <= fn.body.end && (m.kind === 'agreement' || m.kind === 'organization'))
      .sort((a, b) => a.start - b.start)[0];
    if (!named) continue;
    // Text-built names get the same deterministic id the resolver would give them.
    const entity = named.entity ?? `${prefixOf(named.kind)}:${slugify(named.text.replace(/^the /i, ''))}`;
    for (const marker of fn.markers) out.set(sentenceOf(Math.max(0, marker.start - 1)), { ...named, entity });
  }
  return out;
}

/** A later, shorter name whose words all appear, in order, in an earlier name of the same kind and head. */
function shortFormOf(m: Mention, resolved: Mention[], entities: Map<string, Entity>, wordsOfName: Map<string, string[]>): string | undefined {
  const words = m.text.replace(/^the /i, '').split(/\s+/);
  if (words.length < 2) return undefined;
  for (let i = resolved.length - 1; i >= 0; i--) {
    const o = resolved[i];
    if (!o?.entity || o.kind !== m.kind || o.end > m.start) continue;
    const name = entities.get(o.entity)?.name ?? o.text;
    let theirs = wordsOfName.get(name);
    if (!theirs) wordsOfName.set(name, (theirs = name.split(/\s+/)));
    if (theirs.length <= words.length || theirs.at(-1) !== words.at(-1)) continue;
    let j = 0;
    // Never read past the last word (once all are found): V8 threw code away at such a read ('out of bounds').
    for (const w of theirs) if (j < words.length && w === words[j]) j++;
    if (j === words.length) return o.entity;
  }
  return undefined;
}

function sharesHead(a: string, b: string): boolean {
  const heads = /\b(Agreement|Treaty|Convention|Initiative|Program|Programme|Plan|Accord|Protocol|Charter|Council|Committee|Commission|Organization|Organisation)\b/g;
  const ha = new Set(a.match(heads) ?? []);
  return (b.match(heads) ?? []).some((h) => ha.has(h));
}

/** A state named at a place in the text, by itself or through an organisation of that state. */
interface StateAt { start: number; end: number; state: string }

/** The pair of states most recently named together: the current sentence first, then earlier ones. */
function lastPair(resolved: Mention[], m: Mention, sentenceOf: (pos: number) => number, text: string, entities: Map<string, Entity>): [string, string] | undefined {
  const cur = sentenceOf(m.start);
  // Each sentence's list grows in place (it was copied at every state found) and holds only what is compared.
  const bySentence = new Map<number, StateAt[]>();
  for (let i = 0; i < resolved.length; i++) {
    const raw = resolved[i]!;
    // "Russian troops" names Russia as much as "Russia" does.
    const country = raw.entity?.startsWith('state:') ? raw.entity : raw.kind === 'organization' && raw.entity ? entities.get(raw.entity)?.country : undefined;
    if (raw.end > m.start || !country?.startsWith('state:') || raw.inferred?.includes('plural-reference')) continue;
    const s = sentenceOf(raw.start);
    if (cur - s > 5) continue;
    const at: StateAt = { start: raw.start, end: raw.end, state: country };
    const list = bySentence.get(s);
    if (list) list.push(at);
    else bySentence.set(s, [at]);
  }
  for (let s = cur; s >= cur - 5; s--) {
    const list = bySentence.get(s);
    if (!list) continue;
    const distinct = [...new Set(list.map((o) => o.state))];
    if (distinct.length < 2) continue;
    // Prefer a coordinated pair: "China and Russia", "China-Russia".
    for (let i = list.length - 1; i > 0; i--) {
      const a = list[i - 1]!;
      const b = list[i]!;
      if (a.state !== b.state && /^\s*(?:and|-|–)\s*$/.test(text.slice(a.end, b.start))) return [a.state, b.state];
    }
    return [distinct[0]!, distinct[1]!];
  }
  return undefined;
}

/**
 * The state whose own government the document names most often ("the Government of Japan" in a Japanese
 * report): unqualified bodies such as "the House of Representatives" belong to it. Needs two such mentions.
 */
function reportingState(mentions: Mention[], gaz: Gazetteer): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.rule !== 'gov-body' || !/^(?:the )?(?:Government of|Gov)/i.test(m.text) && !/ [Gg]overnment$/.test(m.text)) continue;
    const state = firstState(m.text, gaz);
    if (state) counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best[0] || best[0][1] < 2 || (best[1] && best[1][1] === best[0][1])) return undefined;
  return best[0][0];
}
