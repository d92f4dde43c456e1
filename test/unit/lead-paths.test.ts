import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELD_NAMES, fieldOfKey, fieldOfPath, leadPath, modelStateKey } from '../../src/lead/fields.ts';

describe('lead-paths', () => {
  for (const field of FIELD_NAMES) {
    it(`should take ${field} from form name to lead path to Vitec key and back unchanged`, () => {
      const path = leadPath(field);
      assert.equal(fieldOfPath(path), field);
      const key = modelStateKey(path.join('.'));
      assert.match(key, /^lead(\.[A-Z][A-Za-z0-9]*)+$/);
      assert.equal(fieldOfKey(key), field);
      // The spellings other model binders use come back to the same input.
      assert.equal(fieldOfKey(key.toLowerCase()), field);
      assert.equal(fieldOfKey(key.replace(/^lead\./, '')), field);
      assert.equal(fieldOfKey(`$.${path.join('.')}`), field);
      assert.equal(fieldOfKey(field), field);
    });
  }

  it('should spell the keys as Vitec does', () => {
    assert.equal(modelStateKey('person.email.emailAddress'), 'lead.Person.Email.EmailAddress');
    assert.equal(modelStateKey('message'), 'lead.Message');
    assert.equal(modelStateKey(''), 'lead');
  });

  it('should name no input for paths and keys that are not one', () => {
    assert.equal(fieldOfPath(['leadSource', 'name']), undefined);
    assert.equal(fieldOfPath(['person']), undefined);
    assert.equal(fieldOfKey('lead.LeadSource.Name'), undefined);
    assert.equal(fieldOfKey('lead'), undefined);
    assert.equal(fieldOfKey(''), undefined);
  });
});
