// The small rules around the form: attribute lists, the thank-you page, drafts, what is worth a retry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDraft, writeDraft } from '../../src/page/draft.ts';
import { parseFieldList } from '../../src/lead/field-list.ts';
import { redirectTarget } from '../../src/lead/site-rules.ts';
import { isRetryable, type SubmitResult } from '../../src/lead/post-lead.ts';

/** A Storage of the test's own; `throwing` makes every call throw, as blocked storage does. */
function memoryStorage(entries: Record<string, string> = {}, throwing = false) {
  const map = new Map(Object.entries(entries));
  const guard = () => {
    if (throwing) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    getItem: (key: string) => (guard(), map.get(key) ?? null),
    setItem: (key: string, value: string) => (guard(), void map.set(key, value)),
    removeItem: (key: string) => (guard(), void map.delete(key)),
    map,
  };
}

describe('parseFieldList', () => {
  it('should read names and groups in the canonical order, each once', () => {
    assert.deepEqual(parseFieldList('message email firstName lastName email.emailAddress').fields, [
      'firstName',
      'lastName',
      'email.emailAddress',
      'email.emailAddress2',
      'message',
    ]);
  });

  it('should take commas and any white space, and report names it does not know', () => {
    const list = parseFieldList(' firstName,\tlastName\n telefon adress ');
    assert.deepEqual(list.fields, ['firstName', 'lastName']);
    assert.deepEqual(list.unknown, ['telefon', 'adress']);
  });

  it('should not take a prototype key for a group', () => {
    assert.deepEqual(parseFieldList('constructor __proto__ toString'), {
      fields: [],
      unknown: ['constructor', '__proto__', 'toString'],
    });
  });
});

describe('redirectTarget', () => {
  it('should add the lead id to an http(s) page, relative to the current page', () => {
    assert.equal(
      redirectTarget('/tack?x=1', 'https://m.se/kontakt', 'leadId', 'L-1'),
      'https://m.se/tack?x=1&leadId=L-1',
    );
    assert.equal(
      redirectTarget('https://other.se/t', 'https://m.se/', 'leadId', 'L 2'),
      'https://other.se/t?leadId=L+2',
    );
    assert.equal(
      redirectTarget('/tack', 'https://m.se/', 'receipt', 'K7M2-Q9XD'),
      'https://m.se/tack?receipt=K7M2-Q9XD',
    );
  });

  for (const url of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<p>x',
    'mailto:a@b.se',
    'ftp://m.se/x',
    'http://[::1',
  ]) {
    it(`should refuse ${url}`, () => assert.equal(redirectTarget(url, 'https://m.se/', 'leadId', 'L'), undefined));
  }
});

describe('readDraft and writeDraft', () => {
  it("should keep only the form's own inputs, as strings and booleans", () => {
    const storage = memoryStorage({
      d: JSON.stringify({
        firstName: 'Anna',
        isForeignSocialSecurityNumber: true,
        message: 7,
        website: 'spam',
        __proto__: { x: 1 },
        'email.emailAddress': ['a'],
      }),
    });
    assert.deepEqual(readDraft('d', storage), { firstName: 'Anna', isForeignSocialSecurityNumber: true });
  });

  it('should read nothing from a draft that is not an object, not JSON, or blocked', () => {
    assert.deepEqual(readDraft('d', memoryStorage({ d: '"Anna"' })), {});
    assert.deepEqual(readDraft('d', memoryStorage({ d: '{not json' })), {});
    assert.deepEqual(readDraft('d', memoryStorage({}, true)), {});
  });

  it('should save, forget, and never throw when storage does', () => {
    const storage = memoryStorage();
    writeDraft('d', { firstName: 'Anna' }, storage);
    assert.deepEqual(readDraft('d', storage), { firstName: 'Anna' });
    writeDraft('d', undefined, storage);
    assert.equal(storage.map.size, 0);
    assert.doesNotThrow(() => writeDraft('d', { firstName: 'Anna' }, memoryStorage({}, true)));
  });
});

describe('isRetryable', () => {
  const cases: [SubmitResult, boolean][] = [
    [{ kind: 'network', status: 0 }, true],
    [{ kind: 'server', status: 502, body: '' }, true],
    [{ kind: 'server', status: 503, body: '' }, true],
    [{ kind: 'server', status: 504, body: '' }, true],
    [{ kind: 'server', status: 500, body: '' }, false],
    [{ kind: 'auth', status: 500, body: { Code: 'relay-misconfigured' } }, false],
    [{ kind: 'auth', status: 403, body: '' }, false],
    [{ kind: 'invalid', status: 400, body: {} }, false],
    [{ kind: 'rate-limit', status: 429 }, false],
    [{ kind: 'timeout', status: 0 }, false],
    [{ kind: 'offline', status: 0 }, false],
    [{ kind: 'unexpected', status: 404, body: '' }, false],
  ];
  for (const [result, retryable] of cases) {
    it(`should ${retryable ? '' : 'not '}retry ${result.kind} ${result.status}`, () =>
      assert.equal(isRetryable(result), retryable));
  }
});
