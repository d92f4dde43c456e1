/**
 * The relay: the broker's Vitec credentials stay on a server, and only good leads get through.
 *
 * `createLeadRelay(config)` returns a standard fetch handler, a Hono app, that speaks Vitec's own
 * protocol on both sides (`POST /PublicAdvertising/{customerId}/Contact/Person/Lead`), so it runs
 * unchanged on Node, Workers, Deno and Bun, and the element needs no special mode. Its steps run in
 * the order of the checks in docs/relay.md: method and route → origin → customer id → rate
 * limit → content type and declared length → body → JSON → schema → idempotency → Vitec. Whatever is
 * refused before the body is answered without reading it.
 */
import { Hono } from 'hono';
import { loadLanguages } from '../lead/messages/index.js';
import { requestId } from 'hono/request-id';
import { type ConnectionInfo, message, type RelayEnv } from './context.js';
import { consoleLog, type Log } from './log.js';
import { limitBody } from './steps/body-limit.js';
import { checkContentType } from './steps/content-type.js';
import { checkCustomer } from './steps/customer.js';
import { createForwarder, type ForwardLead, refusedCredentials, type VitecFetch } from './steps/forward.js';
import { health } from './steps/health.js';
import { answerKeeper, deliverLead, hasStoredAnswer } from './steps/idempotency.js';
import { createOutbox, type Outbox, type OutboxOptions } from './outbox.js';
import { isRelaySecret, newRelaySecret, RelaySecret, type RelaySecrets } from './relay-secret.js';
import { logRequests } from './steps/log-requests.js';
import { corsForAllowedOrigins, originSet, refuseOrigin } from './steps/origin.js';
import { limitRate } from './steps/rate-limit.js';
import { incompleteBody, readLead } from './steps/read-lead.js';
import { routeLead } from './steps/route.js';
import { createEstateReader, dropRefusedBooking, EstateCache, serveEstate } from './steps/estate.js';
import type { IdempotencyStore, RateLimiter } from './stores/contract.js';
import { MemoryIdempotencyStore, MemoryRateLimiter } from './stores/memory.js';

export type { ConnectionInfo } from './context.js';
export type {
  Claim,
  IdempotencyStore,
  RateDecision,
  RateLimiter,
  SharedStore,
  StoredAnswer,
} from './stores/contract.js';
export { MemoryIdempotencyStore, MemoryRateLimiter } from './stores/memory.js';
export type { VitecAnswer, VitecFetch } from './steps/forward.js';
export type { Outbox, OutboxEntry, OutboxOptions, OutboxStore } from './outbox.js';
export { MemoryOutboxStore } from './stores/outbox-memory.js';

export interface RelayConfig {
  /** Where Vitec is, e.g. `https://connect.maklare.vitec.net`. */
  vitecBaseUrl: string;
  username: string;
  password: string;
  /**
   * The website family's own username and password (interest, viewing, valuation, an estate's viewings), when Vitec
   * gave it one of its own; else `username` and `password` are used for it too.
   */
  advertisingUsername?: string;
  advertisingPassword?: string;
  /** Customer ids this relay may send leads for. */
  customerIds: readonly string[];
  /** Origins of the broker's sites, e.g. `https://maklarhuset.se`. */
  allowedOrigins: readonly string[];
  /** Leads per minute from one client address. Default 10. */
  rateLimitPerMinute?: number;
  /** Reads of an estate's viewings (page loads of a booking form) per minute from one client address. Default 120. */
  pageLoadsPerMinute?: number;
  /** How long an estate's viewings are served from the relay's cache before Vitec is asked again. Default 60 000 ms. */
  estateCacheMs?: number;
  /** How long a visitor waits for Vitec's answer before a 504. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * How long the relay itself goes on waiting for Vitec after answering 504, so that a late answer is
   * stored for the visitor's retry. Default six times `timeoutMs`, at least 60 s.
   */
  upstreamLimitMs?: number;
  /**
   * How long a claim on an `Idempotency-Key` lasts unless its holder renews it (it does, a third of this apart, while
   * it waits for Vitec): a crashed instance blocks its keys this long, then another request takes them over.
   * Default 5 000 ms.
   */
  claimLeaseMs?: number;
  /** Take the client address from the last `X-Forwarded-For` entry (only behind a proxy you run). */
  trustProxy?: boolean;
  /**
   * How many leading bits of an IPv6 address the rate limit counts as one client. Default 64: one household or server
   * usually holds a whole /64 and can pick any address in it.
   */
  ipv6PrefixLength?: number;
  /**
   * The relay secret, 64 hex characters (`openssl rand -hex 32`), that keys every hash and seal reaching a store
   * (relay-secret.ts): the same on every instance that shares a store. Without it a relay makes one of its own,
   * which is right only for a relay that shares nothing (its memory store ends with it).
   */
  secret?: string;
  /** The secret before a rotation: answers it sealed are still replayed. */
  previousSecret?: string;
  /** What forwards to Vitec; the global `fetch` by default. Must not follow redirects by itself. */
  fetch?: VitecFetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  idempotencyStore?: IdempotencyStore;
  rateLimiter?: RateLimiter;
  /** Whether the shared store answers (stores/fallback.ts): `/healthz` says `degraded` while it does not. */
  storeStatus?: () => 'ok' | 'unavailable';
  /**
   * Keep leads Vitec cannot take now and deliver them later (outbox.ts): the visitor is answered 202 with a receipt.
   * Without it, such a lead is answered with the failure (502, 504, 500 `relay-misconfigured`).
   */
  outbox?: OutboxOptions;
  /** Receives one JSON line per request; `console.log` by default. */
  log?: Log;
  newRequestId?: () => string;
}

