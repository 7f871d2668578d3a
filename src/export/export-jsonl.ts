import { batchChunks } from './batch-chunks.js';
import type { ExportJson } from './export-types.js';

/**
 * JSON Lines export: one record per line, `{"kind": K, K: record}`. The record sits under its kind
 * rather than beside it because entities and mentions have a `kind` field of their own.
 * Documents come first and entities next, so a reader streaming the lines has the text and the
 * names before anything that points into them. Every line is a record of the export contract
 * unchanged, except agreement status changes: one line per history entry, with the agreement
 * entity id added as `agreement`, so the contract object can be rebuilt exactly (parseJsonl).
 */
export const JSONL_KINDS = ['document', 'entity', 'mention', 'timex', 'event', 'stance', 'agreement_status', 'figure', 'message'] as const;
export type JsonlKind = (typeof JSONL_KINDS)[number];

type ListKey = Exclude<keyof ExportJson, 'agreements'>;
/** The contract array each kind (but agreement_status) comes from. */
const LIST_OF: Record<Exclude<JsonlKind, 'agreement_status'>, ListKey> = {
  document: 'documents', entity: 'entities', mention: 'mentions', timex: 'timexes', event: 'events',
  stance: 'stances', figure: 'figures', message: 'messages',
};

export type AgreementStatusRecord = { agreement: string } & ExportJson['agreements'][number]['history'][number];

export function jsonlChunks(data: ExportJson): Iterable<string> {
  return batchChunks(jsonlLines(data));
}

/** The lines (each ending in a newline) in kind order. */
export function* jsonlLines(data: ExportJson): Generator<string> {
  const line = (kind: JsonlKind, record: unknown) => `${JSON.stringify({ kind, [kind]: record })}\n`;
  for (const kind of JSONL_KINDS) {
    if (kind === 'agreement_status') {
      for (const a of data.agreements) for (const h of a.history) yield line(kind, { agreement: a.entity, ...h });
    } else {
      for (const record of data[LIST_OF[kind]]) yield line(kind, record);
    }
  }
}

/** A line that is not a record of this format; `line` is 1-based. */
export class JsonlError extends Error {
  constructor(readonly line: number, problem: string) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * Rebuilds the contract object line by line, so a large file can be read as a stream.
 * Lines may come in any order: records keep their order within a kind, and agreement status
 * changes regroup under their agreement in order of first appearance.
 */
export class JsonlReader {
  private readonly out: ExportJson = { documents: [], entities: [], events: [], stances: [], agreements: [], figures: [], timexes: [], mentions: [], messages: [] };
  private readonly agreements = new Map<string, ExportJson['agreements'][number]>();
  private lineNo = 0;

  /** Read one line (blank lines are skipped). Throws JsonlError naming the line when it is not a record. */
  push(text: string): void {
    this.lineNo += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new JsonlError(this.lineNo, `not JSON (${(err as Error).message})`);
    }
    if (!isObject(value)) throw new JsonlError(this.lineNo, 'not a JSON object');
    const kind = value.kind;
    if (typeof kind !== 'string' || !(JSONL_KINDS as readonly string[]).includes(kind)) {
      throw new JsonlError(this.lineNo, `unknown kind ${JSON.stringify(kind)}; expected one of ${JSONL_KINDS.join(', ')}`);
    }
    const record = value[kind];
    if (!isObject(record)) throw new JsonlError(this.lineNo, `a "${kind}" line needs its record as an object under "${kind}"`);
    if (kind === 'agreement_status') {
      const { agreement, ...entry } = record;
      if (typeof agreement !== 'string') throw new JsonlError(this.lineNo, 'an agreement_status record needs "agreement", the agreement entity id');
      let group = this.agreements.get(agreement);
      if (!group) {
        group = { entity: agreement, history: [] };
        this.agreements.set(agreement, group);
        this.out.agreements.push(group);
      }
      group.history.push(entry as ExportJson['agreements'][number]['history'][number]);
    } else {
      (this.out[LIST_OF[kind as Exclude<JsonlKind, 'agreement_status'>]] as unknown[]).push(record);
    }
  }

  /** The contract object read so far. */
  result(): ExportJson {
    return this.out;
  }
}

/** Parse a whole JSON Lines export (text, or its lines) back into the contract object. */
export function parseJsonl(input: string | Iterable<string>): ExportJson {
  const reader = new JsonlReader();
  for (const line of typeof input === 'string' ? input.split(/\r?\n/) : input) reader.push(line);
  return reader.result();
}

/** Same as parseJsonl for lines that arrive asynchronously (e.g. readline over a file stream). */
export async function parseJsonlLines(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportJson> {
  const reader = new JsonlReader();
  for await (const line of lines) reader.push(line);
  return reader.result();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
