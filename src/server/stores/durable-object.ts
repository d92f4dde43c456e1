/**
 * The store contract kept by Cloudflare Durable Objects of the class `LeadRelayStore`: one object per hashed
 * key, one per hashed client address, each the single place its key's truth lives, so that every isolate of
 * the Worker shares it. The Worker (runtimes/worker.ts) exports the class; the contract's tests run it on
 * workerd through miniflare.
 */
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';

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
  setAlarm(time: number): Promise<void>;
  getAlarm(): Promise<number | null>;
}
export interface DurableObjectState {
  storage: DurableObjectStorage;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** The store contract over `LeadRelayStore` objects. Keys arrive hashed; client addresses are hashed here. */
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
    hit: async (client, limit, windowMs) =>
      call<RateDecision>(`client:${await sha256(client)}`, 'hit', { limit, windowMs }),
    refund: async (client, token) =>
      call<null>(`client:${await sha256(client)}`, 'refund', { token }).then(() => undefined),
    close: async () => undefined,
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
  constructor(private readonly state: DurableObjectState) {}

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

  /** Deletes what has expired; the object is gone once nothing is left. */
  async alarm(): Promise<void> {
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
