/**
 * The relay as a Cloudflare Worker (`dist/server/worker.js`, one self-contained module), with its idempotency keys
 * and rate limits in Durable Objects of the class `LeadRelayStore` (stores/durable-object.ts). Configured by the
 * same variables as on Node, read by the same parser (config.ts; docs/relay.md, "Cloudflare Workers"): the secrets
 * `VITEC_USERNAME`, `VITEC_PASSWORD` and `RELAY_SECRET` (with `RELAY_SECRET_PREVIOUS` during a rotation); the vars `VITEC_BASE_URL`, `VITEC_CUSTOMER_IDS`, `ALLOWED_ORIGINS`,
 * `RATE_LIMIT_PER_MINUTE`, `VITEC_TIMEOUT_MS`; the binding `RELAY_STORE`. The client's address is
 * `CF-Connecting-IP`.
 */
import { MISCONFIGURED_BODY, SAFE_HEADERS } from '../../lead/vitec-protocol.js';
import { relayConfigFromEnv } from '../config.js';
import { consoleLog, logEvent } from '../log.js';
import { createLeadRelay, type LeadRelay } from '../relay.js';
import { type DurableObjectNamespace, durableObjectStore } from '../stores/durable-object.js';
import { withFallback } from '../stores/fallback.js';

export { LeadRelayStore } from '../stores/durable-object.js';

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerEnv {
  VITEC_USERNAME?: string;
  VITEC_PASSWORD?: string;
  VITEC_BASE_URL?: string;
  VITEC_CUSTOMER_IDS?: string;
  ALLOWED_ORIGINS?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  VITEC_TIMEOUT_MS?: string;
  RELAY_SECRET?: string;
  RELAY_SECRET_PREVIOUS?: string;
  RELAY_STORE: DurableObjectNamespace;
}

let relay: LeadRelay | undefined;
let misconfigured: readonly string[] | undefined;

function start(env: WorkerEnv): void {
  try {
    // REDIS_URL means nothing here: the Durable Objects are the shared store.
    // The outbox's settings wait for its Durable Object delivery (docs/relay.md); the Worker answers as before.
    const {
      outbox: _outbox,
      outboxDir: _dir,
      ...config
    } = relayConfigFromEnv(env as unknown as Record<string, unknown>, { sharedStore: true });
    const store = withFallback(durableObjectStore(env.RELAY_STORE), { log: consoleLog, name: 'durable-object' });
    relay = createLeadRelay({ ...config, idempotencyStore: store, rateLimiter: store, storeStatus: store.status });
  } catch (error) {
    // Names what is wrong, never a value.
    misconfigured = (error as { problems?: readonly string[] }).problems ?? [(error as Error).message];
    logEvent((line) => console.error(line), 'relay-misconfigured', { problems: misconfigured });
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    if (!relay && !misconfigured) start(env);
    if (!relay) return Response.json(MISCONFIGURED_BODY, { status: 500, headers: SAFE_HEADERS });
    return relay(request, {
      clientAddress: request.headers.get('CF-Connecting-IP') ?? undefined,
      waitUntil: (promise) => ctx.waitUntil(promise),
    });
  },
};
