// The store contract, kept alike by the in-memory store, Redis (a real redis-server per suite) and the Durable
// Object store on the real workerd runtime (through miniflare).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import ts from 'typescript';
import type { IdempotencyStore, RateLimiter, SharedStore } from '../../src/server/stores/contract.ts';
import { MemoryIdempotencyStore, MemoryRateLimiter } from '../../src/server/stores/memory.ts';
import { createRedisStore } from '../../src/server/stores/redis.ts';
import { type RedisServer, startRedis } from '../support/redis-server.ts';

const answer = { status: 200, body: 'sealed', fingerprint: 'f1' };

function contract(name: string, make: () => { store: IdempotencyStore & RateLimiter; done?: () => Promise<void> }) {
  describe(`the ${name} store`, () => {
    let store: IdempotencyStore & RateLimiter;
    let done: (() => Promise<void>) | undefined;
    let n = 0;
    const key = () => `k${++n}-${Math.random()}`;
    before(() => ({ store, done } = make()));
    after(() => done?.());

    it('should give a key to its first claimer only, and tell the others its fingerprint', async () => {
      const k = key();
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim(k, 'f1', 10_000)));
      assert.equal(claims.filter((c) => c.kind === 'claimed').length, 1);
      for (const c of claims.filter((c) => c.kind !== 'claimed'))
        assert.deepEqual(c, { kind: 'pending', fingerprint: 'f1' });
    });

    it('should hand out the stored answer once the claim is completed', async () => {
      const k = key();
      const claim = await store.claim(k, 'f1', 10_000);
      assert.equal(claim.kind, 'claimed');
      assert.equal(await store.stored(k), undefined, 'no answer while the claim is held');
      await store.complete(k, claim.kind === 'claimed' ? claim.token : '', answer, 60_000);
      assert.deepEqual(await store.stored(k), answer);
      assert.deepEqual(await store.claim(k, 'f2', 10_000), { kind: 'stored', answer });
      assert.equal(await store.stored(key()), undefined);
    });

    it('should let the key be claimed again after a release, and only by its holder', async () => {
      const k = key();
      const claim = await store.claim(k, 'f1', 10_000);
      await store.release(k, 'not-the-token');
      assert.equal((await store.claim(k, 'f1', 10_000)).kind, 'pending');
      await store.release(k, claim.kind === 'claimed' ? claim.token : '');
      assert.equal((await store.claim(k, 'f1', 10_000)).kind, 'claimed');
    });

    it('should end a claim after its time, so that a crashed holder does not block the key', async () => {
      const k = key();
      await store.claim(k, 'f1', 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      assert.equal((await store.claim(k, 'f1', 50)).kind, 'claimed');
    });

    it('should keep a renewed claim past its first time, for its holder only', async () => {
      const k = key();
      const claim = await store.claim(k, 'f1', 300);
      assert.equal(claim.kind, 'claimed');
      const token = claim.kind === 'claimed' ? claim.token : '';
      assert.equal(await store.renew(k, 'not-the-holder', 10_000), false);
      assert.equal(await store.renew(k, token, 10_000), true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(await store.claim(k, 'f2', 300), { kind: 'pending', fingerprint: 'f1' });
      // Once it has ended (here by a release), the holder is told: the key may have been taken over.
      await store.release(k, token);
      assert.equal(await store.renew(k, token, 10_000), false);
      assert.equal((await store.claim(k, 'f2', 300)).kind, 'claimed');
    });

    it("should count a client's leads in a window, atomically, and take back a refund", async () => {
      const client = `10.0.0.${n++}`;
      const decisions = await Promise.all(Array.from({ length: 5 }, () => store.hit(client, 3, 60_000)));
      assert.equal(decisions.filter((d) => d.allowed).length, 3);
      const refused = decisions.find((d) => !d.allowed)!;
      assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 60);
      await store.refund(client, decisions.find((d) => d.allowed)!.token);
      assert.equal((await store.hit(client, 3, 60_000)).allowed, true);
      assert.equal((await store.hit(client, 3, 60_000)).allowed, false);
    });
  });
}

contract('memory', () => {
  const idempotency = new MemoryIdempotencyStore();
  const limiter = new MemoryRateLimiter();
  return {
    store: {
      claim: idempotency.claim.bind(idempotency),
      complete: idempotency.complete.bind(idempotency),
      release: idempotency.release.bind(idempotency),
      renew: idempotency.renew.bind(idempotency),
      stored: idempotency.stored.bind(idempotency),
      hit: limiter.hit.bind(limiter),
      refund: limiter.refund.bind(limiter),
    },
  };
});

describe('Redis', () => {
  let redis: RedisServer;
  let store: SharedStore;
  before(async () => {
    redis = await startRedis();
    const created = createRedisStore({ url: redis.url });
    await created.ready;
    store = created;
  });
  after(async () => {
    await store.close();
    await redis.stop();
  });
  contract('Redis', () => ({ store }));

  it('should fail at once while Redis is down, and work again once it is back', async () => {
    await redis.kill();
    const failed = Date.now();
    await assert.rejects(store.claim('down', 'f', 1000));
    assert.ok(Date.now() - failed < 1000, 'no waiting in a queue');
    await redis.start();
    for (let i = 0; ; i++) {
      try {
        assert.equal((await store.claim('back', 'f', 1000)).kind, 'claimed');
        break;
      } catch (error) {
        if (i > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
});

describe('Durable Objects (workerd)', () => {
  let mf: Miniflare;
  before(async () => {
    // The store module as it is, transpiled alone (it imports only types), beside a Worker that calls it.
    const source = readFileSync(new URL('../../src/server/stores/durable-object.ts', import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    mf = new Miniflare({
      modulesRoot: '/store',
      modules: [
        {
          type: 'ESModule',
          path: '/store/store-worker.js',
          contents: readFileSync(new URL('../support/store-worker.js', import.meta.url), 'utf8'),
        },
        { type: 'ESModule', path: '/store/durable-object.js', contents: outputText },
      ],
      compatibilityDate: '2026-04-01',
      durableObjects: { RELAY_STORE: 'LeadRelayStore' },
    });
    await mf.ready;
  });
  after(() => mf?.dispose());

  const call =
    (operation: string) =>
    async (...args: unknown[]) => {
      const response = await mf.dispatchFetch(`http://store.test/${operation}`, {
        method: 'POST',
        body: JSON.stringify(args),
      });
      assert.equal(response.status, 200, `${operation} answered ${response.status}`);
      return ((await response.json()) as unknown) ?? undefined;
    };
  const store = {
    claim: call('claim'),
    complete: call('complete'),
    release: call('release'),
    renew: call('renew'),
    stored: call('stored'),
    hit: call('hit'),
    refund: call('refund'),
  } as unknown as IdempotencyStore & RateLimiter;
  contract('Durable Object', () => ({ store }));
});
