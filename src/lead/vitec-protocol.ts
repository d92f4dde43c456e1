/**
 * Vitec's protocol, as both the element and the relay speak it: the lead's path (the relay serves Vitec's own
 * paths, so the element needs no special mode; lead-kinds.ts has every kind's route), the endpoint's `{customerId}` placeholder, the codes the relay
 * adds to its own answers, and the headers every answer of the relay carries.
 */

/** The path of a person lead at Vitec and at the relay, for a customer id (already URL-encoded). */
export const leadRoutePath = (customerId: string) => `/PublicAdvertising/${customerId}/Contact/Person/Lead`;

/** What an `endpoint` attribute holds where the customer id goes. */
export const CUSTOMER_ID_PLACEHOLDER = '{customerId}';

/** Whether an endpoint needs a customer id put in. */
export const needsCustomerId = (endpoint: string) => endpoint.includes(CUSTOMER_ID_PLACEHOLDER);

/** The URL a lead is POSTed to: the endpoint with its `{customerId}` replaced, URL-encoded. */
export function leadUrl(endpoint: string, customerId: string | undefined): string {
  return endpoint.replaceAll(CUSTOMER_ID_PLACEHOLDER, encodeURIComponent(customerId ?? ''));
}

/** `Code` in the relay's own answers: what the element reads besides the status. */
export const RELAY_CODES = {
  /** Vitec refused the relay's credentials or customer id (or the relay's configuration cannot work): no retry helps. */
  misconfigured: 'relay-misconfigured',
  /**
   * Another request with the same `Idempotency-Key` holds the lead, and this one's deadline came first: whether the
   * lead reached Vitec is not known yet. A 503: the element retries it with the same key, which replays the answer.
   */
  pending: 'lead-pending',
  /** Vitec could not take the lead now: the relay keeps it and delivers it later (a 202 with a `Receipt`). */
  queued: 'queued',
  /** Vitec does not know the estate (a 404 of its own): the page's `estate-id` is wrong, or the listing is gone. */
  estateUnknown: 'estate-unknown',
} as const;

/**
 * What every answer of the relay carries besides CORS and `X-Request-Id`. Hono's `secureHeaders` is not used: it
 * adds a dozen headers meant for HTML documents (framing, XSS filters, DNS prefetch) to each answer after it is
 * made, which measured as a fifth of the relay's CPU per lead (`npm run bench`), and the relay only ever answers
 * JSON to `fetch`.
 */
export const SAFE_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const;

export const JSON_TYPE = 'application/json; charset=utf-8';

/** The relay's answer when it cannot deliver because of its own configuration or Vitec's refusal of it. */
export const MISCONFIGURED_BODY = {
  Message: 'The relay is misconfigured and cannot deliver leads right now.',
  Code: RELAY_CODES.misconfigured,
} as const;
