import { Command } from 'commander';
import { openKnowledgeBase } from '../kb/open-knowledge-base.js';
import { buildServer } from '../api/build-server.js';
import { dbOption, UsageError } from './shared-options.js';

export interface ServeOptions { db: string; host: string; port: string; writeToken?: string }

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP JSON API (and the explorer when built) over the knowledge base')
    .addOption(dbOption())
    .option('--host <host>', 'interface to bind (127.0.0.1 keeps it local)', '127.0.0.1')
    .option('--port <port>', 'port (or PORT in the environment; 0 picks a free one)', process.env.PORT ?? '8080')
    .option('--write-token <token>', 'accept uploads from clients sending this bearer token (or DIPLOGRAPH_WRITE_TOKEN); read-only without it')
    .action(async (opts: ServeOptions) => {
      await serve(opts);
    });
}

export async function serve(opts: ServeOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, not "${opts.port}"`);
  const kb = await openKnowledgeBase(opts.db);
  const writeToken = opts.writeToken ?? (process.env.DIPLOGRAPH_WRITE_TOKEN || undefined);
  const app = await buildServer(kb, { writeToken });
  const close = async () => {
    await app.close();
    await kb.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  try {
    await app.listen({ host: opts.host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EADDRINUSE' ? `port ${port} is in use; pass --port or PORT` : `cannot listen on ${opts.host}:${port}: ${(err as Error).message}`);
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`diplograph is serving ${opts.db} at http://${opts.host}:${actualPort}/  (API: /api, OpenAPI: /openapi.json; Ctrl-C stops)\n`);
}
