import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatRows } from '../cli/format-output.js';
import type { ExportJson } from './export-types.js';

/** One CSV file per table, with evidence columns (doc, start, end, text) and ids that join across files. */
export function exportCsvTables(data: ExportJson): Record<string, Array<Record<string, unknown>>> {
  return {
    documents: data.documents.map((d) => ({ id: d.id, title: d.title, source: d.source, format: d.format, period_start: d.period.start, period_end: d.period.end, dct: d.period.dct ?? '', period_rule: d.period.rule, chars: d.text.length })),
    entities: data.entities.map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases.join('|'), wikidata: e.wikidata ?? '', iso3: e.iso3 ?? '', country: e.country ?? '', sector: e.sector ?? '' })),
    mentions: data.mentions.map((m) => ({ doc: m.doc, start: m.start, end: m.end, text: m.text, entity: m.entity ?? '', kind: m.kind, rule: m.rule })),
    events: data.events.map((e) => ({
      id: e.id, doc: e.doc, type: e.type, mode: e.mode ?? '', contexts: e.contexts.join('|'), actors: e.actors.join('|'), recipients: e.recipients.join('|'),
      date: e.date?.value ?? '', date_start: e.date?.start ?? '', date_end: e.date?.end ?? '', negated: e.negated, modality: e.modality, quad: e.quad, intensity: e.intensity,
      trigger: e.trigger.text, start: e.evidence.start, end: e.evidence.end, sentence: e.evidence.text,
    })),
    stances: data.stances.map((s) => ({ id: s.id, holder: s.holder, target: s.target ?? '', stance: s.stance, negated: s.negated, date: s.date?.value ?? '', doc: s.evidence.doc, start: s.evidence.start, end: s.evidence.end, sentence: s.evidence.text })),
    agreement_status: data.agreements.flatMap((a) => a.history.map((h) => ({ agreement: a.entity, status: h.status, by: h.by.join('|'), negated: h.negated, modality: h.modality, date: h.date?.value ?? '', doc: h.evidence.doc, start: h.evidence.start, end: h.evidence.end, sentence: h.evidence.text }))),
    figures: data.figures.map((f) => ({ id: f.id, what: f.what, subject: f.subject ?? '', value: f.value, unit: f.unit, period: f.period?.value ?? '', text: f.span.text, doc: f.evidence.doc, start: f.evidence.start, end: f.evidence.end, sentence: f.evidence.text })),
    timexes: data.timexes.map((t) => ({ doc: t.doc, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod ?? '', range_start: t.range?.start ?? '', range_end: t.range?.end ?? '', inferred: t.inferred.join('|'), rule: t.rule })),
  };
}

export function writeCsvFolder(data: ExportJson, folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const [table, rows] of Object.entries(exportCsvTables(data))) {
    const file = path.join(folder, `${table}.csv`);
    const columns = rows[0] ? Object.keys(rows[0]) : ['id'];
    writeFileSync(file, formatRows(rows, 'csv', columns));
    written.push(file);
  }
  return written;
}
