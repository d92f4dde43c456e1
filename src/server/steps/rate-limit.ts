/** How many leads one client may send: a sliding window per client address. */
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import { message, type RelayEnv } from '../context.js';
import type { RateLimiter } from '../stores/contract.js';

export type { RateDecision, RateLimiter } from '../stores/contract.js';
export { MemoryRateLimiter } from '../stores/memory.js';

/** Answers that do not count toward the limit: a body of the wrong type, and a replayed answer. */
const NOT_COUNTED = new Set([415]);

/** 429 with `Retry-After` past `limit` leads a minute from one client. */
export function limitRate(options: {
  limiter: RateLimiter;
  /** Leads a minute from one client. */
  limit: number;
  trustProxy: boolean;
}): MiddlewareHandler<RelayEnv> {
  const { limiter, limit, trustProxy } = options;
  return async function limitLeadsPerClient(c, next) {
    const client = clientAddress(c, trustProxy);
    const decision = await limiter.hit(client, limit, 60_000);
    if (!decision.allowed) {
      c.get('record').event = 'rate-limited';
      return message(c, 429, 'Too many leads from this address. Try again later.', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    await next();
    if (NOT_COUNTED.has(c.res.status) || c.get('replayed')) await limiter.refund(client, decision.token);
  };
}
