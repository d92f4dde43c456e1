/**
 * The relay's call to Vitec on Node: an undici connection pool with keep-alive, which `npm run bench`
 * measured cheaper per lead than Node's own `http` agent (the bench's forwarder row keeps both side by
 * side) and much cheaper than Node 20's global `fetch`. Redirects are never followed (undici's
 * `request` does not follow them). An answer is read to at most `maxBodyBytes` + 1 bytes, so that the
 * relay sees it is too long without the rest ever being held, and the connection is then dropped.
 */
import { Agent } from 'undici';
import type { VitecAnswer, VitecFetch } from '../../steps/forward.js';

export function createNodeForwarder(options: { connections?: number; maxBodyBytes?: number } = {}): VitecFetch {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const dispatcher = new Agent({ connections: options.connections ?? 64, keepAliveTimeout: 30_000 });
  return async (url, init = {}) => {
    const answer = await dispatcher.request({
      origin: new URL(url).origin,
      path: url.slice(new URL(url).origin.length) || '/',
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBodyBytes) {
        answer.body.destroy();
        break;
      }
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const headers = answer.headers;
    const result: VitecAnswer = {
      status: answer.statusCode,
      headers: {
        get: (name) => {
          const value = headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      body: null,
      text: async () => text,
    };
    return result;
  };
}
