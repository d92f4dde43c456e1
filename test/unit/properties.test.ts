// Property-based tests with a fixed seed (reproducible in CI) and a budget that keeps `npm test` fast.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mapErrorBody } from '../../src/api-errors.ts';
import { buildLead, compactLead, validateForm } from '../../src/lead-payload.ts';
import { FIELD_NAMES, type FieldName } from '../../src/lead-paths.ts';
import { validateLead } from '../../src/lead-schema.ts';
import { createMockVitec } from '../../src/server/mock-vitec.ts';
import { createLeadRelay } from '../../src/server/relay.ts';

fc.configureGlobal({ seed: 20261129, numRuns: 300 });

/** Any text a visitor could type or paste: unicode, whitespace, control characters, markup. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\t\n', '<img src=x onerror=alert(1)>', '19900101-0017', '123 45', 'a@b.se', '070-123 45 67', 'x'.repeat(5000)),
);
const anyValues = fc.record(
  Object.fromEntries([...FIELD_NAMES.map((name) => [name, anyText]), ['isForeignSocialSecurityNumber', fc.boolean()]]) as Record<string, fc.Arbitrary<string | boolean>>,
  { requiredKeys: [] },
);
const config = { leadSourceName: 'm.se', leadType: 'AcceptObjectFlow' };

function emptyStrings(value: unknown, path = ''): string[] {
  if (value === '') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyStrings(v, `${path}.${k}`));
  return [];
}

describe('for any input', () => {
  it('should build and validate a lead without throwing, and never emit an empty string', () => {
    fc.assert(
      fc.property(anyValues, (values) => {
        const lead = buildLead(values, config);
        assert.deepEqual(emptyStrings(lead), []);
        const result = validateForm(lead, { required: ['firstName', 'lastName'], shown: [...FIELD_NAMES] });
        if (result.success) {
          assert.deepEqual(emptyStrings(result.lead), []);
          assert.ok(validateLead(result.lead).success, 'a lead that passed once passes again (the relay checks it again)');
        } else {
          for (const field of Object.keys(result.fieldErrors)) assert.ok((FIELD_NAMES as readonly string[]).includes(field));
        }
      }),
    );
  });

  it('should map any JSON error body without throwing, to shown inputs only', () => {
    const shown: FieldName[] = ['firstName', 'lastName', 'email.emailAddress', 'message'];
    const keyish = fc.oneof(
      fc.constantFrom('lead.Person.FirstName', '$.person.lastName', 'Person.Email.EmailAddress', 'lead.Message', '__proto__', 'constructor', ''),
      fc.string(),
    );
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record({ Message: fc.jsonValue(), ModelState: fc.dictionary(keyish, fc.jsonValue()) }),
      fc.record({ title: fc.jsonValue(), errors: fc.oneof(fc.dictionary(keyish, fc.jsonValue()), fc.array(fc.jsonValue())) }),
      fc.string(),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        const mapped = mapErrorBody(body, shown);
        for (const [field, text] of Object.entries(mapped.fieldErrors)) {
          assert.ok(shown.includes(field as FieldName), field);
          assert.equal(typeof text, 'string');
          assert.notEqual(text, '');
        }
        assert.ok(mapped.formMessages.every((m) => typeof m === 'string' && m !== ''));
      }),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('should have the relay answer any body that is not a valid lead with a 4xx, never a 5xx, and never call Vitec', async () => {
    let calls = 0;
    const mock = createMockVitec();
    const relay = createLeadRelay({
      vitecBaseUrl: 'https://vitec.test',
      username: 'u',
      password: 'p',
      customerIds: ['C1'],
      allowedOrigins: ['https://m.se'],
      rateLimitPerMinute: 1_000_000,
      log: () => undefined,
      fetch: (input, init) => {
        calls++;
        return mock(new Request(input, init));
      },
    });
    const leadLike = fc.record(
      {
        person: fc.oneof(anyValues.map((v) => buildLead(v, config).person), fc.jsonValue()),
        leadSource: fc.oneof(fc.constant(config), fc.jsonValue()),
        receiver: fc.jsonValue(),
        marketing: fc.jsonValue(),
        message: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(leadLike.map((v) => JSON.stringify(v)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string());
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = undefined;
        }
        fc.pre(parsed === undefined || !validateLead(compactLead(parsed)).success);
        const before = calls;
        const response = await relay(
          new Request('https://relay.test/PublicAdvertising/C1/Contact/Person/Lead', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://m.se' }, body }),
        );
        assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${body.slice(0, 200)}`);
        assert.equal(calls, before);
      }),
      { numRuns: 200 },
    );
  });
});
