// Property-based tests of the relay, with a fixed seed (reproducible in CI).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildLead, compactLead } from '../../src/lead/lead-payload.ts';
import { anyValues, leadConfig } from '../support/arbitraries.ts';
import { validateLead } from '../../src/lead/lead-schema.ts';
import { relayOverMock } from '../support/relay-in-process.ts';

fc.configureGlobal({ seed: 20261129, numRuns: 200 });

const config = leadConfig;

describe('the relay, for any body', () => {
  it('should have the relay answer any body that is not a valid lead with a 4xx, never a 5xx, and never call Vitec', async () => {
    const { relay, calls } = relayOverMock({ rateLimitPerMinute: 1_000_000 });
    const leadLike = fc.record(
      {
        person: fc.oneof(
          anyValues.map((v) => buildLead(v, config).person),
          fc.jsonValue(),
        ),
        leadSource: fc.oneof(fc.constant(config), fc.jsonValue()),
        receiver: fc.jsonValue(),
        marketing: fc.jsonValue(),
        message: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(
      leadLike.map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = undefined;
        }
        fc.pre(parsed === undefined || !validateLead(compactLead(parsed)).success);
        const before = calls.length;
        const response = await relay(
          new Request('https://relay.test/PublicAdvertising/C1/Contact/Person/Lead', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'https://m.se' },
            body,
          }),
        );
        assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${body.slice(0, 200)}`);
        assert.equal(calls.length, before);
      }),
      { numRuns: 200 },
    );
  });
});
