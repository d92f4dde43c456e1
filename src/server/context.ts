/** What the relay's steps share: the Hono environment, the log record, and how an answer is written. */
import type { Context } from 'hono';
import type { PublicAdvertisingPersonLead } from '../lead-schema.js';
import type { RelayLang } from './messages.js';

/** What a runtime adapter may tell the relay about the connection besides the `Request`. */
export interface ConnectionInfo {
  /** The peer's address as the socket sees it. */
  clientAddress?: string;
  /**
   * The method as the client sent it, when the runtime could not make a `Request` with it (`TRACK`
   * and other methods Node's parser and the Fetch standard do not take); the `Request` then says GET.
   */
  method?: string;
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
  latencyMs?: number;
}

export interface RelayEnv {
  Bindings: ConnectionInfo;
  Variables: {
    requestId: string;
    record: LogRecord;
    started: number;
    lang: RelayLang;
    customerId: string;
    /** The rate limiter's key for this client. */
    client: string;
    /** Set while the body is being received, so that a client that goes away mid-body gets a 400. */
    receiving: boolean;
    /** The lead as the schema returned it, and as sent to Vitec. */
    lead: PublicAdvertisingPersonLead;
    leadJson: string;
    /** Set when the answer is a replay of an earlier request's, which the rate limit does not count. */
    replayed: boolean;
  };
}

export type RelayContext = Context<RelayEnv>;

export const JSON_TYPE = 'application/json; charset=utf-8';

/** An answer with a JSON body (or none, for 204). */
export function answer(c: RelayContext, status: number, body: string | null, headers: Record<string, string> = {}): Response {
  return status === 204 || body === null
    ? c.body(null, status as 204, headers)
    : c.body(body, status as 200, { 'content-type': JSON_TYPE, ...headers });
}

/** An answer of the Web API shape Vitec uses: `{ "Message": "…" }`, plus an optional `Code`. */
export function message(c: RelayContext, status: number, text: string, headers: Record<string, string> = {}, code?: string): Response {
  return answer(c, status, JSON.stringify(code ? { Message: text, Code: code } : { Message: text }), headers);
}

/** A 400 in Vitec's `ModelState` shape. */
export function invalid(c: RelayContext, modelState: Record<string, string[]>): Response {
  return answer(c, 400, JSON.stringify({ Message: 'The request is invalid.', ModelState: modelState }));
}

/** The request's method as the client sent it (see `ConnectionInfo.method`). */
export function methodOf(c: RelayContext): string {
  return c.env?.method ?? c.req.method;
}
