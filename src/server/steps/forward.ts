/**
 * Forwarding a lead to Vitec, and what Vitec's answer means for the visitor: only what Vitec decided is final (a
 * lead id, an interest's 204, a booking's or a valuation's `{contactId}`, Vitec's own 400, and its 404 for an estate
 * it does not know); everything else is a failure the relay words itself, never Vitec's body.
 */
import { logEvent } from '../log.js';
import { matchRoute, type RouteName } from '../../lead/lead-kinds.js';
import { leadRoutePath, MISCONFIGURED_BODY, RELAY_CODES } from '../../lead/vitec-protocol.js';

/** An answer for the visitor. `final` answers are what Vitec decided, and the only ones kept for replays. */
export interface Answer {
  status: number;
  body: string;
  final: boolean;
  /** For the log line. */
  vitecStatus?: number;
  event?: string;
}

/** The most of Vitec's answer the relay reads; a lead id is a few dozen bytes, a ModelState a few KiB. */
const MAX_VITEC_ANSWER_BYTES = 64 * 1024;

const body = (text: string, code?: string) => JSON.stringify(code ? { Message: text, Code: code } : { Message: text });
const UNDELIVERED: Answer = {
  status: 502,
  body: body('The lead could not be delivered. Try again later.'),
  final: false,
};
export const TIMED_OUT: Answer = {
  status: 504,
  body: body('Vitec did not answer in time. Try again later.'),
  final: false,
};
/**
 * Vitec refused the relay's credentials or customer id: no retry can help until the operator fixes the
 * relay, so the status is one the element does not retry (not 502–504), and the body says why without
 * saying which secret is wrong. Not kept, so that a retry after the fix goes through.
 */
const MISCONFIGURED: Answer = {
  status: 500,
  body: JSON.stringify(MISCONFIGURED_BODY),
  final: false,
};

/**
 * What the relay reads of Vitec's answer: a `Response` has it all, and so may something lighter (the
 * Node forwarder's answer, which skips building a web stream for a body it already holds).
 */
export interface VitecAnswer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** How the relay calls Vitec: the global `fetch` fits. It must not follow redirects by itself. */
export type VitecFetch = (url: string, init: RequestInit) => Promise<VitecAnswer>;

export interface ForwarderConfig {
  /** Vitec's base URL without a trailing slash. */
  base: string;
  /** The marketplace family's `Authorization` (the person lead). */
  authorization: string;
  /** The website family's (`/Advertising/…`, `/v2/Advertising/…`), when it has a password of its own. */
  advertisingAuthorization?: string;
  fetch: VitecFetch;
  /** How long the visitor waits. */
  timeoutMs: number;
  /** How long the relay goes on waiting for Vitec after the visitor's 504. */
  upstreamLimitMs: number;
  now: () => number;
  log: (line: string) => void;
}

