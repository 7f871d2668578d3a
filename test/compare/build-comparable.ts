import type { ComparableDocument, ComparableEvent, ComparableStance, ComparableAgreementStatus } from '../../src/compare/comparable-document.js';

/** Facts are given by a phrase of their sentence; offsets are found in the text. */
export interface FactSpec {
  events?: Array<Omit<ComparableEvent, 'id' | 'trigger' | 'evidence' | 'date' | 'modality'> & { trigger: string; date?: string; modality?: string }>;
  stances?: Array<Omit<ComparableStance, 'id' | 'evidence'> & { at: string }>;
  agreements?: Array<Omit<ComparableAgreementStatus, 'id' | 'evidence' | 'by'> & { at: string }>;
  timexes?: Array<{ text: string; value: string }>;
  mentions?: Array<{ text: string; entity: string }>;
}

/** A ComparableDocument from sentences (one per line, or paragraphs separated by blank lines) and facts. */
export function buildComparable(id: string, sentences: string[], facts: FactSpec = {}, sections: Array<{ title: string; before: number }> = []): ComparableDocument {
  let text = '';
  const spans: Array<{ start: number; end: number }> = [];
  const secs: ComparableDocument['sections'] = [];
  sentences.forEach((s, i) => {
    const heading = sections.find((h) => h.before === i);
    if (heading) {
      if (secs.length) secs[secs.length - 1]!.end = text.length;
      text += `${heading.title}\n`;
      secs.push({ id: `s${secs.length + 1}`, title: heading.title, level: 1, start: text.length - heading.title.length - 1, end: 0 });
    }
    spans.push({ start: text.length, end: text.length + s.length });
    text += `${s}\n`;
  });
  if (secs.length) secs[secs.length - 1]!.end = text.length;
  const sentenceAt = (phrase: string) => {
    const at = text.indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" not in ${id}`);
    const s = spans.find((x) => x.start <= at && at < x.end)!;
    return { at, s };
  };
  const names: Record<string, string> = {};
  const mentions: ComparableDocument['mentions'] = [];
  for (const m of facts.mentions ?? []) {
    names[m.entity] = m.text;
    for (let i = text.indexOf(m.text); i >= 0; i = text.indexOf(m.text, i + 1)) mentions.push({ start: i, end: i + m.text.length, entity: m.entity });
  }
  mentions.sort((x, y) => x.start - y.start);
  return {
    id, title: id, source: `${id}.txt`, text, sections: secs, sentences: spans,
    events: (facts.events ?? []).map((e, n) => {
      const { at, s } = sentenceAt(e.trigger);
      return {
        id: `${id}:e${n + 1}`, type: e.type, actors: e.actors, recipients: e.recipients, negated: e.negated, modality: e.modality ?? 'asserted',
        date: e.date ? { value: e.date, start: null, end: null } : null,
        trigger: { start: at, end: at + e.trigger.length, text: e.trigger }, evidence: s,
      };
    }),
    stances: (facts.stances ?? []).map((x, n) => ({ id: `${id}:s${n + 1}`, holder: x.holder, target: x.target, stance: x.stance, negated: x.negated, evidence: sentenceAt(x.at).s })),
    agreements: (facts.agreements ?? []).map((x, n) => ({ id: `${id}:a${n}`, entity: x.entity, status: x.status, negated: x.negated, by: [], evidence: sentenceAt(x.at).s })),
    timexes: (facts.timexes ?? []).map((t) => { const at = text.indexOf(t.text); return { start: at, end: at + t.text.length, text: t.text, type: 'DATE', value: t.value }; }),
    mentions,
    names,
  };
}
