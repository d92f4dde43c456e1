import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { LEAD_PATH, type RelayStack, STACK_ORIGIN, startRelayStack, VALID_LEAD } from '../support/relay-stack.ts';

function assertRelayHeaders(headers: Record<string, string>, cors = true) {
  assert.match(headers['x-request-id'] ?? '', /^[\w-]{8,}$/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['access-control-allow-origin'], cors ? STACK_ORIGIN : undefined);
}

describe('the relay on Node (@hono/node-server)', () => {
  let stack: RelayStack;
  before(async () => {
    stack = await startRelayStack();
  });
  after(() => stack.close());

  describe('when a request is refused on its headers', () => {
    const TEN_MB = 'Content-Length: 10485760';
    const cases: [string, string, number][] = [
      [
        'an unknown path',
        `POST /x HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}\nContent-Type: application/json\n${TEN_MB}`,
        404,
      ],
      [
        'a refused origin',
        `POST ${LEAD_PATH} HTTP/1.1\nHost: relay\nOrigin: https://evil.example\nContent-Type: application/json\n${TEN_MB}`,
        403,
      ],
      [
        'a refused customer id',
        `POST /PublicAdvertising/C9/Contact/Person/Lead HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}\nContent-Type: application/json\n${TEN_MB}`,
        403,
      ],
      [
        'a body that is not JSON',
        `POST ${LEAD_PATH} HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}\nContent-Type: text/plain\n${TEN_MB}`,
        415,
      ],
      [
        'a declared length over 64 KiB',
        `POST ${LEAD_PATH} HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}\nContent-Type: application/json\n${TEN_MB}`,
        413,
      ],
    ];
    for (const [what, head, status] of cases) {
      it(`should answer ${status} to ${what} declaring 10 MB, with no byte of the body sent, and cut the connection`, async () => {
        const answer = await rawRequest(stack.relayPort, head);
        assert.equal(answer.status, status);
        assertRelayHeaders(answer.headers, !what.includes('origin'));
        assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
        // The body the client still owes is not waited for: the adapter drains briefly, then closes.
        await answer.closed;
      });
    }

    it('should stop reading a refused 1 MB body and close the connection', async () => {
      const body = Buffer.alloc(1024 * 1024, 0x61);
      const answer = await rawRequest(
        stack.relayPort,
        `POST /x HTTP/1.1\nHost: relay\nOrigin: https://evil.example\nContent-Type: application/json\nContent-Length: ${body.length}`,
        body,
      );
      assert.equal(answer.status, 404);
      await answer.closed;
    });

    it('should answer 413 to a chunked body past 64 KiB, having read no more than that', async () => {
      const chunk = 'a'.repeat(16 * 1024);
      const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
      const answer = await rawRequest(
        stack.relayPort,
        `POST ${LEAD_PATH} HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}\nContent-Type: application/json\nTransfer-Encoding: chunked`,
        chunks,
      );
      assert.equal(answer.status, 413);
      assertRelayHeaders(answer.headers);
      answer.destroy();
    });
  });

  describe('when the method is not one the route takes', () => {
    for (const method of ['TRACE', 'TRACK', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      it(`should answer ${method} with 405 and Allow, never 500`, async () => {
        const answer = await rawRequest(
          stack.relayPort,
          `${method} ${LEAD_PATH} HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}`,
        );
        assert.equal(answer.status, 405);
        assert.equal(answer.headers.allow, 'POST, OPTIONS');
        assertRelayHeaders(answer.headers);
        assert.equal(JSON.parse(stack.logs.at(-1)!).method, method);
        answer.destroy();
      });
    }

    it('should answer TRACK on /healthz with 405 and Allow: GET, HEAD, and on another path with 404', async () => {
      const health = await rawRequest(stack.relayPort, 'TRACK /healthz HTTP/1.1\nHost: relay');
      assert.equal(health.status, 405);
      assert.equal(health.headers.allow, 'GET, HEAD');
      health.destroy();
      const other = await rawRequest(stack.relayPort, 'TRACK /x HTTP/1.1\nHost: relay');
      assert.equal(other.status, 404);
      other.destroy();
    });

    for (const method of ['OPTIONS', 'GET']) {
      it(`should answer ${method} * (the asterisk form) with the relay's own 404, never 500`, async () => {
        const answer = await rawRequest(stack.relayPort, `${method} * HTTP/1.1\nHost: relay\nOrigin: ${STACK_ORIGIN}`);
        assert.equal(answer.status, 404);
        assert.deepEqual(JSON.parse(answer.body), { Message: 'Not found.' });
        assertRelayHeaders(answer.headers);
        answer.destroy();
      });
    }

    const pipelined: [string, string, number, [string, number][]][] = [
      ['a TRACK', `TRACK ${LEAD_PATH} HTTP/1.1\r\nHost: relay\r\n\r\n`, 405, [['TRACK', 405]]],
      ['a line that is not HTTP', 'GARBAGE\r\n\r\n', 400, []],
    ];
    for (const [what, second, status, logged] of pipelined) {
      it(`should answer a POST and ${what} pipelined in one packet once each, in order, counting one lead`, async () => {
        const leads = stack.mock.leads.length;
        const before = stack.logs.length;
        const body = JSON.stringify(VALID_LEAD);
        const packet =
          `POST ${LEAD_PATH} HTTP/1.1\r\nHost: relay\r\nOrigin: ${STACK_ORIGIN}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}${second}`;
        const received = await new Promise<string>((resolve, reject) => {
          const socket = connect(stack.relayPort, '127.0.0.1', () => socket.write(packet));
          let text = '';
          socket.on('data', (chunk) => (text += chunk.toString('utf8')));
          socket.on('close', () => resolve(text));
          socket.on('error', reject);
          socket.setTimeout(10_000, () => socket.destroy(new Error('no close in 10 s')));
        });
        const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
        assert.deepEqual(statuses, [200, status], received);
        assert.equal(stack.mock.leads.length, leads + 1);
        // Each logged once (the TRACK's line may come first: it is answered while the POST waits for Vitec).
        const lines = stack.logs.slice(before).map((line) => JSON.parse(line));
        assert.deepEqual(lines.map((line) => [line.method, line.status]).sort(), [['POST', 200], ...logged].sort());
      });
    }

    it('should still answer a request line that is not HTTP with a plain 400', async () => {
      const answer = await rawRequest(stack.relayPort, 'GARBAGE');
      assert.equal(answer.status, 400);
    });
  });

  describe('when the body is hostile or broken off', () => {
    it('should answer a lead with an unknown property 3,000 deep with 400, CORS and a request id', async () => {
      const leads = stack.mock.leads.length;
      const deep = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
      const response = await fetch(`${stack.relayUrl}${LEAD_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: STACK_ORIGIN },
        body: `${JSON.stringify(VALID_LEAD).slice(0, -1)},"extra":${deep}}`,
      });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('access-control-allow-origin'), STACK_ORIGIN);
      assert.ok(response.headers.get('x-request-id'));
      assert.equal(stack.mock.leads.length, leads);
    });

    it('should log a client that goes away mid-body as body-incomplete, with no handler failure', async (t) => {
      const errors = t.mock.method(console, 'error', () => undefined);
      const socket = connect(stack.relayPort, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST ${LEAD_PATH} HTTP/1.1\r\nHost: relay\r\nOrigin: ${STACK_ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"person":`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      for (let i = 0; i < 100 && !stack.logs.some((line) => line.includes('body-incomplete')); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const line = JSON.parse(stack.logs.find((l) => l.includes('body-incomplete'))!);
      assert.equal(line.status, 400);
      assert.equal(errors.mock.callCount(), 0);
    });
  });
});

describe("the relay reading Vitec's answer on Node", () => {
  let vitec: Server;
  let sent = 0;
  let stack: RelayStack;
  before(async () => {
    // A stand-in for Vitec that answers 200 with 100 MB, written as fast as the relay reads it.
    vitec = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const write = () => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('close', () => undefined);
      write();
    });
    await new Promise<void>((resolve) => vitec.listen(0, '127.0.0.1', resolve));
    stack = await startRelayStack({
      relay: { vitecBaseUrl: `http://127.0.0.1:${(vitec.address() as AddressInfo).port}` },
    });
  });
  after(async () => {
    await stack.close();
    vitec.closeAllConnections();
    await new Promise<void>((resolve) => vitec.close(() => resolve()));
  });

  it('should answer a 100 MB answer with 502, store nothing, and stop reading it', async () => {
    const send = () =>
      fetch(`${stack.relayUrl}${LEAD_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'huge' },
        body: JSON.stringify(VALID_LEAD),
      });
    assert.equal((await send()).status, 502);
    assert.equal(JSON.parse(stack.logs.at(-1)!).event, 'vitec-answer-too-large');
    assert.ok(sent < 50 * 1024 * 1024, `Vitec wrote ${sent} bytes before the relay hung up`);
    const again = await send();
    assert.equal(again.status, 502);
    assert.equal(again.headers.get('idempotent-replayed'), null);
  });
});
