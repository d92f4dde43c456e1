/** Which sites may send leads: CORS for the allowed origins, 403 for every other one. */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { message, type RelayEnv } from '../context.js';
import { SAFE_HEADERS } from '../../lead/vitec-protocol.js';
import { isRelayRoute } from './route.js';

/** Origins as compared: without a trailing slash, lower-case. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
}

/**
 * For an allowed origin: Hono's CORS middleware answers the preflight on the relay's routes, and every
 * other answer carries the CORS headers through `answer()` (context.ts). Hono's middleware is not used
 * for those: it writes its headers into a response made before the step that answers, and Hono then
 * copies the final response into a new one, body and all (measured as a tenth of the relay's CPU per
 * lead, `npm run bench`). Any other preflight goes on to the route and origin checks, and is refused.
 */
export function corsForAllowedOrigins(options: { allowed: ReadonlySet<string> }): MiddlewareHandler<RelayEnv> {
  const { allowed } = options;
  const preflight = cors({
    origin: (origin) => (allowed.has(origin.toLowerCase()) ? origin : null),
    allowMethods: ['POST', 'GET', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'Idempotency-Key'],
    maxAge: 600,
  });
  return async function corsHeaders(c, next) {
    const origin = c.req.header('origin');
    if (!origin || !allowed.has(origin.toLowerCase())) return next();
    c.set('corsOrigin', origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') && isRelayRoute(c.req.path)) {
      for (const [name, value] of Object.entries(SAFE_HEADERS)) c.header(name, value);
      return preflight(c, next);
    }
    return next();
  };
}

/** 403 for a browser on a site that is not allowed; a request with no `Origin` is a server's, and allowed. */
export function refuseOrigin(options: { allowed: ReadonlySet<string> }): MiddlewareHandler<RelayEnv> {
  const { allowed } = options;
  return async function refuseOtherOrigins(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined || allowed.has(origin.toLowerCase())) return next();
    const record = c.get('record');
    record.event = 'origin-refused';
    record.origin = origin.slice(0, 200);
    return message(c, 403, 'This origin may not send leads here.');
  };
}
