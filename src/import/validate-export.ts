import { contentHash } from './content-hash.js';

/** Stop listing problems after this many: the first few say what is wrong with a file. */
const MAX_PROBLEMS = 20;

const ARRAYS = ['documents', 'entities', 'events', 'stances', 'agreements', 'figures', 'timexes', 'mentions', 'messages'] as const;

type Obj = Record<string, unknown>;

/**
 * Check that a parsed value is an export contract object diplograph can import: every required
 * field there with the right type, ids unique, every referenced document and entity present in the
 * file, every span inside its document's text and slicing back to the text it carries, and each
 * document's id the content hash of its text. Returns the problems found (empty when importable),
 * each prefixed by the path of the record, e.g. `events[3].trigger`.
 */
export function validateExport(value: unknown): string[] {
  const c = new Checker();
  if (!isObj(value)) return [`the top level must be a JSON object with ${ARRAYS.join(', ')}, not ${kindOf(value)}`];
  for (const key of ARRAYS) if (!Array.isArray(value[key])) c.fail(key, value[key] === undefined ? 'is missing' : `must be an array, not ${kindOf(value[key])}`);
  if (c.problems.length) return c.problems;
  const data = value as unknown as { [K in (typeof ARRAYS)[number]]: unknown[] };

  const texts = new Map<string, string>();
  data.documents.forEach((d, i) => checkDocument(c, d, `documents[${i}]`, texts));
  const entities = new Set<string>();
  data.entities.forEach((e, i) => checkEntity(c, e, `entities[${i}]`, entities));
  if (c.full) return c.problems;

  const refs = new Refs(c, texts, entities);
  const eventIds = new Set<string>();
  data.events.forEach((e, i) => checkEvent(refs, e, `events[${i}]`, eventIds));
  const stanceIds = new Set<string>();
  data.stances.forEach((s, i) => checkStance(refs, s, `stances[${i}]`, stanceIds));
  data.agreements.forEach((a, i) => checkAgreement(refs, a, `agreements[${i}]`));
  const figureIds = new Set<string>();
  data.figures.forEach((f, i) => checkFigure(refs, f, `figures[${i}]`, figureIds));
  data.timexes.forEach((t, i) => checkTimex(refs, t, `timexes[${i}]`));
  data.mentions.forEach((m, i) => checkMention(refs, m, `mentions[${i}]`));
  data.messages.forEach((m, i) => checkMessage(refs, m, `messages[${i}]`));
  return c.problems;
}

/** The problems of one import, collected with the path of the record each is in. */
class Checker {
  readonly problems: string[] = [];
  get full(): boolean { return this.problems.length >= MAX_PROBLEMS; }
  fail(path: string, message: string): false {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path}: ${message}`);
    else if (this.problems.length === MAX_PROBLEMS) this.problems.push('(further problems not listed)');
    return false;
  }
  object(v: unknown, path: string): v is Obj {
    return isObj(v) || this.fail(path, `must be an object, not ${kindOf(v)}`);
  }
  str(o: Obj, key: string, path: string, opts: { optional?: boolean; nullable?: boolean; nonEmpty?: boolean } = {}): boolean {
    const v = o[key];
    if (v === undefined && opts.optional) return true;
    if (v === null && opts.nullable) return true;
    if (typeof v !== 'string') return this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be a string${opts.nullable ? ' or null' : ''}, not ${kindOf(v)}`);
    if (opts.nonEmpty && v === '') return this.fail(`${path}.${key}`, 'must not be empty');
    return true;
  }
  int(o: Obj, key: string, path: string, opts: { optional?: boolean; min?: number } = {}): boolean {
    const v = o[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be a whole number, not ${kindOf(v)}`);
    if (opts.min !== undefined && v < opts.min) return this.fail(`${path}.${key}`, `must be at least ${opts.min}, not ${v}`);
    return true;
  }
  num(o: Obj, key: string, path: string): boolean {
    const v = o[key];
    return (typeof v === 'number' && Number.isFinite(v)) || this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be a finite number, not ${kindOf(v)}`);
  }
  bool(o: Obj, key: string, path: string, opts: { optional?: boolean } = {}): boolean {
    const v = o[key];
    if (v === undefined && opts.optional) return true;
    return typeof v === 'boolean' || this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be true or false, not ${kindOf(v)}`);
  }
  strings(o: Obj, key: string, path: string, opts: { optional?: boolean } = {}): boolean {
    const v = o[key];
    if (v === undefined && opts.optional) return true;
    if (!Array.isArray(v)) return this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be an array of strings, not ${kindOf(v)}`);
    const bad = v.findIndex((x) => typeof x !== 'string');
    return bad < 0 || this.fail(`${path}.${key}[${bad}]`, `must be a string, not ${kindOf(v[bad])}`);
  }
  array(o: Obj, key: string, path: string): unknown[] | undefined {
    const v = o[key];
    if (Array.isArray(v)) return v;
    this.fail(`${path}.${key}`, v === undefined ? 'is missing' : `must be an array, not ${kindOf(v)}`);
    return undefined;
  }
}

