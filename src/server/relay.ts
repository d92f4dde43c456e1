/**
 * The relay: the broker's Vitec credentials stay on a server, and only good leads get through.
 *
 * `createLeadRelay(config)` returns a standard fetch handler that speaks Vitec's own protocol on both
 * sides (`POST /PublicAdvertising/{customerId}/Contact/Person/Lead`), so it runs unchanged on Node,
 * on edge runtimes and inside the dev server, and the element needs no special mode.
 */
import { compactLead } from '../lead-payload.js';
import { type LeadIssue, validateLead } from '../lead-schema.js';
import { MESSAGES, errorText } from '../messages.js';
import { type IdempotencyStore, MemoryIdempotencyStore, type StoredAnswer } from './idempotency.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit.js';

export interface RelayConfig {
  /** Where Vitec is, e.g. `https://connect.maklare.vitec.net`. */
  vitecBaseUrl: string;
  username: string;
  password: string;
  /** Customer ids this relay may send leads for. */
  customerIds: readonly string[];
  /** Origins of the broker's sites, e.g. `https://maklarhuset.se`. */
  allowedOrigins: readonly string[];
  /** Leads per minute from one client address. Default 10. */
  rateLimitPerMinute?: number;
  /** How long a visitor waits for Vitec's answer before a 504. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * How long the relay itself goes on waiting for Vitec after answering 504, so that a late answer is
   * stored for the visitor's retry. Default six times `timeoutMs`, at least 60 s.
   */
  upstreamLimitMs?: number;
  /** Take the client address from the last `X-Forwarded-For` entry (only behind a proxy you run). */
  trustProxy?: boolean;
  /** What forwards to Vitec; the global `fetch` by default. Must not follow redirects by itself. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  idempotencyStore?: IdempotencyStore;
  rateLimiter?: RateLimiter;
  /** Receives one JSON line per request; `console.log` by default. */
  log?: (line: string) => void;
  newRequestId?: () => string;
}

export interface ConnectionInfo {
  clientAddress?: string;
}

export type LeadRelay = (request: Request, info?: ConnectionInfo) => Promise<Response>;

const ROUTE = /^\/PublicAdvertising\/([^/]+)\/Contact\/Person\/Lead\/?$/i;
const MAX_BODY = 64 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY = 200;

type Answer = Omit<StoredAnswer, 'fingerprint'> | StoredAnswer;
const UNDELIVERED: Answer = { status: 502, body: JSON.stringify({ Message: 'The lead could not be delivered. Try again later.' }), final: false };
const TIMED_OUT: Answer = { status: 504, body: JSON.stringify({ Message: 'Vitec did not answer in time. Try again later.' }), final: false };

