/** Where the optional language model lives: any OpenAI-compatible chat endpoint (Ollama, llama.cpp, vLLM, ...). */
export interface LlmConfig {
  /** Base URL, e.g. http://127.0.0.1:11434/v1; `/chat/completions` is appended. */
  url: string;
  model: string;
  key?: string;
  /** Milliseconds to wait for an answer. */
  timeoutMs: number;
}

/** Read DIPLOGRAPH_LLM_URL / DIPLOGRAPH_LLM_MODEL / DIPLOGRAPH_LLM_KEY; undefined when no URL or model is set. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const url = env.DIPLOGRAPH_LLM_URL?.trim();
  const model = env.DIPLOGRAPH_LLM_MODEL?.trim();
  if (!url || !model) return undefined;
  const timeout = Number(env.DIPLOGRAPH_LLM_TIMEOUT_MS);
  return { url, model, ...(env.DIPLOGRAPH_LLM_KEY ? { key: env.DIPLOGRAPH_LLM_KEY } : {}), timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 60_000 };
}

export function chatCompletionsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}
