/** The lead's size: what is over the limit is refused, and read only as far as needed to know it. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { message, type RelayContext, type RelayEnv } from '../context.js';

/** The largest lead the relay reads; the schema's limits add up to far less. */
export const MAX_LEAD_BYTES = 64 * 1024;

/**
 * A declared `Content-Length` over the limit is refused before a byte is read; one within it is left
 * to the runtime, which holds a body to its declared length; a body with no length (chunked) goes
 * through Hono's body limit, which reads it only up to the limit. Hono's middleware is not used for
 * the declared case: it looks at `request.body`, which makes `@hono/node-server` build a web stream
 * for every request (measured: about 3× the relay's CPU per lead, `npm run bench`).
 */
export function limitBody(options: { maxBytes?: number } = {}): MiddlewareHandler<RelayEnv> {
  const maxBytes = options.maxBytes ?? MAX_LEAD_BYTES;
  const tooLarge = (c: RelayContext) => message(c, 413, `The lead is larger than ${Math.round(maxBytes / 1024)} KiB.`);
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c as RelayContext) });
  return async function limitBodySize(c, next) {
    c.set('receiving', true);
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number(declared) > maxBytes ? tooLarge(c) : next();
  };
}