/** Checks of what records point at: documents (and offsets into their text) and entities. */
class Refs {
  constructor(readonly c: Checker, readonly texts: Map<string, string>, readonly entities: Set<string>) {}

  /** The text of the document `o[key]` names, or undefined (with a problem) when there is none. */
  doc(o: Obj, key: string, path: string): string | undefined {
    if (!this.c.str(o, key, path, { nonEmpty: true })) return undefined;
    const text = this.texts.get(o[key] as string);
    if (text === undefined) this.c.fail(`${path}.${key}`, `names document "${String(o[key])}", which is not among the file's documents`);
    return text;
  }

  entity(o: Obj, key: string, path: string, opts: { optional?: boolean; nullable?: boolean } = {}): void {
    if (!this.c.str(o, key, path, opts)) return;
    const v = o[key];
    if (typeof v === 'string' && !this.entities.has(v)) this.c.fail(`${path}.${key}`, `names entity "${v}", which is not among the file's entities`);
  }

  entityList(o: Obj, key: string, path: string): void {
    if (!this.c.strings(o, key, path)) return;
    (o[key] as string[]).forEach((id, i) => {
      if (!this.entities.has(id)) this.c.fail(`${path}.${key}[${i}]`, `names entity "${id}", which is not among the file's entities`);
    });
  }

  /** start/end inside the text; when `withText`, the record's own text must be what they slice. */
  offsets(o: Obj, path: string, text: string | undefined, opts: { withText?: boolean; optional?: boolean } = {}): boolean {
    const c = this.c;
    if (opts.optional && o.start === undefined && o.end === undefined) return true;
    const startOk = c.int(o, 'start', path, { min: 0 });
    const endOk = c.int(o, 'end', path, { min: 0 });
    if (!startOk || !endOk) return false;
    if (opts.withText && !c.str(o, 'text', path)) return false;
    if (text === undefined) return false;
    const { start, end } = o as { start: number; end: number };
    if (start > end || end > text.length) return c.fail(path, `offsets ${start}-${end} are outside the document's text (${text.length} characters)`);
    if (opts.withText && text.slice(start, end) !== o.text) {
      return c.fail(path, `offsets ${start}-${end} slice ${JSON.stringify(clip(text.slice(start, end)))} out of the document's text, not ${JSON.stringify(clip(String(o.text)))}`);
    }
    return true;
  }

  /** A {doc,start,end,text} span; `doc` must be `expectedDoc` when given (trigger and evidence of one event). */
  span(o: Obj, key: string, path: string, expectedDoc?: string): string | undefined {
    const p = `${path}.${key}`;
    const s = o[key];
    if (!this.c.object(s, p)) return undefined;
    const text = this.doc(s, 'doc', p);
    if (expectedDoc !== undefined && typeof s.doc === 'string' && s.doc !== expectedDoc) {
      this.c.fail(`${p}.doc`, `is "${s.doc}" but the record belongs to document "${expectedDoc}"`);
      return undefined;
    }
    this.offsets(s, p, text, { withText: true });
    return typeof s.doc === 'string' ? s.doc : undefined;
  }

  date(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v === null) return;
    const p = `${path}.${key}`;
    if (v === undefined) { this.c.fail(p, 'is missing (null when undated)'); return; }
    if (!this.c.object(v, p)) return;
    this.c.str(v, 'value', p, { nonEmpty: true });
    this.c.str(v, 'start', p, { nullable: true });
    this.c.str(v, 'end', p, { nullable: true });
    this.c.bool(v, 'inferred', p, { optional: true });
  }
}

