/**
 * Mounts real mocks of Vitec, and real relays in front of them, into a Koa dev server (Web Test
 * Runner's). `/mock/<name>/…` goes to a mock of its own for each name, so test files running side by
 * side never share state; `/relay/<name>/…` goes to a relay that forwards to that mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { DropConnection } from '../../src/server/drop-connection.ts';
import { toNodeListener } from '../../src/server/runtimes/node/fetch-server.ts';
import { createLeadRelay, type LeadRelay, MemoryOutboxStore } from '../../src/server/relay.ts';

interface KoaContext {
  path: string;
  host: string;
  protocol: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
  status?: number;
}

/** The credentials the test relays hold and the test mocks require. */
export const TEST_CREDENTIALS = { username: 'test-relay', password: 'test-relay-password' };
export const TEST_CUSTOMER_IDS = ['C-42', 'C'];

const mocks = new Map<string, MockVitec>();
const relays = new Map<string, LeadRelay>();

export function mockFor(name: string): MockVitec {
  let mock = mocks.get(name);
  if (!mock) mocks.set(name, (mock = createMockVitec()));
  return mock;
}

function relayFor(name: string, origin: string): LeadRelay {
  let relay = relays.get(name);
  if (!relay) {
    // The mock behind a relay requires the relay's credentials, as Vitec does.
    const mock = createMockVitec({ credentials: TEST_CREDENTIALS });
    mocks.set(`${name}-vitec`, mock);
    relay = createLeadRelay({
      vitecBaseUrl: 'http://vitec.invalid',
      ...TEST_CREDENTIALS,
      customerIds: TEST_CUSTOMER_IDS,
      allowedOrigins: [origin],
      rateLimitPerMinute: 1000,
      timeoutMs: 1000,
      log: () => undefined,
      // A relay named outbox-… keeps what Vitec cannot take now (its delivery is not started: the test sees it queued).
      ...(name.startsWith('outbox') ? { outbox: { store: new MemoryOutboxStore() } } : {}),
      // In process, as fetch would: a dropped connection rejects, an abort rejects at once.
      fetch: (input, init) =>
        Promise.race([
          mock(new Request(input, init)).catch((error) => {
            throw error instanceof DropConnection ? new TypeError('fetch failed') : error;
          }),
          new Promise<never>((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
        ]),
    });
    relays.set(name, relay);
  }
  return relay;
}

const PREFIX = /^\/(mock|relay)\/([\w-]+)(\/.*)$/;

export async function mockMiddleware(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  const match = PREFIX.exec(ctx.path);
  if (!match) return next();
  const [, kind, name] = match as unknown as [string, string, string];
  const handler =
    kind === 'mock'
      ? mockFor(name)
      : (request: Request, info?: { clientAddress?: string }) => {
          const url = new URL(request.url);
          url.pathname = url.pathname.replace(`/relay/${name}`, '');
          const init = {
            method: request.method,
            headers: request.headers,
            body: request.body,
            duplex: 'half',
            signal: request.signal,
          };
          return relayFor(name, `${ctx.protocol}://${ctx.host}`)(new Request(url, init as RequestInit), info);
        };
  // Koa would answer (and Web Test Runner log) a 404 by itself: the handler writes the response instead.
  ctx.status = 200;
  ctx.respond = false;
  await toNodeListener(handler)(ctx.req, ctx.res);
}
