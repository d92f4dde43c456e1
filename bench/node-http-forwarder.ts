/**
 * The alternative the bench measures beside the shipped forwarder (src/server/runtimes/node/forwarder.ts, an
 * undici pool): the relay's call to Vitec on Node's `http`/`https` with a keep-alive agent, reading at
 * most `maxBodyBytes` + 1 bytes of the answer.
 */
import http from 'node:http';
import https from 'node:https';
import type { VitecAnswer, VitecFetch } from '../src/server/steps/forward.ts';

export function createNodeHttpForwarder(options: { maxSockets?: number; maxBodyBytes?: number } = {}): VitecFetch {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  return (input, init = {}) =>
    new Promise<VitecAnswer>((resolve, reject) => {
      const url = new URL(input);
      const protocol = url.protocol as keyof typeof agents;
      if (!agents[protocol]) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
      const headers: Record<string, string> =
        init.headers && !(init.headers instanceof Headers) && !Array.isArray(init.headers)
          ? { ...init.headers }
          : Object.fromEntries(new Headers(init.headers).entries());
      const body = typeof init.body === 'string' ? init.body : '';
      if (body) headers['content-length'] = String(Buffer.byteLength(body));
      const request = (protocol === 'https:' ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers,
        agent: agents[protocol],
        signal: init.signal ?? undefined,
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        // The answer as the relay reads it, without a `Response`: on Node a `Response` turns the
        // buffered body into a web stream, measured as a tenth of the relay's CPU per lead.
        const settle = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 502,
            headers: {
              get: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
            body: null,
            text: async () => text,
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (size > maxBodyBytes) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size > maxBodyBytes) {
            // Enough to know it is too long: stop reading, and drop the connection rather than drain it.
            response.destroy();
            settle();
          }
        });
        response.on('error', (error) => (size > maxBodyBytes ? undefined : reject(error)));
        response.on('end', settle);
      });
      request.on('error', reject);
      request.end(body);
    });
}