function checkDocument(c: Checker, d: unknown, path: string, texts: Map<string, string>): void {
  if (!c.object(d, path)) return;
  for (const key of ['title', 'source', 'format']) c.str(d, key, path);
  if (c.object(d.period, `${path}.period`)) {
    const p = d.period;
    for (const key of ['start', 'end', 'rule', 'reason']) c.str(p, key, `${path}.period`);
    c.str(p, 'dct', `${path}.period`, { optional: true });
  }
  if (!c.str(d, 'id', path, { nonEmpty: true }) || !c.str(d, 'text', path, { nonEmpty: true })) return;
  const id = d.id as string;
  const text = d.text as string;
  if (texts.has(id)) { c.fail(`${path}.id`, `document "${id}" appears twice`); return; }
  const hash = contentHash(text);
  if (hash !== id) c.fail(`${path}.id`, `"${id}" is not the content hash of the document's text (${hash}); the text was changed after export`);
  const span = (o: Obj, p: string) => {
    const startOk = c.int(o, 'start', p, { min: 0 });
    const endOk = c.int(o, 'end', p, { min: 0 });
    if (!startOk || !endOk) return;
    const { start, end } = o as { start: number; end: number };
    if (start > end || end > text.length) c.fail(p, `offsets ${start}-${end} are outside the document's text (${text.length} characters)`);
  };
  const sectionIds = new Set<string>();
  c.array(d, 'sections', path)?.forEach((s, i) => {
    const p = `${path}.sections[${i}]`;
    if (!c.object(s, p)) return;
    if (c.str(s, 'id', p, { nonEmpty: true })) {
      if (sectionIds.has(s.id as string)) c.fail(`${p}.id`, `section "${String(s.id)}" appears twice`);
      sectionIds.add(s.id as string);
    }
    c.str(s, 'parent', p, { nullable: true });
    c.int(s, 'level', p, { min: 1 });
    c.str(s, 'label', p, { nullable: true });
    c.str(s, 'title', p);
    span(s, p);
  });
  c.array(d, 'sentences', path)?.forEach((s, i) => {
    const p = `${path}.sentences[${i}]`;
    if (!c.object(s, p)) return;
    c.int(s, 'paragraph', p, { min: 0 });
    span(s, p);
  });
  const labels = new Set<string>();
  c.array(d, 'footnotes', path)?.forEach((f, i) => {
    const p = `${path}.footnotes[${i}]`;
    if (!c.object(f, p)) return;
    if (c.str(f, 'label', p)) {
      if (labels.has(f.label as string)) c.fail(`${p}.label`, `footnote "${String(f.label)}" appears twice`);
      labels.add(f.label as string);
    }
    new Refs(c, new Map([[id, text]]), new Set()).offsets(f, p, text, { withText: true });
    if (c.array(f, 'markers', p)) {
      (f.markers as unknown[]).forEach((m, k) => {
        if (typeof m !== 'number' || !Number.isInteger(m) || m < 0 || m > text.length) c.fail(`${p}.markers[${k}]`, `must be an offset inside the document's text, not ${JSON.stringify(m)}`);
      });
    }
  });
  texts.set(id, text);
}

function checkEntity(c: Checker, e: unknown, path: string, ids: Set<string>): void {
  if (!c.object(e, path)) return;
  if (c.str(e, 'id', path, { nonEmpty: true })) {
    if (ids.has(e.id as string)) c.fail(`${path}.id`, `entity "${String(e.id)}" appears twice`);
    ids.add(e.id as string);
  }
  c.str(e, 'kind', path, { nonEmpty: true });
  c.str(e, 'name', path);
  c.strings(e, 'aliases', path);
  for (const key of ['wikidata', 'iso3', 'country', 'sector']) c.str(e, key, path, { optional: true });
  if (e.offices !== undefined && !Array.isArray(e.offices)) c.fail(`${path}.offices`, `must be an array, not ${kindOf(e.offices)}`);
}

function uniqueId(c: Checker, o: Obj, path: string, ids: Set<string>, what: string): void {
  if (!c.str(o, 'id', path, { nonEmpty: true })) return;
  if (ids.has(o.id as string)) c.fail(`${path}.id`, `${what} "${String(o.id)}" appears twice`);
  ids.add(o.id as string);
}

