/**
 * Node's parser refuses a request for its method alone (`TRACK`, `PROPFIND` …: llhttp knows a fixed list), and
 * no library reads such a request further: this reads its request line and headers by hand, so that the relay
 * can answer it as it answers any method it does not take.
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}$/;

/**
 * A request Node's parser refused for its method alone (`TRACK`, `PROPFIND` …: llhttp knows a fixed
 * list) as a GET `Request` with the sent method beside it, so the handler answers it as it answers any
 * method it does not take (405 with `Allow`, its own headers and log line). `undefined` when the
 * request line or headers are not plain HTTP/1.1.
 */
export function unparsedMethod(raw: Buffer): { request: Request; method: string } | undefined {
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
