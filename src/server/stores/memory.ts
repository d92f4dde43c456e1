/** The stores' contract kept in this process's memory, bounded: the default for one instance. */
import type { Claim, IdempotencyStore, RateDecision, RateLimiter, StoredAnswer } from './contract.js';

interface Entry {
  answer?: StoredAnswer;
  claim?: { token: string; fingerprint: string };
  expires: number;
}

/** Keys with a time to live, at most `maxEntries` of them (the oldest go first). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  private tokens = 0;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  async claim(key: string, fingerprint: string, claimMs: number): Promise<Claim> {
    const entry = this.live(key);
    if (entry?.answer) return { kind: 'stored', answer: entry.answer };
    if (entry?.claim) return { kind: 'pending', fingerprint: entry.claim.fingerprint };
    const token = String(++this.tokens);
    this.put(key, { claim: { token, fingerprint }, expires: this.now() + claimMs });
    return { kind: 'claimed', token };
  }

  async complete(key: string, token: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    const entry = this.live(key);
    if (entry?.claim && entry.claim.token !== token) return;
    this.put(key, { answer, expires: this.now() + ttlMs });
  }

  async release(key: string, token: string): Promise<void> {
    if (this.live(key)?.claim?.token === token) this.entries.delete(key);
  }

  async renew(key: string, token: string, claimMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (entry?.claim?.token !== token) return false;
    entry.expires = this.now() + claimMs;
    return true;
  }

  async stored(key: string): Promise<StoredAnswer | undefined> {
    return this.answerOf(key);
  }

  /** The final answer kept for `key`, if any: no claim is taken. */
  answerOf(key: string): StoredAnswer | undefined {
    return this.live(key)?.answer;
  }

  /** Keeps `answer` for `key`, whoever holds a claim here: it was decided elsewhere (a shared store's claim). */
  remember(key: string, answer: StoredAnswer, ttlMs: number): void {
    this.put(key, { answer, expires: this.now() + ttlMs });
  }
}

interface Hits {
  /** Times of the allowed hits, oldest first; those before `head` have left the window. */
  times: number[];
  head: number;
}

/**
 * A sliding-window limiter (an exact log of the hits in the window, trimmed from the front in
 * amortised constant time) that holds at most `maxClients` clients, the least recent going first.
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
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((hits.times[hits.head]! + windowMs - now) / 1000)),
      };
    }
    hits.times.push(now);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  async refund(client: string): Promise<void> {
    const hits = this.clients.get(client);
    if (hits && hits.times.length > hits.head) hits.times.pop();
  }
}
