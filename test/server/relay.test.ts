import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DropConnection } from '../../src/server/drop-connection.ts';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import {
  createLeadRelay,
  MemoryIdempotencyStore,
  type RelayConfig,
  type StoredAnswer,
} from '../../src/server/relay.ts';
import { inProcessFetch } from '../support/relay-in-process.ts';

const USER = 'broker-integration';
const SECRET_A = 'a1'.repeat(32);
const SECRET_B = 'b2'.repeat(32);
const PASSWORD = 'pa55-Secret-Wörd';
const ORIGIN = 'https://maklarhuset.se';
const PATH = '/PublicAdvertising/C1/Contact/Person/Lead';

const PERSONAL = [
  'Anna',
  'Svensson',
  'anna@example.se',
  '070-123 45 67',
  '19900101-0017',
  'Storgatan 1',
  'Ring mig efter fem',
];
const valid = {
  person: {
    firstName: 'Anna',
    lastName: 'Svensson',
    socialSecurityNumber: '900101-0017',
    address: { streetAddress: 'Storgatan 1' },
    email: { emailAddress: 'anna@example.se' },
    telephone: { cell: '070-123 45 67' },
  },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'maklarhuset.se' },
  message: 'Ring mig efter fem',
};

interface Harness {
  relay: ReturnType<typeof createLeadRelay>;
  mock: MockVitec;
  calls: Request[];
  logs: string[];
  clock: { now: number };
}

function harness(
  overrides: Partial<RelayConfig> = {},
  mock = createMockVitec({ credentials: { username: USER, password: PASSWORD }, customerIds: ['C1', 'C 2/x'] }),
): Harness {
  const calls: Request[] = [];
  const logs: string[] = [];
  const clock = { now: Date.parse('2026-11-29T12:00:00Z') };
  const relay = createLeadRelay({
    vitecBaseUrl: 'https://vitec.test/',
    username: USER,
    password: PASSWORD,
    customerIds: ['C1', 'C 2/x'],
    allowedOrigins: [ORIGIN],
    now: () => clock.now,
    log: (line) => logs.push(line),
    fetch: inProcessFetch(mock, (request) => calls.push(request)),
    ...overrides,
  });
  return { relay, mock, calls, logs, clock };
}

