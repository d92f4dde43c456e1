/**
 * `npm run relay`: the relay on Node, configured by environment variables (config.ts; docs/relay.md).
 * Exits with a message naming what is missing; never prints a credential.
 */
import type { Server } from 'node:http';
import { createNodeForwarder } from './forwarder.js';
import { createFetchServer, type ServerLimits } from './fetch-server.js';
import { closeGracefully, exitOnSignals, isMain, listen, runMain } from './lifecycle.js';
import { type EnvironmentConfig, RelayConfigError, relayConfigFromEnv, whole } from '../../config.js';
import { consoleLog, logEvent } from '../../log.js';
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
  /** The server's connections and timeouts (fetch-server.ts). */
  server: ServerLimits;
}

/** Reads the relay's settings from the environment (config.ts) and the server's own; throws one error listing every problem. */
export function relayOptionsFromEnv(env: NodeJS.ProcessEnv): NodeRelayOptions {
  const problems: string[] = [];
  let config: EnvironmentConfig | undefined;
  try {
    config = relayConfigFromEnv(env);
  } catch (error) {
    if (!(error instanceof RelayConfigError)) throw error;
    problems.push(...error.problems);
  }
  // 0 lets the system pick a free port (the start-up line says which).
  const port = whole(env, 'PORT', 8787, problems, 0, 65_535);
  const requestTimeoutMs = whole(env, 'REQUEST_TIMEOUT_MS', 30_000, problems, 1_000, 600_000);
  const server: ServerLimits = {
    maxConnections: whole(env, 'MAX_CONNECTIONS', 1_000, problems, 1, 1_000_000),
    // Behind a proxy every connection is the proxy's: no cap per address unless one is asked for.
    maxConnectionsPerClient: whole(env, 'MAX_CONNECTIONS_PER_CLIENT', config?.trustProxy ? 0 : 50, problems, 0),
    headersTimeoutMs: whole(env, 'HEADERS_TIMEOUT_MS', 10_000, problems, 100, requestTimeoutMs),
    requestTimeoutMs,
    checkIntervalMs: whole(env, 'CONNECTION_CHECK_INTERVAL_MS', 1_000, problems, 100, 30_000),
  };
  if (problems.length || !config) throw new RelayConfigError(problems);
  const { redisUrl, ...relay } = config;
  return {
    relay: { ...relay, fetch: createNodeForwarder() },
    port,
    host: env.HOST || '0.0.0.0',
    server,
    ...(redisUrl ? { redisUrl } : {}),
  };
}

/**
 * Starts the relay's HTTP server; resolves once it listens, with the port it listens on. With a Redis
 * URL it does not wait for Redis: leads go through from the start, shared once Redis answers.
 */
async function startRelay(options: NodeRelayOptions): Promise<{ server: Server; port: number; store?: SharedStore }> {
  let store: ReturnType<typeof withFallback> | undefined;
  if (options.redisUrl) {
    const log = options.relay.log ?? consoleLog;
    const redis = createRedisStore({ url: options.redisUrl, onError: (error) => store?.report(error) });
    store = withFallback(redis, { log, name: 'redis' });
    // Until then each instance counts and remembers on its own: an operator (and a test) can see when sharing starts.
    void redis.ready.then(() => logEvent(log, 'store-ready', { store: 'redis' }));
  }
  const server = createFetchServer(
    createLeadRelay({
      ...options.relay,
      ...(store ? { idempotencyStore: store, rateLimiter: store, storeStatus: store.status } : {}),
    }),
    { ...options.server, log: options.relay.log ?? consoleLog },
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
    logEvent(consoleLog, 'relay-started', {
      listen: `${options.host}:${port}`,
      vitec: new URL(options.relay.vitecBaseUrl).origin,
      customerIds: options.relay.customerIds.length,
      store: options.redisUrl ? 'redis' : 'memory',
      allowedOrigins: options.relay.allowedOrigins,
    });
  });
}
