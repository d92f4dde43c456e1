/** Runs a standard fetch handler on Node's `http` server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DropConnection } from './drop-connection.js';

/** What a handler may learn about the connection besides the `Request`. */
export interface ConnectionInfo {
  /** The peer's address as the socket sees it. */
  clientAddress?: string;
}

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

/** Node's request as a `Request`; its body streams, so a handler can stop reading at its own limit. */
export function toRequest(req: IncomingMessage, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a `Response` to Node's response, streaming its body. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/**
 * A Node request listener for a fetch handler. A handler that throws `DropConnection` has its socket
 * destroyed with no answer; any other throw is a 500 with no detail.
 */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const response = await handler(toRequest(req, controller.signal), { clientAddress: req.socket.remoteAddress });
      await writeResponse(response, res);
    } catch (error) {
      if (error instanceof DropConnection) {
        req.socket.destroy();
        return;
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end('Internal Server Error');
      } else res.destroy();
      console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'handler-failed', error: error instanceof Error ? error.name : 'unknown' }));
    }
  };
}
