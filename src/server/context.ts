/** What the relay's steps share: the Hono environment, the log record, and how an answer is written. */
import type { Context } from 'hono';
import type { RouteName } from '../lead/lead-kinds.js';
import { JSON_TYPE, SAFE_HEADERS as SAFE } from '../lead/vitec-protocol.js';

/** What a runtime adapter may tell the relay about the connection besides the `Request`. */
export interface ConnectionInfo {
  /** The peer's address as the socket sees it. */
  clientAddress?: string;
  /**
   * The method as the client sent it, when the runtime could not make a `Request` with it (`TRACK`
   * and other methods Node's parser and the Fetch standard do not take); the `Request` then says GET.
   */
  method?: string;
  /**
   * Keeps the runtime running for work that goes on after the answer (a Worker's `ctx.waitUntil`): a
   * lead that reached a slow Vitec after the visitor's 504 still gets its answer stored.
   */
  waitUntil?: (promise: Promise<unknown>) => void;
}

/**
 * The one log line of a request, filled in by the steps it passes through. Nothing personal: no body,
 * no address, no header but the origin (an origin is a site, not a person).
 */
export interface LogRecord {
  time: string;
  requestId: string;
  method: string;
  route: string;
  customerId?: string;
  origin?: string;
  status?: number;
  vitecStatus?: number;
  event?: string;
  /** `unreadable` when `X-Forwarded-For` was trusted but its last entry is not an address (the connection's was used). */
  forwardedFor?: 'unreadable';
  latencyMs?: number;
}

export interface RelayEnv {
  Bindings: ConnectionInfo;
  Variables: {
    requestId: string;
    record: LogRecord;
    started: number;
    customerId: string;
    /** Which route: a kind of lead (lead-kinds.ts), or `estate`, an estate's viewings. */
    route: RouteName;
    /** For an interest, a booking and the estate's viewings. */
    estateId: string;
    /** The same request's path at Vitec: where the lead goes, or what is read. */
    vitecPath: string;
    /** Set while the body is being received, so that a client that goes away mid-body gets a 400. */
    receiving: boolean;
    /** The lead as the schema returned it, as sent to Vitec. */
    leadJson: string;
    /** Set when the answer is a replay of an earlier request's, which the rate limit does not count. */
    replayed: boolean;
    /** The request's `Origin` when it is allowed: every answer then carries CORS headers for it. */
    corsOrigin: string;
  };
}

export type RelayContext = Context<RelayEnv>;

/** CORS headers on an answer to an allowed origin, so that the page can read it (404, 405 and 429 too). */
const EXPOSE = 'Retry-After, X-Request-Id, Idempotent-Replayed';

/** An answer with a JSON body (or none, for 204), with the safe headers and CORS for an allowed origin. */
export function answer(
  c: RelayContext,
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Response {
  const origin = c.get('corsOrigin');
  const all: Record<string, string> = origin
    ? {
        ...SAFE,
        'access-control-allow-origin': origin,
        'access-control-expose-headers': EXPOSE,
        vary: 'Origin',
        ...headers,
      }
    : { ...SAFE, ...headers };
  return status === 204 || body === null
    ? c.body(null, status as 204, all)
    : c.body(body, status as 200, { 'content-type': JSON_TYPE, ...all });
}

/** An answer of the Web API shape Vitec uses: `{ "Message": "…" }`. */
export function message(c: RelayContext, status: number, text: string, headers: Record<string, string> = {}): Response {
  return answer(c, status, JSON.stringify({ Message: text }), headers);
}

/** A 400 in Vitec's `ModelState` shape. */
export function invalid(c: RelayContext, modelState: Record<string, string[]>): Response {
  return answer(c, 400, JSON.stringify({ Message: 'The request is invalid.', ModelState: modelState }));
}

/** The request's method as the client sent it (see `ConnectionInfo.method`). */
export function methodOf(c: RelayContext): string {
  return c.env?.method ?? c.req.method;
}
