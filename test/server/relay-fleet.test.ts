// Two relay processes sharing one real redis-server, in front of one mock of Vitec: one truth for
// idempotency and the rate limit, and delivery first when Redis is down. Where two relays run, one is
// `src/server/runtimes/node/cli.ts` as `npm run relay` runs it and the other the built `dist/server/node.js` (the
// `vitec-lead-relay` command, from `npm run build`), so both share one format in Redis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RelayCommand, sendLead as send, startRelayCommand, useFleet } from '../support/relay-fleet.ts';
import { VALID_LEAD } from '../support/relay-stack.ts';

describe('relays sharing Redis', () => {
  const fleet = useFleet();

  it('should make one lead of 20 concurrent requests with one key, split across both, while Vitec takes 800 ms', async () => {
    fleet.mock.mode = { delayMs: 800, times: 1 };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(fleet.relays[i % 2]!, 'fleet-key-1')));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    const ids = new Set(await Promise.all(answers.map((a) => a.json())));
    assert.equal(fleet.mock.leads.length, 1);
    assert.deepEqual([...ids], [fleet.mock.leads[0]!.id]);
  });

  it('should still replay the key after both relays are restarted', async () => {
    await Promise.all(fleet.relays.map((relay) => relay.process.stop()));
    fleet.relays = await Promise.all([startRelayCommand(fleet.env), startRelayCommand(fleet.env, true)]);
    for (const relay of fleet.relays) {
      const response = await send(relay, 'fleet-key-1');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('idempotent-replayed'), 'true');
      assert.equal(await response.json(), fleet.mock.leads[0]!.id);
    }
    assert.equal(fleet.mock.leads.length, 1);
  });

  it('should refuse a key reused for another lead on the other relay with 422', async () => {
    const response = await send(fleet.relays[1]!, 'fleet-key-1', { ...VALID_LEAD, message: 'Något annat' });
    assert.equal(response.status, 422);
  });

  it('should keep nothing personal in Redis', async () => {
    const { createClient } = await import('@redis/client');
    const client = createClient({ url: fleet.redis.url });
    await client.connect();
    try {
      const keys = await client.keys('*');
      assert.ok(keys.length > 0);
      let everything = keys.join('\n');
      for (const key of keys) {
        const type = await client.type(key);
        everything += type === 'string' ? await client.get(key) : (await client.zRange(key, 0, -1)).join(',');
      }
      for (const key of keys) assert.match(key, /^vitec-lead-relay:(claim|answer|rate):[0-9a-f]{64}$/);
      for (const personal of [
        'Anna',
        'Svensson',
        'anna@example.se',
        '127.0.0.1',
        'fleet-key-1',
        fleet.mock.leads[0]!.id,
      ]) {
        assert.ok(!everything.includes(personal), `${personal} is in Redis`);
      }
    } finally {
      await client.close();
    }
  });
});

describe('the rate limit across relays', () => {
  const fleet = useFleet({ env: { RATE_LIMIT_PER_MINUTE: '3' } });

  it("should count one client's leads across both: with 3 a minute, the fourth is 429", async () => {
    const statuses = [];
    for (const relay of [fleet.relays[0]!, fleet.relays[1]!, fleet.relays[0]!, fleet.relays[1]!])
      statuses.push((await send(relay)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});

describe('relays when Redis goes down and comes back', () => {
  const fleet = useFleet();

  it('should still create leads with Redis killed, and say store-unavailable once', async () => {
    await fleet.redis.kill();
    for (let i = 0; i < 4; i++) assert.equal((await send(fleet.relays[i % 2]!, `down-${i}`)).status, 200);
    assert.equal(fleet.mock.leads.length, 4);
    for (const relay of fleet.relays)
      assert.equal(relay.process.output().match(/"event":"store-unavailable"/g)?.length, 1);
  });

  it('should share again once Redis is back', async () => {
    await fleet.redis.start();
    // Each relay reconnects by itself (backoff up to 2 s); until both have, a key may not be shared.
    for (let attempt = 0; ; attempt++) {
      const key = `back-${attempt}`;
      const before = fleet.mock.leads.length;
      const first = await send(fleet.relays[0]!, key);
      const second = await send(fleet.relays[1]!, key);
      assert.equal(first.status, 200);
      if (second.headers.get('idempotent-replayed') === 'true' && fleet.mock.leads.length === before + 1) {
        assert.equal(await second.json(), await first.json());
        break;
      }
      assert.ok(attempt < 40, 'sharing resumed within 8 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});

describe('a relay that dies holding a key', () => {
  const fleet = useFleet({
    // The survivor's visitors wait 1 s, less than the lease: they meet the orphaned claim.
    env: { CLAIM_LEASE_MS: '3000', VITEC_TIMEOUT_MS: '1000' },
    relays: [{ VITEC_TIMEOUT_MS: '10000' }, {}],
  });

  it("should say the lead's fate is unknown (503 lead-pending), never a Vitec timeout, and take the key over after the lease", async () => {
    const { createClient } = await import('@redis/client');
    const [dying, survivor] = fleet.relays as [RelayCommand, RelayCommand];
    fleet.mock.mode = { delayMs: 6_000, times: 1 };
    const lost = send(dying, 'orphan').catch(() => undefined);
    const client = createClient({ url: fleet.redis.url });
    await client.connect();
    try {
      for (let i = 0; !(await client.keys('vitec-lead-relay:claim:*')).length; i++) {
        assert.ok(i < 100, 'the claim is in Redis within 5 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await client.close();
    }
    // And its lead at Vitec, held there: a claim is written before the lead is sent, and a kill between the two would
    // leave the slow answer for the survivor's try.
    for (let i = 0; fleet.mock.mode.delayMs; i++) {
      assert.ok(i < 100, 'the lead reached the mock within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    dying.process.child.kill('SIGKILL');
    await dying.process.exited;
    const killed = Date.now();
    await lost;

    const statuses: number[] = [];
    for (;;) {
      const response = await send(survivor, 'orphan');
      statuses.push(response.status);
      if (response.status === 200) {
        // Taken over: a lead of its own (the dead relay's fate is unknown, so this is not a replay).
        assert.equal(response.headers.get('idempotent-replayed'), null);
        assert.match(await response.json(), /.+/);
        break;
      }
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '1');
      const body = await response.json();
      assert.equal(body.Code, 'lead-pending');
      assert.match(body.Message, /not known yet/);
      assert.ok(Date.now() - killed < 3_000 + 2_000, `taken over within the lease and a retry: ${statuses}`);
    }
    assert.ok(statuses.length > 1, 'the first retry met the orphaned claim');
    assert.match(survivor.process.output(), /"event":"idempotent-pending"/);
  });
});
