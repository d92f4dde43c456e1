/** Whose leads the rate limit counts: an IP address read as an address (ip-address.ts), never the text as sent. */
import type { RelayContext } from '../context.js';
import { parseIpAddress, rateLimitKey } from '../ip-address.js';

/** The most of an `X-Forwarded-For` header that is read: its last entry is all that counts. */
const MAX_HEADER = 200;

/**
 * The client the rate limit counts, as `rateLimitKey` gives it: with `trustProxy`, from the last `X-Forwarded-For`
 * entry (the one the proxy in front of the relay added; a port it appended is dropped); else, or when that entry is
 * not an address, from the connection's own (and the request's log line says `forwardedFor: "unreadable"`). An
 * attacker can make up no limiter key of any size or form: what is not an address counts as `unknown`.
 */
export function clientAddress(c: RelayContext, trustProxy: boolean, ipv6PrefixLength = 64): string {
  if (trustProxy) {
    const header = c.req.header('x-forwarded-for');
    if (header !== undefined) {
      const forwarded = parseIpAddress(header.slice(-MAX_HEADER).split(',').at(-1));
      if (forwarded) return rateLimitKey(forwarded, ipv6PrefixLength);
      c.get('record').forwardedFor = 'unreadable';
    }
  }
  const connection = parseIpAddress(c.env?.clientAddress);
  return connection ? rateLimitKey(connection, ipv6PrefixLength) : 'unknown';
}
