/** HTTP/1.1 over a bare socket, for what `fetch` cannot send: a method it refuses, headers with no body. */
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Settles when the connection is closed, by either side. */
  closed: Promise<void>;
  /** Closes the connection from the client's side. */
  destroy(): void;
}

/**
 * Sends `head` (the request line and headers, without the blank line, which is added) and then `body`
 * if given; resolves once the answer's headers and its `Content-Length` of body have arrived, whether
 * or not the request's own body was ever sent.
 */
export function rawRequest(port: number, head: string, body?: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    let data = Buffer.alloc(0);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('no answer in 10 s'));
    });
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(`${head.replace(/\r?\n/g, '\r\n')}\r\n\r\n`);
      if (body !== undefined) socket.write(body);
    });
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines)
        headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      const length = Number(headers['content-length'] ?? 0);
      if (data.length - end - 4 < length) return;
      socket.setTimeout(0);
      resolve({
        status: Number(statusLine!.split(' ')[1]),
        headers,
        body: data.subarray(end + 4, end + 4 + length).toString('utf8'),
        closed,
        destroy: () => socket.destroy(),
      });
      socket.removeAllListeners('data');
      socket.resume();
    });
  });
}
