/** Whose leads the rate limit counts: an IP address, never more than 64 characters of anything else. */
import type { RelayContext } from '../context.js';

const MAX = 64;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:]*(?:(?:\d{1,3}\.){3}\d{1,3})?$/i;

/** `value` when it is an IPv4 or IPv6 address of at most 64 characters, else `undefined`. */
function asAddress(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > MAX) return undefined;
  return IPV4.test(trimmed) || IPV6.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/**
 * The client's address: with `trustProxy`, the last `X-Forwarded-For` entry (the one the proxy in
 * front of the relay added); else the connection's own. A header entry that is not an address (too
 * long, malformed) is ignored, so an attacker cannot make up limiter keys of any size.
 */
export function clientAddress(c: RelayContext, trustProxy: boolean): string {
  const forwarded = trustProxy ? asAddress(c.req.header('x-forwarded-for')?.slice(-200).split(',').at(-1)) : undefined;
  return forwarded ?? asAddress(c.env?.clientAddress) ?? 'unknown';
}
