/** The relay and a Vitec behind it, each a real Node server on 127.0.0.1, as a deployment has them. */
import type { Server } from 'node:http';
import { createMockVitec, type MockVitec, type MockVitecOptions } from '../../src/server/mock/mock-vitec.ts';
import { createNodeForwarder } from '../../src/server/runtimes/node/forwarder.ts';
import { createFetchServer, type FetchHandler } from '../../src/server/runtimes/node/fetch-server.ts';
import { listen } from '../../src/server/runtimes/node/lifecycle.ts';
import { createLeadRelay, type RelayConfig } from '../../src/server/relay.ts';

export const STACK_CREDENTIALS = { username: 'stack-relay', password: 'stack-Secret-Wörd' };
export const STACK_ORIGIN = 'https://maklarhuset.se';
/** The relay secret of every relay a test starts that shares a store (as a fleet's relays share one). */
export const STACK_SECRET = '5ec2e7'.repeat(10) + '0f0f';
export const LEAD_PATH = '/PublicAdvertising/C1/Contact/Person/Lead';

/** A fetch handler on a real Node server on a free port of 127.0.0.1. */
export async function serveHandler(
  handler: FetchHandler,
): Promise<{ server: Server; port: number; url: string; close: () => Promise<void> }> {
  const server = createFetchServer(handler);
  const port = await listen(server, 0, '127.0.0.1');
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface RelayStack {
  relayUrl: string;
  relayPort: number;
  vitecUrl: string;
  mock: MockVitec;
  /** The relay's log lines. */
  logs: string[];
  close(): Promise<void>;
}

/** The relay in front of the mock of Vitec (or of `vitec`, a stand-in of the test's own). */
export async function startRelayStack(
  options: { relay?: Partial<RelayConfig>; mock?: MockVitecOptions; vitec?: FetchHandler } = {},
): Promise<RelayStack> {
  const mock = createMockVitec({ credentials: STACK_CREDENTIALS, customerIds: ['C1'], ...options.mock });
  const vitec = await serveHandler(options.vitec ?? mock);
  const logs: string[] = [];
  const relay = await serveHandler(
    createLeadRelay({
      vitecBaseUrl: vitec.url,
      ...STACK_CREDENTIALS,
      customerIds: ['C1'],
      allowedOrigins: [STACK_ORIGIN],
      fetch: createNodeForwarder(),
      log: (line) => logs.push(line),
      secret: STACK_SECRET,
      ...options.relay,
    }),
  );
  return {
    relayUrl: relay.url,
    relayPort: relay.port,
    vitecUrl: vitec.url,
    mock,
    logs,
    close: async () => {
      await relay.close();
      await vitec.close();
    },
  };
}

/** A lead the schema and the mock both take. */
export const VALID_LEAD = {
  person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'maklarhuset.se' },
};
