// The website family's routes through the relay, against the mock: an interest, an estate's viewings, a booking and a
// valuation, each behind the same steps as the person lead, and each answered as Vitec decided.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estatePath, kindPath, type LeadKind } from '../../src/lead/lead-kinds.ts';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { createLeadRelay, MemoryOutboxStore, type RelayConfig } from '../../src/server/relay.ts';
import { inProcessFetch } from '../support/relay-in-process.ts';

const ORIGIN = 'https://maklarhuset.se';
const MAIN = { username: 'marketplace', password: 'main-Secret' };
const WEBSITE = { username: 'website', password: 'web-Secret' };
const NOW = Date.parse('2026-12-07T09:00:00Z');

function harness(
  overrides: Partial<RelayConfig> = {},
  mock: MockVitec = createMockVitec({ now: () => new Date(NOW) }),
) {
  const calls: Request[] = [];
  const logs: string[] = [];
  const clock = { now: NOW };
  const relay = createLeadRelay({
    vitecBaseUrl: 'https://vitec.test',
    ...MAIN,
    customerIds: ['C1'],
    allowedOrigins: [ORIGIN],
    now: () => clock.now,
    log: (line) => logs.push(line),
    fetch: inProcessFetch(mock, (request) => calls.push(request)),
    ...overrides,
  });
  return { relay, mock, calls, logs, clock };
}

