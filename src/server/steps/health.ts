/**
 * `GET`/`HEAD /healthz` for load balancers; never calls Vitec. Always 200 while the relay can take leads: with its
 * shared store unavailable it still can (from memory), and the body says `{"status":"degraded","store":"unavailable"}`.
 */
import type { MiddlewareHandler } from 'hono';
import { answer, message, methodOf, type RelayEnv } from '../context.js';

export function health(options: { storeStatus?: () => 'ok' | 'unavailable' } = {}): MiddlewareHandler<RelayEnv> {
  return async function health(c, next) {
    if (c.req.path !== '/healthz') return next();
    c.get('record').route = 'healthz';
    const method = methodOf(c);
    if (method !== 'GET' && method !== 'HEAD') return message(c, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
    const store = options.storeStatus?.();
    return answer(c, 200, store === 'unavailable' ? '{"status":"degraded","store":"unavailable"}' : '{"status":"ok"}');
  };
}
