// The order of the relay's checks (docs/relay.md): for each pair of neighbouring steps, a request that fails both
// gets the earlier step's answer. Moving a step past its neighbour makes its row fail.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_LEAD } from '../support/relay-stack.ts';
import { relayOverMock } from '../support/relay-in-process.ts';

const ORIGIN = 'https://m.se';
const LEAD_URL = 'https://relay.test/PublicAdvertising/C1/Contact/Person/Lead';

interface Attempt {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | ReadableStream<Uint8Array>;
  /** Leads already sent from this client in the minute, so that the limit of 2 is used up. */
  exhausted?: boolean;
  /** Vitec is down. */
  vitecDown?: boolean;
  /** An earlier lead under the same key, so that this one reuses it for another lead. */
  keyUsed?: boolean;
}

/** A body stream that sends a part of a lead and then breaks off, as a client that goes away mid-body. */
function brokenBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"person":'));
      controller.error(new Error('the client went away'));
    },
  });
}

async function answer(attempt: Attempt): Promise<{ status: number; text: string }> {
  const { relay, mock } = relayOverMock({ rateLimitPerMinute: 2 });
  const send = (extra: Attempt) =>
    relay(
      new Request(new URL(extra.path ?? '/PublicAdvertising/C1/Contact/Person/Lead', LEAD_URL), {
        method: extra.method ?? 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...extra.headers },
        ...(extra.body === undefined ? {} : { body: extra.body, duplex: 'half' }),
      } as RequestInit),
      { clientAddress: '198.51.100.7' },
    );
  if (attempt.keyUsed) await send({ headers: { 'idempotency-key': 'k-used' }, body: JSON.stringify(VALID_LEAD) });
  if (attempt.exhausted)
    for (let i = 0; i < 2; i++) assert.equal((await send({ body: JSON.stringify(VALID_LEAD) })).status, 200);
  if (attempt.vitecDown) mock.mode = { status: 503 };
  const response = await send(attempt);
  return { status: response.status, text: await response.text() };
}

const lead = JSON.stringify(VALID_LEAD);
const otherLead = JSON.stringify({ ...VALID_LEAD, message: 'Another lead' });

/** [the earlier step, the later step, a request that fails both, what the earlier step answers]. */
const NEIGHBOURS: [string, string, Attempt, number, RegExp][] = [
  ['route', 'origin', { path: '/nowhere', headers: { origin: 'https://evil.example' }, body: lead }, 404, /Not found/],
  [
    'method',
    'origin',
    { method: 'PUT', headers: { origin: 'https://evil.example' }, body: lead },
    405,
    /Method not allowed/,
  ],
  [
    'origin',
    'customer',
    { path: '/PublicAdvertising/NOPE/Contact/Person/Lead', headers: { origin: 'https://evil.example' }, body: lead },
    403,
    /origin may not/,
  ],
  [
    'customer',
    'rate',
    { path: '/PublicAdvertising/NOPE/Contact/Person/Lead', exhausted: true, body: lead },
    403,
    /customer id may not/,
  ],
  ['rate', 'type', { exhausted: true, headers: { 'content-type': 'text/plain' }, body: lead }, 429, /Too many leads/],
  [
    'type',
    'length',
    { headers: { 'content-type': 'text/plain', 'content-length': String(1024 * 1024) }, body: lead },
    415,
    /application\/json/,
  ],
  ['length', 'body', { headers: { 'content-length': String(1024 * 1024) }, body: brokenBody() }, 413, /larger than/],
  ['body', 'JSON', { body: brokenBody() }, 400, /did not arrive in full|kom inte fram/],
  ['JSON', 'schema', { body: '{"person": ' }, 400, /ogiltig JSON|not valid JSON/],
  [
    'schema',
    'idempotency',
    { headers: { 'idempotency-key': 'x'.repeat(300) }, body: '{"person":{}}' },
    400,
    /ModelState/,
  ],
  [
    'idempotency',
    'Vitec',
    { keyUsed: true, vitecDown: true, headers: { 'idempotency-key': 'k-used' }, body: otherLead },
    422,
    /another lead/,
  ],
];

describe('the order of the relay checks', () => {
  for (const [earlier, later, attempt, status, text] of NEIGHBOURS) {
    it(`should answer as the ${earlier} check before the ${later} check`, async () => {
      const got = await answer(attempt);
      assert.equal(got.status, status, got.text);
      assert.match(got.text, text);
    });
  }
});
