/**
 * The one validated reading of the relay's environment, for Node (`npm run relay`, `vitec-lead-relay`) and the
 * Cloudflare Worker alike: the same variables, the same refusals, the same messages. Every problem is named in one
 * error; no value of a secret is ever echoed.
 */
import { isRelaySecret } from './relay-secret.js';
import type { RelayConfig } from './relay.js';

const MAKE_SECRET = 'make one with `openssl rand -hex 32`';

/** What the environment gives: `process.env` on Node, the Worker's `env` (vars and secrets) on Cloudflare. */
export type Environment = Readonly<Record<string, unknown>>;

/** The relay's settings as the environment gives them; each runtime adds its forwarder and stores. */
export type EnvironmentConfig = Pick<
  RelayConfig,
  | 'vitecBaseUrl'
  | 'username'
  | 'password'
  | 'advertisingUsername'
  | 'advertisingPassword'
  | 'pageLoadsPerMinute'
  | 'customerIds'
  | 'allowedOrigins'
  | 'rateLimitPerMinute'
  | 'timeoutMs'
  | 'claimLeaseMs'
  | 'trustProxy'
  | 'ipv6PrefixLength'
  | 'secret'
  | 'previousSecret'
> & {
  /** `REDIS_URL`: idempotency and the rate limit shared by every relay that names the same Redis (Node). */
  redisUrl?: string;
  /** `OUTBOX_DIR`: where one Node relay keeps the leads Vitec could not take yet; else Redis, else memory. */
  outboxDir?: string;
  /** The outbox's bounds and backoff (`OUTBOX_*`). */
  outbox: { maxAgeMs: number; maxEntries: number; retryMinMs: number; retryMaxMs: number };
};

/** Thrown when the environment cannot work; its message lists every problem, one a line. */
export class RelayConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The relay cannot start:\n- ${problems.join('\n- ')}`);
    this.name = 'RelayConfigError';
  }
}

export const DEFAULT_VITEC_BASE_URL = 'https://connect.maklare.vitec.net';

const text = (env: Environment, name: string): string => {
  const value = env[name];
  return typeof value === 'string' ? value : '';
};

export const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A whole number from `min` to `max`, or `fallback` when unset; a problem is pushed for anything else. */
export function whole(
  env: Environment,
  name: string,
  fallback: number,
  problems: string[],
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 20)}"`);
  return fallback;
}

/** `problems` gets one line per origin that is not a plain `https://host[:port]` (or http) origin. */
function origins(value: string, problems: string[]): string[] {
  const found = list(value);
  for (const origin of found) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    // `null` (what a sandboxed frame or a file sends) parses to the origin "null": it is no site.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/+$/, ''))
      problems.push(`ALLOWED_ORIGINS: "${origin.slice(0, 100)}" is not an origin like https://maklarhuset.se`);
  }
  return found;
}

/**
 * Reads the relay's settings; throws a `RelayConfigError` that lists every problem. `sharedStore`: the runtime keeps
 * its store outside the process (the Worker's Durable Objects), so the relay secret is required as with `REDIS_URL`.
 */
