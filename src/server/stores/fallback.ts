/**
 * A shared store that may be down, slow or hung, in front of this instance's memory: delivery comes first.
 * - Every call to the shared store has a deadline (`deadlineMs`); a call that fails or misses it opens a circuit
 *   breaker for `retryMs`, during which every call is answered from memory at once (idempotency and the limit
 *   then hold per instance only); the next call after that tries the shared store again, so sharing resumes by
 *   itself. The log says `store-unavailable` at most once a minute; `status()` says `unavailable` meanwhile.
 * - Final answers are written through: kept in memory as well as in the shared store, and memory is asked before
 *   the shared store and again after its claim, so that a key answered here is never sent again by this
 *   instance, whichever of the two is down at the time. A queued lead's 202 is the exception: the shared store is
 *   asked first, since whichever instance delivers the lead stores Vitec's answer there.
 * - A write of an answer that fails (or one made while the shared store was down) is kept and written again
 *   once the shared store answers, so that the other instances replay it too.
 */
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';
import { logEvent } from '../log.js';
import { MemoryIdempotencyStore, MemoryRateLimiter } from './memory.js';

/**
 * A queued lead's answer (the outbox's 202) is not final here: another instance (or the Worker's outbox object) may
 * deliver the lead and store Vitec's answer in the shared store, which is then asked first.
 */
const isQueued = (answer: StoredAnswer) => answer.status === 202;

/** Tokens of what was done in memory, so that completing or refunding goes back to the same place. */
const LOCAL = 'local:';
/** The most answers waiting to be written to the shared store (the oldest go first). */
const MAX_PENDING = 10_000;
/** How long an answer the shared store handed out is also kept here (as long as the relay keeps answers). */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}
class StoreOpenError extends Error {
  override name = 'StoreCircuitOpen';
}

export interface FallbackOptions {
  log: (line: string) => void;
  name: string;
  now?: () => number;
  /** How long a call to the shared store may take before it counts as failed. Default 400 ms. */
  deadlineMs?: number;
  /** How long after a failure the shared store is left alone (answered from memory). Default 2 s. */
  retryMs?: number;
}

export type StoreStatus = 'ok' | 'unavailable';

export function withFallback(
  shared: SharedStore,
  options: FallbackOptions,
): SharedStore & { report(error: unknown): void; status(): StoreStatus } {
  const now = options.now ?? Date.now;
  const deadlineMs = options.deadlineMs ?? 400;
  const retryMs = options.retryMs ?? 2_000;
  const memory = new MemoryIdempotencyStore({ now });
  const limiter = new MemoryRateLimiter({ now });
  /** Answers still to be written to the shared store, by key: the claim's token, the answer, when it expires. */
  const pending = new Map<string, { token: string; answer: StoredAnswer; expires: number }>();
  let openUntil = -Infinity;
  let lastLogged = -Infinity;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing = false;

  const unavailable = (error: unknown) => {
    openUntil = now() + retryMs;
    if (now() - lastLogged < 60_000) return;
    lastLogged = now();
    logEvent(
      options.log,
      'store-unavailable',
      { store: options.name, error: error instanceof Error ? error.name : 'unknown' },
      lastLogged,
    );
  };

  /** One call to the shared store, within its deadline and only while the breaker is closed. */
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    if (now() < openUntil) throw new StoreOpenError();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StoreTimeoutError(`no answer in ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      const result = await Promise.race([work(), late]);
      if (pending.size && !flushing) void flush();
      return result;
    } catch (error) {
      if (!(error instanceof StoreOpenError)) unavailable(error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  const retryLater = () => {
    if (retryTimer || !pending.size) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, retryMs);
    (retryTimer as { unref?: () => void }).unref?.();
  };

  /** Writes the answers kept back, oldest first; stops at the first failure and tries again later. */
  async function flush(): Promise<void> {
    flushing = true;
    try {
      for (const [key, write] of pending) {
        const left = write.expires - now();
        if (left > 0) await call(() => shared.complete(key, write.token, write.answer, left));
        if (pending.get(key) === write) pending.delete(key);
      }
    } catch {
      retryLater();
    } finally {
      flushing = false;
    }
  }

  const keep = (key: string, token: string, answer: StoredAnswer, ttlMs: number) => {
    pending.delete(key);
    pending.set(key, { token, answer, expires: now() + ttlMs });
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
    retryLater();
  };

  return {
    async claim(key: string, fingerprint: string, claimMs: number): Promise<Claim> {
      const known = memory.answerOf(key);
      if (known && !isQueued(known)) return { kind: 'stored', answer: known };
      let claim: Claim;
      try {
        claim = await call(() => shared.claim(key, fingerprint, claimMs));
      } catch {
        // A queued lead's 202 known here stands while the shared store cannot say whether it was delivered since.
        if (known) return { kind: 'stored', answer: known };
        const local = await memory.claim(key, fingerprint, claimMs);
        return local.kind === 'claimed' ? { kind: 'claimed', token: LOCAL + local.token } : local;
      }
      if (claim.kind === 'stored') memory.remember(key, claim.answer, REMEMBER_MS);
      // Answered here while the shared claim was on its way: the answer, not a second lead.
      const answered = claim.kind === 'claimed' && memory.answerOf(key);
      if (answered && claim.kind === 'claimed') {
        void call(() => shared.release(key, claim.token)).catch(() => undefined);
        return { kind: 'stored', answer: answered };
      }
      return claim;
    },
    async complete(key: string, token: string, answer: StoredAnswer, ttlMs: number) {
      if (token.startsWith(LOCAL)) {
        await memory.complete(key, token.slice(LOCAL.length), answer, ttlMs);
        // For the other instances: written once the shared store is back (no claim of theirs is overwritten).
        return keep(key, '', answer, ttlMs);
      }
      memory.remember(key, answer, ttlMs);
      try {
        await call(() => shared.complete(key, token, answer, ttlMs));
      } catch {
        keep(key, token, answer, ttlMs);
      }
    },
    async release(key: string, token: string) {
      if (token.startsWith(LOCAL)) return memory.release(key, token.slice(LOCAL.length));
      // A claim that cannot be released ends by itself when its time is up.
      await call(() => shared.release(key, token)).catch(() => undefined);
    },
    async renew(key: string, token: string, claimMs: number) {
      if (token.startsWith(LOCAL)) return memory.renew(key, token.slice(LOCAL.length), claimMs);
      // A claim that cannot be renewed now may still be held: the holder goes on, and says so next time.
      return call(() => shared.renew(key, token, claimMs)).catch(() => true);
    },
    async stored(key: string) {
      const known = memory.answerOf(key);
      if (known && !isQueued(known)) return known;
      const answer = (await call(() => shared.stored(key)).catch(() => undefined)) ?? known;
      if (answer) memory.remember(key, answer, REMEMBER_MS);
      return answer;
    },
    async hit(client: string, limit: number, windowMs: number): Promise<RateDecision> {
      try {
        return await call(() => shared.hit(client, limit, windowMs));
      } catch {
        return { ...(await limiter.hit(client, limit, windowMs)), token: LOCAL };
      }
    },
    async refund(client: string, token?: string) {
      if (token === LOCAL) return limiter.refund(client);
      await call(() => shared.refund(client, token)).catch(() => undefined);
    },
    close: async () => {
      clearTimeout(retryTimer);
      await shared.close();
    },
    /** For the shared store's own connection errors: logged with the others, at most once a minute. */
    report: unavailable,
    status: () => (now() < openUntil ? 'unavailable' : 'ok'),
  };
}
