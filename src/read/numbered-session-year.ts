import type { Span } from '../model/index.js';
import { readDataRows } from '../extract/data-files.js';
import { ORDINAL_SRC, parseOrdinal } from './ordinal-words.js';
import { isFutureMention } from './future-mention.js';

/** A body that numbers its regular sessions (data/numbered-sessions.tsv). */
interface NumberedBody {
  name: string;
  names: string[];
  code?: string;
  firstYear: number;
  perYear: number;
}

export interface SessionYear {
  year: number;
  span: Span;
  reason: string;
}

const BODIES: NumberedBody[] = readDataRows('numbered-sessions.tsv').map(([name, names, code, firstYear, perYear]) => ({
  name: name!,
  names: names!.split('|').filter(Boolean),
  ...(code ? { code } : {}),
  firstYear: Number(firstYear),
  perYear: Number(perYear) || 1,
}));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const NAME_SRC = BODIES.flatMap((b) => b.names).sort((a, b) => b.length - a.length).map(escape).join('|');
const CODE_SRC = BODIES.flatMap((b) => (b.code ? [escape(b.code)] : [])).join('|');

// "the seventy-first session of the General Assembly", "the General Assembly at its 72nd session", "this seventieth
// session" (the body named elsewhere in the text), "WHA75". Special and emergency special sessions are numbered
// apart from the regular ones, so "special" before "session" rules a mention out.
const SESSION = new RegExp(
  `(?<![\\w-])(${ORDINAL_SRC})\\s+(?:regular\\s+|(special|resumed)\\s+)?session(?:\\s+of\\s+(?:the\\s+)?(${NAME_SRC}|[\\p{Lu}][\\w-]*))?(?![\\w-])`
  + `|(?<![\\w-])(${NAME_SRC}|[\\p{Lu}][\\w-]*),?\\s+at\\s+its\\s+(${ORDINAL_SRC})\\s+(?:regular\\s+)?session(?![\\w-])`
  + (CODE_SRC ? `|(?<![\\w-])(${CODE_SRC})[ -]?(\\d{1,3})(?![\\w-])` : ''),
  'giu',
);
const BODY_NAMES = NAME_SRC ? new RegExp(`(?<![\\w-])(?:${NAME_SRC})(?![\\w-])`, 'giu') : /(?!)/g;

/** The year session `n` of the body named `name` (as in numbered-sessions.tsv) met in, undefined for a body not listed. */
export function sessionYear(name: string, n: number): number | undefined {
  const body = bodyOfName(name);
  return body ? body.firstYear + Math.floor((n - 1) / body.perYear) : undefined;
}

/** Whether the body named `name` holds one regular session a year. */
export function meetsOnceAYear(name: string): boolean {
  return bodyOfName(name)?.perYear === 1;
}

function bodyOfName(name: string): NumberedBody | undefined {
  const n = name.toLowerCase().replace(/\s+/g, ' ');
  return BODIES.find((b) => b.names.some((x) => x.toLowerCase() === n));
}

/**
 * The body a bare "the seventieth session" belongs to: of those holding one regular session a year, the one the text
 * names most. A body meeting several times a year is named with its sessions ("the 52nd session of the Human Rights
 * Council"), so a bare number is never taken for one of them.
 */
