/**
 * `npm run relay`: the relay on Node, configured by environment variables (see README, "Relay").
 * Exits with a message naming what is missing; never prints a credential.
 */
import type { Server } from 'node:http';
import { createNodeForwarder } from './forwarder.js';
import { closeGracefully, createFetchServer, exitOnSignals, isMain, listen, runMain } from './serve.js';
import { createLeadRelay, type RelayConfig } from '../../relay.js';
import type { SharedStore } from '../../stores/contract.js';
import { withFallback } from '../../stores/fallback.js';
import { createRedisStore } from '../../stores/redis.js';

export interface NodeRelayOptions {
  relay: RelayConfig;
  port: number;
  host: string;
  /** `REDIS_URL`: idempotency and the rate limit shared by every relay that names the same Redis. */
  redisUrl?: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 20)}"`);
  return value;
}

/** Reads the relay's settings from the environment; throws one error that lists every problem. */
export function relayOptionsFromEnv(env: NodeJS.ProcessEnv): NodeRelayOptions {
  const problems: string[] = [];
  for (const name of ['VITEC_USERNAME', 'VITEC_PASSWORD']) if (!env[name]) problems.push(`${name} is missing`);
  for (const name of ['VITEC_CUSTOMER_IDS', 'ALLOWED_ORIGINS'])
    if (!list(env[name]).length) problems.push(`${name} is missing`);
  const origins = list(env.ALLOWED_ORIGINS);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin.replace(/\/+$/, ''))
      problems.push(`ALLOWED_ORIGINS: "${origin.slice(0, 100)}" is not an origin like https://maklarhuset.se`);
  }
  const vitecBaseUrl = env.VITEC_BASE_URL || 'https://connect.maklare.vitec.net';
  const redisUrl = env.REDIS_URL || undefined;
  // The URL may hold a password: never echoed.
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl))
    problems.push('REDIS_URL must look like redis://host:6379/0 (or rediss:// for TLS)');
  if (!/^https?:\/\//.test(vitecBaseUrl))
    problems.push('VITEC_BASE_URL must start with https:// (or http:// for a local mock)');
  let numbers: { rate: number; timeout: number; port: number } | undefined;
  try {
    numbers = {
      rate: whole(env, 'RATE_LIMIT_PER_MINUTE', 10),
      timeout: whole(env, 'VITEC_TIMEOUT_MS', 10_000),
      // 0 lets the system pick a free port (the start-up line says which).
      port: whole(env, 'PORT', 8787, 0, 65_535),
    };
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length || !numbers) throw new Error(`The relay cannot start:\n- ${problems.join('\n- ')}`);
  return {
    relay: {
      vitecBaseUrl,
      username: env.VITEC_USERNAME!,
      password: env.VITEC_PASSWORD!,
      customerIds: list(env.VITEC_CUSTOMER_IDS),
      allowedOrigins: origins,
      rateLimitPerMinute: numbers.rate,
      timeoutMs: numbers.timeout,
      trustProxy: /^(1|true|yes|on)$/i.test(env.TRUST_PROXY ?? ''),
      fetch: createNodeForwarder(),
    },
    port: numbers.port,
    host: env.HOST || '0.0.0.0',
    ...(redisUrl ? { redisUrl } : {}),
  };
}

/**
 * Starts the relay's HTTP server; resolves once it listens, with the port it listens on. With a Redis
 * URL it does not wait for Redis: leads go through from the start, shared once Redis answers.
 */
async function startRelay(options: NodeRelayOptions): Promise<{ server: Server; port: number; store?: SharedStore }> {
  let store: (SharedStore & { report(error: unknown): void }) | undefined;
  if (options.redisUrl) {
    const log = options.relay.log ?? ((line: string) => console.log(line));
    const redis = createRedisStore({ url: options.redisUrl, onError: (error) => store?.report(error) });
    store = withFallback(redis, { log, name: 'redis' });
    // Until then each instance counts and remembers on its own: an operator (and a test) can see when sharing starts.
    void redis.ready.then(() =>
      log(JSON.stringify({ time: new Date().toISOString(), event: 'store-ready', store: 'redis' })),
    );
  }
  const server = createFetchServer(
    createLeadRelay({ ...options.relay, ...(store ? { idempotencyStore: store, rateLimiter: store } : {}) }),
  );
  const port = await listen(server, options.port, options.host);
  return { server, port, ...(store ? { store } : {}) };
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const options = relayOptionsFromEnv(process.env);
    const { server, port, store } = await startRelay(options);
    exitOnSignals(async () => {
      await closeGracefully(server);
      await store?.close();
    });
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        event: 'relay-started',
        listen: `${options.host}:${port}`,
        vitec: new URL(options.relay.vitecBaseUrl).origin,
        customerIds: options.relay.customerIds.length,
        store: options.redisUrl ? 'redis' : 'memory',
        allowedOrigins: options.relay.allowedOrigins,
      }),
    );
  });
}
