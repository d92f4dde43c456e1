// Property-based tests with a fixed seed (reproducible in CI) and a budget that keeps `npm test` fast.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mapErrorBody } from '../../src/lead/api-errors.ts';
import { buildLead, validateForm } from '../../src/lead/lead-payload.ts';
import { FIELD_NAMES, type FieldName } from '../../src/lead/fields.ts';
import { anyValues, leadConfig } from '../support/arbitraries.ts';
import { validateLead } from '../../src/lead/lead-schema.ts';
import { emptyStrings } from '../support/lead-shape.ts';

fc.configureGlobal({ seed: 20261129, numRuns: 300 });

const config = leadConfig;

describe('for any input', () => {
  it('should build and validate a lead without throwing, and never emit an empty string', () => {
    fc.assert(
      fc.property(anyValues, (values) => {
        const lead = buildLead(values, config);
        assert.deepEqual(emptyStrings(lead), []);
        const result = validateForm(lead, { required: ['firstName', 'lastName'], shown: [...FIELD_NAMES] });
        if (result.success) {
          assert.deepEqual(emptyStrings(result.lead), []);
          assert.ok(
            validateLead(result.lead).success,
            'a lead that passed once passes again (the relay checks it again)',
          );
        } else {
          for (const field of Object.keys(result.fieldErrors))
            assert.ok((FIELD_NAMES as readonly string[]).includes(field));
        }
      }),
    );
  });

  it('should map any JSON error body without throwing, to shown inputs only', () => {
    const shown: FieldName[] = ['firstName', 'lastName', 'email.emailAddress', 'message'];
    const keyish = fc.oneof(
      fc.constantFrom(
        'lead.Person.FirstName',
        '$.person.lastName',
        'Person.Email.EmailAddress',
        'lead.Message',
        '__proto__',
        'constructor',
        '',
      ),
      fc.string(),
    );
    const bodies = fc.oneof(
      fc.jsonValue(),
      // JSON.parse makes `__proto__` an own key, as a hostile server's body would have it.
      fc
        .constantFrom(
          '{"ModelState":{"__proto__":["x"],"lead.Person.FirstName":["y"]}}',
          '{"errors":{"__proto__":{"polluted":1}}}',
        )
        .map((text) => JSON.parse(text) as unknown),
      fc.record({ Message: fc.jsonValue(), ModelState: fc.dictionary(keyish, fc.jsonValue()) }),
      fc.record({
        title: fc.jsonValue(),
        errors: fc.oneof(fc.dictionary(keyish, fc.jsonValue()), fc.array(fc.jsonValue())),
      }),
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
        assert.equal(Object.getPrototypeOf(mapped.fieldErrors), Object.prototype, 'no key became the prototype');
      }),
    );
    assert.deepEqual(Object.keys(Object.prototype), [], 'nothing was added to every object');
  });
});
