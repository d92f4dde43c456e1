import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DropConnection } from '../../src/server/drop-connection.ts';
import { createMockVitec } from '../../src/server/mock/mock-vitec.ts';

const URL_BASE = 'http://127.0.0.1/PublicAdvertising/C123/Contact/Person/Lead';
const valid = {
  person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'm.se' },
};

function post(body: unknown, headers: Record<string, string> = {}, url = URL_BASE): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('createMockVitec', () => {
  describe('when the lead is valid', () => {
    it('should answer 200 with a new GUID as a JSON string and remember the lead', async () => {
      const mock = createMockVitec();
      const response = await mock(post(valid, { 'idempotency-key': 'k1' }));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^application\/json; charset=utf-8$/);
      const id = await response.json();
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(mock.leads.length, 1);
      assert.equal(mock.leads[0]!.id, id);
      assert.equal(mock.leads[0]!.customerId, 'C123');
      assert.equal(mock.leads[0]!.idempotencyKey, 'k1');
      assert.deepEqual(mock.leads[0]!.lead, valid);
    });

    it('should bind property names case-insensitively, as Json.NET does', async () => {
      const mock = createMockVitec();
      const response = await mock(
        post({ Person: { FirstName: 'A', LastName: 'B' }, LeadSource: { LeadType: 0, Name: 'x' } }),
      );
      assert.equal(response.status, 200);
    });

    it('should treat the same personnummer or email as the same contact', async () => {
      const mock = createMockVitec();
      await mock(post(valid));
      await mock(
        post({ ...valid, person: { firstName: 'Anna', lastName: 'S', email: { emailAddress: 'ANNA@example.se' } } }),
      );
      await mock(post({ ...valid, person: { firstName: 'Bo', lastName: 'B', socialSecurityNumber: '19900101-0017' } }));
      await mock(post({ ...valid, person: { firstName: 'Bo', lastName: 'B', socialSecurityNumber: '19900101-0017' } }));
      const [a, b, c, d] = mock.leads;
      assert.equal(a!.contactId, b!.contactId);
      assert.deepEqual([a!.newContact, b!.newContact, c!.newContact, d!.newContact], [true, false, true, false]);
      assert.notEqual(a!.contactId, c!.contactId);
      assert.equal(c!.contactId, d!.contactId);
    });
  });

  describe('when the lead breaks Vitec rules', () => {
    const cases: [string, unknown, string][] = [
      ['no person', { leadSource: valid.leadSource }, 'lead.Person'],
      ['no lead source', { person: valid.person }, 'lead.LeadSource'],
      ['an empty first name', { ...valid, person: { ...valid.person, firstName: '' } }, 'lead.Person.FirstName'],
      [
        'a 31-character last name',
        { ...valid, person: { ...valid.person, lastName: 'x'.repeat(31) } },
        'lead.Person.LastName',
      ],
      [
        'a 21-character personnummer',
        { ...valid, person: { ...valid.person, socialSecurityNumber: '1'.repeat(21) } },
        'lead.Person.SocialSecurityNumber',
      ],
      ['a receiver naming nobody', { ...valid, receiver: {} }, 'lead.Receiver'],
      [
        'a lead type that is no enum',
        { ...valid, leadSource: { leadType: 'not valid!', name: 'x' } },
        'lead.LeadSource.LeadType',
      ],
      ['an empty body', '', 'lead'],
      ['broken JSON', '{"person":', 'lead'],
    ];
    for (const [what, body, key] of cases) {
      it(`should answer 400 with ModelState at ${key} for ${what}`, async () => {
        const mock = createMockVitec();
        const response = await mock(post(body));
        assert.equal(response.status, 400);
        const answer = await response.json();
        assert.equal(answer.Message, 'The request is invalid.');
        assert.ok(Array.isArray(answer.ModelState[key]), JSON.stringify(answer));
        assert.match(answer.ModelState[key][0], /[a-zåäö]/);
        assert.equal(mock.leads.length, 0);
      });
    }

    it('should accept a receiver that names an agent, a user group or an office', async () => {
      const mock = createMockVitec();
      for (const receiver of [{ agent: { id: 'A' } }, { userGroup: { id: 'G' } }, { office: { id: 'O' } }]) {
        assert.equal((await mock(post({ ...valid, receiver }))).status, 200);
      }
    });

    it('should refuse a body that is not JSON with 415', async () => {
      const mock = createMockVitec();
      const response = await mock(post('a=b', { 'content-type': 'application/x-www-form-urlencoded' }));
      assert.equal(response.status, 415);
    });
  });

  describe('when it is given credentials', () => {
    const mock = createMockVitec({ credentials: { username: 'broker', password: 's3cret' } });
    it('should answer 401 without them or with wrong ones', async () => {
      for (const headers of [
        {},
        { authorization: basic('broker', 'wrong') },
        { authorization: 'Bearer x' },
        { authorization: 'Basic !!!' },
      ] as Record<string, string>[]) {
        const response = await mock(post(valid, headers));
        assert.equal(response.status, 401);
        assert.match(response.headers.get('www-authenticate')!, /^Basic/);
      }
      assert.equal(mock.leads.length, 0);
    });
    it('should accept the right ones', async () => {
      assert.equal((await mock(post(valid, { authorization: basic('broker', 's3cret') }))).status, 200);
    });
  });

  it('should answer 403 for a customer id the account may not use', async () => {
    const mock = createMockVitec({ customerIds: ['C1'] });
    assert.equal((await mock(post(valid))).status, 403);
    assert.equal(
      (await mock(post(valid, {}, 'http://127.0.0.1/PublicAdvertising/C1/Contact/Person/Lead'))).status,
      200,
    );
  });

  it('should answer 404 elsewhere and 405 for other methods', async () => {
    const mock = createMockVitec();
    assert.equal((await mock(new Request('http://127.0.0.1/nope'))).status, 404);
    assert.equal((await mock(new Request(URL_BASE))).status, 405);
  });

  describe('with its switches', () => {
    it('should answer with a chosen status for a chosen number of leads', async () => {
      const mock = createMockVitec();
      await mock(
        new Request('http://127.0.0.1/__mock/mode', { method: 'PUT', body: JSON.stringify({ status: 503, times: 1 }) }),
      );
      assert.equal((await mock(post(valid))).status, 503);
      assert.equal((await mock(post(valid))).status, 200);
      assert.equal(mock.leads.length, 1);
    });

    it('should send Retry-After with a 429', async () => {
      const mock = createMockVitec({ mode: { status: 429 } });
      const response = await mock(post(valid));
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '30');
    });

    it('should wait the chosen delay', async () => {
      const mock = createMockVitec({ mode: { delayMs: 50 } });
      const started = performance.now();
      assert.equal((await mock(post(valid))).status, 200);
      assert.ok(performance.now() - started >= 45);
    });

    it('should drop the connection', async () => {
      const mock = createMockVitec({ mode: { drop: true } });
      await assert.rejects(mock(post(valid)), DropConnection);
      assert.equal(mock.leads.length, 0);
    });

    it('should list, forget and reset over HTTP', async () => {
      const mock = createMockVitec();
      await mock(post(valid));
      const listed = await (await mock(new Request('http://127.0.0.1/__mock/leads'))).json();
      assert.equal(listed.leads.length, 1);
      await mock(new Request('http://127.0.0.1/__mock/leads', { method: 'DELETE' }));
      assert.equal(mock.leads.length, 0);
      await mock(new Request('http://127.0.0.1/__mock/mode', { method: 'PUT', body: JSON.stringify({ status: 500 }) }));
      await mock(new Request('http://127.0.0.1/__mock/mode', { method: 'DELETE' }));
      assert.equal((await mock(post(valid))).status, 200);
    });
  });
});

