/**
 * The stores' contract in Redis, for a fleet of Node relays (`REDIS_URL`). Every operation is one
 * atomic script, so two instances never both claim a key or both take a client's last lead; time is
 * Redis's own (`TIME`), so the instances' clocks do not matter. Keys are namespaced and hashed.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Claim, RateDecision, SharedStore, StoredAnswer } from './contract.js';
import type { OutboxEntry, OutboxStore } from './outbox-contract.js';

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

/** KEYS: due (zset id→nextAt), created (zset id→createdAt), entries (hash). ARGV: id, entry, nextAt, createdAt, max. */
const OUTBOX_ADD = `
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[5]) then return 0 end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 1`;

/** KEYS: due, entries. ARGV: due by, lease until, max. The entries due, each leased by moving its time on. */
const OUTBOX_TAKE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  local entry = redis.call('HGET', KEYS[2], id)
  if entry then table.insert(out, entry) else redis.call('ZREM', KEYS[1], id) end
end
return out`;

/** KEYS: due, entries. ARGV: id, nextAt, attempts. Only an entry still kept. */
const OUTBOX_RETRY = `
local entry = redis.call('HGET', KEYS[2], ARGV[1])
if not entry then return 0 end
local decoded = cjson.decode(entry)
decoded.attempts = tonumber(ARGV[3])
decoded.nextAt = tonumber(ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(decoded))
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[1])
return 1`;

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
export function createRedisStore(
  options: RedisStoreOptions,
): SharedStore & { ready: Promise<void>; outbox: OutboxStore } {
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

  const outboxKeys = {
    due: `${PREFIX}outbox:due`,
    created: `${PREFIX}outbox:created`,
    entries: `${PREFIX}outbox:entries`,
  };
  /** The outbox of a fleet: one sorted set of due times, one of queue times, one hash of sealed entries. */
  const outbox: OutboxStore = {
    async add(entry, maxEntries) {
      const added = await run(
        OUTBOX_ADD,
        [outboxKeys.due, outboxKeys.created, outboxKeys.entries],
        [entry.id, JSON.stringify(entry), String(entry.nextAt), String(entry.createdAt), String(maxEntries)],
      );
      return added === 1 ? 'added' : 'full';
    },
    async take(now, dueBy, leaseMs, max) {
      const entries = (await run(
        OUTBOX_TAKE,
        [outboxKeys.due, outboxKeys.entries],
        [Number.isFinite(dueBy) ? String(dueBy) : '+inf', String(now + leaseMs), String(max)],
      )) as string[];
      return entries.map((text) => ({ ...(JSON.parse(text) as OutboxEntry), nextAt: now + leaseMs }));
    },
    async retry(id, nextAt, attempts) {
      await run(OUTBOX_RETRY, [outboxKeys.due, outboxKeys.entries], [id, String(nextAt), String(attempts)]);
    },
    async remove(id) {
      await client.multi().zRem(outboxKeys.due, id).zRem(outboxKeys.created, id).hDel(outboxKeys.entries, id).exec();
    },
    async stats() {
      const [depth, oldest] = await Promise.all([
        client.zCard(outboxKeys.due),
        client.zRangeWithScores(outboxKeys.created, 0, 0),
      ]);
      return oldest[0] ? { depth, oldestCreatedAt: oldest[0].score } : { depth };
    },
  };

  return {
    /** Settles when the first connection is ready (never, while Redis cannot be reached). */
    ready,
    outbox,
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
    // The client arrives keyed (rate-limit.ts: an HMAC under the relay secret), so it is used as it is.
    async hit(clientKey, limit, windowMs): Promise<RateDecision> {
      const member = randomUUID();
      const [allowed, waitMs] = (await run(
        HIT,
        [`${PREFIX}rate:${clientKey}`],
        [String(windowMs), String(limit), member],
      )) as [number, number];
      return allowed
        ? { allowed: true, retryAfterSeconds: 0, token: member }
        : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async refund(clientKey, token) {
      if (token) await client.zRem(`${PREFIX}rate:${clientKey}`, token);
    },
    async close() {
      await client.close().catch(() => client.destroy());
    },
  };
}