function checkEvent(r: Refs, e: unknown, path: string, ids: Set<string>): void {
  const c = r.c;
  if (!c.object(e, path)) return;
  uniqueId(c, e, path, ids, 'event');
  r.doc(e, 'doc', path);
  c.str(e, 'type', path, { nonEmpty: true });
  c.str(e, 'mode', path, { optional: true });
  c.strings(e, 'contexts', path);
  r.entityList(e, 'actors', path);
  r.entityList(e, 'recipients', path);
  r.date(e, 'date', path);
  r.entity(e, 'location', path, { optional: true });
  if (e.quantity !== undefined && c.object(e.quantity, `${path}.quantity`)) {
    c.num(e.quantity, 'value', `${path}.quantity`);
    c.str(e.quantity, 'unit', `${path}.quantity`);
  }
  c.bool(e, 'negated', path);
  c.str(e, 'modality', path, { nonEmpty: true });
  c.int(e, 'quad', path);
  c.num(e, 'intensity', path);
  const doc = typeof e.doc === 'string' ? e.doc : undefined;
  r.span(e, 'trigger', path, doc);
  r.span(e, 'evidence', path, doc);
  c.str(e, 'rule', path);
  c.str(e, 'respondsTo', path, { optional: true });
}

function checkStance(r: Refs, s: unknown, path: string, ids: Set<string>): void {
  const c = r.c;
  if (!c.object(s, path)) return;
  uniqueId(c, s, path, ids, 'stance');
  r.entity(s, 'holder', path);
  r.entity(s, 'target', path, { nullable: true });
  c.str(s, 'stance', path, { nonEmpty: true });
  c.bool(s, 'negated', path);
  c.str(s, 'topic', path, { optional: true });
  r.date(s, 'date', path);
  r.span(s, 'evidence', path);
  c.str(s, 'rule', path);
}

function checkAgreement(r: Refs, a: unknown, path: string): void {
  const c = r.c;
  if (!c.object(a, path)) return;
  r.entity(a, 'entity', path);
  c.array(a, 'history', path)?.forEach((h, i) => {
    const p = `${path}.history[${i}]`;
    if (!c.object(h, p)) return;
    r.date(h, 'date', p);
    c.str(h, 'status', p, { nonEmpty: true });
    r.entityList(h, 'by', p);
    c.bool(h, 'negated', p);
    c.str(h, 'modality', p, { nonEmpty: true });
    r.span(h, 'evidence', p);
    c.str(h, 'rule', p);
  });
}

function checkFigure(r: Refs, f: unknown, path: string, ids: Set<string>): void {
  const c = r.c;
  if (!c.object(f, path)) return;
  uniqueId(c, f, path, ids, 'figure');
  c.str(f, 'what', path);
  r.entity(f, 'subject', path, { optional: true });
  c.num(f, 'value', path);
  c.str(f, 'unit', path);
  r.date(f, 'period', path);
  const doc = r.span(f, 'span', path);
  r.span(f, 'evidence', path, doc);
  c.str(f, 'rule', path);
}

function checkTimex(r: Refs, t: unknown, path: string): void {
  const c = r.c;
  if (!c.object(t, path)) return;
  r.offsets(t, path, r.doc(t, 'doc', path), { withText: true });
  c.str(t, 'type', path, { nonEmpty: true });
  c.str(t, 'value', path);
  c.str(t, 'mod', path, { optional: true });
  if (t.range !== undefined && c.object(t.range, `${path}.range`)) {
    c.str(t.range, 'start', `${path}.range`);
    c.str(t.range, 'end', `${path}.range`);
  }
  c.str(t, 'anchor', path, { optional: true });
  c.strings(t, 'inferred', path);
  c.str(t, 'rule', path);
}

function checkMention(r: Refs, m: unknown, path: string): void {
  const c = r.c;
  if (!c.object(m, path)) return;
  r.offsets(m, path, r.doc(m, 'doc', path), { withText: true });
  r.entity(m, 'entity', path, { nullable: true });
  c.str(m, 'kind', path, { nonEmpty: true });
  c.str(m, 'rule', path);
  c.strings(m, 'inferred', path, { optional: true });
}

function checkMessage(r: Refs, m: unknown, path: string): void {
  const c = r.c;
  if (!c.object(m, path)) return;
  const text = r.doc(m, 'doc', path);
  if (m.start !== undefined || m.end !== undefined) {
    c.int(m, 'start', path, { optional: true, min: 0 });
    c.int(m, 'end', path, { optional: true, min: 0 });
    if (text !== undefined) {
      for (const key of ['start', 'end'] as const) {
        const v = m[key];
        if (typeof v === 'number' && v > text.length) c.fail(`${path}.${key}`, `offset ${v} is outside the document's text (${text.length} characters)`);
      }
    }
  }
  c.str(m, 'rule', path);
  c.str(m, 'severity', path, { nonEmpty: true });
  c.str(m, 'message', path);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(clip(v))}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'object' ? 'an object' : typeof v;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
