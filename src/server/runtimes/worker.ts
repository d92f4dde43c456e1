/**
 * The relay as a Cloudflare Worker (`dist/server/worker.js`, one self-contained module), with its idempotency keys
 * and rate limits in Durable Objects of the class `LeadRelayStore` (stores/durable-object.ts). Configured by the
 * same variables as on Node, read by the same parser (config.ts; docs/relay.md, "Cloudflare Workers"): the secrets
 * `VITEC_USERNAME`, `VITEC_PASSWORD` and `RELAY_SECRET` (with `RELAY_SECRET_PREVIOUS` during a rotation); the vars `VITEC_BASE_URL`, `VITEC_CUSTOMER_IDS`, `ALLOWED_ORIGINS`,
 * `RATE_LIMIT_PER_MINUTE`, `VITEC_TIMEOUT_MS`, `OUTBOX_*`; the binding `RELAY_STORE`. The client's address is
 * `CF-Connecting-IP`. A lead Vitec cannot take now is kept in the Durable Object named `outbox`, whose alarm delivers
 * it (outbox.ts).
 */
import { MISCONFIGURED_BODY, SAFE_HEADERS } from '../../lead/vitec-protocol.js';
import { relayConfigFromEnv } from '../config.js';
import { consoleLog, logEvent } from '../log.js';
import type { OutboxStore } from '../outbox.js';
import { createLeadRelay, type LeadRelay } from '../relay.js';
import {
  type DurableObjectNamespace,
  type DurableObjectState,
  durableObjectOutbox,
  durableObjectStore,
  LeadRelayStore as StoreObject,
} from '../stores/durable-object.js';
import { withFallback } from '../stores/fallback.js';

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerEnv {
  VITEC_USERNAME?: string;
  VITEC_PASSWORD?: string;
  /** The website family's own account (interest, viewings, valuation), when Vitec gave it one. */
  VITEC_ADVERTISING_USERNAME?: string;
  VITEC_ADVERTISING_PASSWORD?: string;
  VITEC_BASE_URL?: string;
  VITEC_CUSTOMER_IDS?: string;
  ALLOWED_ORIGINS?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  PAGE_LOADS_PER_MINUTE?: string;
  VITEC_TIMEOUT_MS?: string;
  RELAY_SECRET?: string;
  RELAY_SECRET_PREVIOUS?: string;
  OUTBOX_MAX_AGE_HOURS?: string;
  OUTBOX_MAX_ENTRIES?: string;
  OUTBOX_RETRY_MIN_MS?: string;
  OUTBOX_RETRY_MAX_MS?: string;
  RELAY_STORE: DurableObjectNamespace;
}

/** The relay for `env`, its outbox in `outbox` (the Durable Object named `outbox`, or that object's own storage). */
function relayFor(env: WorkerEnv, outbox: OutboxStore): LeadRelay {
  // REDIS_URL and OUTBOX_DIR mean nothing here: the Durable Objects are the shared store and the outbox.
  const {
    outbox: settings,
    outboxDir: _dir,
    ...config
  } = relayConfigFromEnv(env as unknown as Record<string, unknown>, { sharedStore: true });
  const store = withFallback(durableObjectStore(env.RELAY_STORE), { log: consoleLog, name: 'durable-object' });
  return createLeadRelay({
    ...config,
    idempotencyStore: store,
    rateLimiter: store,
    storeStatus: store.status,
    outbox: { ...settings, store: outbox },
  });
}

/**
 * The Durable Object class of `RELAY_STORE`: the store contract's objects, and the one that keeps the outbox, whose
 * alarm delivers what is due (with the same relay the Worker runs, its outbox on the object's own storage).
 */
export class LeadRelayStore extends StoreObject {
  constructor(
    state: DurableObjectState,
    private readonly env: WorkerEnv,
  ) {
    super(state);
  }

  protected override async deliverOutbox(): Promise<void> {
    await relayFor(this.env, this.outbox).outbox?.deliverDue();
  }
}

let relay: LeadRelay | undefined;
let misconfigured: readonly string[] | undefined;

function start(env: WorkerEnv): void {
  try {
    relay = relayFor(env, durableObjectOutbox(env.RELAY_STORE));
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
