import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { Citation } from './answer-types.js';

/**
 * Collects the sentences an answer cites, numbering them in order of first use. Each citation is the
 * whole stored sentence that contains the evidence (its text sliced from the document text, so
 * `text === document.text.slice(start, end)` always holds), with the claim's own words as `quote`.
 */
export class CitationBook {
  readonly citations: Citation[] = [];
  private readonly texts = new Map<string, { title: string; text: string }>();

  constructor(private readonly kb: KnowledgeBase) {}

  /** Cite the sentence holding [start, end) of `doc`; returns its number, or undefined when no sentence holds it. */
  async cite(doc: string, start: number, end: number, quote?: { start: number; end: number }): Promise<number | undefined> {
    const sentence = await this.kb.db.selectFrom('sentences').select(['idx', 'start', 'end'])
      .where('doc', '=', doc).where('start', '<=', start).where('end', '>=', Math.max(start, end))
      .orderBy('start', 'desc').limit(1).executeTakeFirst();
    if (!sentence) return undefined;
    const q = quote && quote.start >= sentence.start && quote.end <= sentence.end && quote.end > quote.start ? quote : undefined;
    const same = this.citations.filter((c) => c.doc === doc && c.sentence === sentence.idx);
    const { title, text } = await this.document(doc);
    // One sentence is one citation unless two claims quote different words of it.
    const existing = same.find((c) => sameQuote(c.quote, q)) ?? (q ? undefined : same[0]);
    if (existing) return existing.n;
    const bare = q && same.find((c) => !c.quote);
    if (bare && q) {
      bare.quote = { start: q.start, end: q.end, text: text.slice(q.start, q.end) };
      return bare.n;
    }
    const citation: Citation = {
      n: this.citations.length + 1, doc, title, sentence: sentence.idx, start: sentence.start, end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
      ...(q ? { quote: { start: q.start, end: q.end, text: text.slice(q.start, q.end) } } : {}),
    };
    this.citations.push(citation);
    return citation.n;
  }

  async document(doc: string): Promise<{ title: string; text: string }> {
    let d = this.texts.get(doc);
    if (!d) {
      const row = await this.kb.db.selectFrom('documents').select(['title', 'text']).where('id', '=', doc).executeTakeFirst();
      d = { title: row?.title ?? '', text: row?.text ?? '' };
      this.texts.set(doc, d);
    }
    return d;
  }
}

function sameQuote(a: Citation['quote'], b: { start: number; end: number } | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end;
}

/** Is a citation true to its document: the span slices to its text, and the quote lies inside and slices to its text? */
export function citationHolds(c: Citation, documentText: string): boolean {
  if (documentText.slice(c.start, c.end) !== c.text) return false;
  if (!c.quote) return true;
  return c.quote.start >= c.start && c.quote.end <= c.end && documentText.slice(c.quote.start, c.quote.end) === c.quote.text && c.text.includes(c.quote.text);
}