export type LeadRelay = ((request: Request, info?: ConnectionInfo) => Promise<Response>) & {
  /** With `config.outbox`: its delivery, which the runtime starts (`start()`) and stops. */
  outbox?: Outbox;
};

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Creates the relay's fetch handler. Throws at once if the config cannot work. */
export function createLeadRelay(config: RelayConfig): LeadRelay {
  const missing = (['vitecBaseUrl', 'username', 'password'] as const).filter((k) => !config[k]);
  if (missing.length) throw new Error(`createLeadRelay: ${missing.join(', ')} missing`);
  if (!config.customerIds.length) throw new Error('createLeadRelay: customerIds is empty');
  if (!config.allowedOrigins.length) throw new Error('createLeadRelay: allowedOrigins is empty');
  for (const name of ['secret', 'previousSecret'] as const)
    if (config[name] !== undefined && !isRelaySecret(config[name]))
      throw new Error(`createLeadRelay: ${name} must be 64 hex characters (openssl rand -hex 32)`);
  const secrets: RelaySecrets = {
    current: new RelaySecret(config.secret ?? newRelaySecret()),
    ...(config.previousSecret ? { previous: new RelaySecret(config.previousSecret) } : {}),
  };
  const store = config.idempotencyStore ?? new MemoryIdempotencyStore({ now: config.now ?? Date.now });

  // Every language's words, loaded now so that an answer never waits for them (read-lead.ts loads what it needs too).
  void loadLanguages().catch(() => undefined);
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const upstreamLimitMs = config.upstreamLimitMs ?? Math.max(timeoutMs * 6, 60_000);
  const allowed = originSet(config.allowedOrigins);
  const log = config.log ?? consoleLog;
  const forwarderConfig = {
    base: config.vitecBaseUrl.replace(/\/+$/, ''),
    authorization: basicAuth(config.username, config.password),
    ...(config.advertisingPassword
      ? {
          advertisingAuthorization: basicAuth(
            config.advertisingUsername || config.username,
            config.advertisingPassword,
          ),
        }
      : {}),
    fetch: config.fetch ?? ((input: string, init: RequestInit) => fetch(input, init)),
    timeoutMs,
    upstreamLimitMs,
    now,
    log,
  };
  const forwardToVitec = createForwarder(forwarderConfig);
  const estates = new EstateCache({ ttlMs: config.estateCacheMs ?? 60_000, now });
  /** Whether Vitec refused the relay's credentials last time it decided: `/healthz` says degraded meanwhile. */
  let vitecRefuses = false;
  const forward: ForwardLead = async (...args) => {
    const answer = await forwardToVitec(...args);
    if (answer.final) vitecRefuses = false;
    else if (refusedCredentials(answer)) vitecRefuses = true;
    return answer;
  };
  const outbox =
    config.outbox &&
    createOutbox({
      options: config.outbox,
      secrets,
      forward,
      storeAnswer: answerKeeper({ store, secrets }),
      log,
      now,
    });

  const app = new Hono<RelayEnv>();
  // The order of the checks (docs/relay.md): whatever can be refused before the body is answered without reading it.
  app.use(
    // A proxy's own X-Request-Id (up to 64 word characters) is kept, so one id follows the request.
    requestId({ limitLength: 64, ...(config.newRequestId ? { generator: config.newRequestId } : {}) }),
    logRequests({ log, now }),
    corsForAllowedOrigins({ allowed }),
    health({
      storeStatus: config.storeStatus,
      vitecRefuses: () => vitecRefuses,
      ...(outbox ? { outboxStats: outbox.stats } : {}),
    }),
    routeLead,
    refuseOrigin({ allowed }),
    checkCustomer({ customerIds: config.customerIds }),
  );
  const limiter = config.rateLimiter ?? new MemoryRateLimiter({ now });
  const client = {
    limiter,
    trustProxy: config.trustProxy ?? false,
    ipv6PrefixLength: config.ipv6PrefixLength ?? 64,
    secret: secrets.current,
  };
  // An estate's viewings, for a booking form as its page loads: a window of their own, no body, from the cache.
  app.on(
    ['GET', 'HEAD'],
    '*',
    limitRate({
      ...client,
      limit: config.pageLoadsPerMinute ?? 120,
      isReplay: async () => false,
      counting: 'page loads',
    }),
    serveEstate({ cache: estates, read: createEstateReader(forwarderConfig) }),
  );
  app.post(
    '*',
    limitRate({ ...client, limit: config.rateLimitPerMinute ?? 10, isReplay: hasStoredAnswer({ store, secrets }) }),
    checkContentType,
    limitBody(),
    readLead,
    dropRefusedBooking({ cache: estates }),
    deliverLead({
      store,
      secrets,
      forward,
      timeoutMs,
      leaseMs: config.claimLeaseMs ?? 5_000,
      now,
      upstreamLimitMs,
      ...(outbox ? { outbox } : {}),
    }),
  );
  // Unreachable while the route step answers every other path and method; kept so that no answer is Hono's plain text.
  app.notFound((c) => message(c, 404, 'Not found.'));
  app.onError((error, c) => {
    if (c.get('receiving')) return incompleteBody(c);
    const record = c.get('record');
    if (record) record.event = `relay-failed: ${error.name}`;
    return message(c, 500, 'The relay failed. Try again later.');
  });

  const relay: LeadRelay = (request, info) => Promise.resolve(app.fetch(request, info ?? {}));
  if (outbox) relay.outbox = outbox;
  return relay;
}
