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
import { type RelayCommand, sendLead, startRelayCommand, useFleet } from '../support/relay-fleet.ts';
import { serveHandler, VALID_LEAD } from '../support/relay-stack.ts';

/** What no store may hold in clear text: the lead's own words. */
const PERSONAL = [VALID_LEAD.person.firstName, VALID_LEAD.person.lastName, 'Ring mig'];
/** Tries again after 1 s, then 2, at most 4 s apart: the test's outage is 20 s, not hours. */
const FAST_RETRIES = { OUTBOX_RETRY_MIN_MS: '1000', OUTBOX_RETRY_MAX_MS: '4000' };

const send = (relay: RelayCommand, i: number) =>
  sendLead(relay, `outage-${i}`, { ...VALID_LEAD, message: `Ring mig, lead ${i}` });

async function eventually(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the outbox of two relays sharing Redis', () => {
  const fleet = useFleet({ env: FAST_RETRIES });

  it('should deliver 50 leads queued while Vitec was down for 20 s, each exactly once, and keep nothing readable', async () => {
    fleet.mock.mode = { status: 503 };
    const down = Date.now();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send(fleet.relays[i % 2]!, i)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(50).fill(202),
    );
    const receipts = await Promise.all(answers.map(async (a) => (await a.json()).Receipt as string));
    assert.equal(new Set(receipts).size, 50);

    const client = createClient({ url: fleet.redis.url });
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
    assert.equal(fleet.mock.leads.length, 0);
    fleet.mock.mode = {};
    await eventually(() => fleet.mock.leads.length >= 50, 30_000, 'all 50 delivered');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const messages = fleet.mock.leads.map((lead) => (lead.lead as { message: string }).message).sort();
    assert.equal(messages.length, 50, 'no lead twice');
    assert.equal(new Set(messages).size, 50);
    const output = fleet.relays.map((relay) => relay.process.output()).join('');
    assert.equal(output.match(/"event":"outbox-delivered"/g)?.length, 50);
    // Once delivered, each key answers with Vitec's id from either relay, the one that answered 202 included.
    for (const relay of fleet.relays) {
      const replay = await send(relay, 0);
      assert.equal(replay.status, 200);
      const id = (await replay.json()) as string;
      assert.equal(fleet.mock.leads.find((lead) => lead.id === id)?.lead.message, 'Ring mig, lead 0');
    }
    assert.equal(fleet.mock.leads.length, 50);
  });
});

describe('the outbox of a relay with OUTBOX_DIR', () => {
  let mock: MockVitec;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let folder: string;
  let relay: RelayCommand | undefined;

  before(async () => {
    mock = createMockVitec({ credentials: { username: 'fleet', password: 'fleet-password' }, customerIds: ['C1'] });
    vitec = await serveHandler(mock);
    folder = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  after(async () => {
    await relay?.process.stop();
    await vitec.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('should deliver what it had queued after it is killed with SIGKILL and started again', async () => {
    const env = { VITEC_BASE_URL: vitec.url, OUTBOX_DIR: folder, ...FAST_RETRIES };
    relay = await startRelayCommand(env);
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
    relay = await startRelayCommand(env);
    await eventually(() => mock.leads.length === 5, 15_000, 'all 5 delivered after the restart');
    await eventually(async () => (await readdir(folder)).length === 0, 5_000, 'the folder emptied');
    assert.equal(
      (await (await send(relay, 3)).json()) as string,
      mock.leads.find((l) => (l.lead as { message: string }).message.endsWith(' 3'))!.id,
    );
  });

  it('should refuse to start with OUTBOX_DIR but no RELAY_SECRET, naming it', async () => {
    const refused = await startRelayCommand({ VITEC_BASE_URL: vitec.url, OUTBOX_DIR: folder, RELAY_SECRET: '' }).catch(
      (error: Error) => error,
    );
    assert.ok(refused instanceof Error);
    assert.match(refused.message, /RELAY_SECRET is missing: it seals the leads kept in OUTBOX_DIR/);
  });
});
