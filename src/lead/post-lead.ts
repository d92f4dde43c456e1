/** postLead(): one POST of a lead (of any kind, lead-kinds.ts), with a timeout and an idempotency key; no DOM. */
import { RELAY_CODES } from './vitec-protocol.js';

export type SubmitResult =
  /**
   * The person lead's id; empty for an interest (Vitec answers 204); a booking and a valuation have the id of the
   * contact Vitec booked or found (`contactId`) instead.
   */
  | { readonly kind: 'success'; readonly status: number; readonly leadId: string; readonly contactId?: string }
  /** 202 from a relay with an outbox: the lead is kept and will reach Vitec; `receipt` is what the visitor quotes. */
  | { readonly kind: 'queued'; readonly status: 202; readonly receipt: string }
  /** 400: the body says what is wrong. */
  | { readonly kind: 'invalid'; readonly status: number; readonly body: unknown }
  /** 401 or 403, or the relay's `relay-misconfigured`: no visitor and no retry can fix it. */
  | { readonly kind: 'auth'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'rate-limit'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'server'; readonly status: number; readonly body: unknown }
  /** Any other answer: a redirect, a 404, a 200 whose body is no lead id (nor `{contactId}`). */
  | { readonly kind: 'unexpected'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'network' | 'timeout' | 'offline'; readonly status: 0 }
  /** The element went away while sending. */
  | { readonly kind: 'aborted'; readonly status: 0 };

export interface PostOptions {
  /** Default 15 000 ms. */
  timeoutMs?: number;
  /** Sent as `Idempotency-Key`; the same key for every retry of one lead. */
  idempotencyKey?: string;
  /** Sent as `Accept-Language`, so that the relay words its own errors in the form's language. */
  lang?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * What a success carries: the person lead's id (a JSON string, the default), nothing (an interest's 204), or a
   * booking's or valuation's `{contactId}`. Any other success is unexpected: an endpoint that answers 204 to a
   * person lead is not Vitec's.
   */
  success?: 'leadId' | 'empty' | 'contactId';
}

/** `Retry-After` as seconds from now: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POSTs a lead as JSON and classifies the answer. Never throws. */
export async function postLead(url: string, lead: unknown, options: PostOptions = {}): Promise<SubmitResult> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline', status: 0 };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? 15_000);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.lang) headers['accept-language'] = options.lang;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(lead),
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'error',
    });
    const body = await readBody(response);
    const status = response.status;
    if (status === 202) {
      const receipt = (body as { Code?: unknown; Receipt?: unknown } | null)?.Receipt;
      return (body as { Code?: unknown } | null)?.Code === RELAY_CODES.queued &&
        typeof receipt === 'string' &&
        /^[\w-]{1,40}$/.test(receipt)
        ? { kind: 'queued', status, receipt }
        : { kind: 'unexpected', status, body };
    }
    if (response.ok) {
      const success = options.success ?? 'leadId';
      if (success === 'empty')
        return status === 204 ? { kind: 'success', status, leadId: '' } : { kind: 'unexpected', status, body };
      const contactId = (body as { contactId?: unknown } | null)?.contactId;
      if (success === 'contactId')
        return typeof contactId === 'string' && contactId.trim()
          ? { kind: 'success', status, leadId: '', contactId: contactId.trim() }
          : { kind: 'unexpected', status, body };
      return typeof body === 'string' && body.trim()
        ? { kind: 'success', status, leadId: body.trim() }
        : { kind: 'unexpected', status, body };
    }
    if (status === 400 || status === 422) return { kind: 'invalid', status, body };
    if (status === 401 || status === 403) return { kind: 'auth', status, body };
    if (status === 429) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
      return retryAfterSeconds === undefined
        ? { kind: 'rate-limit', status }
        : { kind: 'rate-limit', status, retryAfterSeconds };
    }
    if (status >= 500) {
      // The relay's own word that Vitec refused its credentials or customer id.
      const misconfigured =
        !!body && typeof body === 'object' && (body as { Code?: unknown }).Code === RELAY_CODES.misconfigured;
      return { kind: misconfigured ? 'auth' : 'server', status, body };
    }
    return { kind: 'unexpected', status, body };
  } catch {
    if (timedOut) return { kind: 'timeout', status: 0 };
    if (options.signal?.aborted) return { kind: 'aborted', status: 0 };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline', status: 0 };
    return { kind: 'network', status: 0 };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** A failure that a second try may get past: no answer at all, or a gateway that could not reach Vitec. */
export function isRetryable(result: SubmitResult): boolean {
  return result.kind === 'network' || (result.kind === 'server' && [502, 503, 504].includes(result.status));
}

/**
 * postLead, and once more after `retryDelayMs` when the first try failed in a way a retry may get past.
 * Both tries carry the same idempotency key, so a relay makes one lead of them whatever happened.
 */
export async function postLeadWithRetry(
  url: string,
  lead: unknown,
  options: PostOptions & { retryDelayMs?: number } = {},
): Promise<SubmitResult> {
  const first = await postLead(url, lead, options);
  if (!isRetryable(first)) return first;
  const retried = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(true), options.retryDelayMs ?? 1000);
    options.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  return retried ? postLead(url, lead, options) : { kind: 'aborted', status: 0 };
}

/** A new idempotency key for a lead. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID is missing outside secure contexts (a plain-http page); 128 random bits do the same job.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
