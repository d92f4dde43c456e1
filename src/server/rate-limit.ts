/** How many leads one client may send: a sliding window per client address. */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next lead would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(client: string, limit: number, windowMs: number): Promise<RateDecision>;
}

/** An in-memory sliding-window limiter that forgets idle clients and holds at most `maxClients`. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(options: { maxClients?: number; now?: () => number } = {}) {
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async hit(client: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = this.now();
    const recent = (this.hits.get(client) ?? []).filter((t) => t > now - windowMs);
    this.hits.delete(client);
    if (recent.length >= limit) {
      this.hits.set(client, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(client, recent);
    while (this.hits.size > this.maxClients) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
