import { chatCompletionsUrl, type LlmConfig } from './llm-config.js';

export interface ChatMessage { role: 'system' | 'user' | 'assistant'; content: string }

/** One non-streaming chat completion; throws with a readable message when the endpoint fails. */
export async function chatCompletion(config: LlmConfig, messages: ChatMessage[]): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (config.key) headers.authorization = `Bearer ${config.key}`;
  let res: Response;
  try {
    res = await fetch(chatCompletionsUrl(config.url), {
      method: 'POST', headers,
      body: JSON.stringify({ model: config.model, messages, temperature: 0, stream: false }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    throw new Error(`language model at ${config.url} unreachable: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => undefined)) as { choices?: Array<{ message?: { content?: unknown } }>; error?: { message?: string } | string } | undefined;
  if (!res.ok) {
    const detail = typeof body?.error === 'string' ? body.error : body?.error?.message ?? res.statusText;
    throw new Error(`language model at ${config.url} answered ${res.status}: ${detail}`);
  }
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error(`language model at ${config.url} sent no message content`);
  return content;
}
