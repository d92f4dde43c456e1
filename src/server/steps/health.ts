/**
 * `GET`/`HEAD /healthz` for load balancers; never calls Vitec. Always 200 while the relay can take leads: with its
 * shared store unavailable it still can (from memory), and the body says `{"status":"degraded","store":"unavailable"}`;
 * while Vitec refuses the relay's credentials, `"vitec":"refusing-credentials"`; with an outbox, its depth and the
 * age of its oldest entry (`"outbox":{"depth":3,"oldestSeconds":540}`).
 */
import type { MiddlewareHandler } from 'hono';
import { answer, message, methodOf, type RelayEnv } from '../context.js';

export function health(
  options: {
    storeStatus?: () => 'ok' | 'unavailable';
    /** Whether Vitec refused the relay's credentials when it last decided. */
    vitecRefuses?: () => boolean;
    outboxStats?: () => Promise<{ depth: number; oldestSeconds: number }>;
  } = {},
): MiddlewareHandler<RelayEnv> {
  return async function health(c, next) {
    if (c.req.path !== '/healthz') return next();
    c.get('record').route = 'healthz';
    const method = methodOf(c);
    if (method !== 'GET' && method !== 'HEAD') return message(c, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
    const store = options.storeStatus?.();
    const vitec = options.vitecRefuses?.() ? 'refusing-credentials' : undefined;
    const outbox = await options.outboxStats?.().catch(() => 'unavailable' as const);
    const body = {
      status: store === 'unavailable' || vitec ? 'degraded' : 'ok',
      ...(store === 'unavailable' ? { store } : {}),
      ...(vitec ? { vitec } : {}),
      ...(outbox ? { outbox } : {}),
    };
    return answer(c, 200, JSON.stringify(body));
  };
}
