// One lead per Idempotency-Key through the faults of a shared store: a real redis-server killed, started again,
// hung (SIGSTOP) and woken (SIGCONT), in front of relays on real sockets that share it, and the mock of Vitec.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createRedisStore } from '../../src/server/stores/redis.ts';
import { withFallback } from '../../src/server/stores/fallback.ts';
import { type RedisServer, startRedis } from '../support/redis-server.ts';
import { createLeadRelay } from '../../src/server/relay.ts';
import { createNodeForwarder } from '../../src/server/runtimes/node/forwarder.ts';
import {
  LEAD_PATH,
  type RelayStack,
  serveHandler,
  STACK_CREDENTIALS,
  STACK_ORIGIN,
  STACK_SECRET,
  startRelayStack,
  VALID_LEAD,
} from '../support/relay-stack.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until `check` holds, or fails after `ms`. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('not within the time');
    await sleep(50);
  }
}

describe('one lead per key through the faults of Redis', () => {
  let redis: RedisServer;
  let stack: RelayStack;
  /** A second relay on the same Redis and the same mock: another instance of the fleet. */
  let other: Awaited<ReturnType<typeof serveHandler>>;
  const stores: ReturnType<typeof withFallback>[] = [];
  /** Until each relay's Redis client is connected: before that, every call is answered from memory. */
  const connected: Promise<void>[] = [];
  const logs: string[] = [];

  const sharedStore = () => {
    const redisStore = createRedisStore({ url: redis.url, onError: (error) => store.report(error) });
    connected.push(redisStore.ready);
    const store = withFallback(redisStore, {
      log: (line) => logs.push(line),
      name: 'redis',
      deadlineMs: 300,
      retryMs: 500,
    });
    stores.push(store);
    return store;
  };

  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.stop());

  beforeEach(async () => {
    const first = sharedStore();
    stack = await startRelayStack({
      relay: { idempotencyStore: first, rateLimiter: first, storeStatus: first.status, rateLimitPerMinute: 1000 },
    });
    const second = sharedStore();
    other = await serveHandler(
      createLeadRelay({
        vitecBaseUrl: stack.vitecUrl,
        ...STACK_CREDENTIALS,
        customerIds: ['C1'],
        allowedOrigins: [STACK_ORIGIN],
        fetch: createNodeForwarder(),
        log: () => undefined,
        idempotencyStore: second,
        rateLimiter: second,
        secret: STACK_SECRET,
        rateLimitPerMinute: 1000,
      }),
    );
    // Both share Redis from here on (a relay whose client is still connecting answers from its memory).
    await Promise.all(connected.splice(0));
    await eventually(() => stores.every((store) => store.status() === 'ok'));
    assert.equal((await send(stack.relayUrl)).status, 200);
  });
  afterEach(async () => {
    redis.resume();
    await other.close();
    await stack.close();
    await Promise.all(stores.splice(0).map((store) => store.close()));
    logs.length = 0;
    if (!(await redisAnswers())) await redis.start();
  });

  const redisAnswers = async () => {
    const probe = createRedisStore({ url: redis.url });
    const ok = await Promise.race([probe.ready.then(() => true), sleep(1000).then(() => false)]);
    await probe.close();
    return ok;
  };

  /** How many answers (or claims) Redis holds, read with a client of the test's own. */
  const answersInRedis = async (kind: 'answer' | 'claim' = 'answer') => {
    const client = createClient({ url: redis.url });
    try {
      await client.connect();
      return (await client.keys(`vitec-lead-relay:${kind}:*`)).length;
    } catch {
      return -1;
    } finally {
      await client.close().catch(() => client.destroy());
    }
  };

  const send = (base: string, key?: string) =>
    fetch(`${base}${LEAD_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: STACK_ORIGIN,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(VALID_LEAD),
    });

  it('should replay an answer kept in Redis from memory once Redis is down', async () => {
    const before = stack.mock.leads.length;
    const first = await send(stack.relayUrl, 'stored-then-down');
    assert.equal(first.status, 200);
    await redis.kill();
    const again = await send(stack.relayUrl, 'stored-then-down');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.json(), await first.json());
    assert.equal(stack.mock.leads.length, before + 1);
  });

  it('should keep an answer made while Redis was down, and write it to Redis once it is back', async () => {
    await redis.kill();
    const before = stack.mock.leads.length;
    const first = await send(stack.relayUrl, 'down-then-back');
    assert.equal(first.status, 200);
    const id = await first.json();
    await redis.start();
    // This relay asks its memory first: the answer, not a second lead.
    const again = await send(stack.relayUrl, 'down-then-back');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.json(), id);
    // Once written to Redis (it started empty), the other relay replays it too.
    await eventually(async () => (await answersInRedis()) === 1, 8_000);
    const elsewhere = await send(other.url, 'down-then-back');
    assert.equal(elsewhere.headers.get('idempotent-replayed'), 'true');
    assert.equal(await elsewhere.json(), id);
    assert.equal(stack.mock.leads.length, before + 1, 'one lead for the key');
  });

  it('should answer within the store deadline while Redis hangs, say degraded, and forward nothing later', async () => {
    redis.pause();
    const before = stack.mock.leads.length;
    const started = Date.now();
    const answers = await Promise.all(['hung-1', 'hung-2', 'hung-3'].map((key) => send(stack.relayUrl, key)));
    const waited = Date.now() - started;
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    // The store's deadline (300 ms) and Vitec's own time, not the client's timeout (10 s).
    assert.ok(waited < 3_000, `answered in ${waited} ms`);
    const health = await fetch(`${stack.relayUrl}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'degraded', store: 'unavailable' });
    assert.ok(logs.some((line) => JSON.parse(line).event === 'store-unavailable'));
    const answered = stack.mock.leads.length;
    assert.equal(answered, before + 3);
    redis.resume();
    await sleep(1_000);
    assert.equal(stack.mock.leads.length, answered, 'nothing forwarded when Redis wakes');
    const again = await send(stack.relayUrl, 'hung-1');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(stack.mock.leads.length, answered);
  });

  it('should write an answer again that Redis missed mid-lead, so that another relay replays it', async () => {
    const before = stack.mock.leads.length;
    stack.mock.mode = { delayMs: 1_500, times: 1 };
    const pending = send(stack.relayUrl, 'lost-mid-lead');
    // The claim is in Redis and the lead on its way to Vitec; Redis hangs before Vitec's answer comes back.
    // (Waiting for the claim itself, not for a time: on a slow machine 300 ms may not see it made.)
    await eventually(async () => (await answersInRedis('claim')) === 1, 1_200);
    redis.pause();
    const first = await pending;
    assert.equal(first.status, 200);
    redis.resume();
    let elsewhere: Response | undefined;
    await eventually(async () => {
      const answer = await send(other.url, 'lost-mid-lead');
      if (answer.status !== 200) return false;
      elsewhere = answer;
      return true;
    }, 8_000);
    assert.equal(elsewhere!.headers.get('idempotent-replayed'), 'true');
    assert.equal(await elsewhere!.json(), await first.json());
    assert.equal(stack.mock.leads.length, before + 1);
  });
});
