import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from './dialect.js';

/**
 * Full-text search over sentences, the one place where SQLite (FTS5, migration 002's external
 * content table) and PostgreSQL (to_tsvector over an expression index) differ. What a person
 * types is parsed once into terms; each dialect renders them into its own query language, so
 * neither can ever see a syntax error from user input.
 */

/** Words that must occur next to each other; `prefix` lets the last one be the start of a word. */
export interface Phrase { words: string[]; prefix: boolean }

/** Alternatives (OR) of phrase lists that must all occur (AND); AND binds tighter, as in both engines. */
export type SearchTerms = Phrase[][];

/**
 * Bare words and "quoted phrases" become phrases (so punctuation and engine keywords are only
 * words), a trailing * keeps prefix search, and an upper-case OR between two terms keeps
 * alternation. Everything else is implicit AND. Undefined when nothing searchable is left.
 */
export function parseSearchTerms(input: string): SearchTerms | undefined {
  const clauses: Phrase[][] = [[]];
  const token = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(input)) !== null) {
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length) clauses[clauses.length - 1]!.push({ words, prefix: false });
      continue;
    }
    const raw = m[2] ?? '';
    if (raw === 'OR') {
      if (clauses[clauses.length - 1]!.length) clauses.push([]);
      continue;
    }
    // A word like "U.S." or "anti-war" is a phrase of its tokens, as the tokenizers see it.
    const words = wordsOf(raw);
    if (words.length) clauses[clauses.length - 1]!.push({ words, prefix: raw.endsWith('*') });
  }
  const kept = clauses.filter((c) => c.length > 0);
  return kept.length ? kept : undefined;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FTS5 query syntax: quoted phrases, `*` for prefixes, OR between alternatives. */
export function renderFts5(terms: SearchTerms): string {
  return terms.map((clause) => clause.map((p) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`).join(' ')).join(' OR ');
}

/** PostgreSQL tsquery syntax: `<->` inside phrases, `:*` for prefixes, `&` and `|`. */
export function renderTsQuery(terms: SearchTerms): string {
  const phrase = (p: Phrase) => {
    const words = p.words.map((w, i) => `'${w}'${p.prefix && i === p.words.length - 1 ? ':*' : ''}`);
    return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
  };
  const clause = (c: Phrase[]) => (c.length > 1 ? `(${c.map(phrase).join(' & ')})` : phrase(c[0]!));
  return terms.map(clause).join(' | ');
}

/** A user's search as an FTS5 query (the form the API reports back on SQLite). */
export function toFtsQuery(input: string): string | undefined {
  const terms = parseSearchTerms(input);
  return terms && renderFts5(terms);
}

/** Hit markers put around matched words in snippets; clients get segments, never HTML. */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

/** SQL fragments to find sentences (aliased `s`) matching the terms, in either dialect. */
export interface SentenceMatch {
  /** The query in the engine's own syntax, for showing back to the user. */
  query: string;
  /** A FROM item that yields the sentences as `s` (joined to the FTS5 table on SQLite). */
  from: RawBuilder<unknown>;
  /** The match condition. */
  where: RawBuilder<unknown>;
  /** Up to about 40 words around the hits, with HIT_OPEN / HIT_CLOSE markers. */
  snippet: RawBuilder<string>;
  /** Relevance: lower is better in both dialects. */
  rank: RawBuilder<number>;
}

const TS_CONFIG = 'english';

/**
 * Add a document's sentences, once written, to the full-text index, inside the writer's
 * transaction. SQLite's FTS5 table has no insert trigger since migration 013, so every writer of
 * sentence rows calls this (the store fills the index its own way, see store-document.ts);
 * PostgreSQL's expression index is kept by the server, so nothing happens there. Call it once per
 * document: a sentence indexed twice makes the index disagree with its rows.
 */
export async function indexSentencesOf(db: Kysely<any>, dialect: DialectName, doc: string): Promise<void> {
  if (dialect !== 'sqlite') return;
  // In idx order, which is the order the rows went in (rowid order: FTS5 starts a new segment when a rowid comes lower).
  await sql`insert into sentences_fts (rowid, text) select rowid, text from sentences where doc = ${doc} order by idx`.execute(db);
}

export function sentenceMatch(dialect: DialectName, terms: SearchTerms): SentenceMatch {
  if (dialect === 'postgres') {
    const query = renderTsQuery(terms);
    // The expression must be the one migration 002 indexed, or the GIN index is not used.
    const vector = sql`to_tsvector(${sql.lit(TS_CONFIG)}, s.text)`;
    const tsquery = sql`to_tsquery(${sql.lit(TS_CONFIG)}, ${query})`;
    const options = `StartSel=${HIT_OPEN}, StopSel=${HIT_CLOSE}, MaxWords=40, MinWords=20, ShortWord=0`;
    return {
      query,
      from: sql`sentences s`,
      where: sql`${vector} @@ ${tsquery}`,
      snippet: sql<string>`ts_headline(${sql.lit(TS_CONFIG)}, s.text, ${tsquery}, ${options})`,
      rank: sql<number>`-ts_rank(${vector}, ${tsquery})`,
    };
  }
  const query = renderFts5(terms);
  return {
    query,
    from: sql`sentences_fts f join sentences s on s.rowid = f.rowid`,
    where: sql`sentences_fts match ${query}`,
    snippet: sql<string>`snippet(sentences_fts, 0, ${HIT_OPEN}, ${HIT_CLOSE}, '…', 40)`,
    rank: sql<number>`bm25(sentences_fts)`,
  };
}
