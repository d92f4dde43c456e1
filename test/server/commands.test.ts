import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { npmRun, type Running } from '../support/processes.ts';

/** The README's recipe, with free ports instead of 8787 and 8788. */
const RELAY_ENV = {
  VITEC_USERNAME: 'demo',
  VITEC_PASSWORD: 'demo',
  VITEC_CUSTOMER_IDS: 'DEMO-1',
  ALLOWED_ORIGINS: 'http://localhost:8080',
  HOST: '127.0.0.1',
  PORT: '0',
};
const CURL_BODY = {
  person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'Min sajt' },
};

const listenLine = /"listen":"([^"]+)"/;

function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Every process below `pid`, depth first. */
function descendants(pid: number): number[] {
  return children(pid).flatMap((child) => [child, ...descendants(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('npm run mock and npm run relay', () => {
  let mock: Running;
  let mockUrl: string;
  before(async () => {
    mock = npmRun('mock', { MOCK_PORT: '0' });
    mockUrl = `http://${(await mock.waitFor(listenLine))[1]}`;
  });
  after(() => mock.stop());

  it("should give a lead id for the README's curl body, sent to a relay pointed at the mock", async () => {
    const relay = npmRun('relay', { ...RELAY_ENV, VITEC_BASE_URL: mockUrl });
    try {
      const address = (await relay.waitFor(listenLine))[1];
      const response = await fetch(`http://${address}/PublicAdvertising/DEMO-1/Contact/Person/Lead`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:8080' },
        body: JSON.stringify(CURL_BODY),
      });
      assert.equal(response.status, 200);
      const id = await response.json();
      const { leads } = await (await fetch(`${mockUrl}/__mock/leads`)).json();
      assert.equal(leads.at(-1).id, id);
      assert.equal(leads.at(-1).customerId, 'DEMO-1');
    } finally {
      await relay.stop();
    }
  });

  it('should keep a lead while Vitec refuses the relay’s credentials, and say degraded until they are fixed', async () => {
    const relay = npmRun('relay', { ...RELAY_ENV, VITEC_BASE_URL: mockUrl, VITEC_PASSWORD: 'wrong' });
    try {
      const address = (await relay.waitFor(listenLine))[1];
      const response = await fetch(`http://${address}/PublicAdvertising/DEMO-1/Contact/Person/Lead`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(CURL_BODY),
      });
      assert.equal(response.status, 202);
      assert.equal((await response.json()).Code, 'queued');
      assert.match(relay.output(), /vitec-unauthorized/);
      const health = await (await fetch(`http://${address}/healthz`)).json();
      assert.deepEqual(health, { status: 'degraded', vitec: 'refusing-credentials', outbox: health.outbox });
      assert.equal(health.outbox.depth, 1);
      assert.match(relay.output(), /"event":"outbox-in-memory"/);
      assert.doesNotMatch(relay.output() + relay.errors(), /wrong/);
    } finally {
      await relay.stop();
    }
  });

  it('should finish a request in flight on SIGTERM, exit 0 and free the port within 2 s', async () => {
    await fetch(`${mockUrl}/__mock/mode`, { method: 'PUT', body: JSON.stringify({ delayMs: 600, times: 1 }) });
    const relay = npmRun('relay', { ...RELAY_ENV, VITEC_BASE_URL: mockUrl });
    const address = (await relay.waitFor(listenLine))[1]!;
    const pending = fetch(`http://${address}/PublicAdvertising/DEMO-1/Contact/Person/Lead`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CURL_BODY),
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalled = Date.now();
    relay.child.kill('SIGTERM');
    const response = await pending;
    assert.equal(response.status, 200);
    assert.equal(typeof (await response.json()), 'string');
    assert.equal(await relay.exited, 0);
    // 2 s is the relay's own hard stop; the margin is for npm and a busy machine.
    assert.ok(Date.now() - signalled < 3000, `exited ${Date.now() - signalled} ms after SIGTERM`);
    assert.ok(await portIsFree(Number(address.split(':')[1])));
  });
});

describe('a command whose port is taken', () => {
  let taken: Server;
  let port: number;
  before(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  const commands: [string, (port: number) => Record<string, string>, string][] = [
    ['relay', (p) => ({ ...RELAY_ENV, PORT: String(p) }), 'PORT'],
    ['mock', (p) => ({ MOCK_PORT: String(p) }), 'MOCK_PORT'],
    ['start', (p) => ({ PORT: String(p), HOST: '127.0.0.1' }), 'PORT'],
  ];
  for (const [script, env, variable] of commands) {
    it(`should make npm run ${script} print one line naming ${variable} and exit 1`, async () => {
      const command = npmRun(script, env(port));
      assert.equal(await command.exited, 1);
      assert.equal(command.errors().trim(), `port ${port} is in use: set ${variable}`);
    });
  }
});

describe('npm start', () => {
  it('should stop on SIGINT with every child process, and free its port', async () => {
    const demo = npmRun('start', { PORT: '0', HOST: '127.0.0.1' });
    const url = (await demo.waitFor(/demo: (http:\/\/\S+)/))[1]!;
    // Loading a page starts Vite's dependency optimiser, the child process most likely to be left over.
    assert.equal((await fetch(url)).status, 200);
    const below = descendants(demo.child.pid!);
    assert.ok(below.length >= 1);
    const signalled = Date.now();
    for (const pid of [demo.child.pid!, ...below]) if (alive(pid)) process.kill(pid, 'SIGINT');
    await demo.exited;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(Date.now() - signalled < 3000, `stopped ${Date.now() - signalled} ms after SIGINT`);
    assert.deepEqual(below.filter(alive), []);
    assert.ok(await portIsFree(Number(new URL(url).port)));
  });
});
