/** Which sites may send leads: CORS for the allowed origins, 403 for every other one. */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { message, type RelayEnv } from './context.js';
import { LEAD_ROUTE } from './route.js';

/** Origins as compared: without a trailing slash, lower-case. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
}

/**
 * Hono's CORS headers on every answer to an allowed origin (404, 405 and 429 included, so the page
 * can read them), and its preflight answer, but only on the lead route and for an allowed origin: any
 * other preflight goes on to the route and origin checks and is refused there.
 */
export function corsForAllowedOrigins(allowed: ReadonlySet<string>): MiddlewareHandler<RelayEnv> {
  const handler = cors({
    origin: (origin) => (allowed.has(origin.toLowerCase()) ? origin : null),
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'Idempotency-Key'],
    exposeHeaders: ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return async function corsHeaders(c, next) {
    const origin = c.req.header('origin');
    if (!origin || !allowed.has(origin.toLowerCase())) return next();
    if (c.req.method === 'OPTIONS' && !LEAD_ROUTE.test(c.req.path)) return next();
    return handler(c, next);
  };
}

/** 403 for a browser on a site that is not allowed; a request with no `Origin` is a server's, and allowed. */
export function refuseOrigin(allowed: ReadonlySet<string>): MiddlewareHandler<RelayEnv> {
  return async function refuseOtherOrigins(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined || allowed.has(origin.toLowerCase())) return next();
    const record = c.get('record');
    record.event = 'origin-refused';
    record.origin = origin.slice(0, 200);
    return message(c, 403, 'This origin may not send leads here.');
  };
}