/** At most `limit` bytes of a body as text; `undefined` when there are more, which are not read. */
export async function readBounded(response: VitecAnswer, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  // With a declared length within the limit one read is enough, and much cheaper than a reader loop
  // (the runtime holds a body to its declared length); `body` is not touched before, as on Node it
  // would turn a buffered answer into a web stream.
  if (declared <= limit) return response.text();
  if (!response.body) {
    // A body already held (the Node forwarder's, which keeps at most `limit` + 1 bytes of it).
    const text = await response.text();
    return new TextEncoder().encode(text).length > limit ? undefined : text;
  }
  const reader = response.body.getReader();
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

/** The `Authorization` for a route at Vitec: the website family's own, when it has one. */
export const authorizationFor = (config: ForwarderConfig, route: RouteName): string =>
  route === 'lead' ? config.authorization : (config.advertisingAuthorization ?? config.authorization);

/** Whether a 200's body is a booking's or a valuation's answer: an object with a `contactId` string. */
function isContactAnswer(text: string): boolean {
  try {
    const answer: unknown = JSON.parse(text);
    const id = (answer as { contactId?: unknown } | null)?.contactId;
    return typeof id === 'string' && id.length > 0 && id.length <= 100;
  } catch {
    return false;
  }
}

const ESTATE_UNKNOWN = body('Vitec does not know this estate.', RELAY_CODES.estateUnknown);

/** Whether a 200's body is a lead id: a JSON string of 1 to 100 characters. */
function isLeadId(text: string): boolean {
  try {
    const id: unknown = JSON.parse(text);
    return typeof id === 'string' && id.trim().length > 0 && id.length <= 100;
  } catch {
    return false;
  }
}

/**
 * Creates `forwardLead(customerId, leadJson, started, requestId)`, which settles with what Vitec
 * decided. It is not cut when the visitor's answer times out (only after `upstreamLimitMs`), so that a
 * lead which reached a slow Vitec still gets its final answer stored under its key: the visitor's
 * retry then receives that answer instead of making a second lead.
 */
export function createForwarder(config: ForwarderConfig) {
  return async function forwardLead(
    customerId: string,
    leadJson: string,
    started: number,
    requestId: string,
    /** The lead's own key, sent with a lead the outbox delivers. */
    idempotencyKey?: string,
    /** Where at Vitec: the person lead's path unless another kind's (lead-kinds.ts). */
    path: string = leadRoutePath(encodeURIComponent(customerId)),
  ): Promise<Answer> {
    const route = matchRoute(path, true)?.name ?? 'lead';
    const personLead = route === 'lead';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.upstreamLimitMs);
    try {
      const response = await config.fetch(config.base + path, {
        method: 'POST',
        headers: {
          authorization: authorizationFor(config, route),
          'content-type': 'application/json',
          accept: 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: leadJson,
        redirect: 'manual',
        signal: controller.signal,
      });
      const text = await readBounded(response, MAX_VITEC_ANSWER_BYTES);
      const vitecStatus = response.status;
      if (config.now() - started > config.timeoutMs) {
        const at = config.now();
        logEvent(config.log, 'vitec-late-answer', { requestId, vitecStatus, latencyMs: at - started }, at);
      }
      if (text === undefined) return { ...UNDELIVERED, vitecStatus, event: 'vitec-answer-too-large' };
      // An interest is answered 204, with nothing to pass on.
      if (route === 'interest' && (vitecStatus === 204 || vitecStatus === 200))
        return { status: 204, body: '', final: true, vitecStatus };
      if (vitecStatus === 200)
        return (personLead ? isLeadId(text) : isContactAnswer(text))
          ? { status: 200, body: text, final: true, vitecStatus }
          : { ...UNDELIVERED, vitecStatus, event: 'vitec-unexpected-answer' };
      if (vitecStatus === 404 && (route === 'interest' || route === 'viewing'))
        return { status: 404, body: ESTATE_UNKNOWN, final: true, vitecStatus, event: 'estate-unknown' };
      if (vitecStatus === 400) return { status: 400, body: text, final: true, vitecStatus };
      if (vitecStatus === 401 || vitecStatus === 403) {
        const which = vitecStatus === 401 ? 'vitec-unauthorized' : 'vitec-forbidden';
        return {
          ...MISCONFIGURED,
          vitecStatus,
          event: `${which}: check ${personLead || !config.advertisingAuthorization ? 'VITEC_USERNAME, VITEC_PASSWORD' : 'VITEC_ADVERTISING_USERNAME, VITEC_ADVERTISING_PASSWORD'} and the customer id`,
        };
      }
      return { ...UNDELIVERED, vitecStatus, event: 'vitec-failed' };
    } catch {
      return controller.signal.aborted
        ? { ...TIMED_OUT, event: 'vitec-timeout' }
        : { ...UNDELIVERED, event: 'vitec-unreachable' };
    } finally {
      clearTimeout(timer);
    }
  };
}

export type ForwardLead = ReturnType<typeof createForwarder>;

/** Whether Vitec refused the relay's credentials or customer id (401 or 403): the operator's to fix, not the lead's. */
export const refusedCredentials = (answer: Answer): boolean =>
  !answer.final && /^vitec-(unauthorized|forbidden)/.test(answer.event ?? '');
