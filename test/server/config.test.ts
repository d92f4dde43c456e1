// The one reading of the relay's environment, for Node and the Worker: the same refusals, the same messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RelayConfigError, relayConfigFromEnv } from '../../src/server/config.ts';

const ENV = {
  VITEC_USERNAME: 'u',
  VITEC_PASSWORD: 'secret-password',
  VITEC_CUSTOMER_IDS: 'C1, C2',
  ALLOWED_ORIGINS: 'https://maklarhuset.se',
};

const SECRET = '0123456789abcdef'.repeat(3) + '0123456789ABCDEF';

describe('relayConfigFromEnv', () => {
  it('should read a working environment', () => {
    const config = relayConfigFromEnv(ENV);
    assert.deepEqual(config.customerIds, ['C1', 'C2']);
    assert.equal(config.rateLimitPerMinute, 10);
    assert.equal(config.vitecBaseUrl, 'https://connect.maklare.vitec.net');
    assert.equal(config.pageLoadsPerMinute, 120);
    assert.equal(config.advertisingPassword, undefined, "the website family uses VITEC_USERNAME's account");
  });

  it("should read the website family's own account and its page-load limit", () => {
    const config = relayConfigFromEnv({
      ...ENV,
      VITEC_ADVERTISING_USERNAME: 'web',
      VITEC_ADVERTISING_PASSWORD: 'web-password',
      PAGE_LOADS_PER_MINUTE: '300',
    });
    assert.equal(config.advertisingUsername, 'web');
    assert.equal(config.advertisingPassword, 'web-password');
    assert.equal(config.pageLoadsPerMinute, 300);
    // A password alone keeps the main username.
    const passwordOnly = relayConfigFromEnv({ ...ENV, VITEC_ADVERTISING_PASSWORD: 'web-password' });
    assert.equal(passwordOnly.advertisingUsername, undefined);
    assert.equal(passwordOnly.advertisingPassword, 'web-password');
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'an origin of null (a sandboxed frame or a file)',
      { ALLOWED_ORIGINS: 'null' },
      /ALLOWED_ORIGINS: "null" is not an origin/,
    ],
    ['an origin with a path', { ALLOWED_ORIGINS: 'https://m.se/page' }, /not an origin/],
    ['a negative rate limit', { RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE must be a whole number from 1/],
    ['a rate limit of zero', { RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE/],
    ['a page-load limit that is no number', { PAGE_LOADS_PER_MINUTE: 'many' }, /PAGE_LOADS_PER_MINUTE/],
    [
      "the website family's username without its password",
      { VITEC_ADVERTISING_USERNAME: 'web' },
      /VITEC_ADVERTISING_USERNAME is set without VITEC_ADVERTISING_PASSWORD/,
    ],
    ['a timeout that is no number', { VITEC_TIMEOUT_MS: 'soon' }, /VITEC_TIMEOUT_MS/],
    ['a Vitec URL of another scheme', { VITEC_BASE_URL: 'ftp://x' }, /VITEC_BASE_URL/],
    [
      'a shared store (REDIS_URL) without a relay secret',
      { REDIS_URL: 'redis://127.0.0.1:6379/0' },
      /RELAY_SECRET is missing: .*openssl rand -hex 32/,
    ],
    ['a relay secret that is not 64 hex characters', { RELAY_SECRET: 'hunter2-secret' }, /RELAY_SECRET must be 64 hex/],
    [
      'a previous relay secret that is not 64 hex characters',
      { RELAY_SECRET: SECRET, RELAY_SECRET_PREVIOUS: `${SECRET.slice(1)}g` },
      /RELAY_SECRET_PREVIOUS must be 64 hex/,
    ],
  ];
  for (const [what, change, message] of refused) {
    it(`should refuse ${what}`, () => {
      assert.throws(
        () => relayConfigFromEnv({ ...ENV, ...change }),
        (error: unknown) => {
          assert.ok(error instanceof RelayConfigError);
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /secret-password|hunter2|ef01/);
          return true;
        },
      );
    });
  }

  it('should read the relay secrets, and require one for a shared store (REDIS_URL, or the Worker)', () => {
    const config = relayConfigFromEnv({
      ...ENV,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      RELAY_SECRET: SECRET,
      RELAY_SECRET_PREVIOUS: 'f'.repeat(64),
    });
    assert.equal(config.secret, SECRET.toLowerCase());
    assert.equal(config.previousSecret, 'f'.repeat(64));
    assert.equal(relayConfigFromEnv(ENV).secret, undefined, 'a relay on its own makes its own');
    assert.throws(() => relayConfigFromEnv(ENV, { sharedStore: true }), /RELAY_SECRET is missing/);
  });

  it('should name every problem at once', () => {
    assert.throws(
      () => relayConfigFromEnv({ RATE_LIMIT_PER_MINUTE: '-1' }),
      (error: RelayConfigError) =>
        ['VITEC_USERNAME', 'VITEC_PASSWORD', 'VITEC_CUSTOMER_IDS', 'ALLOWED_ORIGINS', 'RATE_LIMIT_PER_MINUTE'].every(
          (name) => error.problems.some((p) => p.startsWith(name)),
        ),
    );
  });
});
