import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  url: string;
  /** Request bodies received, parsed. */
  requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; headers: http.IncomingHttpHeaders }>;
  /** What the next request gets: a reply text, or an HTTP status with an error body. */
  reply: (body: { messages: Array<{ role: string; content: string }> }) => { content: string } | { status: number; error: string };
  close(): Promise<void>;
}

/** A small OpenAI-compatible chat endpoint on loopback, standing in for a language model in tests. */
export async function startStandIn(): Promise<StandIn> {
  const state: StandIn = { url: '', requests: [], reply: () => ({ content: '' }), close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
        return;
      }
      const body = JSON.parse(raw) as { model: string; messages: Array<{ role: string; content: string }> };
      state.requests.push({ ...body, headers: req.headers });
      const r = state.reply(body);
      if ('status' in r) {
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: r.error } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        id: 'x', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: r.content }, finish_reason: 'stop' }],
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** The numbered evidence line of a prompt that contains `words`, e.g. "[2] ...". */
export function evidenceNumber(prompt: string, words: string): number | undefined {
  const line = prompt.split('\n').find((l) => /^\[\d+\] /.test(l) && l.includes(words));
  return line ? Number(/^\[(\d+)\]/.exec(line)![1]) : undefined;
}
