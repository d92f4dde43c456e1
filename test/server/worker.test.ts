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

describe('the relay as a Cloudflare Worker (workerd)', () => {
  let mock: MockVitec;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let mf: Miniflare;

  before(async () => {
    mock = createMockVitec({ credentials: { username: 'worker', password: 'worker-secret' }, customerIds: ['C1'] });
    vitec = await serveHandler(mock);
    mf = new Miniflare({
      modules: true,
      scriptPath: fileURLToPath(new URL('../../dist/server/worker.js', import.meta.url)),
      compatibilityDate: '2026-04-01',
      durableObjects: { RELAY_STORE: 'LeadRelayStore' },
      bindings: {
        VITEC_BASE_URL: vitec.url,
        VITEC_USERNAME: 'worker',
        VITEC_PASSWORD: 'worker-secret',
        RELAY_SECRET: STACK_SECRET,
        VITEC_CUSTOMER_IDS: 'C1',
        ALLOWED_ORIGINS: ORIGIN,
        RATE_LIMIT_PER_MINUTE: '20',
      },
    });
    await mf.ready;
  });
  after(async () => {
    await mf?.dispose();
    await vitec?.close();
  });

  const send = (headers: Record<string, string> = {}, lead: unknown = VALID_LEAD) =>
    mf.dispatchFetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': '203.0.113.7', ...headers },
      body: JSON.stringify(lead),
    });

  it('should send a lead to Vitec and return its id, with CORS', async () => {
    const response = await send();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(await response.json(), mock.leads.at(-1)!.id);
  });

  it('should make one lead of 10 concurrent requests with one key', async () => {
    const before = mock.leads.length;
    mock.mode = { delayMs: 300, times: 1 };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send({ 'idempotency-key': 'worker-key', 'cf-connecting-ip': '203.0.113.8' })),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(200),
    );
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()) as string)));
    assert.equal(mock.leads.length, before + 1);
    assert.deepEqual([...ids], [mock.leads.at(-1)!.id]);
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
});

describe('a Worker without its secrets', () => {
  it('should answer relay-misconfigured, naming no value', async () => {
    const mf = new Miniflare({
      modules: true,
      scriptPath: fileURLToPath(new URL('../../dist/server/worker.js', import.meta.url)),
      compatibilityDate: '2026-04-01',
      durableObjects: { RELAY_STORE: 'LeadRelayStore' },
      bindings: { VITEC_USERNAME: 'worker', VITEC_CUSTOMER_IDS: 'C1', ALLOWED_ORIGINS: ORIGIN },
    });
    try {
      const response = await mf.dispatchFetch(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(VALID_LEAD),
      });
      assert.equal(response.status, 500);
      assert.equal(((await response.json()) as { Code: string }).Code, 'relay-misconfigured');
    } finally {
      await mf.dispose();
    }
  });
});

describe('the Worker with a configuration Node would refuse (workerd)', () => {
  for (const [what, bindings] of [
    ['an origin of null', { ALLOWED_ORIGINS: 'null', RATE_LIMIT_PER_MINUTE: '20' }],
    ['a negative rate limit', { ALLOWED_ORIGINS: ORIGIN, RATE_LIMIT_PER_MINUTE: '-1' }],
    ['no relay secret for its Durable Objects', { ALLOWED_ORIGINS: ORIGIN, RELAY_SECRET: '' }],
  ] as const) {
    it(`should refuse to relay with ${what}, as Node refuses to start`, async () => {
      const mf = new Miniflare({
        modules: true,
        scriptPath: fileURLToPath(new URL('../../dist/server/worker.js', import.meta.url)),
        compatibilityDate: '2026-04-01',
        durableObjects: { RELAY_STORE: 'LeadRelayStore' },
        bindings: {
          VITEC_USERNAME: 'w',
          VITEC_PASSWORD: 'w',
          VITEC_CUSTOMER_IDS: 'C1',
          RELAY_SECRET: STACK_SECRET,
          ...bindings,
        },
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
  let mock: MockVitec;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let mf: Miniflare;

  before(async () => {
    mock = createMockVitec({ credentials: { username: 'worker', password: 'worker-secret' }, customerIds: ['C1'] });
    vitec = await serveHandler(mock);
    mf = new Miniflare({
      modules: true,
      scriptPath: fileURLToPath(new URL('../../dist/server/worker.js', import.meta.url)),
      compatibilityDate: '2026-04-01',
      durableObjects: { RELAY_STORE: 'LeadRelayStore' },
      bindings: {
        VITEC_BASE_URL: vitec.url,
        VITEC_USERNAME: 'worker',
        VITEC_PASSWORD: 'worker-secret',
        RELAY_SECRET: STACK_SECRET,
        VITEC_CUSTOMER_IDS: 'C1',
        ALLOWED_ORIGINS: ORIGIN,
        OUTBOX_RETRY_MIN_MS: '500',
      },
    });
    await mf.ready;
  });
  after(async () => {
    await mf?.dispose();
    await vitec?.close();
  });

  const send = () =>
    mf.dispatchFetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'idempotency-key': 'kept-in-a-durable-object' },
      body: JSON.stringify(VALID_LEAD),
    });

  it('should keep a lead on a 503 in its Durable Object, and deliver it from the alarm once Vitec is back', async () => {
    mock.mode = { status: 503 };
    const queued = await send();
    assert.equal(queued.status, 202);
    const { Code, Receipt } = (await queued.json()) as { Code: string; Receipt: string };
    assert.equal(Code, 'queued');
    const health = (await (await mf.dispatchFetch('http://relay.test/healthz')).json()) as {
      outbox: { depth: number };
    };
    assert.equal(health.outbox.depth, 1);
    mock.mode = {};
    for (let i = 0; i < 100 && !mock.leads.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(mock.leads.length, 1, 'delivered by the alarm within 10 s');
    // Vitec's answer becomes the key's once the alarm has stored it, also for the isolate that answered 202.
    let replay = await send();
    for (let i = 0; i < 50 && replay.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      replay = await send();
    }
    assert.equal(replay.status, 200);
    assert.equal(await replay.json(), mock.leads[0]!.id);
    assert.equal(mock.leads.length, 1);
    assert.match(Receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});