function mostNamedBody(text: string): NumberedBody | undefined {
  const counts = new Map<NumberedBody, number>();
  BODY_NAMES.lastIndex = 0;
  for (let m = BODY_NAMES.exec(text); m; m = BODY_NAMES.exec(text)) {
    const body = bodyOfName(m[0]);
    if (body && body.perYear === 1) counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  let best: NumberedBody | undefined;
  for (const [body, n] of counts) if (!best || n > counts.get(best)!) best = body;
  return best;
}

// What tells of a session as past: its President thanked or named as a predecessor (congratulated, a President is as
// often the present one: "congratulating the President on his leadership of the seventy-second session") ("I thank Mr. X, President of the
// Assembly at its sixty-ninth session, for his able leadership"; "your predecessor ... the seventy-first session"), a
// session concluded or presided over, an address given at it ("During my address to the Assembly at its seventy-second
// session (see A/72/PV.19)").
export const PAST_SESSION_WORDS = /\b(?:predecessor|(?:previous|preceding)(?!\s+speakers?)|outgoing|past\s+year|(?:just\s+)?concluded|just\s+ended|presided\s+over|having\s+(?:presided|led|steered|guided)|(?:led|steered)\s+the|during\s+my\s+(?:address|statement)|when\s+(?:I\s+)?address(?:ed|ing)|thank\w*\b[^.;!?]{0,160}\bfor\s+(?:his|her))\b/i;
const PAST_SESSION = new RegExp(`${PAST_SESSION_WORDS.source}|\\(see\\s+A\\/\\s?\\d`, 'i');
// A session addressed as the present one: "your election to the presidency of the seventy-third session".
const PRESENT_SESSION = /\b(?:your|this|current|present)\b(?!\s+predecessor)|\belection\b/i;

function isPastSession(text: string, start: number, end: number): boolean {
  const before = /[^.;!?]*$/.exec(text.slice(Math.max(0, start - 200), start))![0];
  const after = /^[^.;!?]*/.exec(text.slice(end, end + 200))![0];
  const sentence = `${before} ${after}`;
  return PAST_SESSION.test(sentence) && !PRESENT_SESSION.test(before.slice(-60));
}

/**
 * The latest year a session mentioned in the text was held, from its number: session N of a body that first met in
 * year Y and holds k regular sessions a year met in Y + floor((N - 1) / k). Sessions the text looks ahead to ("the
 * next session", "will be taken up at the seventy-second session") are left out; a session that has begun is the
 * latest a speech or report can mention, so the latest one dates it.
 */
export function yearOfNumberedSessions(text: string, latestYearMentioned?: number): SessionYear | undefined {
  let fallback: NumberedBody | null | undefined = null;
  let best: SessionYear | undefined;
  SESSION.lastIndex = 0;
  for (let m = SESSION.exec(text); m; m = SESSION.exec(text)) {
    if (m[2]) continue; // a special or resumed session
    let body: NumberedBody | undefined;
    let n: number | undefined;
    let bodyNamed = true;
    if (m[1]) {
      n = parseOrdinal(m[1]);
      if (m[3]) {
        if (fallback === null) fallback = mostNamedBody(text);
        // "of the Assembly": the last word of the name of the body the text names most stands for it.
        body = bodyOfName(m[3]) ?? (fallback && fallback.names.some((x) => x.toLowerCase().endsWith(` ${m![3]!.toLowerCase()}`)) ? fallback : undefined);
        if (!body) continue; // the session of some other body ("the fiftieth session of the Commission")
      } else {
        if (fallback === null) fallback = mostNamedBody(text);
        body = fallback;
        bodyNamed = false;
      }
    } else if (m[4]) {
      if (fallback === null) fallback = mostNamedBody(text);
      body = bodyOfName(m[4]) ?? (fallback && fallback.names.some((x) => x.toLowerCase().endsWith(` ${m![4]!.toLowerCase()}`)) ? fallback : undefined);
      n = parseOrdinal(m[5]!);
    } else {
      body = BODIES.find((b) => b.code?.toLowerCase() === m![6]!.toLowerCase());
      n = Number(m[7]);
    }
    if (!body || !n) continue;
    if (isFutureMention(text, m.index, m.index + m[0].length)) continue;
    let year = body.firstYear + Math.floor((n - 1) / body.perYear);
    let after = '';
    // A session told as past (its President thanked as a predecessor, an address given at it) is not the one the text
    // is given at: for a body meeting once a year, that is the next. For one meeting more often it says nothing.
    if (isPastSession(text, m.index, m.index + m[0].length)) {
      if (body.perYear !== 1) continue;
      year += 1;
      after = ', told as past: the text is of the year after';
    }
    // A session whose body is only guessed must not be later than what the text tells of: a "seventy-second
    // session" is no Human Rights Council session of 2029 in a text whose latest year is 2017.
    if (!bodyNamed && latestYearMentioned !== undefined && year > latestYearMentioned + 1) continue;
    if (!best || year > best.year) {
      best = { year, span: { start: m.index, end: m.index + m[0].length }, reason: `"${m[0].replace(/\s+/g, ' ')}": session ${n} of the ${body.name} met in ${after ? year - 1 : year}${after}` };
    }
  }
  return best;
}