function post(body: unknown, headers: Record<string, string> = {}, path = PATH): Request {
  if (body instanceof Uint8Array)
    return new Request(`https://relay.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: body as Uint8Array<ArrayBuffer>,
    });
  return new Request(`https://relay.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function assertSafeHeaders(response: Response) {
  assert.match(response.headers.get('content-type') ?? '', /charset=utf-8/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('cache-control'), 'no-store');
}

describe('createLeadRelay', () => {
  describe('when a valid lead comes from an allowed origin', () => {
    it('should forward it with the Basic header and return the lead id unchanged, with CORS', async () => {
      const h = harness();
      const response = await h.relay(post(valid));
      assert.equal(response.status, 200);
      assertSafeHeaders(response);
      assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(response.headers.get('vary'), 'Origin');
      const id = await response.json();
      assert.equal(id, h.mock.leads[0]!.id);
      assert.equal(h.calls.length, 1);
      assert.equal(h.calls[0]!.url, 'https://vitec.test/PublicAdvertising/C1/Contact/Person/Lead');
      assert.equal(
        h.calls[0]!.headers.get('authorization'),
        `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
      );
      assert.equal(h.calls[0]!.redirect, 'manual');
    });

    it('should forward the lead normalised, without properties the schema does not know', async () => {
      const h = harness();
      await h.relay(
        post({
          ...valid,
          extra: 'x',
          person: { ...valid.person, nickname: 'Annie', firstName: ' Anna ' },
          receiver: { agent: { id: 'A', bogus: 1 } },
        }),
      );
      const sent = await h.calls[0]!.json();
      assert.equal(sent.extra, undefined);
      assert.equal(sent.person.nickname, undefined);
      assert.equal(sent.person.firstName, 'Anna');
      assert.equal(sent.person.socialSecurityNumber, '19900101-0017');
      assert.deepEqual(sent.receiver, { agent: { id: 'A' } });
    });

    it('should allow a request with no Origin (server to server), without CORS headers', async () => {
      const h = harness();
      const request = new Request(`https://relay.test${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(valid),
      });
      const response = await h.relay(request);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });

    it('should drop an empty receiver rather than refuse the lead', async () => {
      const h = harness();
      assert.equal((await h.relay(post({ ...valid, receiver: { agent: { id: ' ' } } }))).status, 200);
      assert.equal((await h.calls[0]!.json()).receiver, undefined);
    });

    it('should encode the customer id as one path segment', async () => {
      const h = harness();
      const response = await h.relay(post(valid, {}, '/PublicAdvertising/C%202%2Fx/Contact/Person/Lead'));
      assert.equal(response.status, 200);
      assert.equal(h.calls[0]!.url, 'https://vitec.test/PublicAdvertising/C%202%2Fx/Contact/Person/Lead');
    });
  });

  describe('when a request must be refused', () => {
    const cases: [string, () => Request, number][] = [
      ['an origin that is not allowed', () => post(valid, { origin: 'https://evil.example' }), 403],
      ['a customer id that is not allowed', () => post(valid, {}, '/PublicAdvertising/C9/Contact/Person/Lead'), 403],
      [
        'a body that is not JSON by type',
        () => post('firstName=Anna', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
      ],
      [
        'no content type',
        () => new Request(`https://relay.test${PATH}`, { method: 'POST', headers: { origin: ORIGIN }, body: '{}' }),
        415,
      ],
      ['a body over 64 KiB', () => post({ ...valid, message: 'x'.repeat(70_000) }), 413],
      ['a body that does not parse', () => post('{"person": '), 400],
      ['a lead with no last name', () => post({ ...valid, person: { firstName: 'Anna' } }), 400],
      [
        'a lead with a wrong personnummer',
        () => post({ ...valid, person: { ...valid.person, socialSecurityNumber: '19900101-0018' } }),
        400,
      ],
      ['a receiver that is not an object', () => post({ ...valid, receiver: 'office-1' }), 400],
      ['a lead that is an array', () => post([valid]), 400],
      ['a GET', () => new Request(`https://relay.test${PATH}`, { headers: { origin: ORIGIN } }), 405],
      ['an unknown path', () => post(valid, {}, '/somewhere'), 404],
    ];
    for (const [what, request, status] of cases) {
      it(`should answer ${status} to ${what}, before Vitec is called`, async () => {
        const h = harness();
        const response = await h.relay(request());
        assert.equal(response.status, status);
        assertSafeHeaders(response);
        assert.equal(h.calls.length, 0);
        assert.equal(h.mock.leads.length, 0);
        if (what.startsWith('an origin')) assert.equal(response.headers.get('access-control-allow-origin'), null);
      });
    }

    it('should answer a wrong lead in Vitec ModelState shape, at the field', async () => {
      const h = harness();
      const response = await h.relay(
        post({ ...valid, person: { ...valid.person, email: { emailAddress: 'anna@' }, lastName: 'x'.repeat(31) } }),
      );
      const body = await response.json();
      assert.equal(body.Message, 'The request is invalid.');
      assert.deepEqual(Object.keys(body.ModelState).sort(), ['lead.Person.Email.EmailAddress', 'lead.Person.LastName']);
      assert.match(body.ModelState['lead.Person.LastName'][0], /högst 30 tecken/);
    });

    it('should answer 429 with Retry-After past the rate limit, per client address', async () => {
      const h = harness({ rateLimitPerMinute: 2 });
      const from = (address: string) => h.relay(post(valid), { clientAddress: address });
      assert.equal((await from('10.0.0.1')).status, 200);
      assert.equal((await from('10.0.0.1')).status, 200);
      const limited = await from('10.0.0.1');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '60');
      assert.equal((await from('10.0.0.2')).status, 200);
      h.clock.now += 61_000;
      assert.equal((await from('10.0.0.1')).status, 200);
      assert.equal(h.calls.length, 4);
    });

    it('should take the client from X-Forwarded-For only when told to trust the proxy', async () => {
      const trusting = harness({ rateLimitPerMinute: 1, trustProxy: true });
      assert.equal(
        (await trusting.relay(post(valid, { 'x-forwarded-for': 'spoofed, 1.1.1.1' }), { clientAddress: '127.0.0.1' }))
          .status,
        200,
      );
      assert.equal(
        (await trusting.relay(post(valid, { 'x-forwarded-for': 'other, 2.2.2.2' }), { clientAddress: '127.0.0.1' }))
          .status,
        200,
      );
      const plain = harness({ rateLimitPerMinute: 1 });
      assert.equal(
        (await plain.relay(post(valid, { 'x-forwarded-for': '1.1.1.1' }), { clientAddress: '127.0.0.1' })).status,
        200,
      );
      assert.equal(
        (await plain.relay(post(valid, { 'x-forwarded-for': '2.2.2.2' }), { clientAddress: '127.0.0.1' })).status,
        429,
      );
    });
  });

  describe('when Vitec answers', () => {
    it('should pass Vitec 400 through unchanged', async () => {
      const body = {
        Message: 'The request is invalid.',
        ModelState: { 'lead.Person.FirstName': ['Förnamnet är spärrat.'] },
      };
      const h = harness();
      h.mock.mode = { status: 400, body };
      const response = await h.relay(post(valid));
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), body);
    });

    for (const status of [401, 403]) {
      it(`should answer Vitec ${status} as a misconfigured relay, with a status the element does not retry, and log which`, async () => {
        const h = harness();
        h.mock.mode = { status };
        const response = await h.relay(post(valid));
        assert.equal(response.status, 500);
        const body = await response.json();
        assert.equal(body.Code, 'relay-misconfigured');
        assert.match(body.Message, /misconfigured/);
        assert.doesNotMatch(JSON.stringify(body), /denied|behörighet|401|403|credential|password/i);
        const line = JSON.parse(h.logs.at(-1)!);
        assert.equal(line.vitecStatus, status);
        assert.match(line.event, status === 401 ? /^vitec-unauthorized/ : /^vitec-forbidden/);
      });
    }

    it("should answer as misconfigured when Vitec refuses the relay's credentials, and store nothing", async () => {
      const h = harness({ password: 'wrong' });
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'k' }))).status, 500);
      assert.equal(JSON.parse(h.logs.at(-1)!).vitecStatus, 401);
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'k' }))).headers.get('idempotent-replayed'), null);
      assert.equal(h.calls.length, 2);
    });

    for (const status of [500, 503]) {
      it(`should answer Vitec ${status} with 502`, async () => {
        const h = harness();
        h.mock.mode = { status };
        assert.equal((await h.relay(post(valid))).status, 502);
      });
    }

    it('should answer 504 when Vitec does not answer in time', async () => {
      const h = harness({ timeoutMs: 30 }, createMockVitec({ mode: { delayMs: 500 } }));
      const response = await h.relay(post(valid));
      assert.equal(response.status, 504);
      assert.equal(JSON.parse(h.logs.at(-1)!).event, 'vitec-timeout');
    });

    it('should answer 502 when the connection fails, and never retry', async () => {
      const h = harness({}, createMockVitec({ mode: { drop: true } }));
      const response = await h.relay(post(valid));
      assert.equal(response.status, 502);
      assert.equal(h.calls.length, 1);
    });

    it('should not follow a redirect from Vitec', async () => {
      const calls: [string, RequestRedirect | undefined][] = [];
      const h = harness({
        fetch: async (input, init) => {
          calls.push([String(input), init?.redirect]);
          return new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } });
        },
      });
      assert.equal((await h.relay(post(valid))).status, 502);
      assert.deepEqual(calls, [['https://vitec.test/PublicAdvertising/C1/Contact/Person/Lead', 'manual']]);
    });
  });

  describe('when the input is hostile', () => {
    it('should answer a lead with an unknown property nested 3,000 deep with 400, never 500', async () => {
      const h = harness();
      const deep = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
      const response = await h.relay(
        post(
          `{"person":{"firstName":"Anna","lastName":"Svensson"},"leadSource":{"leadType":"AcceptObjectFlow","name":"x"},"extra":${deep}}`,
        ),
      );
      assert.equal(response.status, 400);
      assertSafeHeaders(response);
      assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      assert.ok(response.headers.get('x-request-id'));
      assert.deepEqual((await response.json()).ModelState, { lead: ['Förfrågan är nästlad för djupt.'] });
      assert.equal(h.calls.length, 0);
    });

    it('should take a lead nested to the schema depth and drop what the schema does not know', async () => {
      const h = harness();
      const response = await h.relay(post({ ...valid, extra: [[[[[[1]]]]]] }));
      assert.equal(response.status, 200);
      assert.equal((await h.calls[0]!.json()).extra, undefined);
    });

    const person = (firstName: string, more: Record<string, unknown> = {}) => ({
      ...valid,
      person: { ...valid.person, firstName, ...more },
    });
    const refused: [string, unknown, string, RegExp][] = [
      ['a NUL character', person('An\u0000na'), 'lead.Person.FirstName', /styrtecken/],
      ['an escape character', person('Anna\u001b[31m'), 'lead.Person.FirstName', /styrtecken/],
      ['DEL', person('Anna\u007f'), 'lead.Person.FirstName', /styrtecken/],
      ['a right-to-left override', person('Anna\u202eanelleH'), 'lead.Person.FirstName', /styrtecken/],
      ['a first-strong isolate', { ...valid, message: 'Hej \u2068Anna\u2069' }, 'lead.Message', /styrtecken/],
      ['a line feed in a name', person('Anna\nSvensson'), 'lead.Person.FirstName', /styrtecken/],
      ['a lone high surrogate in a name', person('Anna\ud800'), 'lead.Person.FirstName', /osynliga tecken/],
      ['a lone low surrogate in the message', { ...valid, message: 'Hej \udc00 då' }, 'lead.Message', /osynliga/],
      [
        'a name of zero-width spaces only',
        person('\u200b\u200c\u200d\u2060\ufeff'),
        'lead.Person.FirstName',
        /måste anges/,
      ],
      [
        '16 emoji as a first name (32 UTF-16 code units)',
        person('😀'.repeat(16)),
        'lead.Person.FirstName',
        /högst 30 tecken/,
      ],
      [
        'a personnummer of 21 code units',
        person('Anna', { socialSecurityNumber: 'x'.repeat(21), isForeignSocialSecurityNumber: true }),
        'lead.Person.SocialSecurityNumber',
        /högst 20 tecken/,
      ],
    ];
    for (const [what, lead, key, text] of refused) {
      it(`should refuse ${what} at its field, in ModelState form, before Vitec`, async () => {
        const h = harness();
        const response = await h.relay(post(lead));
        assert.equal(response.status, 400);
        const body = await response.json();
        assert.deepEqual(Object.keys(body.ModelState), [key]);
        assert.match(body.ModelState[key][0], text);
        assert.equal(h.calls.length, 0);
      });
    }

    it('should let TAB, LF and CR through in the message, and 15 emoji in a name', async () => {
      const h = harness();
      const response = await h.relay(
        post({
          ...valid,
          person: { ...valid.person, firstName: '😀'.repeat(15) },
          message: 'Rad ett\r\nRad två\tmed tabb',
        }),
      );
      assert.equal(response.status, 200);
      assert.equal((await h.calls[0]!.json()).message, 'Rad ett\r\nRad två\tmed tabb');
    });

    it('should answer 400 to a body whose bytes are not UTF-8, and forward nothing', async () => {
      const h = harness();
      const good = new TextEncoder().encode(JSON.stringify(valid));
      // "Anna" with its second byte replaced by 0xff, which no UTF-8 text holds; and a truncated two-byte "ö".
      for (const bytes of [good.map((b, i, all) => (i === all.indexOf(0x6e) ? 0xff : b)), Uint8Array.of(0x7b, 0xc3)]) {
        const response = await h.relay(post(bytes, { 'accept-language': 'en' }));
        assert.equal(response.status, 400);
        assert.deepEqual((await response.json()).ModelState, { lead: ['The request is not valid UTF-8 text.'] });
      }
      assert.equal((await h.relay(post(good))).status, 200);
      assert.equal(h.calls.length, 1);
    });

    it('should answer 415 to a body declared in another charset than UTF-8, and take utf-8 spelled any way', async () => {
      const h = harness();
      const latin1 = await h.relay(post(valid, { 'content-type': 'application/json; charset=iso-8859-1' }));
      assert.equal(latin1.status, 415);
      assert.match((await latin1.json()).Message, /UTF-8/);
      assert.equal((await h.relay(post(valid, { 'content-type': 'application/json;charset="UTF8"' }))).status, 200);
      assert.equal(h.calls.length, 1);
    });

    it('should answer in English to Accept-Language: en, and in Swedish by default', async () => {
      const h = harness();
      const wrong = {
        ...valid,
        person: { ...valid.person, lastName: 'x'.repeat(31), email: { emailAddress: 'anna@' } },
      };
      const en = await (await h.relay(post(wrong, { 'accept-language': 'en-GB,en;q=0.9' }))).json();
      assert.deepEqual(en.ModelState, {
        'lead.Person.LastName': ['Last name must be 30 characters or fewer.'],
        'lead.Person.Email.EmailAddress': ['Email must be an email address, like name@example.com.'],
      });
      const sv = await (await h.relay(post(wrong, { 'accept-language': 'de-DE,sv;q=0.5,en;q=0.4' }))).json();
      assert.deepEqual(sv.ModelState['lead.Person.LastName'], ['Efternamn får vara högst 30 tecken.']);
      assert.deepEqual((await (await h.relay(post('{"person":', { 'accept-language': 'en' }))).json()).ModelState, {
        lead: ['The request is not valid JSON.'],
      });
    });

    it("should pass Vitec's own 400 messages through as given, whatever the language asked for", async () => {
      const h = harness();
      const body = {
        Message: 'The request is invalid.',
        ModelState: { 'lead.Person.FirstName': ['Förnamnet är spärrat.'] },
      };
      h.mock.mode = { status: 400, body };
      assert.deepEqual(await (await h.relay(post(valid, { 'accept-language': 'en' }))).json(), body);
    });
  });

  describe('when Vitec answers something a lead id is not', () => {
    const answers: [string, () => Response][] = [
      ['an object', () => Response.json({ id: 'abc' })],
      ['a number', () => Response.json(12345)],
      [
        'HTML',
        () => new Response('<html><body>Maintenance</body></html>', { headers: { 'content-type': 'text/html' } }),
      ],
      ['an empty string', () => Response.json('')],
      ['a string of 101 characters', () => Response.json('x'.repeat(101))],
      ['nothing', () => new Response(null)],
    ];
    for (const [what, make] of answers) {
      it(`should answer a 200 of ${what} with 502, store nothing, and reach Vitec again on retry`, async () => {
        let calls = 0;
        const h = harness({ fetch: async () => (++calls === 1 ? make() : Response.json('lead-7')) });
        const first = await h.relay(post(valid, { 'idempotency-key': 'k' }));
        assert.equal(first.status, 502);
        assert.equal(JSON.parse(h.logs.at(-1)!).event, 'vitec-unexpected-answer');
        const retry = await h.relay(post(valid, { 'idempotency-key': 'k' }));
        assert.equal(retry.status, 200);
        assert.equal(await retry.json(), 'lead-7');
        assert.equal(calls, 2);
      });
    }

    it('should read at most 64 KiB of a 100 MB answer, answer 502, and store nothing', async () => {
      let pulled = 0;
      let calls = 0;
      const huge = () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              if (pulled >= 100 * 1024 * 1024) return controller.close();
              pulled += 16 * 1024;
              controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      const h = harness({ fetch: async () => (++calls === 1 ? huge() : Response.json('lead-8')) });
      const first = await h.relay(post(valid, { 'idempotency-key': 'big' }));
      assert.equal(first.status, 502);
      assert.equal(JSON.parse(h.logs.at(-1)!).event, 'vitec-answer-too-large');
      assert.ok(pulled <= 128 * 1024, `read ${pulled} bytes`);
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'big' }))).status, 200);
    });

    it('should refuse an answer that declares more than 64 KiB without reading it', async () => {
      const h = harness({
        fetch: async () => new Response('"x"', { headers: { 'content-length': String(100 * 1024 * 1024) } }),
      });
      assert.equal((await h.relay(post(valid))).status, 502);
    });
  });

  describe('when counting toward the rate limit', () => {
    it('should not count a 415, a refused origin or customer, a 404 or 405, nor an idempotent replay', async () => {
      const h = harness({ rateLimitPerMinute: 2 });
      const from = (request: Request) => h.relay(request, { clientAddress: '10.0.0.9' });
      assert.equal((await from(post('a=1', { 'content-type': 'text/plain' }))).status, 415);
      assert.equal((await from(post(valid, { origin: 'https://evil.example' }))).status, 403);
      assert.equal((await from(post(valid, {}, '/PublicAdvertising/C9/Contact/Person/Lead'))).status, 403);
      assert.equal((await from(post(valid, {}, '/x'))).status, 404);
      assert.equal(
        (await from(new Request(`https://relay.test${PATH}`, { method: 'PUT', headers: { origin: ORIGIN } }))).status,
        405,
      );
      assert.equal((await from(post(valid, { 'idempotency-key': 'once' }))).status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await from(post(valid, { 'idempotency-key': 'once' }))).status, 200);
      assert.equal((await from(post(valid))).status, 200);
      assert.equal((await from(post(valid))).status, 429);
    });

    it('should count the addresses of one IPv6 /64 as one client, and each spelling of an address as one', async () => {
      const h = harness({ rateLimitPerMinute: 3 });
      const from = async (address: string) => (await h.relay(post(valid), { clientAddress: address })).status;
      const slash64 = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2::3', '2001:db8:1:2::4'];
      // At once: which of the four is refused is the order their keys are made in (an HMAC, asynchronous), not defined.
      assert.deepEqual((await Promise.all(slash64.map(from))).sort(), [200, 200, 200, 429]);
      assert.equal(await from('2001:db8:1:3::1'), 200, 'another /64 is another client');
      const spellings = ['2001:db8::1', '2001:db8:0::1', '2001:0db8::0001', '[2001:DB8::1]'];
      const statuses = [];
      for (const address of spellings) statuses.push(await from(address));
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const mapped = ['198.51.100.7', '::ffff:198.51.100.7', '::ffff:c633:6407', '198.51.100.7'];
      const v4 = [];
      for (const address of mapped) v4.push(await from(address));
      assert.deepEqual(v4, [200, 200, 200, 429], 'an IPv4-mapped address is the IPv4 address');
    });

    it('should honour a configured IPv6 prefix length', async () => {
      const h = harness({ rateLimitPerMinute: 1, ipv6PrefixLength: 48 });
      const from = async (address: string) => (await h.relay(post(valid), { clientAddress: address })).status;
      assert.equal(await from('2001:db8:1:2::1'), 200);
      assert.equal(await from('2001:db8:1:9::1'), 429, 'one /48');
      assert.equal(await from('2001:db8:2::1'), 200);
    });

    it('should read a client behind a proxy that appends a port, and not put every visitor in its bucket', async () => {
      const h = harness({ rateLimitPerMinute: 1, trustProxy: true });
      const via = async (forwarded: string) =>
        (await h.relay(post(valid, { 'x-forwarded-for': forwarded }), { clientAddress: '10.0.0.9' })).status;
      assert.equal(await via('203.0.113.1:4711'), 200);
      assert.equal(await via('203.0.113.2:4711'), 200, 'another visitor, not the proxy');
      assert.equal(await via('[2001:db8::1]:443'), 200);
      assert.equal(await via('198.51.100.1, 203.0.113.1:5000'), 429, 'the same visitor on another port');
      assert.equal(await via('[2001:db8::2]:80'), 429, 'the same /64');
    });

    it("should use the connection's address when the proxy's entry is junk, and say so on the request's line", async () => {
      const h = harness({ rateLimitPerMinute: 1, trustProxy: true });
      for (const junk of ['abc:def', '999.999.999.999', 'unknown']) {
        h.clock.now += 61_000;
        const response = await h.relay(post(valid, { 'x-forwarded-for': junk }), { clientAddress: '10.0.0.9' });
        assert.equal(response.status, 200);
        assert.equal(JSON.parse(h.logs.at(-1)!).forwardedFor, 'unreadable');
        const again = await h.relay(post(valid), { clientAddress: '10.0.0.9' });
        assert.equal(again.status, 429, `${junk} counted as the connection`);
      }
    });

    it("should key a proxy's client by an address of at most 64 characters, else by the connection", async () => {
      const h = harness({ rateLimitPerMinute: 1, trustProxy: true });
      const long = (n: number) => `${String(n).repeat(15_000)}`;
      assert.equal(
        (await h.relay(post(valid, { 'x-forwarded-for': long(1) }), { clientAddress: '127.0.0.1' })).status,
        200,
      );
      assert.equal(
        (await h.relay(post(valid, { 'x-forwarded-for': long(2) }), { clientAddress: '127.0.0.1' })).status,
        429,
        'both fell back to the connection',
      );
      assert.equal(
        (await h.relay(post(valid, { 'x-forwarded-for': 'x, 2001:db8::1' }), { clientAddress: '127.0.0.1' })).status,
        200,
      );
      assert.equal(
        (
          await h.relay(post(valid, { 'x-forwarded-for': `1.1.1.1, <script>${'a'.repeat(70)}` }), {
            clientAddress: '127.0.0.1',
          })
        ).status,
        429,
      );
    });
  });

  describe('with an Idempotency-Key', () => {
    it("should replay a key's answer whatever the rate limit says, and count no replay", async () => {
      const h = harness({ rateLimitPerMinute: 1 });
      const first = await h.relay(post(valid, { 'idempotency-key': 'timed-out-lead' }));
      assert.equal(first.status, 200);
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'another-lead' }))).status, 429);
      // The visitor whose last lead of the minute timed out on their side asks again: its answer, not 429.
      const retry = await h.relay(post(valid, { 'idempotency-key': 'timed-out-lead' }));
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(await retry.text(), await first.text());
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'another-lead' }))).status, 429);
      assert.equal(h.mock.leads.length, 1);
    });

    it('should keep what reaches the store keyed by the relay secret, so that a guessed key finds nothing', async () => {
      const keys: string[] = [];
      const bodies: string[] = [];
      const recording = (store = new MemoryIdempotencyStore()) =>
        Object.assign(store, {
          claim: (key: string, fingerprint: string, ms: number) => {
            keys.push(key);
            return MemoryIdempotencyStore.prototype.claim.call(store, key, fingerprint, ms);
          },
          complete: (key: string, token: string, answer: StoredAnswer, ttl: number) => {
            bodies.push(answer.body);
            return MemoryIdempotencyStore.prototype.complete.call(store, key, token, answer, ttl);
          },
        });
      const store = recording();
      const first = harness({ secret: SECRET_A, idempotencyStore: store });
      const id = await (await first.relay(post(valid, { 'idempotency-key': 'order-4711' }))).json();
      // Without the secret, the customer id and the key hash to something else (as they did before the secret).
      const unkeyed = createHash('sha256').update('C1\norder-4711').digest('hex');
      assert.notEqual(keys[0], unkeyed);
      assert.doesNotMatch(bodies[0]!, new RegExp(id));
      // Under another secret the same key is another store key: the hashes depend on the secret.
      const other = harness({ secret: SECRET_B, idempotencyStore: store }, first.mock);
      await other.relay(post(valid, { 'idempotency-key': 'order-4711' }));
      assert.notEqual(keys[1], keys[0]);
      assert.equal(first.mock.leads.length, 2);
    });

    it('should replay an answer sealed under the previous secret during a rotation', async () => {
      const store = new MemoryIdempotencyStore();
      const before = harness({ secret: SECRET_A, idempotencyStore: store });
      const id = await (await before.relay(post(valid, { 'idempotency-key': 'rotated' }))).json();
      const after = harness({ secret: SECRET_B, previousSecret: SECRET_A, idempotencyStore: store }, before.mock);
      const replay = await after.relay(post(valid, { 'idempotency-key': 'rotated' }));
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(await replay.json(), id);
      assert.equal(
        (await after.relay(post({ ...valid, message: 'Annat' }, { 'idempotency-key': 'rotated' }))).status,
        422,
      );
      assert.equal(before.mock.leads.length, 1);
    });

    it('should refuse to be created with a relay secret that is not 64 hex characters', () => {
      assert.throws(() => harness({ secret: 'short' }), /secret must be 64 hex characters/);
      assert.throws(() => harness({ previousSecret: SECRET_A.replace('a', 'x') }), /previousSecret/);
    });

    it('should make one lead of two requests with one key, and replay the first answer', async () => {
      const h = harness();
      const first = await h.relay(post(valid, { 'idempotency-key': 'key-1' }));
      const second = await h.relay(post(valid, { 'idempotency-key': 'key-1' }));
      assert.equal(h.mock.leads.length, 1);
      assert.equal(await second.text(), await first.text());
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
    });

    it('should make one lead of two requests that arrive together', async () => {
      const h = harness({}, createMockVitec({ mode: { delayMs: 50 } }));
      const [a, b] = await Promise.all([
        h.relay(post(valid, { 'idempotency-key': 'k' })),
        h.relay(post(valid, { 'idempotency-key': 'k' })),
      ]);
      assert.equal(h.mock.leads.length, 1);
      assert.equal(await a.text(), await b.text());
    });

    it('should forget the answer after 24 hours', async () => {
      const h = harness();
      await h.relay(post(valid, { 'idempotency-key': 'k' }));
      h.clock.now += 24 * 60 * 60 * 1000 + 1;
      await h.relay(post(valid, { 'idempotency-key': 'k' }));
      assert.equal(h.mock.leads.length, 2);
    });

    it('should let a lead that met a Vitec failure through on retry', async () => {
      const h = harness();
      h.mock.mode = { status: 503, times: 1 };
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'k' }))).status, 502);
      assert.equal((await h.relay(post(valid, { 'idempotency-key': 'k' }))).status, 200);
      assert.equal(h.mock.leads.length, 1);
    });

    it('should give a retry the late answer of a slow Vitec instead of making a second lead', async () => {
      const h = harness({ timeoutMs: 60, now: Date.now }, createMockVitec({ mode: { delayMs: 150, times: 1 } }));
      const first = await h.relay(post(valid, { 'idempotency-key': 'slow' }));
      assert.equal(first.status, 504);
      const retry = await h.relay(post(valid, { 'idempotency-key': 'slow' }));
      assert.equal(retry.status, 504, 'still in flight after the retry own timeout');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const later = await h.relay(post(valid, { 'idempotency-key': 'slow' }));
      assert.equal(later.status, 200);
      assert.equal(h.mock.leads.length, 1);
      assert.equal(await later.json(), h.mock.leads[0]!.id);
      assert.ok(h.logs.some((line) => JSON.parse(line).event === 'vitec-late-answer'));
    });

    it('should let a retry that arrives while the first is in flight wait for its answer', async () => {
      const h = harness({ timeoutMs: 200, now: Date.now }, createMockVitec({ mode: { delayMs: 120, times: 1 } }));
      const first = h.relay(post(valid, { 'idempotency-key': 'wait' }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      const second = await h.relay(post(valid, { 'idempotency-key': 'wait' }));
      assert.equal(second.status, 200);
      assert.equal((await first).status, 200);
      assert.equal(h.mock.leads.length, 1);
    });

    it('should refuse a key reused for another lead', async () => {
      const h = harness();
      await h.relay(post(valid, { 'idempotency-key': 'k' }));
      const response = await h.relay(post({ ...valid, message: 'Annat' }, { 'idempotency-key': 'k' }));
      assert.equal(response.status, 422);
      assert.equal(h.mock.leads.length, 1);
    });

    it('should keep keys apart per customer', async () => {
      const h = harness();
      await h.relay(post(valid, { 'idempotency-key': 'k' }));
      await h.relay(post(valid, { 'idempotency-key': 'k' }, '/PublicAdvertising/C%202%2Fx/Contact/Person/Lead'));
      assert.equal(h.mock.leads.length, 2);
    });
  });

  describe('preflight and health', () => {
    it('should answer the CORS preflight for an allowed origin', async () => {
      const h = harness();
      const response = await h.relay(
        new Request(`https://relay.test${PATH}`, {
          method: 'OPTIONS',
          headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
        }),
      );
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(response.headers.get('access-control-allow-headers')!, /Idempotency-Key/);
      assert.match(response.headers.get('access-control-allow-methods')!, /POST/);
      assert.ok(response.headers.get('x-request-id'));
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(response.headers.get('vary') ?? '', /Origin/);
    });

    it('should refuse the preflight for another origin, with no CORS headers', async () => {
      const h = harness();
      const response = await h.relay(
        new Request(`https://relay.test${PATH}`, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        }),
      );
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });

    const notPreflights: [string, Record<string, string>][] = [
      ['no Origin and a lead for a body', { 'content-type': 'application/json' }],
      ['an allowed Origin but no Access-Control-Request-Method', { origin: ORIGIN }],
    ];
    for (const [what, headers] of notPreflights) {
      it(`should answer an OPTIONS with ${what} as a method the route does not take: 405, unread`, async () => {
        const h = harness();
        const response = await h.relay(
          new Request(`https://relay.test${PATH}`, { method: 'OPTIONS', headers, body: JSON.stringify(valid) }),
        );
        assert.equal(response.status, 405);
        assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
        assertSafeHeaders(response);
        assert.ok(response.headers.get('x-request-id'));
        assert.deepEqual(await response.json(), { Message: 'Method not allowed.' });
        assert.equal(h.calls.length, 0);
        assert.equal(JSON.parse(h.logs.at(-1)!).status, 405);
      });
    }

    it('should answer /healthz without calling Vitec', async () => {
      const h = harness();
      const response = await h.relay(new Request('https://relay.test/healthz'));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
      assert.equal(h.calls.length, 0);
    });
  });

  describe('logs and answers', () => {
    it('should write one JSON line per request with no secret and no personal data', async () => {
      const h = harness({ rateLimitPerMinute: 100 });
      const requests = [
        post(valid),
        post(valid, { 'idempotency-key': 'k' }),
        post(valid, { 'idempotency-key': 'k' }),
        post({ ...valid, person: { ...valid.person, lastName: 'x'.repeat(40) } }),
        post(valid, { origin: 'https://evil.example' }),
        post('{bad json with Anna'),
      ];
      const bodies: string[] = [];
      for (const request of requests) bodies.push(await (await h.relay(request)).text());
      h.mock.mode = { status: 401 };
      bodies.push(await (await h.relay(post(valid))).text());
      h.mock.mode = { status: 500 };
      bodies.push(await (await h.relay(post(valid))).text());
      assert.equal(h.logs.length, requests.length + 2);
      const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
      for (const text of [...h.logs, ...bodies]) {
        for (const secret of [USER, PASSWORD, basic]) assert.ok(!text.includes(secret), `secret in ${text}`);
      }
      for (const line of h.logs) {
        for (const personal of PERSONAL) assert.ok(!line.includes(personal), `personal data in ${line}`);
        const entry = JSON.parse(line);
        assert.deepEqual(
          Object.keys(entry).filter(
            (k) =>
              ![
                'time',
                'requestId',
                'method',
                'route',
                'customerId',
                'origin',
                'status',
                'vitecStatus',
                'event',
                'latencyMs',
              ].includes(k),
          ),
          [],
        );
        assert.equal(typeof entry.latencyMs, 'number');
      }
    });

    it('should keep a hostile customer id on one log line', async () => {
      const h = harness();
      await h.relay(post(valid, {}, '/PublicAdvertising/C1%0D%0A%7B%22status%22%3A200%7D/Contact/Person/Lead'));
      await h.relay(post(valid, {}, '/PublicAdvertising/C1%E2%80%A8x%E2%80%A9/Contact/Person/Lead'));
      assert.equal(h.logs.length, 2);
      for (const line of h.logs) assert.doesNotMatch(line, /[\r\n\u2028\u2029]/);
      assert.equal(JSON.parse(h.logs[1]!).customerId, 'C1\u2028x\u2029');
    });

    it('should answer a thrown forwarder as a failed connection, not crash', async () => {
      const h = harness({ fetch: async () => Promise.reject(new DropConnection()) });
      assert.equal((await h.relay(post(valid))).status, 502);
    });
  });

  it('should refuse to be created without credentials, customers or origins', () => {
    const base = {
      vitecBaseUrl: 'https://v',
      username: 'u',
      password: 'p',
      customerIds: ['C'],
      allowedOrigins: [ORIGIN],
    };
    assert.throws(() => createLeadRelay({ ...base, password: '' }), /password/);
    assert.throws(() => createLeadRelay({ ...base, customerIds: [] }), /customerIds/);
    assert.throws(() => createLeadRelay({ ...base, allowedOrigins: [] }), /allowedOrigins/);
  });
});
