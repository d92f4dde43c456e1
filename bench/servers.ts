/**
 * The bench's servers, each in a process of its own so that the load generator, the relay and the
 * mock do not share one event loop: `tsx bench/servers.ts mock` or `tsx bench/servers.ts relay URL`.
 * Prints the URL it listens on, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockVitec } from '../src/server/mock-vitec.ts';
import { createNodeForwarder } from '../src/server/node-forwarder.ts';
import { toNodeListener } from '../src/server/node-serve.ts';
import { createLeadRelay } from '../src/server/relay.ts';

import { BENCH_CREDENTIALS } from './credentials.ts';

const [kind, vitecUrl] = process.argv.slice(2);
const mock = createMockVitec({ credentials: BENCH_CREDENTIALS });
const handler =
  kind === 'relay'
    ? createLeadRelay({
        vitecBaseUrl: vitecUrl!,
        ...BENCH_CREDENTIALS,
        customerIds: ['C1'],
        allowedOrigins: ['https://m.se'],
        rateLimitPerMinute: 10_000_000,
        fetch: createNodeForwarder(),
        log: () => undefined,
      })
    : async (request: Request) => {
        // The mock keeps every lead; forget them between runs so that memory stays flat.
        if (mock.leads.length > 50_000) mock.reset();
        return mock(request);
      };
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
