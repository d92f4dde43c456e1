// The built Worker (`dist/server/worker.js`, from `npm run build`) on the real workerd runtime through
// miniflare, with its Durable Objects, in front of the mock of Vitec on 127.0.0.1.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { serveHandler, STACK_SECRET, VALID_LEAD } from '../support/relay-stack.ts';

const ORIGIN = 'https://maklarhuset.se';
const URL_ = 'http://relay.test/PublicAdvertising/C1/Contact/Person/Lead';
/** The credentials the Worker holds and its mock of Vitec requires. */
const WORKER_ACCOUNT = { VITEC_USERNAME: 'worker', VITEC_PASSWORD: 'worker-secret' };

/** The built Worker on workerd with `bindings` (no defaults: each suite says what it configures). */
function worker(bindings: Record<string, string>): Miniflare {
  return new Miniflare({
    modules: true,
    scriptPath: fileURLToPath(new URL('../../dist/server/worker.js', import.meta.url)),
    compatibilityDate: '2026-04-01',
    durableObjects: { RELAY_STORE: 'LeadRelayStore' },
    bindings,
  });
}

/** The Worker in front of a mock of Vitec on a real socket, with the working bindings and `extra`. */
function useWorker(extra: Record<string, string>) {
  const parts = {} as { mock: MockVitec; vitec: Awaited<ReturnType<typeof serveHandler>>; mf: Miniflare };
  before(async () => {
    parts.mock = createMockVitec({
      credentials: { username: 'worker', password: 'worker-secret' },
      customerIds: ['C1'],
    });
    parts.vitec = await serveHandler(parts.mock);
    parts.mf = worker({
      VITEC_BASE_URL: parts.vitec.url,
      ...WORKER_ACCOUNT,
      RELAY_SECRET: STACK_SECRET,
      VITEC_CUSTOMER_IDS: 'C1',
      ALLOWED_ORIGINS: ORIGIN,
      ...extra,
    });
    await parts.mf.ready;
  });
  after(async () => {
    await parts.mf?.dispose();
    await parts.vitec?.close();
  });
  return parts;
}

describe('the relay as a Cloudflare Worker (workerd)', () => {
  const parts = useWorker({ RATE_LIMIT_PER_MINUTE: '20' });

  const send = (headers: Record<string, string> = {}, lead: unknown = VALID_LEAD) =>
    parts.mf.dispatchFetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': '203.0.113.7', ...headers },
      body: JSON.stringify(lead),
    });

  it('should send a lead to Vitec and return its id, with CORS', async () => {
    const response = await send();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(await response.json(), parts.mock.leads.at(-1)!.id);
  });

  it('should make one lead of 10 concurrent requests with one key', async () => {
    const before = parts.mock.leads.length;
    parts.mock.mode = { delayMs: 300, times: 1 };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send({ 'idempotency-key': 'worker-key', 'cf-connecting-ip': '203.0.113.8' })),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(200),
    );
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()) as string)));
    assert.equal(parts.mock.leads.length, before + 1);
    assert.deepEqual([...ids], [parts.mock.leads.at(-1)!.id]);
  });

  it('should answer 429 past the limit for one client, and not for another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await send({ 'cf-connecting-ip': '198.51.100.9' })).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
    assert.equal(statuses[20], 429);
    assert.equal((await send({ 'cf-connecting-ip': '198.51.100.10' })).status, 200);
  });

  it('should count the addresses of one IPv6 /64 as one client, whatever their spelling (CF-Connecting-IP)', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) statuses.push((await send({ 'cf-connecting-ip': `2001:db8:7:7::${i}` })).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
    assert.equal(statuses[20], 429, 'the 21st address of one /64 is the same client');
    assert.equal((await send({ 'cf-connecting-ip': '2001:0DB8:7:7:0:0:0:0001' })).status, 429);
    assert.equal((await send({ 'cf-connecting-ip': '2001:db8:7:8::1' })).status, 200, 'another /64');
  });

  it('should refuse an origin that is not allowed', async () => {
    assert.equal((await send({ origin: 'https://evil.example' })).status, 403);
  });

  it('should replay a stored answer from its Durable Object once the first request is done', async () => {
    const first = await send({ 'idempotency-key': 'stored-key', 'cf-connecting-ip': '203.0.113.20' });
    const again = await send({ 'idempotency-key': 'stored-key', 'cf-connecting-ip': '203.0.113.20' });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.json(), await first.json());
  });

  it("should serve the website family too: an estate's bookable slots, and a booking to one of them, once per key", async () => {
    const at = (path: string) => new URL(path, URL_).href;
    const headers = { origin: ORIGIN, 'cf-connecting-ip': '203.0.113.30' };
    const estate = await parts.mf.dispatchFetch(at('/v2/Advertising/Form/C1/Estate/DEMO-VILLA'), { headers });
    assert.equal(estate.status, 200);
    const { slots } = (await estate.json()) as { slots: { id: string }[] };
    assert.ok(slots.length >= 3, 'the seeded upcoming slots');
    const book = () =>
      parts.mf.dispatchFetch(at('/v2/Advertising/Form/C1/Estate/DEMO-VILLA/Viewing/Attend'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'booking-key' },
        body: JSON.stringify({
          firstName: 'Anna',
          lastName: 'Svensson',
          email: 'anna@example.se',
          timeSlotId: slots[0]!.id,
        }),
      });
    const booked = await book();
    assert.equal(booked.status, 200);
    const again = await book();
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await booked.json());
    assert.equal(parts.mock.leads.filter((lead) => lead.kind === 'viewing').length, 1);
  });
});

