/**
 * Publication dates in a format's metadata: an HTML page's <meta> tags and <time> elements, a Markdown file's
 * front matter. Read only as a date (YYYY-MM-DD); the time and time zone of a timestamp are dropped, since a
 * document is dated by its day.
 */

// <meta> names and properties that give the date a page was published, most specific first (Open Graph article,
// schema.org, Dublin Core, Highwire/Google Scholar, common newsroom tags). A modified date is not a publication date.
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'dc.date.issued', 'dcterms.issued',
  'citation_publication_date', 'citation_date', 'publication_date', 'publish-date', 'pubdate', 'date', 'dc.date',
  'dcterms.date', 'dcterms.created', 'dc.date.created', 'parsely-pub-date', 'sailthru.date',
];
const RANK = new Map(PUBLISHED_META.map((name, i) => [name, i]));

/** The date at the start of a metadata value: "2021-03-03", "2021-03-03T10:00:00Z", "2021/03/03", "20210303". */
export function metadataDateValue(value: string): string | undefined {
  const m = /^\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?![\d])/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Collects the candidates an HTML parser meets and keeps the best-ranked one. */
export class PublishedDateCollector {
  private best: { rank: number; date: string } | undefined;

  /** An opening tag: <meta name|property|itemprop=... content=...>, or <time datetime=... (itemprop=datePublished | pubdate)>. */
  onTag(name: string, attribs: Record<string, string>): void {
    let key: string | undefined;
    let value: string | undefined;
    if (name === 'meta') {
      key = (attribs.property ?? attribs.name ?? attribs.itemprop)?.toLowerCase();
      value = attribs.content;
    } else if (name === 'time' && (attribs.itemprop?.toLowerCase() === 'datepublished' || attribs.pubdate !== undefined)) {
      key = 'datepublished';
      value = attribs.datetime;
    }
    if (!key || value === undefined) return;
    const rank = RANK.get(key);
    const date = rank === undefined ? undefined : metadataDateValue(value);
    if (rank === undefined || !date) return;
    if (!this.best || rank < this.best.rank) this.best = { rank, date };
  }

  get date(): string | undefined {
    return this.best?.date;
  }
}

/** "date: 2021-03-03" in YAML front matter (quoted or not, with or without a time). */
export function frontMatterDate(frontMatter: string): string | undefined {
  const m = /^(?:date|published|pubDate|publishDate|publish_date):[ \t]*["']?([^"'\n]+)/im.exec(frontMatter);
  return m ? metadataDateValue(m[1]!) : undefined;
}
