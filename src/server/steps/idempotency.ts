/**
 * One lead per `Idempotency-Key`, across every instance that shares a store: the first request with a
 * key claims it and forwards; a request with the same key while it is in flight waits for its answer
 * (in this process directly, from another instance through the store); a later one gets the stored
 * answer. Only Vitec's final answers (200, 400) are stored, for 24 hours.
 *
 * A claim is a lease: its holder renews it while it waits for Vitec, so that a holder that is gone (a crashed
 * instance) blocks its key for at most `leaseMs`, after which the next request with the key takes it over. A
 * request that waits for another instance's claim until its own deadline is told that the lead's fate is not
 * known yet (503 `lead-pending`, with `Retry-After`): never a Vitec timeout, since this instance did not ask
 * Vitec; the element retries it with the same key.
 *
 * What reaches the store is not personal (relay-secret.ts): the key is an HMAC of the customer id and the client's
 * key under the relay secret, the fingerprint an HMAC of the lead, and the answer's body is sealed with a key derived
 * from the secret and the client's key, which only a retry of the same lead holds. During a rotation, an answer kept
 * under the previous secret is still found and replayed.
 */
import { matchRoute } from '../../lead/lead-kinds.js';
import type { MiddlewareHandler } from 'hono';
import { RELAY_CODES } from '../../lead/vitec-protocol.js';
import { answer, message, type RelayContext, type RelayEnv } from '../context.js';
import { type KeyMaterial, type RelaySecrets, seal, unseal } from '../relay-secret.js';
import { type Answer, type ForwardLead, TIMED_OUT } from './forward.js';
import { isQueueable, type Outbox, queuedBody } from '../outbox.js';
import type { Claim, IdempotencyStore, StoredAnswer } from '../stores/contract.js';

export type { IdempotencyStore, StoredAnswer } from '../stores/contract.js';
export { MemoryIdempotencyStore } from '../stores/memory.js';

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY = 200;
/** How often a request waiting for another instance's answer asks the store again. */
const POLL_MS = 100;
/** The answer to a request that waited for another instance's claim until its deadline. */
const PENDING_BODY = JSON.stringify({
  Message:
    'Another request with this Idempotency-Key is still being delivered, so whether the lead reached Vitec is not known yet. Send it again with the same key.',
  Code: RELAY_CODES.pending,
});

/** The request's `Idempotency-Key`, trimmed; `undefined` when it sends none. */
const idempotencyKey = (c: RelayContext) => c.req.header('idempotency-key')?.trim() || undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether the request's `Idempotency-Key` already has a final answer in `store`, under the current secret or the
 * previous one: such a request is a replay, which the rate limit lets through whatever its count (it makes no lead).
 */
export function hasStoredAnswer(options: {
  store: IdempotencyStore;
  secrets: RelaySecrets;
}): (c: RelayContext) => Promise<boolean> {
  const { store, secrets } = options;
  return async (c) => {
    const key = idempotencyKey(c);
    if (!key || key.length > MAX_KEY) return false;
    for (const secret of [secrets.current, secrets.previous])
      if (secret && (await store.stored(await secret.scope(c.get('customerId'), key)).catch(() => undefined)))
        return true;
    return false;
  };
}

/** The relay's 202 for a queued lead: final for its key while it is queued. */
function queuedAnswer(receipt: string, failure?: Answer): Answer {
  return {
    status: 202,
    body: queuedBody(receipt),
    final: true,
    // Why, for the operator: Vitec's failure (`outbox-queued after vitec-unauthorized: check …`), or its slowness.
    event: `outbox-queued after ${failure?.event ?? 'vitec-slow'}`,
    ...(failure?.vitecStatus !== undefined ? { vitecStatus: failure.vitecStatus } : {}),
  };
}

/**
 * Makes Vitec's final answer the answer of `key`, sealed as a request with that key would seal it: for a lead
 * delivered after its visitor was answered (by the outbox, or by a forward that outlived the visitor's time).
 */
export function answerKeeper(options: {
  store: IdempotencyStore;
  secrets: RelaySecrets;
}): (customerId: string, key: string, leadJson: string, answer: Answer, ttlMs?: number) => Promise<void> {
  return async (customerId, key, leadJson, answer, ttlMs = TTL_MS) => {
    const { scope, print, sealKey } = await options.secrets.current.keyMaterial(customerId, key, leadJson);
    // No claim is held: the key's queued answer is replaced.
    await options.store.complete(
      scope,
      '',
      { status: answer.status, body: await seal(sealKey, answer.body), fingerprint: print },
      ttlMs,
    );
  };
}

