import type { FastifyInstance, RouteOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from './errors.js';

export interface RateLimitRule {
  /** Requests allowed per client address in each window. */
  max: number;
  /** Window length in milliseconds. */
  timeWindow: number;
}

export interface SecurityOptions {
  /** Limits for the expensive routes; `false` turns rate limiting off (benchmarks, trusted setups). */
  rateLimit?: false | { ask?: RateLimitRule; write?: RateLimitRule };
}

/** Questions run retrieval over the whole knowledge base: generous for a person, tight for a script. */
export const DEFAULT_ASK_LIMIT: RateLimitRule = { max: 60, timeWindow: 60_000 };
/** Uploads and deletes run the pipeline or rewrite the store; they also guard the write token against guessing. */
export const DEFAULT_WRITE_LIMIT: RateLimitRule = { max: 30, timeWindow: 60_000 };

/** Routes that answer questions: whatever the ask routes end up being called, they sit under /api/ask. */
const ASK_ROUTE = /^\/api\/ask(\/|$)/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers on every response and rate limits on the routes that cost the server most.
 * Must be registered before the routes, since limits are attached as each route is declared.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // The explorer is served over plain HTTP on a LAN as often as behind TLS: upgrading its
        // requests to https would break it there.
        upgradeInsecureRequests: null,
        // Graph and chart libraries set inline styles; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
      },
    },
    // HSTS belongs to whatever terminates TLS in front of the server, which knows the host names.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

  // Ajv coerces "1e309" to Infinity and lets it through integer and maximum checks, and an offset of
  // 1e23 passes a schema without a maximum; the store then fails on them. Neither is a meaningful
  // filter, so both are the client's error.
  app.addHook('preHandler', async (req) => {
    for (const source of [req.query, req.params]) {
      if (!source || typeof source !== 'object') continue;
      for (const [key, value] of Object.entries(source)) {
        if (typeof value === 'number' && !(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) throw new ApiError('BAD_REQUEST', `${key} is out of range`);
      }
    }
  });

  if (options.rateLimit === false) return;
  const ask = options.rateLimit?.ask ?? DEFAULT_ASK_LIMIT;
  const write = options.rateLimit?.write ?? DEFAULT_WRITE_LIMIT;
  // Declared before the rate-limit plugin so that its own onRoute hook sees the limits set here.
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const rule = ASK_ROUTE.test(route.url) ? ask
      : route.url.startsWith('/api/') && methods.some((m) => WRITE_METHODS.has(m)) ? write
        : undefined;
    if (!rule) return;
    const config = (route.config ?? {}) as Record<string, unknown>;
    // Each route keeps its own count per client address.
    if (config.rateLimit === undefined) route.config = { ...config, rateLimit: { ...rule } };
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: context.statusCode,
      error: `too many requests: retry in ${context.after}`,
      code: 'RATE_LIMITED',
      message: `too many requests: retry in ${context.after}`,
    }),
  });
}
