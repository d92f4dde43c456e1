/**
 * `npm start`: the demo, the mock of Vitec and the relay, on one local port, in one process.
 * The demo's forms post to `/PublicAdvertising/…` on the same origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { createMockVitec } from '../src/server/mock-vitec.ts';
import { toNodeListener } from '../src/server/node-http.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function backend(): Plugin {
  const mock = toNodeListener(createMockVitec());
  const route = (req: IncomingMessage): Listener | undefined => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/__vitec/') || /^\/PublicAdvertising\//i.test(path)) return mock;
    return undefined;
  };
  return {
    name: 'vitec-lead-form-backend',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const handler = route(req);
        if (handler) void handler(req, res);
        else next();
      });
    },
  };
}

/** Starts the demo; `port: 0` picks a free one. */
export async function startDemoServer(options: { port: number; host?: string }): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('.', import.meta.url)),
    server: { port: options.port, strictPort: options.port !== 0, host: options.host ?? 'localhost', hmr: options.port !== 0 },
    plugins: [backend()],
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host ?? 'localhost'}:${port}/`, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startDemoServer({ port: Number(process.env.PORT ?? 5173), host: process.env.HOST });
  console.log(`vitec-lead-form demo: ${url}\n  mock of Vitec: ${url}__vitec/__mock/leads (no Vitec account needed)`);
}
