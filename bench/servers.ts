/**
 * The bench's servers, each in a process of its own so that the load generator, the relay and the
 * mock do not share one event loop: `tsx bench/servers.ts KIND [VITEC_URL]`, where KIND is
 * - `mock`: the mock of Vitec;
 * - `relay`: the relay in front of VITEC_URL, forwarding through the undici pool it ships with;
 * - `relay-node-http`: the same relay forwarding through a `node:http` keep-alive agent instead (the
 *   alternative measured, bench/node-http-forwarder.ts);
 * - `relay-redis`: the relay with its idempotency keys and rate limit in Redis (REDIS_URL, the third argument);
 * - `proxy`: a bare keep-alive `node:http` pass-through proxy to VITEC_URL, the floor for a relay's CPU;
 * - `hono-floor`: a Hono app on `@hono/node-server` that forwards the body with the relay's forwarder
 *   and checks nothing, the floor for a relay built on Hono.
 * Each prints the URL it listens on, then serves until killed. `GET /__bench/cpu` answers the process's
 * CPU time so far (`process.cpuUsage()`, µs), outside the server under test.
 */
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createMockVitec } from '../src/server/mock/mock-vitec.ts';
import { createNodeForwarder } from '../src/server/runtimes/node/forwarder.ts';
import { toNodeListener } from '../src/server/runtimes/node/fetch-server.ts';
import { createLeadRelay, type VitecFetch } from '../src/server/relay.ts';
import type { SharedStore } from '../src/server/stores/contract.ts';
import { withFallback } from '../src/server/stores/fallback.ts';
import { createRedisStore } from '../src/server/stores/redis.ts';
import { BENCH_CREDENTIALS } from './credentials.ts';
import { createNodeHttpForwarder } from './node-http-forwarder.ts';

const [kind, vitecUrl, redisUrl] = process.argv.slice(2);

function relayListener(forward: VitecFetch, store?: SharedStore) {
  return toNodeListener(
    createLeadRelay({
      ...(store ? { idempotencyStore: store, rateLimiter: store } : {}),
      vitecBaseUrl: vitecUrl!,
      ...BENCH_CREDENTIALS,
      customerIds: ['C1'],
      allowedOrigins: ['https://m.se'],
      rateLimitPerMinute: 10_000_000,
      // The Redis row sends each lead from its own address (X-Forwarded-For), as many visitors do.
      trustProxy: true,
      fetch: forward,
      log: () => undefined,
    }),
  );
}

/** What a relay cannot do with less: take the request, send it on over a kept-alive socket, send the answer back. */
function proxyListener() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(vitecUrl!);
  return (req: IncomingMessage, res: ServerResponse) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
}

function honoFloorListener() {
  const forward = createNodeForwarder();
  const authorization = `Basic ${Buffer.from(`${BENCH_CREDENTIALS.username}:${BENCH_CREDENTIALS.password}`).toString('base64')}`;
  const app = new Hono();
  app.post('*', async (c) => {
    const body = await c.req.text();
    const answer = await forward(vitecUrl + c.req.path, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
    });
    return c.body(await answer.text(), answer.status as 200, { 'content-type': 'application/json' });
  });
  return getRequestListener(app.fetch);
}

function mockListener() {
  const mock = createMockVitec({ credentials: BENCH_CREDENTIALS });
  return toNodeListener(async (request: Request) => {
    // The mock keeps every lead; forget them between runs so that memory stays flat.
    if (mock.leads.length > 50_000) mock.reset();
    return mock(request);
  });
}

async function redisStore(): Promise<SharedStore> {
  const redis = createRedisStore({ url: redisUrl! });
  await redis.ready;
  return withFallback(redis, { log: (line) => console.error(line), name: 'redis' });
}

const listener =
  kind === 'relay'
    ? relayListener(createNodeForwarder())
    : kind === 'relay-redis'
      ? relayListener(createNodeForwarder(), await redisStore())
      : kind === 'relay-node-http'
        ? relayListener(createNodeHttpForwarder())
        : kind === 'proxy'
          ? proxyListener()
          : kind === 'hono-floor'
            ? honoFloorListener()
            : mockListener();

const server = createServer((req, res) => {
  if (req.url === '/__bench/cpu') {
    const { user, system } = process.cpuUsage();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ micros: user + system }));
    return;
  }
  void listener(req, res);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGINT', () => process.exit(0));
