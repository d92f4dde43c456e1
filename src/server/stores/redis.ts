/**
 * The stores' contract in Redis, for a fleet of Node relays (`REDIS_URL`). Every operation is one
 * atomic script, so two instances never both claim a key or both take a client's last lead; time is
 * Redis's own (`TIME`), so the instances' clocks do not matter. Keys are namespaced and hashed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';

const PREFIX = 'vitec-lead-relay:';

/** KEYS: claim, answer. ARGV: holder (token:fingerprint), claim ms. The answer first, then the claim. */
const CLAIM = `
local answer = redis.call('GET', KEYS[2])
if answer then return {'stored', answer} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'claimed'} end
return {'pending', redis.call('GET', KEYS[1]) or ''}`;

/** KEYS: claim, answer. ARGV: holder, answer, ttl ms. Kept unless another request holds the claim. */
const COMPLETE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('DEL', KEYS[1])
return 1`;

/** KEYS: claim. ARGV: holder. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** KEYS: claim. ARGV: holder, claim ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** KEYS: the client's hits (a sorted set by time). ARGV: window ms, limit, member. A sliding window. */
const HIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0}`;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

export interface RedisStoreOptions {
  /** `redis://host:6379/0`, or `rediss://` for TLS. */
  url: string;
  /** Called on every connection error; the relay logs them at most once a minute. */
  onError?: (error: Error) => void;
}

/**
 * A store on Redis. It connects in the background and reconnects by itself; while it is not
 * connected every call fails at once (no queue), so that the relay can fall back without waiting.
 */
export function createRedisStore(options: RedisStoreOptions): SharedStore & { ready: Promise<void> } {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
  client.on('error', (error: Error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => client.once('ready', () => resolve()));
  client.connect().catch((error: Error) => options.onError?.(error));
  const idem = (key: string) => [`${PREFIX}claim:${key}`, `${PREFIX}answer:${key}`];
  /** Each script is sent once and then run by its hash (EVALSHA); again after Redis forgot it (a restart). */
  const shas = new Map<string, string>();
  const run = async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    let sha = shas.get(script);
    if (!sha) shas.set(script, (sha = await client.scriptLoad(script)));
    try {
      return await client.evalSha(sha, { keys, arguments: args });
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      shas.delete(script);
      return run(script, keys, args);
    }
  };

  return {
    /** Settles when the first connection is ready (never, while Redis cannot be reached). */
    ready,
    async claim(key, fingerprint, claimMs): Promise<Claim> {
      const holder = `${randomUUID()}:${fingerprint}`;
      const [kind, value] = (await run(CLAIM, idem(key), [holder, String(claimMs)])) as [string, string?];
      if (kind === 'claimed') return { kind, token: holder };
      if (kind === 'stored') return { kind, answer: JSON.parse(value!) as StoredAnswer };
      return { kind: 'pending', fingerprint: (value ?? '').slice((value ?? '').indexOf(':') + 1) };
    },
    async complete(key, token, answer, ttlMs) {
      await run(COMPLETE, idem(key), [token, JSON.stringify(answer), String(ttlMs)]);
    },
    async release(key, token) {
      await run(RELEASE, [idem(key)[0]!], [token]);
    },
    async renew(key, token, claimMs) {
      return (await run(RENEW, [idem(key)[0]!], [token, String(claimMs)])) === 1;
    },
    async stored(key) {
      const answer = await client.get(idem(key)[1]!);
      return answer ? (JSON.parse(answer) as StoredAnswer) : undefined;
    },
    async hit(clientAddress, limit, windowMs): Promise<RateDecision> {
      const member = randomUUID();
      const [allowed, waitMs] = (await run(
        HIT,
        [`${PREFIX}rate:${hash(clientAddress)}`],
        [String(windowMs), String(limit), member],
      )) as [number, number];
      return allowed
        ? { allowed: true, retryAfterSeconds: 0, token: member }
        : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async refund(clientAddress, token) {
      if (token) await client.zRem(`${PREFIX}rate:${hash(clientAddress)}`, token);
    },
    async close() {
      await client.close().catch(() => client.destroy());
    },
  };
}
