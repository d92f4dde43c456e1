/**
 * `npm run relay`: the relay on Node, configured by environment variables (see README, "Relay").
 * Exits with a message naming what is missing; never prints a credential.
 */
import type { Server } from 'node:http';
import { createNodeForwarder } from './node-forwarder.js';
import { closeGracefully, createFetchServer, exitOnSignals, isMain, listen, runMain } from './node-serve.js';
import { createLeadRelay, type RelayConfig } from './relay.js';

export interface NodeRelayOptions {
  relay: RelayConfig;
  port: number;
  host: string;
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
  for (const name of ['VITEC_CUSTOMER_IDS', 'ALLOWED_ORIGINS']) if (!list(env[name]).length) problems.push(`${name} is missing`);
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
  if (!/^https?:\/\//.test(vitecBaseUrl)) problems.push('VITEC_BASE_URL must start with https:// (or http:// for a local mock)');
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
  };
}

/** Starts the relay's HTTP server; resolves once it listens, with the port it listens on. */
async function startRelay(options: NodeRelayOptions): Promise<{ server: Server; port: number }> {
  const server = createFetchServer(createLeadRelay(options.relay));
  const port = await listen(server, options.port, options.host);
  return { server, port };
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const options = relayOptionsFromEnv(process.env);
    const { server, port } = await startRelay(options);
    exitOnSignals(() => closeGracefully(server));
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        event: 'relay-started',
        listen: `${options.host}:${port}`,
        vitec: new URL(options.relay.vitecBaseUrl).origin,
        customerIds: options.relay.customerIds.length,
        allowedOrigins: options.relay.allowedOrigins,
      }),
    );
  });
}
