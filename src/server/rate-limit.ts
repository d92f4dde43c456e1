/** How many leads one client may send: a sliding window per client address. */
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import { message, type RelayEnv } from './context.js';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next lead would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one lead for `client` if fewer than `limit` were counted in the last `windowMs`. */
  hit(client: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Takes back the latest allowed hit of `client`: the request turned out not to count. */
  refund(client: string): Promise<void>;
}

interface Hits {
  /** Times of the allowed hits, oldest first; those before `head` have left the window. */
  times: number[];
  head: number;
}

/**
 * An in-memory sliding-window limiter (an exact log of the hits in the window, trimmed from the front
 * in amortised constant time) that holds at most `maxClients` clients, the least recent going first.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly clients = new Map<string, Hits>();
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(options: { maxClients?: number; now?: () => number } = {}) {
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async hit(client: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = this.now();
    const hits = this.clients.get(client) ?? { times: [], head: 0 };
    this.clients.delete(client);
    this.clients.set(client, hits);
    while (hits.head < hits.times.length && hits.times[hits.head]! <= now - windowMs) hits.head++;
    if (hits.head > 64 && hits.head * 2 > hits.times.length) {
      hits.times = hits.times.slice(hits.head);
      hits.head = 0;
    }
    while (this.clients.size > this.maxClients) this.clients.delete(this.clients.keys().next().value!);
    if (hits.times.length - hits.head >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((hits.times[hits.head]! + windowMs - now) / 1000)) };
    }
    hits.times.push(now);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  async refund(client: string): Promise<void> {
    const hits = this.clients.get(client);
    if (hits && hits.times.length > hits.head) hits.times.pop();
  }
}

/** Answers that do not count toward the limit: a body of the wrong type, and a replayed answer. */
const NOT_COUNTED = new Set([415]);

/** 429 with `Retry-After` past `limit` leads a minute from one client. */
export function limitRate(limiter: RateLimiter, limit: number, trustProxy: boolean): MiddlewareHandler<RelayEnv> {
  return async function limitLeadsPerClient(c, next) {
    const client = clientAddress(c, trustProxy);
    const decision = await limiter.hit(client, limit, 60_000);
    if (!decision.allowed) {
      c.get('record').event = 'rate-limited';
      return message(c, 429, 'Too many leads from this address. Try again later.', { 'retry-after': String(decision.retryAfterSeconds) });
    }
    await next();
    if (NOT_COUNTED.has(c.res.status) || c.get('replayed')) await limiter.refund(client);
  };
}
