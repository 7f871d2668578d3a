import type { AgreementStatusChange, AnalysedDocument, DiploEvent, Entity, Figure, Message, Stance } from '../model/index.js';
import { extractSentenceAgreementStatus } from './extract-agreement-status.js';
import { extractSentenceEvents, newEventContext } from './extract-events.js';
import { extractSentenceFigures } from './extract-figures.js';
import { extractSentenceStances } from './extract-stances.js';
import { buildSentenceView } from './sentence-view.js';

export interface Extraction {
  events: DiploEvent[];
  stances: Stance[];
  agreementStatus: AgreementStatusChange[];
  figures: Figure[];
  messages: Omit<Message, 'doc'>[];
  /**
   * Agreements, programs and negotiations named by a phrase rather than a gazetteer entry
   * ("negotiations on a peace treaty"): their status history refers to them, so they are entities too.
   */
  newEntities: Entity[];
}

/**
 * The extract stage: events, stances, agreement status changes and figures, sentence by sentence
 * in document order (so ids are stable and "In response" can look back). Reads `doc`, never edits it.
 */
export function extract(doc: AnalysedDocument): Extraction {
  const ctx = newEventContext(doc);
  const stances: Stance[] = [];
  const agreementStatus: AgreementStatusChange[] = [];
  const figures: Figure[] = [];
  const phraseNames = new Map<string, string>();
  const headingParagraphs = new Set(doc.segmentation.paragraphs.filter((p) => p.kind === 'heading' || p.kind === 'title').map((p) => p.index));
  for (const sentence of doc.segmentation.sentences) {
    if (headingParagraphs.has(sentence.paragraph)) continue;
    const view = buildSentenceView(doc, sentence);
    const events = extractSentenceEvents(ctx, view);
    for (const s of extractSentenceStances(doc, view)) stances.push({ id: `${doc.id}:s${stances.length + 1}`, ...s });
    agreementStatus.push(...extractSentenceAgreementStatus(doc, view, undefined, events, phraseNames));
    for (const f of extractSentenceFigures(doc, view)) figures.push({ id: `${doc.id}:f${figures.length + 1}`, ...f });
  }
  const newEntities: Entity[] = [];
  for (const id of new Set(agreementStatus.map((a) => a.entity))) {
    if (doc.entities.has(id)) continue;
    const name = phraseNames.get(id) ?? id.replace(/^agreement:text:/, '').replace(/-/g, ' ');
    newEntities.push({ id, kind: 'agreement', name, aliases: [], source: 'extract.agreement-phrase' });
  }
  return { events: ctx.events, stances, agreementStatus, figures, messages: ctx.messages, newEntities };
}