/** One log line; JSON escapes CR and LF, and U+2028/2029 are escaped too so a line stays one line. */
function logLine(fields: Record<string, unknown>): string {
  return JSON.stringify(fields).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Vitec's `ModelState` key for an issue path: `person.email.emailAddress` → `lead.Person.Email.EmailAddress`. */
function modelStateKey(path: string): string {
  return ['lead', ...path.split('.').filter(Boolean).map((s) => s.charAt(0).toUpperCase() + s.slice(1))].join('.');
}

function modelState(issues: readonly LeadIssue[]): Record<string, string[]> {
  const sv = MESSAGES.sv;
  const state: Record<string, string[]> = {};
  for (const issue of issues) {
    const text = issue.field ? errorText(sv, issue.code, issue.field) : `Ogiltigt värde (${issue.code}).`;
    (state[modelStateKey(issue.path)] ??= []).push(text);
  }
  return state;
}

async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  // With a declared length within the limit, one read is enough (and much cheaper than a reader
  // loop): HTTP servers, Node's and the edge runtimes', hold a body to its declared length.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isInteger(declared) && declared <= limit) return request.text();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

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

  const base = config.vitecBaseUrl.replace(/\/+$/, '');
  const authorization = basicAuth(config.username, config.password);
  const origins = new Set(config.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const customers = new Set(config.customerIds);
  const limit = config.rateLimitPerMinute ?? 10;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const upstreamLimitMs = config.upstreamLimitMs ?? Math.max(timeoutMs * 6, 60_000);
  const forward = config.fetch ?? ((input, init) => fetch(input, init));
  const now = config.now ?? Date.now;
  const store = config.idempotencyStore ?? new MemoryIdempotencyStore({ now });
  const limiter = config.rateLimiter ?? new MemoryRateLimiter({ now });
  const log = config.log ?? ((line: string) => console.log(line));
  const newRequestId = config.newRequestId ?? (() => crypto.randomUUID());
  const inFlight = new Map<string, Promise<Answer>>();

  return async (request, info) => {
    const started = now();
    const requestId = newRequestId();
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    const originAllowed = origin === null || origins.has(origin.toLowerCase());
    let customerId: string | undefined;
    let vitecStatus: number | undefined;
    let event: string | undefined;

    const respond = (status: number, body: string, extra: Record<string, string> = {}): Response => {
      const headers: Record<string, string> = {
        'content-type': JSON_TYPE,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'x-request-id': requestId,
        ...extra,
      };
      if (origin && originAllowed) {
        headers['access-control-allow-origin'] = origin;
        headers['access-control-expose-headers'] = 'Retry-After, X-Request-Id';
        headers.vary = 'Origin';
      }
      log(
        logLine({
          time: new Date(started).toISOString(),
          requestId,
          method: request.method,
          route: customerId === undefined ? url.pathname.slice(0, 100) : 'lead',
          ...(customerId === undefined ? {} : { customerId: customerId.slice(0, 100) }),
          status,
          ...(vitecStatus === undefined ? {} : { vitecStatus }),
          ...(event ? { event } : {}),
          latencyMs: now() - started,
        }),
      );
      return new Response(status === 204 ? null : body, { status, headers });
    };
    const message = (status: number, text: string, extra?: Record<string, string>) => respond(status, JSON.stringify({ Message: text }), extra);

    if (url.pathname === '/healthz') {
      return request.method === 'GET' || request.method === 'HEAD' ? respond(200, '{"status":"ok"}') : message(405, 'Method not allowed.', { allow: 'GET, HEAD' });
    }
    const route = ROUTE.exec(url.pathname);
    if (!route) return message(404, 'Not found.');
    if (!originAllowed) {
      event = 'origin-refused';
      return message(403, 'This origin may not send leads here.');
    }
    if (request.method === 'OPTIONS') {
      return respond(204, '', {
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'Content-Type, Accept, Idempotency-Key',
        'access-control-max-age': '600',
      });
    }
    if (request.method !== 'POST') return message(405, 'Method not allowed.', { allow: 'POST, OPTIONS' });

    try {
      customerId = decodeURIComponent(route[1]!);
    } catch {
      return message(404, 'Not found.');
    }
    if (!customers.has(customerId)) {
      event = 'customer-refused';
      return message(403, 'This customer id may not send leads here.');
    }

    const client = (config.trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined) || info?.clientAddress || 'unknown';
    const rate = await limiter.hit(client, limit, 60_000);
    if (!rate.allowed) {
      event = 'rate-limited';
      return message(429, 'Too many leads from this address. Try again later.', { 'retry-after': String(rate.retryAfterSeconds) });
    }

    if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
      return message(415, 'Send the lead as application/json.');
    }
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return message(413, 'The lead is larger than 64 KiB.');
    const text = await readLimited(request, MAX_BODY);
    if (text === undefined) return message(413, 'The lead is larger than 64 KiB.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return respond(400, JSON.stringify({ Message: 'The request is invalid.', ModelState: { lead: ['Förfrågan innehåller ogiltig JSON.'] } }));
    }
    const validation = validateLead(compactLead(parsed));
    if (!validation.success) {
      event = 'invalid-lead';
      return respond(400, JSON.stringify({ Message: 'The request is invalid.', ModelState: modelState(validation.issues) }));
    }
    // The schema's output has only the properties it knows: everything else is dropped here.
    const leadJson = JSON.stringify(validation.lead);

    /**
     * Forwards the lead and settles with what Vitec decided. It is not cut when the visitor's answer
     * times out (only after `upstreamLimitMs`), so that a lead which reached a slow Vitec still gets its
     * final answer stored under its key: the visitor's retry then receives that answer instead of
     * making a second lead.
     */
    const forwardLead = async (): Promise<Answer> => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), upstreamLimitMs);
      const late = () => now() - started > timeoutMs;
      try {
        const answer = await forward(`${base}/PublicAdvertising/${encodeURIComponent(customerId!)}/Contact/Person/Lead`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
          body: leadJson,
          redirect: 'manual',
          signal: controller.signal,
        });
        const body = await answer.text();
        vitecStatus = answer.status;
        if (late()) log(logLine({ time: new Date(now()).toISOString(), requestId, event: 'vitec-late-answer', vitecStatus: answer.status, latencyMs: now() - started }));
        if (answer.status === 200 || answer.status === 400) return { status: answer.status, body, final: true };
        if (answer.status === 401 || answer.status === 403) {
          event = `vitec-${answer.status === 401 ? 'unauthorized' : 'forbidden'}: check VITEC_USERNAME, VITEC_PASSWORD and the customer id`;
        } else event = 'vitec-failed';
        return UNDELIVERED;
      } catch {
        event = controller.signal.aborted ? 'vitec-timeout' : 'vitec-unreachable';
        return controller.signal.aborted ? TIMED_OUT : UNDELIVERED;
      } finally {
        clearTimeout(timer);
      }
    };

    /** What the visitor gets: the answer, or 504 once `timeoutMs` has passed since the request came in. */
    const within = async (pending: Promise<Answer>): Promise<Answer> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Answer>((resolve) => {
        timer = setTimeout(() => {
          event ??= 'vitec-timeout';
          resolve(TIMED_OUT);
        }, Math.max(0, timeoutMs - (now() - started)));
      });
      try {
        return await Promise.race([pending, timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    const key = request.headers.get('idempotency-key')?.trim();
    if (!key) {
      const answer = await within(forwardLead());
      return respond(answer.status, answer.body);
    }
    if (key.length > MAX_KEY) return message(400, 'The Idempotency-Key header is too long.');
    const scope = `${customerId}\n${key}`;
    const print = await fingerprint(leadJson);
    const stored = await store.get(scope);
    // No await between looking for a request in flight and registering this one, so two requests
    // with one key can never both reach Vitec.
    let pending = stored ? undefined : inFlight.get(scope);
    const first = !stored && !pending;
    if (first) {
      pending = forwardLead()
        .then(async (answer) => {
          const keep = { ...answer, fingerprint: print };
          // Only what Vitec decided for good is kept: a failure must stay retryable, or a visitor
          // whose lead met a Vitec outage could never send it.
          if (answer.final) await store.set(scope, keep, IDEMPOTENCY_TTL_MS);
          return keep;
        })
        .finally(() => inFlight.delete(scope));
      inFlight.set(scope, pending);
    }
    const answer = stored ?? (await within(pending!));
    if ('fingerprint' in answer && answer.fingerprint !== print) return message(422, 'This Idempotency-Key was used for another lead.');
    if (!first) {
      event = stored ? 'idempotent-replay' : 'idempotent-wait';
      return respond(answer.status, answer.body, { 'idempotent-replayed': 'true' });
    }
    return respond(answer.status, answer.body);
  };
}
