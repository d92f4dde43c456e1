// The outbox across real processes: two relay commands sharing a real redis-server deliver every lead queued during
// a Vitec outage exactly once; a relay with OUTBOX_DIR killed with SIGKILL delivers what it had queued after it
// starts again; and neither Redis nor the folder holds a word of a lead in clear text.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { run, type Running } from '../support/processes.ts';
import { type RedisServer, startRedis } from '../support/redis-server.ts';
import { serveHandler, STACK_SECRET, VALID_LEAD } from '../support/relay-stack.ts';

const ORIGIN = 'https://maklarhuset.se';
const PATH = '/PublicAdvertising/C1/Contact/Person/Lead';
/** What no store may hold in clear text: the lead's own words. */
const PERSONAL = [VALID_LEAD.person.firstName, VALID_LEAD.person.lastName, 'Ring mig'];

interface Relay {
  process: Running;
  url: string;
}

async function startRelay(env: Record<string, string>): Promise<Relay> {
  const process = run(global.process.execPath, ['--import', 'tsx', 'src/server/runtimes/node/cli.ts'], {
    VITEC_USERNAME: 'fleet',
    VITEC_PASSWORD: 'fleet-password',
    VITEC_CUSTOMER_IDS: 'C1',
    ALLOWED_ORIGINS: ORIGIN,
    HOST: '127.0.0.1',
    PORT: '0',
    RELAY_SECRET: STACK_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000',
    // Tries again after 1 s, then 2, 4, at most 4 s apart: the test's outage is 20 s, not hours.
    OUTBOX_RETRY_MIN_MS: '1000',
    OUTBOX_RETRY_MAX_MS: '4000',
    ...env,
  });
  const address = (await process.waitFor(/"listen":"([^"]+)"/))[1];
  if (env.REDIS_URL) await process.waitFor(/"event":"store-ready"/);
  return { process, url: `http://${address}` };
}

function send(relay: Relay, i: number): Promise<Response> {
  return fetch(`${relay.url}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'idempotency-key': `outage-${i}` },
    body: JSON.stringify({ ...VALID_LEAD, message: `Ring mig, lead ${i}` }),
  });
}

async function eventually(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fleetMock = () =>
  createMockVitec({ credentials: { username: 'fleet', password: 'fleet-password' }, customerIds: ['C1'] });

describe('the outbox of two relays sharing Redis', () => {
  let redis: RedisServer;
  let mock: MockVitec;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let relays: Relay[] = [];

  before(async () => {
    redis = await startRedis();
    mock = fleetMock();
    vitec = await serveHandler(mock);
    const env = { REDIS_URL: redis.url, VITEC_BASE_URL: vitec.url };
    relays = await Promise.all([startRelay(env), startRelay(env)]);
  });
  after(async () => {
    await Promise.all(relays.map((relay) => relay.process.stop()));
    await vitec.close();
    await redis.stop();
  });

  it('should deliver 50 leads queued while Vitec was down for 20 s, each exactly once, and keep nothing readable', async () => {
    mock.mode = { status: 503 };
    const down = Date.now();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send(relays[i % 2]!, i)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(50).fill(202),
    );
    const receipts = await Promise.all(answers.map(async (a) => (await a.json()).Receipt as string));
    assert.equal(new Set(receipts).size, 50);

    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const entries = await client.hGetAll('vitec-lead-relay:outbox:entries');
      assert.equal(Object.keys(entries).length, 50);
      const everything = JSON.stringify(entries);
      for (const key of await client.keys('*'))
        for (const text of [...PERSONAL, 'outage-', 'example.se']) assert.ok(!key.includes(text), key);
      for (const text of [...PERSONAL, 'outage-', 'example.se']) assert.ok(!everything.includes(text), text);
    } finally {
      await client.close();
    }

    await new Promise((resolve) => setTimeout(resolve, 20_000 - (Date.now() - down)));
    assert.equal(mock.leads.length, 0);
    mock.mode = {};
    await eventually(() => mock.leads.length >= 50, 30_000, 'all 50 delivered');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const messages = mock.leads.map((lead) => (lead.lead as { message: string }).message).sort();
    assert.equal(messages.length, 50, 'no lead twice');
    assert.equal(new Set(messages).size, 50);
    const output = relays.map((relay) => relay.process.output()).join('');
    assert.equal(output.match(/"event":"outbox-delivered"/g)?.length, 50);
    // Once delivered, each key answers with Vitec's id from either relay, the one that answered 202 included.
    for (const relay of relays) {
      const replay = await send(relay, 0);
      assert.equal(replay.status, 200);
      const id = (await replay.json()) as string;
      assert.equal(mock.leads.find((lead) => lead.id === id)?.lead.message, 'Ring mig, lead 0');
    }
    assert.equal(mock.leads.length, 50);
  });
});

describe('the outbox of a relay with OUTBOX_DIR', () => {
  let mock: MockVitec;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let folder: string;
  let relay: Relay | undefined;

  before(async () => {
    mock = fleetMock();
    vitec = await serveHandler(mock);
    folder = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  after(async () => {
    await relay?.process.stop();
    await vitec.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('should deliver what it had queued after it is killed with SIGKILL and started again', async () => {
    const env = { VITEC_BASE_URL: vitec.url, OUTBOX_DIR: folder };
    relay = await startRelay(env);
    mock.mode = { status: 503 };
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => send(relay!, i)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(5).fill(202),
    );
    const files = (await readdir(folder)).filter((name) => name.endsWith('.lead'));
    assert.equal(files.length, 5);
    for (const file of files) {
      const text = await readFile(join(folder, file), 'utf8');
      for (const word of [...PERSONAL, 'outage-', 'example.se']) assert.ok(!text.includes(word), word);
    }

    relay.process.child.kill('SIGKILL');
    await relay.process.exited;
    mock.mode = {};
    relay = await startRelay(env);
    await eventually(() => mock.leads.length === 5, 15_000, 'all 5 delivered after the restart');
    await eventually(async () => (await readdir(folder)).length === 0, 5_000, 'the folder emptied');
    assert.equal(
      (await (await send(relay, 3)).json()) as string,
      mock.leads.find((l) => (l.lead as { message: string }).message.endsWith(' 3'))!.id,
    );
  });

  it('should refuse to start with OUTBOX_DIR but no RELAY_SECRET, naming it', async () => {
    const refused = await startRelay({ VITEC_BASE_URL: vitec.url, OUTBOX_DIR: folder, RELAY_SECRET: '' }).catch(
      (error: Error) => error,
    );
    assert.ok(refused instanceof Error);
    assert.match(refused.message, /RELAY_SECRET is missing: it seals the leads kept in OUTBOX_DIR/);
  });
});
