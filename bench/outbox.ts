/**
 * The outbox's rows: how long 1,000 leads queued during an outage take to reach the mock once it is back (beside
 * the same 1,000 sent while it was up, in the same run), and what 10,000 queued leads cost the relay in memory (beside
 * the relay with none). The relay and the mock are real servers on 127.0.0.1; the relay's outbox is in memory, its
 * first try again after 1 s (the default is 10 s: the row would measure the wait, not the delivery).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMockVitec } from '../src/server/mock/mock-vitec.ts';
import { createLeadRelay, MemoryOutboxStore } from '../src/server/relay.ts';
import { createNodeForwarder } from '../src/server/runtimes/node/forwarder.ts';
import { createFetchServer } from '../src/server/runtimes/node/fetch-server.ts';
import { listen, median, type Row, spread } from './stats.ts';

const LEAD = {
  person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'bench' },
  message: 'Ring mig',
};

async function stack(retryMinMs: number) {
  const mock = createMockVitec({ credentials: { username: 'b', password: 'b' }, customerIds: ['C1'] });
  const vitec = createFetchServer(mock);
  const vitecUrl = await listen(vitec);
  const store = new MemoryOutboxStore();
  const relay = createLeadRelay({
    vitecBaseUrl: vitecUrl,
    username: 'b',
    password: 'b',
    customerIds: ['C1'],
    allowedOrigins: ['https://m.se'],
    rateLimitPerMinute: 1_000_000,
    fetch: createNodeForwarder(),
    log: () => undefined,
    outbox: { store, retryMinMs, pollMs: 50, maxEntries: 20_000 },
  });
  let n = 0;
  const send = () =>
    relay(
      new Request('https://relay.test/PublicAdvertising/C1/Contact/Person/Lead', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${++n}-${Math.random()}` },
        body: JSON.stringify({ ...LEAD, message: `Ring mig ${n}` }),
      }),
      { clientAddress: '127.0.0.1' },
    );
  const close = async () => {
    await relay.outbox?.stop();
    await new Promise<void>((resolve) => {
      vitec.close(() => resolve());
      vitec.closeAllConnections();
    });
  };
  return { mock, relay, store, send, close };
}

/** Sends `count` leads, 20 at a time; resolves with their statuses. */
async function sendMany(send: () => Promise<Response>, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 20)
    statuses.push(
      ...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => send()))).map((r) => r.status),
    );
  return statuses;
}

async function drainOnce(count: number): Promise<{ drainMs: number; directMs: number }> {
  const s = await stack(1_000);
  try {
    const started = performance.now();
    await sendMany(s.send, count);
    const directMs = performance.now() - started;
    s.mock.mode = { status: 503 };
    const queued = await sendMany(s.send, count);
    if (queued.some((status) => status !== 202)) throw new Error('a lead was not queued');
    s.relay.outbox!.start();
    const back = performance.now();
    s.mock.mode = {};
    while (s.mock.leads.length < count * 2) await new Promise((resolve) => setTimeout(resolve, 5));
    return { drainMs: performance.now() - back, directMs };
  } finally {
    await s.close();
  }
}

/** The heap after a full collection, in bytes. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

export async function outboxFigures(repeats: number): Promise<Row[]> {
  const count = 1_000;
  const runs: { drainMs: number; directMs: number }[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await drainOnce(count));
  const drain = runs.map((r) => r.drainMs);
  const direct = runs.map((r) => r.directMs);

  const s = await stack(60_000);
  let heapMb: number;
  let emptyMb: number;
  try {
    emptyMb = heapAfterGc() / 2 ** 20;
    s.mock.mode = { status: 503 };
    await sendMany(s.send, 10_000);
    if ((await s.store.stats()).depth !== 10_000) throw new Error('not all 10,000 queued');
    heapMb = heapAfterGc() / 2 ** 20;
  } finally {
    await s.close();
  }
  return [
    {
      figure: `1,000 leads queued during an outage: mock back → last delivered (${repeats} runs; first try again after 1 s)`,
      value: `${(median(drain) / 1000).toFixed(2)} s (${spread(drain.map((v) => v / 1000))})`,
      alternative: `${(median(direct) / 1000).toFixed(2)} s: the same 1,000 sent while the mock was up`,
      ratio: `${(median(drain) / median(direct)).toFixed(2)}×`,
      budget: '',
    },
    {
      figure: 'relay heap with 10,000 leads queued (memory outbox, after a full collection)',
      value: `${heapMb.toFixed(1)} MiB`,
      alternative: `${emptyMb.toFixed(1)} MiB with none`,
      ratio: `+${(((heapMb - emptyMb) * 1024) / 10_000).toFixed(2)} KiB a lead`,
      budget: '',
    },
  ];
}
