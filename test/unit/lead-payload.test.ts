import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLead, compactLead, validateForm } from '../../src/lead/lead-payload.ts';
import type { FieldName } from '../../src/lead/fields.ts';
import { hasEmpty } from '../support/lead-shape.ts';

const config = { leadSourceName: 'maklarhuset.se', leadType: 'AcceptObjectFlow' };
const shown: FieldName[] = ['firstName', 'lastName', 'email.emailAddress', 'telephone.cell', 'message'];
const rules = { required: ['firstName', 'lastName'] as FieldName[], shown };

describe('buildLead', () => {
  it('should trim every string and leave out empty values and objects', () => {
    const lead = buildLead(
      { firstName: '  Anna ', lastName: 'Svensson', 'email.emailAddress': ' ', 'telephone.cell': '', message: '\n' },
      config,
    );
    assert.deepEqual(lead, {
      person: { firstName: 'Anna', lastName: 'Svensson' },
      leadSource: { leadType: 'AcceptObjectFlow', name: 'maklarhuset.se' },
    });
  });

  it('should send only the receiver parts that are given', () => {
    assert.deepEqual(buildLead({ firstName: 'A', lastName: 'B' }, { ...config, agentId: 'AG1' }).receiver, {
      agent: { id: 'AG1' },
    });
    assert.deepEqual(
      buildLead(
        { firstName: 'A', lastName: 'B' },
        { ...config, officeId: 'O1', officeCustomerId: 'C1', userGroupId: 'G1' },
      ).receiver,
      {
        userGroup: { id: 'G1' },
        office: { id: 'O1', customerId: 'C1' },
      },
    );
    assert.equal(buildLead({ firstName: 'A', lastName: 'B' }, config).receiver, undefined);
  });

  it('should set the foreign flag only with a number', () => {
    assert.equal(
      buildLead({ firstName: 'A', lastName: 'B', isForeignSocialSecurityNumber: true }, config).person
        ?.isForeignSocialSecurityNumber,
      undefined,
    );
    const lead = buildLead(
      { firstName: 'A', lastName: 'B', socialSecurityNumber: 'X123', isForeignSocialSecurityNumber: true },
      config,
    );
    assert.equal(lead.person?.isForeignSocialSecurityNumber, true);
  });

  it('should carry marketing only when it has something', () => {
    assert.equal(buildLead({ firstName: 'A', lastName: 'B' }, config, { utmTags: [] }).marketing, undefined);
    assert.deepEqual(
      buildLead({ firstName: 'A', lastName: 'B' }, config, { referrer: 'https://google.com/' }).marketing,
      { referrer: 'https://google.com/' },
    );
  });
});

describe('compactLead', () => {
  it('should never leave an empty string, array or object', () => {
    const out = compactLead({ a: '', b: [], c: {}, d: { e: ' ', f: [{ g: '' }] }, h: null, i: ' x ', j: false, k: 0 });
    assert.deepEqual(out, { i: 'x', j: false, k: 0 });
    assert.equal(hasEmpty(out), false);
  });

  it('should copy a __proto__ key as data without touching prototypes', () => {
    const out = compactLead(JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "b"}')) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(out), Object.prototype, 'the key did not become the prototype');
    assert.deepEqual(
      Object.getOwnPropertyDescriptor(out, '__proto__')?.value,
      { polluted: 'yes' },
      'it is kept as plain data',
    );
    assert.equal(out.a, 'b');
  });
});

