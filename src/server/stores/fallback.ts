/**
 * A shared store that may be down, in front of this instance's memory: delivery comes first. While the
 * shared store fails, each call is answered from memory (idempotency and the limit then hold per
 * instance only), the log says `store-unavailable` at most once a minute, and the shared store is asked
 * again on the next call, so sharing resumes by itself once it is back.
 */
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';
import { logEvent } from '../log.js';
import { MemoryIdempotencyStore, MemoryRateLimiter } from './memory.js';

/** Tokens of what was done in memory, so that completing or refunding goes back to the same place. */
const LOCAL = 'local:';

export function withFallback(
  shared: SharedStore,
  options: { log: (line: string) => void; now?: () => number; name: string },
): SharedStore & { report(error: unknown): void } {
  const now = options.now ?? Date.now;
  const memory = new MemoryIdempotencyStore({ now });
  const limiter = new MemoryRateLimiter({ now });
  let lastLogged = -Infinity;
  const unavailable = (error: unknown) => {
    if (now() - lastLogged < 60_000) return;
    lastLogged = now();
    logEvent(
      options.log,
      'store-unavailable',
      { store: options.name, error: error instanceof Error ? error.name : 'unknown' },
      lastLogged,
    );
  };
  const quietly = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      unavailable(error);
    }
  };

  return {
    async claim(key: string, fingerprint: string, claimMs: number): Promise<Claim> {
      try {
        return await shared.claim(key, fingerprint, claimMs);
      } catch (error) {
        unavailable(error);
        const claim = await memory.claim(key, fingerprint, claimMs);
        return claim.kind === 'claimed' ? { kind: 'claimed', token: LOCAL + claim.token } : claim;
      }
    },
    async complete(key: string, token: string, answer: StoredAnswer, ttlMs: number) {
      if (token.startsWith(LOCAL)) return memory.complete(key, token.slice(LOCAL.length), answer, ttlMs);
      await quietly(() => shared.complete(key, token, answer, ttlMs));
    },
    async release(key: string, token: string) {
      if (token.startsWith(LOCAL)) return memory.release(key, token.slice(LOCAL.length));
      await quietly(() => shared.release(key, token));
    },
    async hit(client: string, limit: number, windowMs: number): Promise<RateDecision> {
      try {
        return await shared.hit(client, limit, windowMs);
      } catch (error) {
        unavailable(error);
        return { ...(await limiter.hit(client, limit, windowMs)), token: LOCAL };
      }
    },
    async refund(client: string, token?: string) {
      if (token === LOCAL) return limiter.refund(client);
      await quietly(() => shared.refund(client, token));
    },
    close: () => shared.close(),
    /** For the shared store's own connection errors: logged with the others, at most once a minute. */
    report: unavailable,
  };
}
