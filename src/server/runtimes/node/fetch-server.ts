/**
 * A fetch handler on Node's `http` server through `@hono/node-server`, which hands the handler a `Request` whose
 * body is read only when the handler reads it: a request refused on its headers is answered without reading its
 * body, and the adapter drains or cuts what the client still sends.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
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
