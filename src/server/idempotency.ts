/**
 * One lead per `Idempotency-Key`: the first request with a key forwards, a request with the same key
 * while it is in flight waits for its answer, and a later one gets the stored answer. The default store
 * lives in memory and is bounded; a deployment of several instances plugs in a shared one.
 */
import type { MiddlewareHandler } from 'hono';
import { answer, message, type RelayEnv } from './context.js';
import { type Answer, type ForwardLead, TIMED_OUT } from './forward.js';

export interface StoredAnswer {
  status: number;
  body: string;
  /** SHA-256 of the lead that was sent, so a key reused for another lead is refused. */
  fingerprint: string;
  /** Whether Vitec decided for good (200, 400). Only final answers are stored. */
  final: boolean;
}

export interface IdempotencyStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  set(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
}

/** An in-memory store with a time-to-live and at most `maxEntries` keys (the oldest go first). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, { answer: StoredAnswer; expires: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<StoredAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  async set(key: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { answer, expires: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY = 200;

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The last step: the lead goes to Vitec, at most once per key, and the visitor waits at most `timeoutMs`. */
export function deliverLead(options: { store: IdempotencyStore; forward: ForwardLead; timeoutMs: number; now: () => number }): MiddlewareHandler<RelayEnv> {
  const { store, forward, timeoutMs, now } = options;
  const inFlight = new Map<string, Promise<Answer & { fingerprint: string }>>();

  return async function deliverOnce(c) {
    const record = c.get('record');
    const started = c.get('started');
    const customerId = c.get('customerId');
    const leadJson = c.get('leadJson');
    const respond = (result: Answer | StoredAnswer, headers?: Record<string, string>) => {
      if ('vitecStatus' in result && result.vitecStatus !== undefined) record.vitecStatus = result.vitecStatus;
      if ('event' in result && result.event) record.event ??= result.event;
      return answer(c, result.status, result.body, headers);
    };
    /** The answer, or 504 once `timeoutMs` has passed since the request came in. */
    const within = async <T extends Answer>(pending: Promise<T>): Promise<T | Answer> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Answer>((resolve) => {
        timer = setTimeout(() => resolve({ ...TIMED_OUT, event: 'vitec-timeout' }), Math.max(0, timeoutMs - (now() - started)));
      });
      try {
        return await Promise.race([pending, timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    const key = c.req.header('idempotency-key')?.trim();
    if (!key) return respond(await within(forward(customerId, leadJson, started, record.requestId)));
    if (key.length > MAX_KEY) return message(c, 400, 'The Idempotency-Key header is too long.');
    const scope = `${customerId}\n${key}`;
    const print = await fingerprint(leadJson);
    const stored = await store.get(scope);
    // No await between looking for a request in flight and registering this one, so two requests
    // with one key can never both reach Vitec.
    let pending = stored ? undefined : inFlight.get(scope);
    const first = !stored && !pending;
    if (first) {
      pending = forward(customerId, leadJson, started, record.requestId)
        .then(async (result) => {
          const keep = { ...result, fingerprint: print };
          // Only what Vitec decided for good is kept: a failure must stay retryable, or a visitor
          // whose lead met a Vitec outage could never send it.
          if (result.final) await store.set(scope, { status: result.status, body: result.body, final: true, fingerprint: print }, TTL_MS);
          return keep;
        })
        .finally(() => inFlight.delete(scope));
      inFlight.set(scope, pending);
    }
    const result = stored ?? (await within(pending!));
    // Without a fingerprint it is the visitor's own timeout, not an answer for the key.
    if (!('fingerprint' in result)) return respond(result);
    if (result.fingerprint !== print) return message(c, 422, 'This Idempotency-Key was used for another lead.');
    if (first) return respond(result);
    record.event = stored ? 'idempotent-replay' : 'idempotent-wait';
    c.set('replayed', true);
    return respond(stored ?? { status: result.status, body: result.body, final: result.final }, { 'idempotent-replayed': 'true' });
  };
}
