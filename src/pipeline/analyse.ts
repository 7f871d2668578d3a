import { newPeriod, type AnalysedDocument, type Message, type ReadDocument } from '../model/index.js';
import { inferPeriod, type PeriodOverride } from '../read/infer-period.js';
import { segment } from '../segment/segment.js';
import { recognizeEntities } from '../recognize/recognize-entities.js';
import { recognizeTimexes } from '../recognize/recognize-timexes.js';
import { recognizeQuantities } from '../recognize/recognize-quantities.js';
import { resolveEntities, type KnownSpeaker } from '../resolve/resolve-entities.js';
import { resolveTimexes } from '../resolve/resolve-timexes.js';
import { extract } from '../extract/extract.js';
import type { PipelineContext } from './context.js';

export interface AnalyseOptions {
  period?: PeriodOverride;
  /** Called as each stage starts, for progress reporting. */
  onStage?: (stage: StageName) => void;
  /**
   * Called as each stage ends with its duration in milliseconds, wall and CPU time of this
   * process, for benchmarks (on a shared machine CPU time is the steadier of the two).
   */
  onStageDone?: (stage: StageName, ms: number, cpuMs: number) => void;
}

type StageMessages = Omit<Message, 'doc'>[];

/** What a stage hands on to a later one of the same document besides its patch: work not to do twice, never stored. */
interface Carried {
  /** The speaker recognizeEntities inferred, for resolveEntities. */
  speaker?: KnownSpeaker;
}

/**
 * The stages in the order they run. Each reads what earlier stages produced and returns only its
 * own additions; none of them edits the text or an earlier stage's output.
 */
const STAGES = [
  {
    name: 'period',
    run: (doc: AnalysedDocument, _ctx: PipelineContext, opts: AnalyseOptions) => {
      const { period, messages } = inferPeriod(doc, opts.period);
      return { patch: { period }, messages };
    },
  },
  {
    name: 'segment',
    run: (doc: AnalysedDocument) => ({ patch: { segmentation: segment(doc) }, messages: [] as StageMessages }),
  },
  {
    name: 'recognize',
    run: (doc: AnalysedDocument, ctx: PipelineContext, _opts: AnalyseOptions, carried: Carried) => {
      const entities = recognizeEntities(doc, doc.segmentation, ctx.gazetteer);
      carried.speaker = { speaker: entities.speaker };
      return {
        patch: {
          mentions: entities.mentions,
          timexes: recognizeTimexes(doc, doc.segmentation),
          quantities: recognizeQuantities(doc, doc.segmentation),
        },
        messages: entities.messages,
      };
    },
  },
  {
    name: 'resolve',
    run: (doc: AnalysedDocument, ctx: PipelineContext, _opts: AnalyseOptions, carried: Carried) => {
      const entities = resolveEntities(doc, doc.segmentation, doc.mentions, ctx.gazetteer, carried.speaker);
      const time = resolveTimexes(doc, doc.segmentation, doc.timexes);
      return {
        patch: { mentions: entities.mentions, entities: entities.entities, timexes: time.timexes },
        messages: [...entities.messages, ...time.messages],
      };
    },
  },
  {
    name: 'extract',
    run: (doc: AnalysedDocument) => {
      const { messages, newEntities, ...found } = extract(doc);
      // Agreements named by a phrase ("negotiations on a peace treaty") join the entities their history refers to.
      const entities = new Map(doc.entities);
      for (const e of newEntities ?? []) if (!entities.has(e.id)) entities.set(e.id, e);
      return { patch: { ...found, entities }, messages };
    },
  },
] as const;

export type StageName = (typeof STAGES)[number]['name'];
export const STAGE_NAMES: StageName[] = STAGES.map((s) => s.name);

/** Run every stage after reading on one document. */
export function analyse(read: ReadDocument, ctx: PipelineContext, opts: AnalyseOptions = {}): AnalysedDocument {
  let doc: AnalysedDocument = {
    ...read,
    messages: [...read.messages],
    period: newPeriod('', '', 'period.none', ''),
    segmentation: { sections: [], paragraphs: [], sentences: [] },
    mentions: [],
    timexes: [],
    quantities: [],
    entities: new Map(),
    events: [],
    stances: [],
    agreementStatus: [],
    figures: [],
  };
  const carried: Carried = {};
  for (const stage of STAGES) {
    opts.onStage?.(stage.name);
    const started = opts.onStageDone ? performance.now() : 0;
    const cpu = opts.onStageDone ? process.cpuUsage() : undefined;
    const { patch, messages } = stage.run(doc, ctx, opts, carried);
    if (opts.onStageDone) {
      const used = process.cpuUsage(cpu);
      opts.onStageDone(stage.name, performance.now() - started, (used.user + used.system) / 1000);
    }
    doc = { ...doc, ...patch, messages: [...doc.messages, ...(messages as StageMessages).map((m) => ({ ...m, doc: doc.id }))] };
  }
  return doc;
}
