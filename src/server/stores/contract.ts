/**
 * What must hold across every instance of the relay, as one contract that each store keeps: memory (one
 * instance), Redis (a Node fleet), Durable Objects (Cloudflare Workers). Keys and clients reach a store already
 * keyed with the relay secret (relay-secret.ts), and answers already sealed: nothing personal is handed to a store.
 */

/** Vitec's final answer for a key (a lead id, or Vitec's 400), sealed with the request's key. */
export interface StoredAnswer {
  status: number;
  /** The body, encrypted with a key derived from the `Idempotency-Key` (see idempotency.ts). */
  body: string;
  /** A keyed hash of the lead that was sent, so that a key reused for another lead is refused. */
  fingerprint: string;
}

export type Claim =
  /** This caller is the first: it forwards, then completes or releases the claim with `token`. */
  | { kind: 'claimed'; token: string }
  /** Vitec already decided for this key. */
  | { kind: 'stored'; answer: StoredAnswer }
  /** Another request holds the claim and is waiting for Vitec; `fingerprint` is its lead's. */
  | { kind: 'pending'; fingerprint: string };

export interface IdempotencyStore {
  /** Claims `key` for at most `claimMs`, unless it has an answer or another claim. Atomic. */
  claim(key: string, fingerprint: string, claimMs: number): Promise<Claim>;
  /** Stores Vitec's final answer for `ttlMs` and ends the claim `token`. */
  complete(key: string, token: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** Ends the claim `token` with no answer, after a failure that a retry may get past. */
  release(key: string, token: string): Promise<void>;
  /**
   * Keeps the claim `token` for another `claimMs` from now: its holder is alive and still waiting for Vitec.
   * False when the claim is no longer this holder's (it ended, and perhaps another request took the key over).
   */
  renew(key: string, token: string, claimMs: number): Promise<boolean>;
  /** The final answer kept for `key`, if any; takes no claim. */
  stored(key: string): Promise<StoredAnswer | undefined>;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next lead would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
  /** For `refund`: which hit this was. */
  token?: string;
}

export interface RateLimiter {
  /** Counts one lead for `client` if fewer than `limit` were counted in the last `windowMs`. Atomic. */
  hit(client: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Takes back an allowed hit: the request turned out not to count. */
  refund(client: string, token?: string): Promise<void>;
}

/** A store that can be shared across instances, and so can be down: `close()` ends its connection. */
export interface SharedStore extends IdempotencyStore, RateLimiter {
  close(): Promise<void>;
}