/**
 * What a key's fingerprint is made from: the lead as sent, and for another kind than the person lead its path at
 * Vitec too, so that one key is one lead of one kind to one estate (the person lead's stays the lead alone, as
 * stored answers made before the other kinds were have it).
 */
export const printOf = (path: string | undefined, leadJson: string): string =>
  path && matchRoute(path, true)?.name !== 'lead' ? `${path}\n${leadJson}` : leadJson;

/** The last step: the lead goes to Vitec, at most once per key, and the visitor waits at most `timeoutMs`. */
export function deliverLead(options: {
  store: IdempotencyStore;
  secrets: RelaySecrets;
  forward: ForwardLead;
  timeoutMs: number;
  /** How long a claim lasts unless its holder renews it (a third of this apart) while it waits for Vitec. */
  leaseMs: number;
  now: () => number;
  /** Where a lead Vitec cannot take now is kept (outbox.ts); without one, the visitor is told it failed. */
  outbox?: Outbox;
  /** How long the relay goes on waiting for Vitec after the visitor's answer. */
  upstreamLimitMs: number;
}): MiddlewareHandler<RelayEnv> {
  const { store, secrets, forward, timeoutMs, leaseMs, now, outbox, upstreamLimitMs } = options;
  /** A queued lead's 202 is its key's answer as long as the outbox tries it, and a day more. */
  const queuedTtlMs = (outbox?.maxAgeMs ?? 0) + TTL_MS;
  /** What is left of the visitor's time to queue a lead Vitec has not answered yet. */
  const queueMarginMs = Math.min(1_000, timeoutMs / 4);
  const keepAnswer = answerKeeper({ store, secrets });
  /** Attempts in flight in this process, by hashed key: a second request here waits for the first directly. */
  const inFlight = new Map<
    string,
    Promise<Exclude<Claim, { kind: 'claimed' }> | (Answer & { fingerprint?: string })>
  >();

  return async function deliverOnce(c) {
    const record = c.get('record');
    const started = c.get('started');
    const customerId = c.get('customerId');
    const leadJson = c.get('leadJson');
    const path = c.get('vitecPath');
    const printed = printOf(path, leadJson);
    const deadline = started + timeoutMs;
    const respond = (result: Answer, headers?: Record<string, string>) => {
      if (result.vitecStatus !== undefined) record.vitecStatus = result.vitecStatus;
      if (result.event) record.event ??= result.event;
      return answer(c, result.status, result.body, headers);
    };
    const timedOut = (): Answer => ({ ...TIMED_OUT, event: 'vitec-timeout' });
    /** The answer, or 504 once `timeoutMs` has passed since the request came in. */
    const within = async <T>(pending: Promise<T>): Promise<T | Answer> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Answer>((resolve) => {
        timer = setTimeout(() => resolve(timedOut()), Math.max(0, deadline - now()));
      });
      try {
        return await Promise.race([pending, timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    const key = idempotencyKey(c);
    /**
     * The lead to Vitec; with an outbox, a lead Vitec cannot take now, or has not answered by shortly before the
     * visitor's deadline, is queued and answered 202 with its receipt. A late final answer of the forward still in
     * flight settles the queued entry and becomes the key's answer.
     */
    const forwardOrQueue = async (idempotencyKey?: string, keyAnswered?: Promise<unknown>): Promise<Answer> => {
      const forwarded = forward(customerId, leadJson, started, record.requestId, undefined, path);
      c.env?.waitUntil?.(forwarded);
      if (!outbox) return forwarded;
      const enqueue = (firstTryAt?: number) =>
        outbox.enqueue({ customerId, leadJson, key: idempotencyKey, path }, firstTryAt);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), Math.max(0, deadline - queueMarginMs - now()));
      });
      const first = await Promise.race([forwarded, late]).finally(() => clearTimeout(timer));
      if (first !== 'late') {
        const receipt = isQueueable(first) ? await enqueue() : undefined;
        return receipt === undefined ? first : queuedAnswer(receipt, first);
      }
      // First tried again once the forward in flight has had all its time.
      const receipt = await enqueue(started + upstreamLimitMs + 1_000);
      if (receipt === undefined) return forwarded;
      const settled = forwarded.then(async (answer) => {
        if (!answer.final) return;
        // After the key's 202 is kept, or that would replace Vitec's answer.
        await keyAnswered;
        await outbox.settle(receipt).catch(() => undefined);
        if (idempotencyKey) await keepAnswer(customerId, idempotencyKey, printed, answer).catch(() => undefined);
      });
      c.env?.waitUntil?.(settled);
      return queuedAnswer(receipt);
    };

    if (!key) return respond(await within(forwardOrQueue()));
    if (key.length > MAX_KEY) return message(c, 400, 'The Idempotency-Key header is too long.');
    const material = await secrets.current.keyMaterial(customerId, key, printed);
    const { scope, print, sealKey } = material;
    /** Another request's answer: from this process as it is, from the store sealed (under `under`'s secret). */
    const replay = async (
      stored: StoredAnswer | (Answer & { fingerprint: string }),
      event: string,
      under: KeyMaterial = material,
    ) => {
      if (stored.fingerprint !== under.print) return message(c, 422, 'This Idempotency-Key was used for another lead.');
      const body = 'final' in stored ? stored.body : await unseal(under.sealKey, stored.body);
      if (body === undefined) return message(c, 422, 'This Idempotency-Key was used for another lead.');
      record.event = event;
      c.set('replayed', true);
      return answer(c, stored.status, body, { 'idempotent-replayed': 'true' });
    };

    /** One claim and, when it is ours, one forward: shared by every request here with the same key. */
    const attempt = async (): Promise<Exclude<Claim, { kind: 'claimed' }> | (Answer & { fingerprint?: string })> => {
      const claim = await store.claim(scope, print, leaseMs);
      if (claim.kind !== 'claimed') return claim;
      // Nothing is forwarded for a visitor who is no longer waiting: the store took their time, or they left.
      if (now() >= deadline || c.req.raw.signal?.aborted) {
        await store.release(scope, claim.token);
        return timedOut();
      }
      const renewal = setInterval(
        () => void store.renew(scope, claim.token, leaseMs).catch(() => undefined),
        leaseMs / 3,
      );
      let result: Answer;
      let answered = () => {};
      const keyAnswered = new Promise<void>((resolve) => (answered = resolve));
      try {
        result = await forwardOrQueue(key, keyAnswered);
      } finally {
        clearInterval(renewal);
      }
      // Only what Vitec decided for good is kept: a failure must stay retryable, or a visitor whose
      // lead met a Vitec outage could never send it. A store that fails here loses only a replay: the
      // lead itself was delivered.
      try {
        if (result.final)
          await store.complete(
            scope,
            claim.token,
            { status: result.status, body: await seal(sealKey, result.body), fingerprint: print },
            // A queued lead's 202 is its answer while it is queued; Vitec's replaces it once delivered.
            result.status === 202 ? queuedTtlMs : TTL_MS,
          );
        else await store.release(scope, claim.token);
      } catch {
        record.event ??= 'store-unavailable';
      } finally {
        answered();
      }
      return { ...result, fingerprint: print };
    };

    // During a rotation, an answer kept under the previous secret is the key's answer.
    if (secrets.previous) {
      const before = await secrets.previous.keyMaterial(customerId, key, printed);
      const stored = await store.stored(before.scope).catch(() => undefined);
      if (stored) return replay(stored, 'idempotent-replay', before);
    }

    for (;;) {
      // No await between looking for an attempt in flight here and registering this one, so two
      // requests with one key in this process never both claim it.
      let shared = inFlight.get(scope);
      const first = !shared;
      if (!shared) {
        const launched = attempt();
        c.env?.waitUntil?.(launched);
        shared = launched;
        inFlight.set(scope, launched);
        void launched.finally(() => {
          if (inFlight.get(scope) === launched) inFlight.delete(scope);
        });
      }
      const outcome: Exclude<Claim, { kind: 'claimed' }> | (Answer & { fingerprint?: string }) = await within(shared);
      if ('kind' in outcome) {
        if (outcome.kind === 'stored') return replay(outcome.answer, 'idempotent-replay');
        // Another instance holds the claim: ask again until it has an answer, or its claim ends.
        if (outcome.fingerprint !== print) return message(c, 422, 'This Idempotency-Key was used for another lead.');
        if (now() + POLL_MS >= deadline) {
          record.event = 'idempotent-pending';
          return answer(c, 503, PENDING_BODY, { 'retry-after': '1' });
        }
        record.event = 'idempotent-wait';
        await sleep(POLL_MS);
        continue;
      }
      // Without a fingerprint it is the visitor's own timeout, not an answer for the key.
      if (outcome.fingerprint === undefined || first) return respond(outcome);
      return replay({ ...outcome, fingerprint: outcome.fingerprint }, 'idempotent-wait');
    }
  };
}
