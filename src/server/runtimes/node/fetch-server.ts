/**
 * A fetch handler on Node's `http` server through `@hono/node-server`, which hands the handler a `Request` whose
 * body is read only when the handler reads it: a request refused on its headers is answered without reading its
 * body, and the adapter drains or cuts what the client still sends.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { parseIpAddress, rateLimitKey } from '../../ip-address.js';
import { JSON_TYPE, SAFE_HEADERS } from '../../../lead/vitec-protocol.js';
import type { ConnectionInfo } from '../../context.js';
import { DropConnection } from '../../drop-connection.js';
import { logEvent } from '../../log.js';
import { unparsedMethod } from './unparsed-method.js';

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

/**
 * A Node request listener for a fetch handler. A handler that throws `DropConnection` has its socket
 * destroyed with no answer; any other throw is a 500 with no detail, logged as `handler-failed`.
 */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const listener = getRequestListener(
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
        // A request target the adapter cannot make a URL of is the client's error, not the relay's.
        if (error instanceof Error && error.name === 'RequestError')
          return new Response('{"Message":"The request target is not a path."}', {
            status: 400,
            headers: { 'content-type': JSON_TYPE, ...SAFE_HEADERS, 'x-request-id': requestId },
          });
        logEvent((line) => console.error(line), 'handler-failed', {
          level: 'error',
          requestId,
          error: error instanceof Error ? error.name : 'unknown',
        });
        return new Response('{"Message":"An error has occurred."}', {
          status: 500,
          headers: { 'content-type': JSON_TYPE, ...SAFE_HEADERS, 'x-request-id': requestId },
        });
      },
    },
  ) as (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  return (req, res) => {
    // The asterisk form (`OPTIONS *`, RFC 9112 3.2.4) names no path; as `/*` it is one the relay does not serve (404).
    if (req.url === '*') req.url = '/*';
    return listener(req, res);
  };
}

/** What Node itself answers to a request its parser refuses (it stops doing so once `clientError` has a listener). */
function parserAnswer(error: NodeJS.ErrnoException): string {
  if (error.code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  return '400 Bad Request';
}

/** Refused connections are logged by reason, at most once a minute each, without the address (it is personal). */
function limitConnections(server: Server, limits: ServerLimits): void {
  const logged = new Map<string, number>();
  const refused = (reason: 'max-connections' | 'max-connections-per-client') => {
    const now = Date.now();
    if (now - (logged.get(reason) ?? -Infinity) < 60_000) return;
    logged.set(reason, now);
    logEvent(limits.log ?? console.log, 'connection-refused', { reason });
  };
  server.on('drop', () => refused('max-connections'));
  const perClient = limits.maxConnectionsPerClient ?? 0;
  if (!perClient) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = parseIpAddress(socket.remoteAddress);
    const client = address ? rateLimitKey(address) : 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > perClient) {
      refused('max-connections-per-client');
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left) open.set(client, left);
      else open.delete(client);
    });
  });
}

/** The bytes a method name can hold as llhttp reads it (it stops at the first byte no method it knows has there). */
const METHOD_BYTE = /[A-Z-]/;

/**
 * Where the request the parser refused starts in `raw`: `bytesParsed` is where it stopped, inside the method name
 * (after `TRAC` of `TRACK`), and requests pipelined before it in the same packet were parsed and are answered by the
 * server; so the start is the first byte of the method name that ends there.
 */
function refusedRequestStart(raw: Buffer, bytesParsed: number): number {
  let start = Math.min(bytesParsed, raw.length);
  while (start > 0 && bytesParsed - start < 24 && METHOD_BYTE.test(String.fromCharCode(raw[start - 1]!))) start--;
  return start;
}

/** How many sockets a server holds, and for how long a slow client may hold one (docs/relay.md, "Slow clients"). */
export interface ServerLimits {
  /** Open connections at most; more are closed as they come. Default 1000: keep it below the file limit. */
  maxConnections?: number;
  /** Open connections from one address (an IPv6 /64) at most; 0 for no cap (behind a proxy). Default 0. */
  maxConnectionsPerClient?: number;
  /** How long a client has to send a request's headers (also the first, on a new connection). Default 10 s. */
  headersTimeoutMs?: number;
  /** How long a client has to send a whole request. Default 30 s. */
  requestTimeoutMs?: number;
  /** How often Node looks for connections past those times. Default 1 s (Node's own is 30 s). */
  checkIntervalMs?: number;
  /** Where a refused connection is said, at most once a minute per reason. */
  log?: (line: string) => void;
}

/**
 * A server for a fetch handler, with bounded connections and timeouts that stop a slow client from holding a
 * socket for long, so that hundreds of idle or half-sent requests cannot use up the process's files.
 */
export function createFetchServer(handler: FetchHandler, limits: ServerLimits = {}): Server {
  const listener = toNodeListener(handler);
  /** Per socket, the answers still being written to requests the parser took: a later answer waits for them. */
  const answering = new WeakMap<Duplex, Promise<unknown>>();
  const requestTimeout = limits.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(limits.headersTimeoutMs ?? 10_000, requestTimeout),
      connectionsCheckingInterval: limits.checkIntervalMs ?? 1_000,
    },
    (req, res) => {
      // The listener settles once it has handed the whole answer to the socket (a listener on `res` itself would
      // change how Node ends a request whose client left mid-body).
      const answered = listener(req, res);
      answering.set(req.socket, Promise.all([answering.get(req.socket), answered.catch(() => undefined)]));
      return answered;
    },
  );
  server.maxConnections = limits.maxConnections ?? 1_000;
  limitConnections(server, limits);
  /** Resolves once the answers to the requests pipelined before this one are written, or after `requestTimeout`. */
  const earlierAnswers = (socket: Duplex) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      answering.get(socket),
      new Promise((resolve) => (timer = setTimeout(resolve, server.requestTimeout))),
    ]).finally(() => clearTimeout(timer));
  };
  server.on(
    'clientError',
    (
      error: NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number },
      socket: Duplex & { remoteAddress?: string },
    ) => {
      const raw = error.rawPacket;
      const unparsed =
        error.code === 'HPE_INVALID_METHOD' && raw
          ? unparsedMethod(raw.subarray(refusedRequestStart(raw, error.bytesParsed ?? 0)))
          : undefined;
      if (!unparsed) {
        const refuse = () => {
          if (socket.writable)
            socket.end(`HTTP/1.1 ${parserAnswer(error)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
          else socket.destroy();
        };
        // Bytes the parser refused after requests it took wait for their answers (their bodies were read whole). An
        // end of input mid-request (the request in progress waits for its body) and a timeout are answered at once.
        if (error.code?.startsWith('HPE_') && error.code !== 'HPE_INVALID_EOF_STATE')
          void earlierAnswers(socket).then(refuse);
        else refuse();
        return;
      }
      void handler(unparsed.request, { clientAddress: socket.remoteAddress, method: unparsed.method })
        .then(async (response) => {
          await earlierAnswers(socket);
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
