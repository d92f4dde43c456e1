// The outbox in the relay, in process: a lead Vitec cannot take now is kept sealed, answered 202 with a receipt,
// replayed as such, delivered once Vitec takes it, and then replayed with Vitec's answer; what Vitec refuses and
// what waited too long are dropped and logged; nothing personal in the log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { createLeadRelay, MemoryOutboxStore, type RelayConfig } from '../../src/server/relay.ts';
import { inProcessFetch } from '../support/relay-in-process.ts';
import { VALID_LEAD } from '../support/relay-stack.ts';

const ORIGIN = 'https://maklarhuset.se';
const PATH = '/PublicAdvertising/C1/Contact/Person/Lead';
const PERSONAL = [VALID_LEAD.person.firstName, VALID_LEAD.person.lastName, 'example'];

function harness(overrides: Partial<RelayConfig> = {}, mock: MockVitec = createMockVitec({ customerIds: ['C1'] })) {
  const logs: string[] = [];
  const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
  const store = new MemoryOutboxStore();
  const relay = createLeadRelay({
    vitecBaseUrl: 'https://vitec.test',
    username: 'demo',
    password: 'demo',
    customerIds: ['C1'],
    allowedOrigins: [ORIGIN],
    now: () => clock.now,
    log: (line) => logs.push(line),
    fetch: inProcessFetch(mock),
    outbox: { store, random: () => 0.5 },
    ...overrides,
  });
  const send = (key?: string, lead: unknown = VALID_LEAD) =>
    relay(
      new Request(`https://relay.test${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify(lead),
      }),
    );
  const events = (name: string) => logs.map((line) => JSON.parse(line)).filter((line) => line.event === name);
  return { relay, mock, logs, clock, store, send, events };
}

describe('the outbox', () => {
  for (const [what, mode] of [
    ['is down (503)', { status: 503 }],
    ['refuses too many (429)', { status: 429 }],
    ["refuses the relay's credentials (401)", { status: 401 }],
    ['drops the connection', { drop: true }],
  ] as const) {
    it(`should keep a lead while Vitec ${what}, answer 202 with a receipt, and deliver it once Vitec takes it`, async () => {
      const h = harness();
      h.mock.mode = { ...mode };
      const queued = await h.send('lead-1');
      assert.equal(queued.status, 202);
      const body = await queued.json();
      assert.equal(body.Code, 'queued');
      assert.match(body.Receipt, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      assert.deepEqual(await (await h.send('lead-1')).json(), body, 'the same key while queued: the same 202');
      assert.equal((await h.store.stats()).depth, 1);

      h.mock.mode = {};
      assert.equal(await h.relay.outbox!.deliverDue(), 0, 'not due before its time');
      h.clock.now += 15_000;
      assert.equal(await h.relay.outbox!.deliverDue(), 1);
      assert.equal(h.mock.leads.length, 1);
      assert.equal((await h.store.stats()).depth, 0);
      const replay = await h.send('lead-1');
      assert.equal(replay.status, 200);
      assert.equal(await replay.json(), h.mock.leads[0]!.id, "once delivered, the key answers with Vitec's id");
      const [delivered] = h.events('outbox-delivered');
      assert.deepEqual(
        { receipt: delivered.receipt, leadId: delivered.leadId, waitedSeconds: delivered.waitedSeconds },
        { receipt: body.Receipt, leadId: h.mock.leads[0]!.id, waitedSeconds: 15 },
      );
      for (const line of h.logs) for (const text of PERSONAL) assert.ok(!line.includes(text), line);
    });
  }

  it('should never queue a lead Vitec refuses (400): the visitor can correct it', async () => {
    const h = harness();
    h.mock.mode = { status: 400, body: { Message: 'The request is invalid.', ModelState: { 'lead.Person': ['x'] } } };
    assert.equal((await h.send('k')).status, 400);
    assert.equal((await h.store.stats()).depth, 0);
  });

  it('should queue a lead Vitec has not answered by shortly before the visitor’s deadline, and settle it with the late answer', async () => {
    const h = harness({ timeoutMs: 400, now: Date.now });
    h.mock.mode = { delayMs: 700, times: 1 };
    const queued = await h.send('slow');
    assert.equal(queued.status, 202);
    assert.equal((await h.store.stats()).depth, 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(h.mock.leads.length, 1, 'the forward in flight went on');
    assert.equal((await h.store.stats()).depth, 0, 'and its answer settled the entry');
    const replay = await h.send('slow');
    assert.equal(replay.status, 200);
    assert.equal(await replay.json(), h.mock.leads[0]!.id);
  });

  it('should back off from 10 s, doubling up to 10 minutes, and deliver the rest at once after one goes through', async () => {
    const h = harness();
    h.mock.mode = { status: 503 };
    const { Receipt } = await (await h.send('first')).json();
    const nextWait = async () => h.store.get(Receipt.replace('-', ''))!.nextAt - h.clock.now;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = await nextWait();
      waits.push(wait / 1000);
      h.clock.now += wait;
      assert.equal(await h.relay.outbox!.deliverDue(), 1);
    }
    // Jitter is fixed at 1× here (random 0.5 of 0.5–1.5×).
    assert.deepEqual(waits, [10, 10, 20, 40, 80, 160, 320, 600]);
    assert.equal((await nextWait()) / 1000, 600, 'at most 10 minutes apart');
    for (let i = 0; i < 2; i++) assert.equal((await h.send(`later-${i}`)).status, 202);
    h.mock.mode = {};
    h.clock.now += 600_000;
    await h.relay.outbox!.deliverDue();
    assert.equal(h.mock.leads.length, 3, 'one through, then the rest without waiting for their time');
  });

  it('should drop and log a lead Vitec refuses on a later try (400), with its field codes and none of its words', async () => {
    const h = harness();
    h.mock.mode = { status: 503 };
    const { Receipt } = await (await h.send('refused')).json();
    h.mock.mode = {
      status: 400,
      body: { Message: 'The request is invalid.', ModelState: { 'lead.Person.LastName': ['Svensson är spärrad'] } },
    };
    h.clock.now += 20_000;
    await h.relay.outbox!.deliverDue();
    assert.equal((await h.store.stats()).depth, 0);
    const [refused] = h.events('outbox-refused');
    assert.equal(refused.receipt, Receipt);
    assert.deepEqual(refused.fields, ['lead.Person.LastName']);
    assert.ok(!JSON.stringify(refused).includes('Svensson'));
    assert.equal((await h.send('refused')).status, 400, "the key now answers with Vitec's 400");
  });

  it('should drop and log a lead that waited longer than its time', async () => {
    const h = harness({ outbox: { store: new MemoryOutboxStore(), maxAgeMs: 60 * 60 * 1000 } });
    h.mock.mode = { status: 503 };
    const { Receipt } = await (await h.send('old')).json();
    h.clock.now += 61 * 60 * 1000;
    h.mock.mode = {};
    await h.relay.outbox!.deliverDue();
    assert.equal(h.mock.leads.length, 0);
    const [expired] = h.events('outbox-expired');
    assert.equal(expired.receipt, Receipt);
    assert.equal(expired.waitedSeconds, 3660);
    // The key no longer says the lead is on its way: a retry sends it.
    h.clock.now += 10;
    const retry = await h.send('old');
    assert.equal(retry.status, 200);
    assert.equal(h.mock.leads.length, 1);
  });

  it('should answer as without an outbox when it is full, and say so', async () => {
    const h = harness({ outbox: { store: new MemoryOutboxStore(), maxEntries: 1 } });
    h.mock.mode = { status: 503 };
    assert.equal((await h.send('a')).status, 202);
    assert.equal((await h.send('b')).status, 502);
    assert.equal(h.events('outbox-full').length, 1);
  });

  it('should keep nothing readable: the entry is sealed under the relay secret', async () => {
    const h = harness({ secret: 'c3'.repeat(32) });
    h.mock.mode = { status: 503 };
    await h.send('sealed');
    const [entry] = await h.store.take(h.clock.now, Infinity, 0, 1);
    // Sealed text is base64 of random-looking bytes; the customer id is looked for as the lead's JSON would hold it
    // (two letters alone turn up in such text by chance: seen once in a full run).
    assert.match(entry!.sealed, /^[A-Za-z0-9+/]+=*$/);
    for (const text of [...PERSONAL, 'sealed', '"customerId":"C1"']) assert.ok(!entry!.sealed.includes(text), text);
    // Another relay secret cannot open it: the entry is dropped as unreadable, not sent.
    const other = harness({ secret: 'd4'.repeat(32), outbox: { store: h.store } }, h.mock);
    h.mock.mode = {};
    other.clock.now = h.clock.now + 3_600_000;
    await other.relay.outbox!.deliverDue();
    assert.equal(h.mock.leads.length, 0);
    assert.equal(other.events('outbox-unreadable').length, 1);
  });

  it('should read entries sealed under the previous secret during a rotation', async () => {
    const h = harness({ secret: 'c3'.repeat(32) });
    h.mock.mode = { status: 503 };
    await h.send('rotated');
    const next = harness(
      { secret: 'd4'.repeat(32), previousSecret: 'c3'.repeat(32), outbox: { store: h.store } },
      h.mock,
    );
    h.mock.mode = {};
    next.clock.now = h.clock.now + 60_000;
    await next.relay.outbox!.deliverDue();
    assert.equal(h.mock.leads.length, 1);
  });

  it('should report its depth and oldest entry at /healthz, and say degraded while Vitec refuses the credentials', async () => {
    const h = harness();
    const health = async () => (await h.relay(new Request('https://relay.test/healthz'))).json();
    assert.deepEqual(await health(), { status: 'ok', outbox: { depth: 0, oldestSeconds: 0 } });
    h.mock.mode = { status: 401 };
    await h.send('x');
    h.clock.now += 540_000;
    assert.deepEqual(await health(), {
      status: 'degraded',
      vitec: 'refusing-credentials',
      outbox: { depth: 1, oldestSeconds: 540 },
    });
    h.mock.mode = {};
    await h.relay.outbox!.deliverDue();
    assert.deepEqual(await health(), { status: 'ok', outbox: { depth: 0, oldestSeconds: 0 } });
  });

  it('should change nothing while Vitec takes the lead', async () => {
    const h = harness();
    const response = await h.send('up');
    assert.equal(response.status, 200);
    assert.equal(await response.json(), h.mock.leads[0]!.id);
    assert.equal((await h.store.stats()).depth, 0);
  });
});
