import type { Span } from '../model/index.js';
import { datedNamesIn } from './dated-names.js';

export interface EventYear {
  year: number;
  span: Span;
  reason: string;
}

// "Last year, the Assembly adopted the 2030 Agenda", "the Paris Agreement, which we signed this year", "last year's
// adoption of the Paris Agreement", "this year's World Humanitarian Summit": a moment of known year told as this year
// or last year dates the text. Only the acts that make an agreement or hold an event are that moment: its entry into
// force, ratification or review come later.
const THIS_OR_LAST = /\b(this|last)\s+year(['’]s)?(?![\w-])/gi;
// Signing is left out: a multilateral agreement is adopted in one year and signed by its parties over the years after.
const ACT_BEFORE = /\b(?:adopt(?:ed|ing)|adoption\s+of|conclu(?:ded|ding)|conclusion\s+of|agreed(?:\s+on)?|held|hosted|convened)\s+(?:of\s+)?(?:the\s+)?(?:(?:historic|new|landmark|ambitious)\s+)?$/i;
const ACT_AFTER = /^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:which|that)?\s*(?:(?:we|it|they|was|were|had\s+been|has\s+been|have)\s+)*(?:adopted|concluded|agreed|held|hosted|convened)\b/i;
// Later acts, and counts from the moment ("this year we mark 70 years since the adoption of"), are not the moment.
const LATER_ACT = /\b(?:entry\s+into\s+force|enter(?:ed|s)?\s+into\s+force|ratif\w*|review\w*|implement\w*|withdr\w*|anniversary|years\s+(?:since|after|ago|on))\b/i;
// A name inside a longer one: "the session of the Conference of the Parties to the Framework Convention", a meeting of a treaty's parties, not the treaty.
const BODY_OF = /\b(?:session|conference|meeting|parties|secretariat|members?|states?)\s+(?:of|to)\s+(?:the\s+)?$/i;
// How far apart "this year" and the moment may stand in their clause.
const NEAR = 100;

/** The clause around [start, end): between the stops (. ; ! ? or a line break) before and after it. */
function clauseAround(text: string, start: number, end: number): [number, number] {
  const before = /[^.;!?\n]*$/.exec(text.slice(Math.max(0, start - 200), start))![0];
  const after = /^[^.;!?\n]*/.exec(text.slice(end, end + 200))![0];
  return [start - before.length, end + after.length];
}

/** Years the text dates itself by, from moments of known year it says happened this year or last year. */
export function eventYears(text: string): EventYear[] {
  const out: EventYear[] = [];
  THIS_OR_LAST.lastIndex = 0;
  for (let m = THIS_OR_LAST.exec(text); m; m = THIS_OR_LAST.exec(text)) {
    const shift = m[1]!.toLowerCase() === 'last' ? 1 : 0;
    const [s, e] = clauseAround(text, m.index, m.index + m[0].length);
    if (LATER_ACT.test(text.slice(s, e))) continue;
    for (const d of datedNamesIn(text, Math.max(s, m.index - NEAR), Math.min(e, m.index + m[0].length + NEAR))) {
      if (d.year === undefined || d.dated.start !== d.dated.end) continue;
      const before = text.slice(Math.max(s, d.start - 40), d.start);
      if (BODY_OF.test(before)) continue;
      // "this year's World Humanitarian Summit": an event held this year. "This year's general debate ..., following the
      // adoption of X": the year is the debate's, not X's.
      if (m[2]) {
        const possessed = d.dated.kind === 'event' && m.index + m[0].length <= d.start && /^\s*$/.test(text.slice(m.index + m[0].length, d.start));
        if (!possessed) continue;
      } else if (!ACT_BEFORE.test(before) && !ACT_AFTER.test(text.slice(d.end, Math.min(e, d.end + 60)))) continue;
      const year = d.year + shift;
      const span = { start: Math.min(m.index, d.start), end: Math.max(m.index + m[0].length, d.end) };
      out.push({ year, span, reason: `${d.dated.name} (${d.year}) told as ${m[1]!.toLowerCase()} year: the text is of ${year}` });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
