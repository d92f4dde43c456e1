/**
 * The store contract kept by Cloudflare Durable Objects of the class `LeadRelayStore`: one object per hashed
 * key, one per hashed client address, each the single place its key's truth lives, so that every isolate of
 * the Worker shares it. The Worker (runtimes/worker.ts) exports the class; the contract's tests run it on
 * workerd through miniflare.
 */
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';
import type { OutboxEntry, OutboxStore } from './outbox-contract.js';

/** The parts of the Workers runtime this file uses (so that it needs no Workers type package). */
interface DurableObjectStub {
  fetch(url: string, init: RequestInit): Promise<Response>;
}
export interface DurableObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): DurableObjectStub;
}
interface DurableObjectStorage {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
  deleteAll(): Promise<void>;
  list<T>(options: { prefix: string }): Promise<Map<string, T>>;
  setAlarm(time: number): Promise<void>;
  getAlarm(): Promise<number | null>;
}
export interface DurableObjectState {
  storage: DurableObjectStorage;
}

/** The store contract over `LeadRelayStore` objects. Keys and clients arrive keyed with the relay secret. */
export function durableObjectStore(namespace: DurableObjectNamespace): SharedStore {
  const call = async <T>(name: string, operation: string, input: unknown): Promise<T> => {
    const stub = namespace.get(namespace.idFromName(name));
    const response = await stub.fetch(`https://lead-relay-store/${operation}`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    if (!response.ok) throw new Error(`LeadRelayStore ${operation} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    claim: (key, fingerprint, claimMs) => call<Claim>(`key:${key}`, 'claim', { fingerprint, claimMs }),
    complete: (key, token, answer, ttlMs) =>
      call<null>(`key:${key}`, 'complete', { token, answer, ttlMs }).then(() => undefined),
    release: (key, token) => call<null>(`key:${key}`, 'release', { token }).then(() => undefined),
    renew: (key, token, claimMs) => call<boolean>(`key:${key}`, 'renew', { token, claimMs }),
    stored: (key) => call<StoredAnswer | null>(`key:${key}`, 'stored', {}).then((answer) => answer ?? undefined),
    hit: (client, limit, windowMs) => call<RateDecision>(`client:${client}`, 'hit', { limit, windowMs }),
    refund: (client, token) => call<null>(`client:${client}`, 'refund', { token }).then(() => undefined),
    close: async () => undefined,
  };
}

/** The one object that keeps the Worker's outbox (its alarm delivers it: runtimes/worker.ts). */
const OUTBOX_OBJECT = 'outbox';
const ENTRY = 'outbox:';

/** The outbox over the `LeadRelayStore` object named `outbox`: each operation one request, so one atomic step. */
export function durableObjectOutbox(namespace: DurableObjectNamespace): OutboxStore {
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const stub = namespace.get(namespace.idFromName(OUTBOX_OBJECT));
    const response = await stub.fetch(`https://lead-relay-store/outbox-${operation}`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    if (!response.ok) throw new Error(`LeadRelayStore outbox-${operation} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    add: (entry, maxEntries) => call('add', { entry, maxEntries }),
    take: (now, dueBy, leaseMs, max) =>
      call('take', { now, dueBy: Number.isFinite(dueBy) ? dueBy : null, leaseMs, max }),
    retry: (id, nextAt, attempts) => call<null>('retry', { id, nextAt, attempts }).then(() => undefined),
    remove: (id) => call<null>('remove', { id }).then(() => undefined),
    stats: () => call('stats', {}),
  };
}

/** The outbox on one object's own storage; its alarm is set to the earliest entry's time after every change. */
function storageOutbox(storage: DurableObjectStorage): OutboxStore & { nextAt(): Promise<number | undefined> } {
  const all = async () => [...(await storage.list<OutboxEntry>({ prefix: ENTRY })).values()];
  const nextAt = async () => {
    const times = (await all()).map((entry) => entry.nextAt);
    return times.length ? Math.min(...times) : undefined;
  };
  const schedule = async () => {
    const next = await nextAt();
    if (next !== undefined) await storage.setAlarm(next);
  };
  return {
    nextAt,
    async add(entry, maxEntries) {
      if ((await all()).length >= maxEntries) return 'full';
      await storage.put('kind', OUTBOX_OBJECT);
      await storage.put(ENTRY + entry.id, entry);
      await schedule();
      return 'added';
    },
    async take(now, dueBy, leaseMs, max) {
      const due = (await all())
        .filter((entry) => entry.nextAt <= dueBy)
        .sort((a, b) => a.nextAt - b.nextAt)
        .slice(0, max)
        .map((entry) => ({ ...entry, nextAt: now + leaseMs }));
      for (const entry of due) await storage.put(ENTRY + entry.id, entry);
      if (due.length) await schedule();
      return due;
    },
    async retry(id, next, attempts) {
      const entry = await storage.get<OutboxEntry>(ENTRY + id);
      if (!entry) return;
      await storage.put(ENTRY + id, { ...entry, nextAt: next, attempts });
      await schedule();
    },
    async remove(id) {
      await storage.delete(ENTRY + id);
    },
    async stats() {
      const entries = await all();
      return entries.length
        ? { depth: entries.length, oldestCreatedAt: Math.min(...entries.map((entry) => entry.createdAt)) }
        : { depth: 0 };
    },
  };
}

interface Expiring<T> {
  value: T;
  expires: number;
}

/**
 * One key's claim and answer, or one client's hits. A Durable Object runs one request at a time and
 * its storage calls do not let another in between, so each operation is atomic. An alarm deletes what
 * has expired.
 */
export class LeadRelayStore {
  /** The outbox on this object's storage (only the object named `outbox` keeps one). */
  protected readonly outbox: ReturnType<typeof storageOutbox>;

  constructor(protected readonly state: DurableObjectState) {
    this.outbox = storageOutbox(state.storage);
  }

  /** Delivers what is due in the outbox: the Worker's class (runtimes/worker.ts) knows how; this one only waits. */
  protected async deliverOutbox(): Promise<void> {}

  private async expireAt(time: number): Promise<void> {
    const alarm = await this.state.storage.getAlarm();
    if (alarm === null || alarm < time) await this.state.storage.setAlarm(time);
  }

  private async live<T>(name: string, now: number): Promise<T | undefined> {
    const entry = await this.state.storage.get<Expiring<T>>(name);
    return entry && entry.expires > now ? entry.value : undefined;
  }

  async fetch(request: Request): Promise<Response> {
    const operation = new URL(request.url).pathname.slice(1);
    const input = (await request.json()) as Record<string, unknown>;
    const storage = this.state.storage;
    const now = Date.now();
    const json = (value: unknown) => Response.json(value);
    switch (operation) {
      case 'outbox-add':
        return json(await this.outbox.add(input.entry as OutboxEntry, Number(input.maxEntries)));
      case 'outbox-take': {
        const dueBy = input.dueBy === null ? Infinity : Number(input.dueBy);
        return json(await this.outbox.take(Number(input.now), dueBy, Number(input.leaseMs), Number(input.max)));
      }
      case 'outbox-retry':
        await this.outbox.retry(String(input.id), Number(input.nextAt), Number(input.attempts));
        return json(null);
      case 'outbox-remove':
        await this.outbox.remove(String(input.id));
        return json(null);
      case 'outbox-stats':
        return json(await this.outbox.stats());
      case 'claim': {
        const answer = await this.live<StoredAnswer>('answer', now);
        if (answer) return json({ kind: 'stored', answer } satisfies Claim);
        const claim = await this.live<{ token: string; fingerprint: string }>('claim', now);
        if (claim) return json({ kind: 'pending', fingerprint: claim.fingerprint } satisfies Claim);
        const token = crypto.randomUUID();
        const expires = now + Number(input.claimMs);
        await storage.put('claim', { value: { token, fingerprint: String(input.fingerprint) }, expires });
        await this.expireAt(expires);
        return json({ kind: 'claimed', token } satisfies Claim);
      }
      case 'complete': {
        const claim = await this.live<{ token: string }>('claim', now);
        if (claim && claim.token !== input.token) return json(null);
        const expires = now + Number(input.ttlMs);
        await storage.put('answer', { value: input.answer, expires });
        await storage.delete('claim');
        await this.expireAt(expires);
        return json(null);
      }
      case 'release': {
        const claim = await this.live<{ token: string }>('claim', now);
        if (claim?.token === input.token) await storage.delete('claim');
        return json(null);
      }
      case 'stored':
        return json((await this.live<StoredAnswer>('answer', now)) ?? null);
      case 'renew': {
        const claim = await storage.get<Expiring<{ token: string; fingerprint: string }>>('claim');
        if (!claim || claim.expires <= now || claim.value.token !== input.token) return json(false);
        const expires = now + Number(input.claimMs);
        await storage.put('claim', { ...claim, expires });
        await this.expireAt(expires);
        return json(true);
      }
      case 'hit': {
        const windowMs = Number(input.windowMs);
        const hits = ((await this.live<{ at: number; token: string }[]>('hits', now)) ?? []).filter(
          (hit) => hit.at > now - windowMs,
        );
        if (hits.length >= Number(input.limit)) {
          return json({
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil((hits[0]!.at + windowMs - now) / 1000)),
          } satisfies RateDecision);
        }
        const token = crypto.randomUUID();
        hits.push({ at: now, token });
        await storage.put('hits', { value: hits, expires: now + windowMs });
        await this.expireAt(now + windowMs);
        return json({ allowed: true, retryAfterSeconds: 0, token } satisfies RateDecision);
      }
      case 'refund': {
        const entry = await storage.get<Expiring<{ at: number; token: string }[]>>('hits');
        if (entry)
          await storage.put('hits', { ...entry, value: entry.value.filter((hit) => hit.token !== input.token) });
        return json(null);
      }
      default:
        return new Response('Not found', { status: 404 });
    }
  }

  /** Deletes what has expired, the object itself once nothing is left; the outbox's object delivers instead. */
  async alarm(): Promise<void> {
    if ((await this.state.storage.get('kind')) === OUTBOX_OBJECT) {
      try {
        await this.deliverOutbox();
      } finally {
        // Delivery moved each entry's time on (a retry, or its lease): wake again for the earliest.
        const next = await this.outbox.nextAt();
        if (next !== undefined) await this.state.storage.setAlarm(Math.max(next, Date.now() + 1_000));
      }
      return;
    }
    const now = Date.now();
    let next = Infinity;
    for (const name of ['claim', 'answer', 'hits']) {
      const entry = await this.state.storage.get<Expiring<unknown>>(name);
      if (!entry) continue;
      if (entry.expires <= now) await this.state.storage.delete(name);
      else next = Math.min(next, entry.expires);
    }
    if (next === Infinity) await this.state.storage.deleteAll();
    else await this.state.storage.setAlarm(next);
  }
}
