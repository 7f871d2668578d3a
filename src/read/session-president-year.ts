import type { Span } from '../model/index.js';
import { readDataRows } from '../extract/data-files.js';
import { meetsOnceAYear, PAST_SESSION_WORDS, sessionYear } from './numbered-session-year.js';

export interface PresidentYear {
  year: number;
  span: Span;
  reason: string;
}

interface President {
  name: string;
  session: number;
  body: string;
  year: number;
}

// Presidents of numbered sessions (data/session-presidents.tsv), by every name and alias, for bodies that meet once a
// year: the President of session N presides over the year session N meets in.
const PRESIDENTS = new Map<string, President>();
for (const [body, session, name, aliases] of readDataRows('session-presidents.tsv')) {
  if (!body || !name || !meetsOnceAYear(body)) continue;
  const year = sessionYear(body, Number(session));
  if (year === undefined) continue;
  for (const n of [name, ...(aliases ?? '').split('|')]) if (n) PRESIDENTS.set(n, { name, session: Number(session), body, year });
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const NAMES = [...PRESIDENTS.keys()].sort((a, b) => b.length - a.length);
const PRESIDENT = NAMES.length ? new RegExp(`(?<![\\p{L}-])(?:${NAMES.map(escape).join('|')})(?![\\p{L}-])`, 'gu') : /(?!)/g;

// A President told as the present one: congratulated on an election or on taking up the office.
// "Mr. X's predecessor": X is the present one.
const PRESENT = /\b(?:congratulat\w*|felicitat\w*)\b[^.;!?]{0,120}?\b(?:election\w*|elected|assum\w+|taking\s+up)\b|\b(?:on|upon)\s+(?:his|her|your)\s+(?:election|assumption|assuming)\b|\b(?:was|been|is)\s+elected\b|^['’]s\s+predecessor\b/gi;
// The session markers of a past session, less the citation of its records ("elected on 4 June (see A/73/PV.87)" cites
// the record of the session that elected the President, the one before the President's own).
const PAST = new RegExp(`${PAST_SESSION_WORDS.source}|\\bpreceded\\b`, 'gi');
// Titles before a name, whose point ends no clause: blanked (same length) before the markers are sought.
const TITLE_POINT = /\b(Mr|Ms|Mrs|Messrs|Dr|Prof|Amb|St|Sr|Jr|No)\./g;

// A stop that ends a sentence: not the point of a title before a name ("Mr. Peter Thomson").
const STOP = /(?<!\b(?:Mr|Ms|Mrs|Messrs|Dr|Prof|Amb|H\.E|St|Sr|Jr|No))[.!?](?=\s|$)|\n/g;

/** The sentence around [start, end). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - 300);
  let s = from;
  STOP.lastIndex = from;
  for (let m = STOP.exec(text); m && m.index < start; m = STOP.exec(text)) s = m.index + 1;
  STOP.lastIndex = end;
  const next = STOP.exec(text);
  const e = next && next.index < end + 300 ? next.index : Math.min(text.length, end + 300);
  return [s, e];
}

/**
 * Years the text dates itself by from the President of a numbered session it names: congratulated on an election, the
 * President of the session the text is given at; thanked for work done or named as a predecessor, of the one before.
 * A President named otherwise says nothing; so does a sentence with both, where the nearer decides.
 */
export function presidentYears(text: string): PresidentYear[] {
  const out: PresidentYear[] = [];
  PRESIDENT.lastIndex = 0;
  for (let m = PRESIDENT.exec(text); m; m = PRESIDENT.exec(text)) {
    const p = PRESIDENTS.get(m[0].replace(/\s+/g, ' '));
    if (!p) continue;
    const [s, e] = sentenceAround(text, m.index, m.index + m[0].length);
    const sentence = text.slice(s, e).replace(TITLE_POINT, '$1 ');
    const at = m.index - s;
    const distance = (i: number, len: number) => (i + len <= at ? at - (i + len) : Math.max(0, i - (at + m![0].length)));
    let nearest: { past: boolean; d: number } | undefined;
    // "X's predecessor" is read right after the name, so that "predecessor" is not taken as said of X.
    const own = /^['’]s\s+predecessor\b/i.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (own) nearest = { past: false, d: 0 };
    for (const [re, past] of [[PRESENT, false], [PAST, true]] as const) {
      re.lastIndex = 0;
      for (let x = re.exec(sentence); x; x = re.exec(sentence)) {
        if (own && past && x.index === at + m[0].length + own[0].indexOf('predecessor')) continue;
        const d = distance(x.index, x[0].length);
        // "Mr. Thomson, who preceded Mr. Lajčák": the one preceded is the present one.
        const isPast = past && !(/^preceded$/i.test(x[0]) && x.index + x[0].length <= at);
        if (!nearest || d < nearest.d) nearest = { past: isPast, d };
        if (!x[0].length) re.lastIndex++;
      }
    }
    if (!nearest) continue;
    const year = p.year + (nearest.past ? 1 : 0);
    out.push({
      year,
      span: { start: m.index, end: m.index + m[0].length },
      reason: `${p.name}, President of session ${p.session} of the ${p.body} (${p.year}), told as ${nearest.past ? 'past: the text is of the year after' : 'the present one'}`,
    });
  }
  return out;
}
