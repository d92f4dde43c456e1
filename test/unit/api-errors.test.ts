import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapErrorBody } from '../../src/lead/api-errors.ts';
import { type FieldName, fieldOfKey } from '../../src/lead/fields.ts';

const shown: FieldName[] = ['firstName', 'lastName', 'email.emailAddress', 'telephone.cell', 'message'];

describe('fieldOfKey', () => {
  const cases: [string, FieldName | undefined][] = [
    ['lead.Person.FirstName', 'firstName'],
    ['Person.Email.EmailAddress', 'email.emailAddress'],
    ['$.person.firstName', 'firstName'],
    ['$.Person.Telephone.Cell', 'telephone.cell'],
    ['model.lead.person.address.zipCode', 'address.zipCode'],
    ['LEAD.PERSON.LASTNAME', 'lastName'],
    ['lead.Message', 'message'],
    ['FirstName', 'firstName'],
    ['lead.Person', undefined],
    ['lead.Receiver', undefined],
    ['', undefined],
    ['$', undefined],
  ];
  for (const [key, field] of cases)
    it(`should read "${key}" as ${field ?? 'no input'}`, () => assert.equal(fieldOfKey(key), field));
});

describe('mapErrorBody', () => {
  it('should place ASP.NET Web API ModelState errors at their inputs, as given', () => {
    const mapped = mapErrorBody(
      {
        Message: 'The request is invalid.',
        ModelState: { 'lead.Person.FirstName': ['Förnamn måste vara mellan 1 och 30 tecken.'] },
      },
      shown,
    );
    assert.deepEqual(mapped, {
      fieldErrors: { firstName: 'Förnamn måste vara mellan 1 och 30 tecken.' },
      formMessages: [],
    });
  });

  it('should place ProblemDetails errors with either key style', () => {
    const mapped = mapErrorBody(
      {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { 'Person.Email.EmailAddress': ['Invalid email.'], '$.person.telephone.cell': ['Bad phone.'] },
      },
      shown,
    );
    assert.deepEqual(mapped.fieldErrors, { 'email.emailAddress': 'Invalid email.', 'telephone.cell': 'Bad phone.' });
    assert.deepEqual(mapped.formMessages, []);
  });

  it('should turn errors on hidden inputs and unknown keys into form messages', () => {
    const mapped = mapErrorBody(
      {
        ModelState: {
          'lead.Person.SocialSecurityNumber': ['Fel personnummer.'],
          'lead.Receiver': ['Ingen mottagare.'],
          'lead.Person.LastName': ['Saknas.'],
        },
      },
      shown,
    );
    assert.deepEqual(mapped.fieldErrors, { lastName: 'Saknas.' });
    assert.deepEqual(mapped.formMessages, ['Fel personnummer.', 'Ingen mottagare.']);
  });

  it('should fall back to the headline when no error is listed', () => {
    assert.deepEqual(mapErrorBody({ Message: 'Något gick fel.' }, shown).formMessages, ['Något gick fel.']);
    assert.deepEqual(mapErrorBody({ title: 'Bad Request' }, shown).formMessages, ['Bad Request']);
    assert.deepEqual(mapErrorBody('Plain text error', shown).formMessages, ['Plain text error']);
    assert.deepEqual(mapErrorBody('<html><body>nginx</body></html>', shown).formMessages, []);
  });

  it('should read an array of errors', () => {
    const mapped = mapErrorBody(
      {
        errors: [
          { field: 'person.firstName', message: 'Too long.' },
          { path: ['person', 'lastName'], message: 'Missing.' },
        ],
      },
      shown,
    );
    assert.deepEqual(mapped.fieldErrors, { firstName: 'Too long.', lastName: 'Missing.' });
  });

  it('should never throw on odd shapes', () => {
    const odd: unknown[] = [
      null,
      undefined,
      42,
      [],
      [1, 2],
      { ModelState: null },
      { ModelState: 'x' },
      { ModelState: { 'lead.Person.FirstName': 'not an array' } },
      { ModelState: { 'lead.Person.FirstName': [null, 3, { x: 1 }] } },
      JSON.parse('{"__proto__": {"x": 1}, "ModelState": {"__proto__": ["polluted"]}}'),
      { errors: Array.from({ length: 100_000 }, (_, i) => ({ field: `f${i}`, message: 'm' })) },
      JSON.parse('['.repeat(5000) + ']'.repeat(5000)),
    ];
    for (const body of odd) {
      const mapped = mapErrorBody(body, shown);
      assert.ok(Array.isArray(mapped.formMessages));
      assert.ok(Object.keys(mapped.fieldErrors).every((k) => shown.includes(k as FieldName)));
    }
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('should keep a string body as text, cut to a sane length', () => {
    assert.equal(mapErrorBody('y'.repeat(10_000), shown).formMessages[0]!.length, 500);
  });
});