describe('validateForm', () => {
  const valid = { firstName: 'Anna', lastName: 'Svensson', 'email.emailAddress': 'anna@example.se' };

  it('should accept a complete lead and normalise it', () => {
    const result = validateForm(
      buildLead({ ...valid, socialSecurityNumber: '900101-0017', 'address.zipCode': '12345' }, config),
      {
        required: rules.required,
        shown: [...shown, 'socialSecurityNumber', 'address.zipCode'],
      },
    );
    assert.ok(result.success);
    assert.equal(result.lead.person.socialSecurityNumber, '19900101-0017');
    assert.equal(result.lead.person.address?.zipCode, '123 45');
  });

  const cases: [string, Record<string, string | boolean>, FieldName, string][] = [
    ['a missing first name', { firstName: '' }, 'firstName', 'required'],
    ['a first name of 31 characters', { firstName: 'A'.repeat(31) }, 'firstName', 'tooLong'],
    ['a last name of only spaces', { lastName: '   ' }, 'lastName', 'required'],
    ['an email without a domain', { 'email.emailAddress': 'anna@' }, 'email.emailAddress', 'email'],
    ['a phone with letters', { 'telephone.cell': '070-ABC' }, 'telephone.cell', 'phone'],
    ['a phone of six digits', { 'telephone.cell': '123 456' }, 'telephone.cell', 'phone'],
    ['a phone of sixteen digits', { 'telephone.cell': '+46 70123456789012' }, 'telephone.cell', 'phone'],
    ['a message over the limit', { message: 'x'.repeat(4001) }, 'message', 'tooLong'],
    ['no way to answer', { 'email.emailAddress': '', 'telephone.cell': '' }, 'email.emailAddress', 'contactRequired'],
    [
      'a first name of 16 emoji (32 UTF-16 code units, as Vitec counts)',
      { firstName: '😀'.repeat(16) },
      'firstName',
      'tooLong',
    ],
    ['a control character in a name', { lastName: 'Svens\u0007son' }, 'lastName', 'characters'],
    ['a right-to-left override in a name', { firstName: '\u202eannA' }, 'firstName', 'characters'],
    ['a left-to-right isolate in the message', { message: 'Hej \u2066där\u2069' }, 'message', 'characters'],
    ['a vertical tab in the message', { message: 'Rad\u000bett' }, 'message', 'characters'],
    ['a line feed in a phone number', { 'telephone.cell': '070-123\n45 67' }, 'telephone.cell', 'characters'],
    ['a name of zero-width characters', { firstName: '\u200b\u200d\u2060' }, 'firstName', 'required'],
    ['a lone high surrogate in a name', { firstName: 'Anna\ud83d' }, 'firstName', 'characters'],
    ['a low surrogate before its high one in the message', { message: 'Hej \ude00\ud83d' }, 'message', 'characters'],
  ];
  for (const [what, change, field, code] of cases) {
    it(`should refuse ${what} at ${field}`, () => {
      const result = validateForm(buildLead({ ...valid, ...change }, config), rules);
      assert.equal(result.success, false);
      assert.equal(!result.success && result.fieldErrors[field], code);
    });
  }

  it('should accept a name and a message with emoji, whose surrogates come in pairs', () => {
    const result = validateForm(buildLead({ ...valid, firstName: 'Anna 😀', message: 'Hej 👋🏽 då' }, config), rules);
    assert.ok(result.success);
  });

  it('should accept a 30-character name and plausible phones', () => {
    for (const phone of ['070-123 45 67', '+46 (0)70 123 45 67', '08-123 456 78']) {
      const result = validateForm(
        buildLead({ ...valid, firstName: 'A'.repeat(30), 'telephone.cell': phone }, config),
        rules,
      );
      assert.ok(result.success, phone);
    }
  });

  it('should refuse a wrong personnummer unless the foreign box is ticked', () => {
    const withPnr = { required: rules.required, shown: [...shown, 'socialSecurityNumber'] as FieldName[] };
    const wrong = validateForm(buildLead({ ...valid, socialSecurityNumber: '19900101-0018' }, config), withPnr);
    assert.equal(!wrong.success && wrong.fieldErrors.socialSecurityNumber, 'personnummer');
    const foreign = validateForm(
      buildLead({ ...valid, socialSecurityNumber: 'DE-1234-X', isForeignSocialSecurityNumber: true }, config),
      withPnr,
    );
    assert.ok(foreign.success);
    assert.equal(foreign.lead.person.socialSecurityNumber, 'DE-1234-X');
    const tooLong = validateForm(
      buildLead({ ...valid, socialSecurityNumber: 'X'.repeat(21), isForeignSocialSecurityNumber: true }, config),
      withPnr,
    );
    assert.equal(!tooLong.success && tooLong.fieldErrors.socialSecurityNumber, 'tooLong');
  });

  it('should accept a postal code with or without the space and refuse others', () => {
    const withZip = { required: rules.required, shown: [...shown, 'address.zipCode'] as FieldName[] };
    for (const zip of ['123 45', '12345'])
      assert.ok(validateForm(buildLead({ ...valid, 'address.zipCode': zip }, config), withZip).success);
    for (const zip of ['1234', '123456', '12 345', 'abcde']) {
      const result = validateForm(buildLead({ ...valid, 'address.zipCode': zip }, config), withZip);
      assert.equal(!result.success && result.fieldErrors['address.zipCode'], 'zipCode', zip);
    }
  });

  it('should not ask for a contact when the form shows no email or phone', () => {
    const result = validateForm(buildLead({ firstName: 'A', lastName: 'B' }, config), {
      required: [],
      shown: ['firstName', 'lastName', 'message'],
    });
    assert.ok(result.success);
  });

  it('should enforce the required attribute beyond the names', () => {
    const result = validateForm(buildLead(valid, config), { required: ['firstName', 'lastName', 'message'], shown });
    assert.equal(!result.success && result.fieldErrors.message, 'required');
  });

  it('should report a problem outside the shown inputs at form level', () => {
    const result = validateForm(buildLead(valid, { ...config, leadSourceName: 'x'.repeat(101) }), rules);
    assert.equal(result.success, false);
    assert.deepEqual(!result.success && result.formErrors, ['tooLong']);
  });
});

describe('validateForm with nothing typed', () => {
  it('should name each required input and add no form-level problem', () => {
    const result = validateForm(buildLead({}, config), rules);
    assert.equal(result.success, false);
    assert.deepEqual(!result.success && result.fieldErrors, {
      firstName: 'required',
      lastName: 'required',
      'email.emailAddress': 'contactRequired',
    });
    assert.deepEqual(!result.success && result.formErrors, []);
  });
});

describe('validateForm with several problems', () => {
  it('should report a wrong personnummer together with missing names', () => {
    const result = validateForm(buildLead({ socialSecurityNumber: '123', 'email.emailAddress': 'a@b.se' }, config), {
      required: rules.required,
      shown: [...shown, 'socialSecurityNumber'],
    });
    assert.deepEqual(!result.success && result.fieldErrors, {
      firstName: 'required',
      lastName: 'required',
      socialSecurityNumber: 'personnummer',
    });
  });
});
