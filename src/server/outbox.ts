/**
 * A lead the relay accepted is a lead Vitec gets. When Vitec cannot take a valid lead now (no connection, no answer
 * in time, 429, 5xx, or 401/403 while the operator fixes the credentials), the relay keeps it, sealed, in an outbox
 * (stores/outbox-*.ts) and answers 202 with a receipt; the outbox sends it again with exponential backoff and jitter
 * (from `retryMinMs`, doubling, up to `retryMaxMs` apart) for up to `maxAgeMs`, each time with the lead's own
 * `Idempotency-Key`, and once Vitec has decided, the key's stored answer becomes Vitec's. Vitec's own guidance for
 * Connect asks for this: it does not promise full uptime, and what cannot be saved should be buffered and retried.
 *
 * Nothing personal leaves the seal: an entry is AES-GCM under a key derived from the relay secret (the previous
 * secret's entries are still read during a rotation), and a log line carries a receipt, a lead id and times only.
 */
import { RELAY_CODES } from '../lead/vitec-protocol.js';
import { logEvent, type Log } from './log.js';
import { type Answer, type ForwardLead, refusedCredentials } from './steps/forward.js';
import { printOf } from './steps/idempotency.js';
import { type RelaySecrets, seal, unseal } from './relay-secret.js';
import type { OutboxEntry, OutboxStore } from './stores/outbox-contract.js';

export type { OutboxEntry, OutboxStore } from './stores/outbox-contract.js';

export interface OutboxOptions {
  store: OutboxStore;
  /** At most this many entries; a lead that finds the outbox full is answered as without one. Default 10,000. */
  maxEntries?: number;
  /** How long an entry is tried before it is dropped (`outbox-expired`). Default 72 hours. */
  maxAgeMs?: number;
  /** The first wait before a try again. Default 10 s. */
  retryMinMs?: number;
  /** The longest wait between tries. Default 10 minutes. */
  retryMaxMs?: number;
  /** How often the relay looks for entries that are due. Default 1 s. */
  pollMs?: number;
  /** For the jitter: a number in [0, 1). */
  random?: () => number;
}

/** What the outbox keeps of a lead, sealed. */
interface Kept {
  customerId: string;
  leadJson: string;
  /** The client's `Idempotency-Key`, whose answer becomes Vitec's once it is delivered. */
  key?: string;
  /** Where at Vitec, for another kind than the person lead (lead-kinds.ts). */
  path?: string;
  receipt: string;
}

/** The most of a lead the outbox keeps (a lead is at most 64 KiB as sent). */
const MAX_ENTRY_BYTES = 64 * 1024;
/** How many entries one pass takes. */
const BATCH = 20;
/** How long a store call of the outbox may take. */
const STORE_DEADLINE_MS = 1_000;
/** Crockford's base 32: no I, L, O or U, so a receipt read aloud is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What Vitec made of a delivered lead, for the log: the person lead's id, or a booking's or valuation's contact id. */
function createdIds(body: string): { leadId?: string; contactId?: string } {
  if (!body) return {};
  const made: unknown = JSON.parse(body);
  if (typeof made === 'string') return { leadId: made };
  const contactId = (made as { contactId?: unknown } | null)?.contactId;
  return typeof contactId === 'string' ? { contactId } : {};
}

/** Vitec's answers that a later try may get past: every failure but a refusal of the lead itself. */
export function isQueueable(answer: Answer): boolean {
  return (
    !answer.final &&
    (answer.event === 'vitec-unreachable' ||
      answer.event === 'vitec-timeout' ||
      answer.event === 'vitec-failed' ||
      refusedCredentials(answer))
  );
}