describe('the Worker with a configuration Node would refuse (workerd)', () => {
  for (const [what, bindings] of [
    ['no Vitec password (a secret not put)', { ALLOWED_ORIGINS: ORIGIN, VITEC_PASSWORD: '' }],
    ['an origin of null', { ALLOWED_ORIGINS: 'null', RATE_LIMIT_PER_MINUTE: '20' }],
    ['a negative rate limit', { ALLOWED_ORIGINS: ORIGIN, RATE_LIMIT_PER_MINUTE: '-1' }],
    ['no relay secret for its Durable Objects', { ALLOWED_ORIGINS: ORIGIN, RELAY_SECRET: '' }],
  ] as [string, Record<string, string>][]) {
    it(`should refuse to relay with ${what}, as Node refuses to start, naming no value`, async () => {
      const mf = worker({
        VITEC_USERNAME: 'w',
        VITEC_PASSWORD: 'w',
        VITEC_CUSTOMER_IDS: 'C1',
        RELAY_SECRET: STACK_SECRET,
        ...bindings,
      });
      try {
        const response = await mf.dispatchFetch(URL_, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'null' },
          body: JSON.stringify(VALID_LEAD),
        });
        assert.equal(response.status, 500);
        assert.equal(((await response.json()) as { Code: string }).Code, 'relay-misconfigured');
        assert.equal(response.headers.get('cache-control'), 'no-store');
      } finally {
        await mf.dispose();
      }
    });
  }
});

describe('the Worker when Vitec is down (workerd)', () => {
  const parts = useWorker({ OUTBOX_RETRY_MIN_MS: '500' });

  const send = () =>
    parts.mf.dispatchFetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'idempotency-key': 'kept-in-a-durable-object' },
      body: JSON.stringify(VALID_LEAD),
    });

  it('should keep a lead on a 503 in its Durable Object, and deliver it from the alarm once Vitec is back', async () => {
    parts.mock.mode = { status: 503 };
    const queued = await send();
    assert.equal(queued.status, 202);
    const { Code, Receipt } = (await queued.json()) as { Code: string; Receipt: string };
    assert.equal(Code, 'queued');
    const health = (await (await parts.mf.dispatchFetch('http://relay.test/healthz')).json()) as {
      outbox: { depth: number };
    };
    assert.equal(health.outbox.depth, 1);
    parts.mock.mode = {};
    for (let i = 0; i < 100 && !parts.mock.leads.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(parts.mock.leads.length, 1, 'delivered by the alarm within 10 s');
    // Vitec's answer becomes the key's once the alarm has stored it, also for the isolate that answered 202.
    let replay = await send();
    for (let i = 0; i < 50 && replay.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      replay = await send();
    }
    assert.equal(replay.status, 200);
    assert.equal(await replay.json(), parts.mock.leads[0]!.id);
    assert.equal(parts.mock.leads.length, 1);
    assert.match(Receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});
