/** How many leads one client may send: a sliding window per client address. */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next lead would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(client: string, limit: number, windowMs: number): Promise<RateDecision>;
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
}
