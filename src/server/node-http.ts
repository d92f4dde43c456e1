/** Runs a standard fetch handler on Node's `http` server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DropConnection } from './drop-connection.js';

/** What a handler may learn about the connection besides the `Request`. */
export interface ConnectionInfo {
  /** The peer's address as the socket sees it. */
  clientAddress?: string;
}

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

/** Bodies larger than this are refused by the adapter before any handler sees them. */
export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Node's request as a `Request`. The body is read first, up to `MAX_BODY_BYTES`: the handlers here
 * take small JSON bodies, and a buffer is several times cheaper than a web stream per request.
 */
export async function toRequest(req: IncomingMessage, signal?: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  return new Request(url, { method: req.method, headers, signal, ...(body ? { body: new Uint8Array(body.buffer, body.byteOffset, body.length) as BodyInit } : {}) });
}

/** Writes a `Response` to Node's response, streaming its body. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/**
 * A Node request listener for a fetch handler. A handler that throws `DropConnection` has its socket
 * destroyed with no answer; any other throw is a 500 with no detail.
 */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      // No abort signal: neither handler stops work when a client goes away (the relay must not: a
      // lead that reached Vitec needs its answer stored), and each signal costs per request.
      const response = await handler(await toRequest(req), { clientAddress: req.socket.remoteAddress });
      await writeResponse(response, res);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'close' });
        res.end('Payload Too Large');
        return;
      }
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