export function relayConfigFromEnv(env: Environment, options: { sharedStore?: boolean } = {}): EnvironmentConfig {
  const problems: string[] = [];
  for (const name of ['VITEC_USERNAME', 'VITEC_PASSWORD']) if (!text(env, name)) problems.push(`${name} is missing`);
  for (const name of ['VITEC_CUSTOMER_IDS', 'ALLOWED_ORIGINS'])
    if (!list(text(env, name)).length) problems.push(`${name} is missing`);
  const allowedOrigins = origins(text(env, 'ALLOWED_ORIGINS'), problems);
  const vitecBaseUrl = text(env, 'VITEC_BASE_URL') || DEFAULT_VITEC_BASE_URL;
  if (!/^https?:\/\/[^\s/]/.test(vitecBaseUrl))
    problems.push('VITEC_BASE_URL must start with https:// (or http:// for a local mock)');
  const redisUrl = text(env, 'REDIS_URL') || undefined;
  // The URL may hold a password: never echoed.
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl))
    problems.push('REDIS_URL must look like redis://host:6379/0 (or rediss:// for TLS)');
  const rateLimitPerMinute = whole(env, 'RATE_LIMIT_PER_MINUTE', 10, problems);
  const pageLoadsPerMinute = whole(env, 'PAGE_LOADS_PER_MINUTE', 120, problems);
  // The website family's own account (interest, viewings, valuation), when Vitec gave it one; else VITEC_USERNAME's.
  const advertisingUsername = text(env, 'VITEC_ADVERTISING_USERNAME').trim();
  const advertisingPassword = text(env, 'VITEC_ADVERTISING_PASSWORD');
  if (advertisingUsername && !advertisingPassword)
    problems.push('VITEC_ADVERTISING_USERNAME is set without VITEC_ADVERTISING_PASSWORD');
  const timeoutMs = whole(env, 'VITEC_TIMEOUT_MS', 10_000, problems);
  const claimLeaseMs = whole(env, 'CLAIM_LEASE_MS', 5_000, problems, 1_000, 60_000);
  const ipv6PrefixLength = whole(env, 'RATE_LIMIT_IPV6_PREFIX', 64, problems, 16, 128);
  const outboxDir = text(env, 'OUTBOX_DIR').trim() || undefined;
  const outbox = {
    maxAgeMs: whole(env, 'OUTBOX_MAX_AGE_HOURS', 72, problems, 1, 24 * 30) * 60 * 60 * 1000,
    maxEntries: whole(env, 'OUTBOX_MAX_ENTRIES', 10_000, problems, 1, 1_000_000),
    retryMinMs: whole(env, 'OUTBOX_RETRY_MIN_MS', 10_000, problems, 100, 3_600_000),
    retryMaxMs: whole(env, 'OUTBOX_RETRY_MAX_MS', 600_000, problems, 100, 24 * 3_600_000),
  };
  const secret = text(env, 'RELAY_SECRET').trim();
  const previousSecret = text(env, 'RELAY_SECRET_PREVIOUS').trim();
  // Never echoed: the message says what a secret looks like, not what was given.
  for (const [name, value] of [
    ['RELAY_SECRET', secret],
    ['RELAY_SECRET_PREVIOUS', previousSecret],
  ] as const)
    if (value && !isRelaySecret(value))
      problems.push(`${name} must be 64 hex characters (32 random bytes): ${MAKE_SECRET}`);
  if (!secret && (redisUrl || options.sharedStore))
    problems.push(
      `RELAY_SECRET is missing: it keys what the relays keep in their shared store, and every relay that shares it needs the same one; ${MAKE_SECRET}`,
    );
  else if (!secret && outboxDir)
    problems.push(
      `RELAY_SECRET is missing: it seals the leads kept in OUTBOX_DIR, and must outlive a restart; ${MAKE_SECRET}`,
    );
  if (previousSecret && !secret) problems.push('RELAY_SECRET_PREVIOUS is set without RELAY_SECRET');
  if (problems.length) throw new RelayConfigError(problems);
  return {
    vitecBaseUrl,
    username: text(env, 'VITEC_USERNAME'),
    password: text(env, 'VITEC_PASSWORD'),
    customerIds: list(text(env, 'VITEC_CUSTOMER_IDS')),
    allowedOrigins,
    rateLimitPerMinute,
    pageLoadsPerMinute,
    ...(advertisingPassword ? { advertisingPassword, ...(advertisingUsername ? { advertisingUsername } : {}) } : {}),
    timeoutMs,
    claimLeaseMs,
    ipv6PrefixLength,
    trustProxy: /^(1|true|yes|on)$/i.test(text(env, 'TRUST_PROXY')),
    ...(secret ? { secret: secret.toLowerCase() } : {}),
    ...(previousSecret ? { previousSecret: previousSecret.toLowerCase() } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(outboxDir ? { outboxDir } : {}),
    outbox,
  };
}
