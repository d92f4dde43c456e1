// The outbox's store contract, kept alike by memory, a folder of files and Redis (a real redis-server): bounded, a
// lease per entry that one deliverer holds at a time, retries and removal, and the depth and oldest entry.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OutboxEntry, OutboxStore } from '../../src/server/stores/outbox-contract.ts';
import { openFolderOutbox } from '../../src/server/stores/outbox-folder.ts';
import { MemoryOutboxStore } from '../../src/server/stores/outbox-memory.ts';
import { createRedisStore } from '../../src/server/stores/redis.ts';
import { type RedisServer, startRedis } from '../support/redis-server.ts';

let n = 0;
const entry = (nextAt: number, createdAt = nextAt): OutboxEntry => ({
  id: `E${++n}x${Math.random().toString(36).slice(2, 8)}`,
  sealed: 'c2VhbGVk',
  createdAt,
  attempts: 0,
  nextAt,
});

function contract(name: string, make: () => Promise<{ store: OutboxStore; done: () => Promise<void> }>) {
  describe(`the ${name} outbox`, () => {
    let store: OutboxStore;
    let done: () => Promise<void>;
    before(async () => ({ store, done } = await make()));
    after(() => done());

    it('should take what is due, oldest due first, and lease it so that nobody takes it again meanwhile', async () => {
      const t = 1_000_000;
      const [a, b, c] = [entry(t - 10), entry(t - 20), entry(t + 10)];
      for (const e of [a, b, c]) assert.equal(await store.add(e, 100), 'added');
      const taken = await store.take(t, t, 60_000, 10);
      assert.deepEqual(
        taken.map((e) => e.id),
        [b.id, a.id],
      );
      assert.deepEqual(await store.take(t, t, 60_000, 10), [], 'leased');
      const later = await store.take(t + 60_001, t + 60_001, 60_000, 10);
      assert.deepEqual(new Set(later.map((e) => e.id)), new Set([a.id, b.id, c.id]), 'back once the lease ran out');
      for (const e of [a, b, c]) await store.remove(e.id);
    });

    it('should give an entry to one of many deliverers taking at once', async () => {
      const t = 2_000_000;
      const entries = Array.from({ length: 30 }, (_, i) => entry(t - i));
      for (const e of entries) await store.add(e, 1000);
      const takes = await Promise.all(Array.from({ length: 6 }, () => store.take(t, t, 60_000, 10)));
      const ids = takes.flat().map((e) => e.id);
      assert.equal(ids.length, 30);
      assert.equal(new Set(ids).size, 30);
      for (const e of entries) await store.remove(e.id);
    });

    it('should take entries not yet due when asked to (after Vitec took one)', async () => {
      const e = entry(3_000_000 + 600_000);
      await store.add(e, 100);
      assert.deepEqual(await store.take(3_000_000, 3_000_000, 1_000, 10), []);
      assert.deepEqual(
        (await store.take(3_000_000, Infinity, 1_000, 10)).map((x) => x.id),
        [e.id],
      );
      await store.remove(e.id);
    });

    it('should keep a retry’s time and count, and forget a removed entry', async () => {
      const e = entry(4_000_000);
      await store.add(e, 100);
      await store.take(4_000_000, 4_000_000, 1_000, 1);
      await store.retry(e.id, 4_050_000, 3);
      assert.deepEqual(await store.take(4_049_999, 4_049_999, 1_000, 10), []);
      const [again] = await store.take(4_050_000, 4_050_000, 1_000, 10);
      assert.equal(again!.attempts, 3);
      await store.remove(e.id);
      assert.deepEqual(await store.take(9e12, Infinity, 1_000, 10), []);
    });

    it('should refuse past its bound, and tell its depth and oldest entry', async () => {
      assert.deepEqual(await store.stats(), { depth: 0 });
      const [old, young] = [entry(5_000_100, 5_000_000), entry(5_000_200, 5_000_500)];
      assert.equal(await store.add(old, 2), 'added');
      assert.equal(await store.add(young, 2), 'added');
      assert.equal(await store.add(entry(5_000_300), 2), 'full');
      assert.deepEqual(await store.stats(), { depth: 2, oldestCreatedAt: 5_000_000 });
      await store.remove(old.id);
      await store.remove(young.id);
    });
  });
}

contract('memory', async () => ({ store: new MemoryOutboxStore(), done: async () => undefined }));

let folder: string;
contract('folder', async () => {
  folder = await mkdtemp(join(tmpdir(), 'outbox-'));
  return { store: await openFolderOutbox(folder), done: () => rm(folder, { recursive: true, force: true }) };
});

describe('the folder outbox after a crash', () => {
  it('should read back what was written whole, and drop a temporary file a crash left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    try {
      const first = await openFolderOutbox(dir);
      const kept = entry(6_000_000);
      await first.add(kept, 10);
      await first.retry(kept.id, 6_100_000, 2);
      // What a crash between writing and renaming leaves, and a file the relay did not write.
      await writeFile(join(dir, `${kept.id}.0d1e.tmp`), '{"id":"half');
      await writeFile(join(dir, 'notes.lead'), 'not an entry');
      const reopened = await openFolderOutbox(dir);
      assert.deepEqual(await reopened.take(6_100_000, 6_100_000, 1, 10), [{ ...kept, attempts: 2, nextAt: 6_100_001 }]);
      assert.deepEqual((await readdir(dir)).sort(), [`${kept.id}.lead`, 'notes.lead']);
      await reopened.remove(kept.id);
      assert.deepEqual(await readdir(dir), ['notes.lead']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('with a real redis-server', () => {
  let redis: RedisServer;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.stop());
  contract('Redis', async () => {
    const store = createRedisStore({ url: redis.url });
    await store.ready;
    return { store: store.outbox, done: () => store.close() };
  });
});
