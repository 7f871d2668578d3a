import type { ReadDocument } from '../../model/document.js';
import type { Span } from '../../model/span.js';
import type { Gazetteer } from '../gazetteer.js';

/** The state a speech or statement speaks for, and why it was inferred. */
export interface Speaker {
  state: string;
  /** `speaker.title-line` (a "Statement by the Minister ... of X" title or dateline) or `speaker.filename-iso3`. */
  rule: 'speaker.title-line' | 'speaker.filename-iso3';
  reason: string;
  evidence?: Span;
}

/** A title line opening a speech: "Statement by H.E. the Minister for Foreign Affairs of X". */
const SPEECH_HEAD = /(?:^|\n)[ \t]*(?:[\p{L}'’ -]{0,40} )?(?:Statement|Address|Remarks|Speech|Intervention)s? (?:delivered )?by /gu;
/** What may stand between "by" and "of <state>": names, titles and their small words. */
const SPEAKER_PHRASE = /^(?:(?:[\p{Lu}][\p{L}.'’-]*,?|of|for|and|the|on|at)(?: |$))+$/u;
/** Offices that speak for their state. */
const SPEAKING_OFFICE = /\b(?:President|Prime Minister|Minister|Foreign Minister|Secretary|Chancellor|King|Queen|Emir|Amir|Sultan|Premier|Permanent Representative|Ambassador|Head of (?:State|Government)|Chair(?:man|person)?|Vice[- ]President|Crown Prince|Delegation|Government|Ministry|Mission)\b/u;
/** UN General Debate corpus naming: ISO3_session_year. */
const ISO3_FILE = /(?:^|[\\/])([A-Z]{3})_\d{1,3}_\d{4}\.txt$/;

/**
 * Infer the speaking state of a speech or statement: from a title line naming the speaker's office and
 * state within the first lines, else from a file name carrying an ISO3 code. Reports written by a ministry
 * (no such title) have no speaker: their "we" is not resolved.
 */
export function inferSpeaker(doc: Pick<ReadDocument, 'text' | 'source' | 'title'>, gaz: Gazetteer): Speaker | undefined {
  const head = doc.text.slice(0, 600);
  for (const m of head.matchAll(SPEECH_HEAD)) {
    const lineStart = m.index + (m[0].startsWith('\n') ? 1 : 0);
    const from = m.index + m[0].length;
    const lineEnd = doc.text.indexOf('\n', from);
    const rest = doc.text.slice(from, lineEnd < 0 ? doc.text.length : lineEnd);
    // Try each "of": "the Ministry of Foreign Affairs of the Russian Federation" names its state at the second.
    for (const of of rest.matchAll(/ of (?:the )?/g)) {
      const phrase = rest.slice(0, of.index);
      if (!SPEAKING_OFFICE.test(phrase) || !SPEAKER_PHRASE.test(`${phrase} `)) continue;
      const state = stateAt(doc.text, from + of.index + of[0].length, gaz);
      if (!state) continue;
      return {
        state: state.entity, rule: 'speaker.title-line',
        reason: `the title "${doc.text.slice(lineStart, state.end).trim()}" names the speaker's state`,
        evidence: { start: lineStart, end: state.end },
      };
    }
  }
  const file = ISO3_FILE.exec(doc.source);
  const iso3 = file?.[1];
  if (iso3 && gaz.entities.get(`state:${iso3}`)?.kind === 'state') {
    return { state: `state:${iso3}`, rule: 'speaker.filename-iso3', reason: `the file name ${file[0].replace(/^[\\/]/, '')} carries the ISO 3166 code ${iso3}` };
  }
  return undefined;
}

/** The longest state name starting exactly at `pos`. */
function stateAt(text: string, pos: number, gaz: Gazetteer): { entity: string; end: number } | undefined {
  const window = text.slice(pos, pos + 80);
  const hits = gaz.matcher
    .search(window)
    .filter((h) => h.start === 0 && h.data?.kind === 'state' && h.data.form === 'name' && !/[\p{L}\p{N}]/u.test(window.charAt(h.end)))
    .sort((a, b) => b.end - a.end);
  const best = hits[0];
  return best?.data ? { entity: best.data.entity, end: pos + best.end } : undefined;
}