const at = (path: string) => `https://relay.test${path}`;
function post(kind: LeadKind, body: unknown, headers: Record<string, string> = {}, estateId = 'DEMO-VILLA') {
  return new Request(at(kindPath(kind, 'C1', estateId)), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}
const getEstate = (estateId = 'DEMO-VILLA', headers: Record<string, string> = {}) =>
  new Request(at(estatePath('C1', estateId)), { headers: { origin: ORIGIN, ...headers } });

const person = { firstName: 'Anna', lastName: 'Svensson' };
const interest = {
  ...person,
  email: { emailAddress: 'anna@example.se' },
  telephone: { cell: '070-123 45 67' },
  contactMessage: 'Finns det garage?',
  status: 'VeryInterested',
  gdprApprovalDate: '2026-12-07T10:00:00+01:00',
  marketing: { utmTags: [{ name: 'utm_source', value: 'hemnet' }] },
};
const booking = {
  ...person,
  email: 'anna@example.se',
  cellPhone: '070-123 45 67',
  timeSlotId: 'V2-1',
  gdpr: { hasApproved: true },
  lead: { leadSourceId: 'LS-7', message: 'Vi kommer två' },
  confirmation: { isEmailEnabled: true, isSmsEnabled: false },
  reminderTime: 60,
};
const valuation = {
  ...person,
  email: 'anna@example.se',
  address: { streetAddress: 'Villavägen 12', zipCode: '18260', city: 'Djursholm' },
  lead: { assignmentSourceId: 'AS-2', message: 'Vi funderar på att sälja i vår.' },
  receiver: { userId: 'U-9' },
};

describe('the website family through the relay', () => {
  it('should pass an interest on, field by field, and answer 204 as Vitec does', async () => {
    const h = harness();
    const response = await h.relay(post('interest', interest));
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(h.calls[0]!.url, 'https://vitec.test/Advertising/Estate/C1/DEMO-VILLA/interest');
    const [sent] = h.mock.leads;
    assert.equal(sent!.kind, 'interest');
    assert.equal(sent!.estateId, 'DEMO-VILLA');
    assert.deepEqual(sent!.lead, interest);
  });

  it('should book a slot and a valuation, and pass {contactId} on as it comes', async () => {
    const h = harness();
    const booked = await h.relay(post('viewing', booking));
    assert.equal(booked.status, 200);
    const { contactId } = (await booked.json()) as { contactId: string };
    assert.equal(h.mock.leads[0]!.contactId, contactId);
    assert.deepEqual(h.mock.leads[0]!.lead, booking);
    const valued = await h.relay(post('valuation', valuation));
    assert.equal(valued.status, 200);
    assert.deepEqual(await valued.json(), { contactId });
    assert.equal(h.calls[1]!.url, 'https://vitec.test/v2/Advertising/Form/C1/Valuation');
    // The postal code as Vitec writes it.
    assert.deepEqual(h.mock.leads[1]!.lead, { ...valuation, address: { ...valuation.address, zipCode: '182 60' } });
    assert.deepEqual(
      h.mock.leads.map((lead) => lead.kind),
      ['viewing', 'valuation'],
    );
  });

  it("should refuse a body its kind's schema refuses, at the field, in ModelState form, before Vitec", async () => {
    const h = harness();
    const noContact = await h.relay(post('interest', person, { 'accept-language': 'sv' }));
    assert.equal(noContact.status, 400);
    assert.deepEqual(await noContact.json(), {
      Message: 'The request is invalid.',
      ModelState: { 'application.Email.EmailAddress': ['Ange en e-postadress eller ett telefonnummer.'] },
    });
    const long = await h.relay(post('viewing', { ...booking, firstName: 'A'.repeat(41), timeSlotId: '' }));
    const body = (await long.json()) as { ModelState: Record<string, string[]> };
    assert.deepEqual(Object.keys(body.ModelState).sort(), ['application.FirstName', 'application.TimeSlotId']);
    assert.match(body.ModelState['application.FirstName']![0]!, /Förnamn får vara högst 40 tecken/);
    const noValuationContact = await h.relay(post('valuation', { ...person, address: valuation.address }));
    assert.deepEqual(Object.keys(((await noValuationContact.json()) as typeof body).ModelState), ['application.Email']);
    assert.equal(h.calls.length, 0);
  });

  it('should answer an estate Vitec does not know with a 404 that says so, and an estate id that is none without asking', async () => {
    const h = harness();
    const unknown = await h.relay(getEstate('NO-SUCH'));
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { Message: 'Vitec does not know this estate.', Code: 'estate-unknown' });
    const interestIn = await h.relay(post('interest', interest, {}, 'NO-SUCH'));
    assert.equal(interestIn.status, 404);
    const calls = h.calls.length;
    const odd = await h.relay(new Request(at('/v2/Advertising/Form/C1/Estate/a%20b%3Cscript%3E'), { headers: {} }));
    assert.equal(odd.status, 404);
    assert.equal(h.calls.length, calls);
  });

  describe("an estate's viewings", () => {
    it('should list exactly the bookable slots, as instants, and nothing of the agents or the office', async () => {
      const h = harness();
      const response = await h.relay(getEstate());
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.doesNotMatch(text, /mona|Mäklare|Demomäklarna|agents|office/i);
      const estate = JSON.parse(text) as { estateId: string; slots: { id: string; startsAt: string }[] };
      assert.equal(estate.estateId, 'DEMO-VILLA');
      // V2's second slot is full; V1 is past; V4 hidden; V5 takes no self-registration; V6's deadline has passed.
      assert.deepEqual(
        estate.slots.map((slot) => slot.id),
        ['V2-1', 'V2-3', 'V3-1', 'V3-2'],
      );
      // 17:30 in Stockholm in December is 16:30 UTC.
      assert.equal(estate.slots[0]!.startsAt, '2026-12-09T16:30:00.000Z');
      for (const other of ['DEMO-RADHUS', 'DEMO-ETTA'])
        assert.deepEqual(await (await h.relay(getEstate(other))).json(), { estateId: other, slots: [] });
    });

    it('should ask Vitec once for 20 page loads in a minute, and again after it', async () => {
      const h = harness();
      const answers = await Promise.all(Array.from({ length: 20 }, () => h.relay(getEstate())));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
      assert.equal(h.mock.estateReads['DEMO-VILLA'], 1);
      h.clock.now += 59_000;
      await h.relay(getEstate());
      assert.equal(h.mock.estateReads['DEMO-VILLA'], 1);
      h.clock.now += 2_000;
      await h.relay(getEstate());
      assert.equal(h.mock.estateReads['DEMO-VILLA'], 2);
    });

    it('should read them again after Vitec refused a booking (a full slot), and not after one it took', async () => {
      const h = harness();
      await h.relay(getEstate());
      assert.equal((await h.relay(post('viewing', booking))).status, 200);
      await h.relay(getEstate());
      assert.equal(h.mock.estateReads['DEMO-VILLA'], 1);
      const full = await h.relay(post('viewing', { ...booking, timeSlotId: 'V2-2' }));
      assert.equal(full.status, 400);
      assert.deepEqual(((await full.json()) as { ModelState: unknown }).ModelState, {
        'application.TimeSlotId': ['Visningstiden är fullbokad.'],
      });
      await h.relay(getEstate());
      assert.equal(h.mock.estateReads['DEMO-VILLA'], 2);
    });

    it('should count page loads in a window of their own, not toward the lead limit', async () => {
      const h = harness({ pageLoadsPerMinute: 3, rateLimitPerMinute: 1 });
      const from = (request: Request) => h.relay(request, { clientAddress: '192.0.2.7' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await from(getEstate())).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal((await from(post('interest', interest))).status, 204);
      assert.equal((await from(post('interest', interest))).status, 429);
    });
  });

  it('should send one booking per Idempotency-Key, replayed, and refuse the key for another kind', async () => {
    const h = harness();
    const key = { 'idempotency-key': 'booking-1' };
    const first = await h.relay(post('viewing', booking, key));
    const again = await h.relay(post('viewing', booking, key));
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(h.mock.leads.length, 1);
    const interestOnce = await h.relay(post('interest', interest, { 'idempotency-key': 'interest-1' }));
    const interestAgain = await h.relay(post('interest', interest, { 'idempotency-key': 'interest-1' }));
    assert.deepEqual([interestOnce.status, interestAgain.status], [204, 204]);
    assert.equal(h.mock.leads.length, 2);
    // The same key and body for another estate is another lead: refused, not replayed.
    assert.equal(
      (await h.relay(post('interest', interest, { 'idempotency-key': 'interest-1' }, 'DEMO-ETTA'))).status,
      422,
    );
  });

  it("should use the website family's own password when it has one, and the person lead's for the person lead", async () => {
    const mock = createMockVitec({ now: () => new Date(NOW), credentials: MAIN, advertisingCredentials: WEBSITE });
    const h = harness({ advertisingUsername: WEBSITE.username, advertisingPassword: WEBSITE.password }, mock);
    assert.equal((await h.relay(post('interest', interest))).status, 204);
    assert.equal((await h.relay(getEstate())).status, 200);
    const lead = {
      person,
      leadSource: { leadType: 'AcceptObjectFlow', name: 'maklarhuset.se' },
    };
    const personLead = new Request(at(kindPath('lead', 'C1')), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(lead),
    });
    assert.equal((await h.relay(personLead)).status, 200);
    const basic = (account: { username: string; password: string }) =>
      `Basic ${btoa(`${account.username}:${account.password}`)}`;
    assert.deepEqual(
      h.calls.map((call) => call.headers.get('authorization')),
      [basic(WEBSITE), basic(WEBSITE), basic(MAIN)],
    );
    // Without its own password, the website family is refused by this Vitec: the operator's to fix.
    const without = harness({}, mock);
    const refused = await without.relay(post('interest', interest));
    assert.equal(refused.status, 500);
    assert.equal(((await refused.json()) as { Code: string }).Code, 'relay-misconfigured');
    assert.ok(without.logs.some((line) => line.includes('vitec-unauthorized')));
    assert.ok(!without.logs.some((line) => line.includes(MAIN.password) || line.includes(WEBSITE.password)));
  });

  it('should answer the preflight of every route, and 405 for a method a route does not take', async () => {
    const h = harness();
    for (const path of [kindPath('viewing', 'C1', 'E1'), estatePath('C1', 'E1'), kindPath('valuation', 'C1')]) {
      const preflight = await h.relay(
        new Request(at(path), {
          method: 'OPTIONS',
          headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
        }),
      );
      assert.equal(preflight.status, 204, path);
      assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
    }
    const getBooking = await h.relay(new Request(at(kindPath('viewing', 'C1', 'E1')), { headers: { origin: ORIGIN } }));
    assert.equal(getBooking.status, 405);
    assert.equal(getBooking.headers.get('allow'), 'POST, OPTIONS');
    const postEstate = await h.relay(new Request(at(estatePath('C1', 'E1')), { method: 'POST', body: '{}' }));
    assert.equal(postEstate.status, 405);
    assert.equal(h.calls.length, 0);
  });

  it("should keep a booking while Vitec is down and deliver it to the estate's path once Vitec is back", async () => {
    const h = harness({ outbox: { store: new MemoryOutboxStore(), retryMinMs: 1_000 } });
    h.mock.mode = { status: 503 };
    const queued = await h.relay(post('viewing', booking, { 'idempotency-key': 'down-1' }));
    assert.equal(queued.status, 202);
    assert.equal(((await queued.json()) as { Code: string }).Code, 'queued');
    h.mock.mode = {};
    h.clock.now += 10 * 60_000;
    assert.equal(await h.relay.outbox!.deliverDue(), 1);
    assert.deepEqual(
      h.mock.leads.map((lead) => [lead.kind, lead.estateId, (lead.lead as { timeSlotId: string }).timeSlotId]),
      [['viewing', 'DEMO-VILLA', 'V2-1']],
    );
    assert.equal(h.calls.at(-1)!.url, 'https://vitec.test/v2/Advertising/Form/C1/Estate/DEMO-VILLA/Viewing/Attend');
    // The key's answer is now Vitec's: the visitor's retry learns the contact id.
    const replay = await h.relay(post('viewing', booking, { 'idempotency-key': 'down-1' }));
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { contactId: h.mock.leads[0]!.contactId });
  });
});
