import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createMockVitec } from '../../src/server/mock/mock-vitec.ts';
import { relayOptionsFromEnv } from '../../src/server/runtimes/node/cli.ts';
import { serveHandler } from '../support/relay-stack.ts';

const ENV = {
  VITEC_USERNAME: 'broker',
  VITEC_PASSWORD: 'Sekret,with,commas',
  VITEC_CUSTOMER_IDS: 'C1, C2',
  ALLOWED_ORIGINS: 'https://maklarhuset.se,https://www.maklarhuset.se',
};

describe('relayOptionsFromEnv', () => {
  it('should read every variable, with the documented defaults', () => {
    const options = relayOptionsFromEnv(ENV);
    assert.equal(options.relay.vitecBaseUrl, 'https://connect.maklare.vitec.net');
    assert.equal(options.relay.password, 'Sekret,with,commas');
    assert.deepEqual(options.relay.customerIds, ['C1', 'C2']);
    assert.deepEqual(options.relay.allowedOrigins, ['https://maklarhuset.se', 'https://www.maklarhuset.se']);
    assert.equal(options.relay.rateLimitPerMinute, 10);
    assert.equal(options.relay.timeoutMs, 10_000);
    assert.equal(options.relay.trustProxy, false);
    assert.equal(options.port, 8787);
    assert.equal(options.host, '0.0.0.0');
  });

  it('should name every missing or wrong variable, and never echo the password', () => {
    assert.throws(
      () => relayOptionsFromEnv({}),
      (error: Error) => {
        for (const name of ['VITEC_USERNAME', 'VITEC_PASSWORD', 'VITEC_CUSTOMER_IDS', 'ALLOWED_ORIGINS'])
          assert.match(error.message, new RegExp(`${name} is missing`));
        return true;
      },
    );
    assert.throws(() => relayOptionsFromEnv({ ...ENV, VITEC_PASSWORD: '' }), /VITEC_PASSWORD is missing/);
    assert.throws(() => relayOptionsFromEnv({ ...ENV, ALLOWED_ORIGINS: 'https://m.se/page' }), /not an origin/);
    assert.throws(() => relayOptionsFromEnv({ ...ENV, RATE_LIMIT_PER_MINUTE: 'ten' }), /RATE_LIMIT_PER_MINUTE/);
    assert.throws(
      () => relayOptionsFromEnv({ ...ENV, VITEC_BASE_URL: 'ftp://x' }),
      (error: Error) => !error.message.includes(ENV.VITEC_PASSWORD),
    );
  });
});

describe('npm run relay', () => {
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  let vitecUrl: string;
  const mock = createMockVitec({
    credentials: { username: 'broker', password: 'Sekret,with,commas' },
    customerIds: ['C1'],
  });

  before(async () => {
    vitec = await serveHandler(mock);
    vitecUrl = vitec.url;
  });
  after(() => vitec.close());

  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/runtimes/node/cli.ts'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, output: () => out, errors: () => err, exited };
  }

  it('should refuse to start without its variables, and say which are missing', async () => {
    const relay = run({ VITEC_USERNAME: 'broker' });
    assert.equal(await relay.exited, 1);
    assert.match(relay.errors(), /VITEC_PASSWORD is missing/);
    assert.doesNotMatch(relay.errors(), /VITEC_USERNAME is missing/);
  });

  it('should refuse to start with REDIS_URL but no RELAY_SECRET, naming it and how to make one', async () => {
    const relay = run({
      VITEC_USERNAME: 'broker',
      VITEC_PASSWORD: 'secret-password',
      VITEC_CUSTOMER_IDS: 'C1',
      ALLOWED_ORIGINS: 'https://maklarhuset.se',
      REDIS_URL: 'redis://127.0.0.1:1/0',
    });
    assert.equal(await relay.exited, 1);
    assert.match(relay.errors(), /RELAY_SECRET is missing: .* make one with `openssl rand -hex 32`/);
    assert.doesNotMatch(relay.errors(), /secret-password/);
  });

  it('should forward a lead from an allowed origin with the right Basic header and return the lead id', async () => {
    const relay = run({ ...ENV, VITEC_BASE_URL: vitecUrl, PORT: '0', HOST: '127.0.0.1' });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        relay.child.stdout.on('data', () => {
          const match = /"listen":"([^"]+)"/.exec(relay.output());
          if (match) resolve(match[1]!);
        });
        relay.exited.then(() => reject(new Error(`relay exited: ${relay.errors()}`)));
      });
      const response = await fetch(`http://${address}/PublicAdvertising/C1/Contact/Person/Lead`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://maklarhuset.se' },
        body: JSON.stringify({
          person: { firstName: 'Anna', lastName: 'Svensson' },
          leadSource: { leadType: 'AcceptObjectFlow', name: 'x' },
        }),
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://maklarhuset.se');
      assert.equal(await response.json(), mock.leads.at(-1)!.id);
      const health = await fetch(`http://${address}/healthz`);
      assert.equal(health.status, 200);
      assert.ok(!relay.output().includes('Sekret') && !relay.output().includes('Anna'));
    } finally {
      relay.child.kill('SIGTERM');
      await relay.exited;
    }
  });
});
