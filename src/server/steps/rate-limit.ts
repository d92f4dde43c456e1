/** How many leads one client may send, and how many pages' viewings it may read: a sliding window per client address. */
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import { message, type RelayContext, type RelayEnv } from '../context.js';
import type { RelaySecret } from '../relay-secret.js';
import type { RateLimiter } from '../stores/contract.js';

export type { RateDecision, RateLimiter } from '../stores/contract.js';
export { MemoryRateLimiter } from '../stores/memory.js';

/** Answers that do not count toward the limit: a body of the wrong type, and a replayed answer. */
const NOT_COUNTED = new Set([415]);

/**
 * 429 with `Retry-After` past `limit` leads a minute from one client; never for a replay (a request whose
 * `Idempotency-Key` already has a final answer), so that a visitor whose last lead of the minute timed out can still
 * learn its id.
 */
export function limitRate(options: {
  limiter: RateLimiter;
  /** Leads a minute from one client. */
  limit: number;
  trustProxy: boolean;
  /** How many leading bits of an IPv6 address make one client (ip-address.ts). */
  ipv6PrefixLength: number;
  /** Keys the client address, so that the limiter's keys are not addresses (relay-secret.ts). */
  secret: RelaySecret;
  /** Whether the request's key has a final answer already (idempotency.ts). */
  isReplay: (c: RelayContext) => Promise<boolean>;
  /** What is counted, for a window of its own: `page loads` (an estate's viewings read) besides leads. */
  counting?: 'leads' | 'page loads';
}): MiddlewareHandler<RelayEnv> {
  const { limiter, limit, trustProxy, ipv6PrefixLength, secret, isReplay } = options;
  const pages = options.counting === 'page loads';
  return async function limitLeadsPerClient(c, next) {
    const keyed = await secret.client(clientAddress(c, trustProxy, ipv6PrefixLength));
    const client = pages ? `page:${keyed}` : keyed;
    const decision = await limiter.hit(client, limit, 60_000);
    // Nothing was counted for a refused hit: a replay goes on uncounted.
    if (!decision.allowed && (await isReplay(c))) return next();
    if (!decision.allowed) {
      c.get('record').event = 'rate-limited';
      return message(c, 429, `Too many ${pages ? 'requests' : 'leads'} from this address. Try again later.`, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    await next();
    if (NOT_COUNTED.has(c.res.status) || c.get('replayed')) await limiter.refund(client, decision.token);
  };
}
