/**
 * A fetch handler on Node's `http` server through `@hono/node-server`, which hands the handler a
 * `Request` whose body is read only when the handler reads it: a request refused on its headers is
 * answered without reading its body, and the adapter drains or cuts what the client still sends.
 * Also: one-line start-up failures, and a stop on SIGTERM/SIGINT that lets requests in flight finish.
 */
import { getRequestListener } from '@hono/node-server';
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { ConnectionInfo } from '../../context.js';
import { DropConnection } from '../../drop-connection.js';

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

/**
 * A Node request listener for a fetch handler. A handler that throws `DropConnection` has its socket
 * destroyed with no answer; any other throw is a 500 with no detail, logged as `handler-failed`.
 */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener(
    async (request, env) => {
      const incoming = env.incoming as IncomingMessage;
      try {
        return await handler(request, { clientAddress: incoming.socket.remoteAddress });
      } catch (error) {
        if (!(error instanceof DropConnection)) throw error;
        incoming.socket.destroy();
        return new Response(null, { status: 500 });
      }
    },
    {
      errorHandler: (error) => {
        const requestId = crypto.randomUUID();
        console.error(
          JSON.stringify({
            time: new Date().toISOString(),
            level: 'error',
            event: 'handler-failed',
            requestId,
            error: error instanceof Error ? error.name : 'unknown',
          }),
        );
        return new Response('{"Message":"An error has occurred."}', {
          status: 500,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
            'x-request-id': requestId,
          },
        });
      },
    },
  ) as (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** Thrown by `listen` when the port is taken; its message is the one line to print. */
export class PortInUse extends Error {}

/** Listens on `port` (0 for a free one) and `host`; rejects with `PortInUse` when the port is taken. */
export function listen(server: Server, port: number, host: string, variable = 'PORT'): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(`port ${port} is in use: set ${variable}`) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}$/;

/**
 * A request Node's parser refused for its method alone (`TRACK`, `PROPFIND` …: llhttp knows a fixed
 * list) as a GET `Request` with the sent method beside it, so the handler answers it as it answers any
 * method it does not take (405 with `Allow`, its own headers and log line). `undefined` when the
 * request line or headers are not plain HTTP/1.1.
 */
function unparsedMethod(raw: Buffer): { request: Request; method: string } | undefined {
  const head = raw.toString('latin1').split('\r\n\r\n')[0]!.split('\r\n');
  const [method, target, version, extra] = head[0]!.split(' ');
  if (
    !method ||
    !TOKEN.test(method) ||
    !target?.startsWith('/') ||
    !/^HTTP\/1\.[01]$/.test(version ?? '') ||
    extra !== undefined
  )
    return undefined;
  const headers = new Headers();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon < 1) return undefined;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      return undefined;
    }
  }
  try {
    return {
      request: new Request(new URL(target, `http://${headers.get('host') || 'localhost'}`), { headers }),
      method: method.toUpperCase(),
    };
  } catch {
    return undefined;
  }
}

/** What Node itself answers to a request its parser refuses (it stops doing so once `clientError` has a listener). */
function parserAnswer(error: NodeJS.ErrnoException): string {
  if (error.code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  return '400 Bad Request';
}

/** A server for a fetch handler, with timeouts that stop a slow client from holding a socket for long. */
export function createFetchServer(handler: FetchHandler): Server {
  const server = createServer(toNodeListener(handler));
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex & { remoteAddress?: string }) => {
      const unparsed =
        error.code === 'HPE_INVALID_METHOD' && error.rawPacket ? unparsedMethod(error.rawPacket) : undefined;
      if (!unparsed) {
        if (socket.writable)
          socket.end(`HTTP/1.1 ${parserAnswer(error)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        else socket.destroy();
        return;
      }
      void handler(unparsed.request, { clientAddress: socket.remoteAddress, method: unparsed.method })
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`];
          response.headers.forEach((value, name) => {
            if (name !== 'content-length' && name !== 'connection') lines.push(`${name}: ${value}`);
          });
          lines.push(`content-length: ${body.length}`, 'connection: close', '', '');
          socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
        })
        .catch(() => socket.destroy());
    },
  );
  return server;
}

/** Stops taking connections, lets requests in flight finish for up to `graceMs`, then cuts the rest. */
export function closeGracefully(server: Server, graceMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** On SIGTERM or SIGINT: `stop()`, then exit 0 (exit 1 if it has not finished in 2 s). */
export function exitOnSignals(stop: () => Promise<unknown>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 2000).unref();
      void stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Runs a command's `main`: a `PortInUse` or any start-up error is one line on stderr and exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof PortInUse ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

/** Whether `url` is the program Node was asked to run, also through a symlink such as npm's bin. */
export function isMain(url: string): boolean {
  try {
    return !!process.argv[1] && url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
