import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublicAdvertisingPersonLead } from '../../src/lead/lead-schema.ts';
import { parseRetryAfter, postLead, postLeadWithRetry } from '../../src/lead/post-lead.ts';

const lead: PublicAdvertisingPersonLead = {
  person: { firstName: 'Anna', lastName: 'Svensson' },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'm.se' },
};

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(body, { status, headers });
}

describe('postLead', () => {
  it('should send JSON with the idempotency key and no Authorization', async () => {
    let seen: Request | undefined;
    const result = await postLead('https://relay.example/lead', lead, {
      idempotencyKey: 'k-1',
      fetch: async (input, init) => {
        seen = new Request(input, init);
        return new Response('"id-1"', { status: 200 });
      },
    });
    assert.deepEqual(result, { kind: 'success', status: 200, leadId: 'id-1' });
    assert.equal(seen!.method, 'POST');
    assert.equal(seen!.headers.get('content-type'), 'application/json');
    assert.equal(seen!.headers.get('idempotency-key'), 'k-1');
    assert.equal(seen!.headers.get('authorization'), null);
    assert.deepEqual(await seen!.json(), lead);
  });

  it('should send no cookies and follow no redirect', async () => {
    let init: RequestInit | undefined;
    await postLead('https://relay.example/lead', lead, {
      fetch: async (_input, given) => {
        init = given;
        return new Response('"id-1"', { status: 200 });
      },
    });
    // A broker's cookies never go to the relay, and a redirect (another host taking the lead) is an error.
    assert.equal(init?.credentials, 'omit');
    assert.equal(init?.redirect, 'error');
  });

  const cases: [number, string, string][] = [
    [400, '{"Message":"x"}', 'invalid'],
    [401, '{}', 'auth'],
    [403, '', 'auth'],
    [429, '', 'rate-limit'],
    [500, 'oops', 'server'],
    [502, '', 'server'],
    [503, '', 'server'],
    [504, '', 'server'],
    [404, '', 'unexpected'],
    [200, '{"id":"x"}', 'unexpected'],
    [200, '""', 'unexpected'],
  ];
  for (const [status, body, kind] of cases) {
    it(`should classify ${status} ${body || '(empty)'} as ${kind}`, async () => {
      assert.equal((await postLead('/x', lead, { fetch: answering(status, body) })).kind, kind);
    });
  }

  it('should read Retry-After', async () => {
    const result = await postLead('/x', lead, { fetch: answering(429, '', { 'retry-after': '42' }) });
    assert.deepEqual(result, { kind: 'rate-limit', status: 429, retryAfterSeconds: 42 });
  });

  it('should report a network failure', async () => {
    const result = await postLead('/x', lead, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    assert.equal(result.kind, 'network');
  });

  it('should give up after the timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    assert.equal((await postLead('/x', lead, { fetch: hanging, timeoutMs: 20 })).kind, 'timeout');
  });

  it('should stop when its caller aborts', async () => {
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const pending = postLead('/x', lead, { fetch: hanging, signal: controller.signal });
    controller.abort();
    assert.equal((await pending).kind, 'aborted');
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Sun, 29 Nov 2026 12:01:00 GMT', now), 60);
    assert.equal(parseRetryAfter('Sun, 29 Nov 2026 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});

describe('postLeadWithRetry', () => {
  it("should retry the relay's 503 lead-pending once, with the same key, and take the replayed id", async () => {
    const keys: (string | null)[] = [];
    const answers = [
      new Response('{"Message":"…not known yet…","Code":"lead-pending"}', {
        status: 503,
        headers: { 'retry-after': '1' },
      }),
      new Response('"id-7"', { status: 200, headers: { 'idempotent-replayed': 'true' } }),
    ];
    const result = await postLeadWithRetry('/x', lead, {
      idempotencyKey: 'k-7',
      retryDelayMs: 1,
      fetch: async (input, init) => {
        keys.push(new Request(new URL(String(input), 'https://relay.example'), init).headers.get('idempotency-key'));
        return answers.shift()!;
      },
    });
    assert.deepEqual(result, { kind: 'success', status: 200, leadId: 'id-7' });
    assert.deepEqual(keys, ['k-7', 'k-7']);
  });
});

describe('postLead and a relay that queued the lead', () => {
  it('should take a 202 with the queued code and a receipt as queued, and any other 202 as unexpected', async () => {
    const queued = await postLead('/x', lead, { fetch: answering(202, '{"Code":"queued","Receipt":"K7M2-Q9XD"}') });
    assert.deepEqual(queued, { kind: 'queued', status: 202, receipt: 'K7M2-Q9XD' });
    for (const body of [
      '',
      '"id"',
      '{"Code":"queued"}',
      '{"Code":"other","Receipt":"K7M2-Q9XD"}',
      '{"Code":"queued","Receipt":"<b>"}',
    ])
      assert.equal((await postLead('/x', lead, { fetch: answering(202, body) })).kind, 'unexpected', body);
  });
});
