/**
 * A `fetch` for the relay's one kind of call (a small POST to Vitec), on Node's `http`/`https` with a
 * keep-alive agent. Node 20's global `fetch` was measured 3.5× slower for this forwarding (`npm run
 * bench`, relay rows); a pooled agent reuses connections and skips the WHATWG stream layers. Redirects
 * are never followed. An answer is read to at most `maxBodyBytes` + 1 bytes, so that the caller sees it
 * is too long without the rest ever being held.
 */
import http from 'node:http';
import https from 'node:https';

export function createNodeForwarder(options: { maxSockets?: number; maxBodyBytes?: number } = {}): typeof fetch {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const protocol = url.protocol as keyof typeof agents;
      if (!agents[protocol]) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
      const headers: Record<string, string> =
        init.headers && !(init.headers instanceof Headers) && !Array.isArray(init.headers) ? { ...init.headers } : Object.fromEntries(new Headers(init.headers).entries());
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
        const settle = () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (Array.isArray(value)) value.forEach((v) => out.append(name, v));
            else if (value !== undefined) out.set(name, value);
          }
          const status = response.statusCode ?? 502;
          const nullBody = status === 204 || status === 304;
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: out }));
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
