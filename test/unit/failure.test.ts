import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFailure } from '../../src/lead/failure.ts';
import { loadLanguages } from '../../src/lead/messages/index.ts';
import { messagesOf } from '../../src/lead/messages/texts.ts';

// Swedish is in the entry; the other languages are files loaded when asked for.
await loadLanguages();

const sv = messagesOf('sv');
const shown = ['firstName', 'lastName', 'email.emailAddress'] as const;

describe('describeFailure', () => {
  it('should put a 400 at its inputs and leave the summary to them', () => {
    const failure = describeFailure(
      { kind: 'invalid', status: 400, body: { ModelState: { 'lead.Person.LastName': ['Saknas.'] } } },
      sv,
      [...shown],
    );
    assert.deepEqual(failure.fieldErrors, { lastName: 'Saknas.' });
    assert.deepEqual(failure.summary, []);
  });

  it('should say what the server said when it names no shown input', () => {
    const failure = describeFailure({ kind: 'invalid', status: 400, body: { Message: 'Ogiltig mottagare.' } }, sv, [
      ...shown,
    ]);
    assert.equal(failure.message, 'Mottagaren svarade: Ogiltig mottagare.');
    assert.deepEqual(failure.summary, [failure.message]);
  });

  it('should keep the technical reason of a 401 or 403 for the developer only', () => {
    const failure = describeFailure(
      { kind: 'auth', status: 403, body: { Message: 'Du saknar behörighet till kunden.' } },
      sv,
      [...shown],
    );
    assert.equal(failure.message, sv.failed.permanent);
    assert.match(failure.developerNote!, /403/);
    assert.doesNotMatch(failure.message, /403|behörighet/);
  });

  it('should give every other failure its own words', () => {
    assert.equal(
      describeFailure({ kind: 'rate-limit', status: 429, retryAfterSeconds: 30 }, sv, [...shown]).message,
      sv.failed.rateLimit(30),
    );
    assert.equal(describeFailure({ kind: 'server', status: 502, body: '' }, sv, [...shown]).message, sv.failed.server);
    for (const kind of ['network', 'timeout', 'offline'] as const) {
      assert.equal(describeFailure({ kind, status: 0 }, sv, [...shown]).message, sv.failed[kind]);
    }
    assert.ok(
      describeFailure({ kind: 'unexpected', status: 302, body: '' }, messagesOf('en'), [...shown]).developerNote,
    );
  });
});
