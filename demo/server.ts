/**
 * `npm start`: the demo, the mock of Vitec and the relay, on one local port, in one process.
 * The demo's forms post to `/PublicAdvertising/…` on the same origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { dropInBuild } from '../build/drop-in-build.ts';
import { createMockVitec, MOCK_ACCOUNT } from '../src/server/mock/mock-vitec.ts';
import { createNodeForwarder } from '../src/server/runtimes/node/forwarder.ts';
import { toNodeListener } from '../src/server/runtimes/node/fetch-server.ts';
import { exitOnSignals, isMain, PortInUse, runMain } from '../src/server/runtimes/node/lifecycle.ts';
import { createLeadRelay, MemoryOutboxStore } from '../src/server/relay.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The demo's customer id; the relay refuses any other, as a broker's would. */
export const DEMO_CUSTOMER_ID = MOCK_ACCOUNT.customerIds[0];

/**
 * demo → relay (`/PublicAdvertising/…`) → mock of Vitec (`/__vitec/…`), on the demo's own port. The
 * mock requires the relay's credentials, as Vitec does: the mock's demo account, the same as
 * `npm run mock`'s, so a relay of your own can be pointed at `/__vitec` too.
 */
function backend(): Plugin {
  const credentials = { username: MOCK_ACCOUNT.username, password: MOCK_ACCOUNT.password };
  const mock = toNodeListener(createMockVitec({ credentials, customerIds: [DEMO_CUSTOMER_ID] }));
  let listener: Listener | undefined;
  return {
    name: 'vitec-lead-form-backend',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        const { port } = server.httpServer!.address() as AddressInfo;
        const relay = createLeadRelay({
          vitecBaseUrl: `http://127.0.0.1:${port}/__vitec`,
          ...credentials,
          customerIds: [DEMO_CUSTOMER_ID],
          allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
          // A demo visitor tries the error modes over and over; a broker's relay keeps the default 10.
          rateLimitPerMinute: 60,
          fetch: createNodeForwarder(),
          // Switch the mock to "down", send, and see the lead arrive a few seconds after switching it back.
          outbox: { store: new MemoryOutboxStore(), retryMinMs: 2_000, retryMaxMs: 10_000 },
        });
        relay.outbox?.start();
        server.httpServer?.once('close', () => void relay.outbox?.stop());
        listener = toNodeListener(relay);
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path.startsWith('/__vitec/')) void mock(req, res);
        // The person lead, and the website family: an interest, an estate's viewings, a booking, a valuation.
        else if (listener && (path === '/healthz' || /^\/(v2\/)?(Public)?Advertising\//i.test(path)))
          void listener(req, res);
        else next();
      });
    },
  };
}

/** Starts the demo; `port: 0` picks a free one. */
export async function startDemoServer(options: {
  port: number;
  host?: string;
}): Promise<{ url: string; server: ViteDevServer }> {
  const dropIn = dropInBuild();
  const server = await createServer({
    ...dropIn,
    root: fileURLToPath(new URL('.', import.meta.url)),
    server: {
      port: options.port,
      strictPort: options.port !== 0,
      host: options.host ?? 'localhost',
      hmr: options.port !== 0,
    },
    plugins: [...(dropIn.plugins ?? []), backend()],
  });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host ?? 'localhost'}:${port}/`, server };
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const port = Number(process.env.PORT ?? 5173);
    const { url, server } = await startDemoServer({ port, host: process.env.HOST }).catch((error: Error) => {
      throw /already in use/i.test(error.message) ? new PortInUse(`port ${port} is in use: set PORT`) : error;
    });
    // Vite's close stops its file watchers and the dependency optimiser's esbuild child process too.
    exitOnSignals(() => server.close());
    console.log(
      `vitec-lead-form demo: ${url}\n` +
        `  relay: ${url}PublicAdvertising/${DEMO_CUSTOMER_ID}/Contact/Person/Lead (and the listing and valuation pages' routes)\n` +
        `  a listing page: ${url}objekt.html, a valuation page: ${url}vardera.html\n` +
        `  mock of Vitec behind it: ${url}__vitec/__mock/leads (no Vitec account needed)`,
    );
  });
}