describe('createMockVitec with every', () => {
  it('should apply its mode to every n-th lead only', async () => {
    const mock = createMockVitec({ mode: { status: 503, every: 4 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await mock(post(valid))).status);
    assert.deepEqual(statuses, [200, 200, 200, 503, 200, 200, 200, 503]);
    assert.equal(mock.leads.length, 6);
  });

  describe("the website family (Vitec's interest, viewings, booking and valuation)", () => {
    const site = (path: string, body?: unknown) =>
      new Request(`http://127.0.0.1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    const now = new Date('2026-12-07T09:00:00Z');

    it("should list an estate's viewings as Vitec does: bare Stockholm times, past and hidden ones too, and its agents", async () => {
      const mock = createMockVitec({ now: () => now });
      const estate = (await (await mock(site('/v2/Advertising/Form/C1/Estate/DEMO-VILLA'))).json()) as {
        agents: unknown[];
        viewings: { id: string; startsAt: string; isVisible: boolean; timeSlots: { id: string }[] }[];
      };
      assert.deepEqual(
        estate.viewings.map((v) => v.id),
        ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'],
      );
      assert.equal(estate.viewings[0]!.startsAt, '2026-12-04T17:30:00', 'three days ago, no offset');
      assert.equal(estate.viewings[1]!.timeSlots.length, 3);
      assert.equal(estate.agents.length, 1);
      assert.equal((await mock(site('/v2/Advertising/Form/C1/Estate/NOPE'))).status, 404);
    });

    it('should refuse names over 40 and an interest no one can answer, as ModelState, and take a good one with 204', async () => {
      const mock = createMockVitec({ now: () => now });
      const refused = await mock(
        site('/Advertising/Estate/C1/DEMO-VILLA/interest', { firstName: 'A'.repeat(41), lastName: 'B' }),
      );
      assert.equal(refused.status, 400);
      assert.deepEqual(((await refused.json()) as { ModelState: unknown }).ModelState, {
        'application.FirstName': ['Förnamn måste vara mellan 1 och 40 tecken.'],
        'application.Email': ['En e-postadress, ett telefonnummer eller ett mobilnummer måste anges.'],
      });
      const taken = await mock(
        site('/Advertising/Estate/C1/DEMO-VILLA/interest', {
          firstName: 'A',
          lastName: 'B',
          telephone: { cell: '0701234567' },
        }),
      );
      assert.equal(taken.status, 204);
      assert.equal(mock.leads[0]!.kind, 'interest');
    });

    it('should fill a slot after three bookings, refuse the fourth, and answer a valuation with {contactId}', async () => {
      const mock = createMockVitec({ now: () => now });
      const book = (email: string) =>
        mock(
          site('/v2/Advertising/Form/C1/Estate/DEMO-VILLA/Viewing/Attend', {
            firstName: 'A',
            lastName: 'B',
            email,
            timeSlotId: 'V3-1',
          }),
        );
      for (const email of ['a@x.se', 'b@x.se', 'c@x.se']) assert.equal((await book(email)).status, 200);
      const full = await book('d@x.se');
      assert.equal(full.status, 400);
      assert.deepEqual(((await full.json()) as { ModelState: unknown }).ModelState, {
        'application.TimeSlotId': ['Visningstiden är fullbokad.'],
      });
      const valued = await mock(
        site('/v2/Advertising/Form/C1/Valuation', { firstName: 'A', lastName: 'B', email: 'a@x.se' }),
      );
      assert.deepEqual(
        await valued.json(),
        { contactId: mock.leads[0]!.contactId },
        'the same person is the same contact',
      );
    });
  });
});
