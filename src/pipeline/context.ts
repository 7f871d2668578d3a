import { loadGazetteer, type Gazetteer } from '../recognize/gazetteer.js';

/** Everything the stages share that is loaded once per process: curated data, compiled matchers. */
export interface PipelineContext {
  gazetteer: Gazetteer;
}

let cached: PipelineContext | undefined;

export function defaultContext(): PipelineContext {
  cached ??= { gazetteer: loadGazetteer() };
  return cached;
}
