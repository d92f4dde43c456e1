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
import type { Outbox, OutboxStore } from '../../outbox.js';
import { createLeadRelay, type RelayConfig } from '../../relay.js';
import { openFolderOutbox } from '../../stores/outbox-folder.js';
import { MemoryOutboxStore } from '../../stores/outbox-memory.js';
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
  /** Where the outbox is kept (`OUTBOX_DIR`; else Redis with `REDIS_URL`, else memory), and its settings. */
  outbox: EnvironmentConfig['outbox'] & { dir?: string };
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
  const { redisUrl, outboxDir, outbox, ...relay } = config;
  return {
    relay: { ...relay, fetch: createNodeForwarder() },
    port,
    host: env.HOST || '0.0.0.0',
    server,
    outbox: { ...outbox, ...(outboxDir ? { dir: outboxDir } : {}) },
    ...(redisUrl ? { redisUrl } : {}),
  };
}

/**
 * Starts the relay's HTTP server; resolves once it listens, with the port it listens on. With a Redis
 * URL it does not wait for Redis: leads go through from the start, shared once Redis answers.
 */
async function startRelay(
  options: NodeRelayOptions,
): Promise<{ server: Server; port: number; store?: SharedStore; outbox?: Outbox }> {
  const log = options.relay.log ?? consoleLog;
  let store: ReturnType<typeof withFallback> | undefined;
  let outboxStore: OutboxStore;
  let kept: string;
  let redis: ReturnType<typeof createRedisStore> | undefined;
  if (options.redisUrl) {
    redis = createRedisStore({ url: options.redisUrl, onError: (error) => store?.report(error) });
    store = withFallback(redis, { log, name: 'redis' });
    // Until then each instance counts and remembers on its own: an operator (and a test) can see when sharing starts.
    void redis.ready.then(() => logEvent(log, 'store-ready', { store: 'redis' }));
  }
  if (options.outbox.dir) {
    outboxStore = await openFolderOutbox(options.outbox.dir);
    kept = 'folder';
  } else if (redis) {
    // Not behind the fallback: a lead Redis cannot keep now is answered as without an outbox, never kept where
    // another relay would not find it.
    outboxStore = redis.outbox;
    kept = 'redis';
  } else {
    outboxStore = new MemoryOutboxStore();
    kept = 'memory';
    logEvent(log, 'outbox-in-memory', {
      level: 'warn',
      note: 'leads queued while Vitec is down are lost if this relay restarts: set OUTBOX_DIR (or REDIS_URL) to keep them',
    });
  }
  const { dir: _dir, ...outboxSettings } = options.outbox;
  const relay = createLeadRelay({
    ...options.relay,
    ...(store ? { idempotencyStore: store, rateLimiter: store, storeStatus: store.status } : {}),
    outbox: { ...outboxSettings, store: outboxStore },
  });
  const server = createFetchServer(relay, { ...options.server, log });
  const port = await listen(server, options.port, options.host);
  relay.outbox?.start();
  logEvent(log, 'outbox-ready', { kept });
  return { server, port, ...(store ? { store } : {}), ...(relay.outbox ? { outbox: relay.outbox } : {}) };
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const options = relayOptionsFromEnv(process.env);
    const { server, port, store, outbox } = await startRelay(options);
    exitOnSignals(async () => {
      await closeGracefully(server);
      await outbox?.stop();
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