/** A receipt the visitor can quote, such as `K7M2-Q9XD`: 40 random bits, nothing about the lead. */
export function newReceipt(random = crypto.getRandomValues(new Uint8Array(8))): string {
  const chars = Array.from(random, (byte) => ALPHABET[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

/** The body of the relay's 202: what the element shows and the retry of the same key gets. */
export const queuedBody = (receipt: string) => JSON.stringify({ Code: RELAY_CODES.queued, Receipt: receipt });

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the outbox store did not answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export interface Outbox {
  /**
   * Keeps a lead for later (first tried at `firstTryAt`); its receipt, or `undefined` when it cannot be kept (full,
   * too large, or the store did not answer), and the lead is answered as without an outbox.
   */
  enqueue(
    lead: { customerId: string; leadJson: string; key?: string; path?: string },
    firstTryAt?: number,
  ): Promise<string | undefined>;
  /** The entry of `receipt` was delivered by the request that queued it after all: gone. */
  settle(receipt: string): Promise<void>;
  /** One pass over what is due; resolves with how many entries it tried. */
  deliverDue(): Promise<number>;
  /** Delivers in the background every `pollMs`, until `stop()`. */
  start(): void;
  stop(): Promise<void>;
  /** For `/healthz`: how many are queued, and how long the oldest has waited. */
  stats(): Promise<{ depth: number; oldestSeconds: number }>;
  /** How long an entry is tried before it is dropped. */
  readonly maxAgeMs: number;
}

export function createOutbox(config: {
  options: OutboxOptions;
  secrets: RelaySecrets;
  forward: ForwardLead;
  /** Makes Vitec's answer the key's, sealed as the idempotency step seals it (`ttlMs`: how long it is kept). */
  storeAnswer: (customerId: string, key: string, leadJson: string, answer: Answer, ttlMs?: number) => Promise<void>;
  log: Log;
  now: () => number;
}): Outbox {
  const { options, secrets, forward, log, now } = config;
  const store = options.store;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 72 * 60 * 60 * 1000;
  const retryMinMs = options.retryMinMs ?? 10_000;
  const retryMaxMs = options.retryMaxMs ?? 10 * 60 * 1000;
  const pollMs = options.pollMs ?? 1_000;
  const random = options.random ?? Math.random;
  // A delivery holds its entry at most this long (Vitec's own time is bounded by the forwarder), then it is due again.
  const leaseMs = 5 * 60 * 1000;
  const keys = { current: secrets.current.sealingKey('outbox'), previous: secrets.previous?.sealingKey('outbox') };
  /** After a delivery Vitec took, the rest are sent at once rather than at their backoff's time. */
  let vitecTakes = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const open = async (entry: OutboxEntry): Promise<Kept | undefined> => {
    for (const key of [keys.current, keys.previous]) {
      if (!key) continue;
      const text = await unseal(await key, entry.sealed);
      if (text !== undefined) return JSON.parse(text) as Kept;
    }
    return undefined;
  };

  const backoff = (attempts: number) =>
    Math.min(retryMaxMs, retryMinMs * 2 ** Math.min(attempts - 1, 30)) * (0.5 + random());

  async function deliver(entry: OutboxEntry): Promise<void> {
    const at = now();
    const kept = await open(entry);
    const waitedSeconds = Math.round((at - entry.createdAt) / 1000);
    if (!kept) {
      await store.remove(entry.id);
      return logEvent(log, 'outbox-unreadable', { level: 'error', waitedSeconds }, at);
    }
    if (at - entry.createdAt > maxAgeMs) {
      await store.remove(entry.id);
      // The key's 202 goes too (an answer that expires at once): the lead was never delivered, so a retry may try.
      if (kept.key)
        await config
          .storeAnswer(
            kept.customerId,
            kept.key,
            printOf(kept.path, kept.leadJson),
            { status: 504, body: '', final: true },
            1,
          )
          .catch(() => undefined);
      return logEvent(log, 'outbox-expired', { level: 'error', receipt: kept.receipt, waitedSeconds }, at);
    }
    const answer = await forward(kept.customerId, kept.leadJson, at, `outbox-${entry.id}`, kept.key, kept.path);
    if (!answer.final) {
      vitecTakes = false;
      const attempts = entry.attempts + 1;
      await store.retry(entry.id, now() + backoff(attempts), attempts);
      return;
    }
    vitecTakes = answer.status === 200 || answer.status === 204;
    await store.remove(entry.id);
    if (kept.key)
      await config
        .storeAnswer(kept.customerId, kept.key, printOf(kept.path, kept.leadJson), answer)
        .catch(() => undefined);
    if (vitecTakes)
      logEvent(log, 'outbox-delivered', { receipt: kept.receipt, ...createdIds(answer.body), waitedSeconds });
    else
      logEvent(log, 'outbox-refused', {
        level: 'error',
        receipt: kept.receipt,
        waitedSeconds,
        fields: fieldsOf(answer.body),
      });
  }

  async function deliverDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      const at = now();
      const batch = await within(store.take(at, vitecTakes ? Infinity : at, leaseMs, BATCH), STORE_DEADLINE_MS);
      for (const [i, entry] of batch.entries()) {
        tried++;
        await deliver(entry);
        // Vitec is still down: the rest of the batch waits for its own time, not hammering it now.
        if (!vitecTakes) {
          for (const rest of batch.slice(i + 1))
            await store.retry(rest.id, now() + backoff(Math.max(1, rest.attempts)), rest.attempts);
          return tried;
        }
      }
      if (batch.length < BATCH || stopped) return tried;
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = deliverDue()
        .catch(() => undefined)
        .finally(schedule);
    }, pollMs);
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    async enqueue(lead, firstTryAt = now() + retryMinMs) {
      const receipt = newReceipt();
      const kept: Kept = { ...lead, receipt };
      const text = JSON.stringify(kept);
      if (text.length > MAX_ENTRY_BYTES) return undefined;
      const at = now();
      const entry: OutboxEntry = {
        id: receipt.replace('-', ''),
        sealed: await seal(await keys.current, text),
        createdAt: at,
        attempts: 0,
        nextAt: firstTryAt,
      };
      try {
        if ((await within(store.add(entry, maxEntries), STORE_DEADLINE_MS)) === 'full') {
          logEvent(log, 'outbox-full', { level: 'error', maxEntries }, at);
          return undefined;
        }
      } catch (error) {
        logEvent(
          log,
          'outbox-unavailable',
          { level: 'error', error: error instanceof Error ? error.name : 'unknown' },
          at,
        );
        return undefined;
      }
      return receipt;
    },
    settle: (receipt) => store.remove(receipt.replace('-', '')),
    deliverDue,
    maxAgeMs,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    async stats() {
      const { depth, oldestCreatedAt } = await within(store.stats(), STORE_DEADLINE_MS);
      return { depth, oldestSeconds: oldestCreatedAt === undefined ? 0 : Math.round((now() - oldestCreatedAt) / 1000) };
    },
  };
}

/** The ModelState keys of Vitec's 400 (its field codes), never their messages, which may quote the lead. */
function fieldsOf(body: string): string[] {
  try {
    const state = (JSON.parse(body) as { ModelState?: Record<string, unknown> }).ModelState;
    return state ? Object.keys(state).slice(0, 20) : [];
  } catch {
    return [];
  }
}
