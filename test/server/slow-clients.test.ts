// Slow and many clients against the relay command (a real process, real sockets): idle and half-sent requests are
// closed after the headers timeout, one address cannot hold more than its share of connections, and the relay goes
// on answering /healthz while hundreds of half-open sockets are held under a file limit of 300.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { run, type Running } from '../support/processes.ts';

const RELAY_ENV = {
  VITEC_USERNAME: 'u',
  VITEC_PASSWORD: 'p',
  VITEC_CUSTOMER_IDS: 'C1',
  ALLOWED_ORIGINS: 'https://maklarhuset.se',
  VITEC_BASE_URL: 'http://127.0.0.1:9',
  HOST: '127.0.0.1',
  PORT: '0',
};

/** The relay command under `ulimit -n files`, as a small server's limit would be. */
async function startRelay(env: Record<string, string>, files = 300): Promise<{ relay: Running; port: number }> {
  const relay = run(
    'bash',
    ['-c', `ulimit -n ${files} && exec "$0" --import tsx src/server/runtimes/node/cli.ts`, process.execPath],
    {
      ...RELAY_ENV,
      ...env,
    },
  );
  const port = Number((await relay.waitFor(/"listen":"127\.0\.0\.1:(\d+)"/))[1]);
  return { relay, port };
}

/** A socket from `localAddress` (any of 127.0.0.0/8 is this machine) that sends the start of a request and no more. */
function halfOpen(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => {
      socket.write('POST /PublicAdvertising/C1/Contact/Person/Lead HTTP/1.1\r\nHost: relay\r\n');
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const closed = (socket: Socket) =>
  socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve()));

async function healthz(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
  return response.status;
}

describe('the relay command with slow and many clients', () => {
  let relay: Running;
  let port: number;
  const sockets: Socket[] = [];
  before(async () => {
    ({ relay, port } = await startRelay({ MAX_CONNECTIONS_PER_CLIENT: '50', HEADERS_TIMEOUT_MS: '10000' }));
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await relay.stop();
  });

  it('should keep answering /healthz while one address holds 400 half-open sockets, under a file limit of 300', async () => {
    const opened = await Promise.allSettled(Array.from({ length: 400 }, () => halfOpen(port, '127.0.0.2')));
    for (const result of opened) if (result.status === 'fulfilled') sockets.push(result.value);
    // The relay closes every socket past the cap as it comes; the cap's worth stay open until their time is up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 5; i++) assert.equal(await healthz(port), 200);
    const open = sockets.filter((socket) => !socket.destroyed).length;
    assert.ok(open <= 50, `${open} sockets of one address stayed open`);
    assert.match(relay.output(), /"event":"connection-refused","reason":"max-connections-per-client"/);
    assert.equal(relay.output().match(/connection-refused/g)?.length, 1, 'said once a minute, not per socket');
    assert.doesNotMatch(relay.output(), /127\.0\.0\.2/);
  });
});

describe('the relay command with timeouts of its own', () => {
  let relay: Running;
  let port: number;
  before(async () => {
    ({ relay, port } = await startRelay({ HEADERS_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '20' }));
  });
  after(() => relay.stop());

  it('should close a connection that has not sent its headers after HEADERS_TIMEOUT_MS, with 408', async () => {
    const socket = await halfOpen(port, '127.0.0.3');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const started = Date.now();
    await Promise.race([closed(socket), new Promise((resolve) => setTimeout(resolve, 8_000))]);
    assert.ok(socket.destroyed || socket.readableEnded, 'closed within 8 s, not after 38');
    assert.ok(Date.now() - started >= 900, 'not before its time');
    assert.match(answer, /^HTTP\/1\.1 408/);
  });

  it('should close connections past MAX_CONNECTIONS as they come, and take new ones once they are gone', async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, (_, i) => halfOpen(port, `127.0.1.${i + 1}`)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = sockets.filter((socket) => !socket.destroyed);
    assert.equal(open.length, 20);
    assert.match(relay.output(), /"event":"connection-refused","reason":"max-connections"/);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await healthz(port), 200);
  });
});
