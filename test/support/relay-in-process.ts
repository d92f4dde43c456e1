/** The relay in front of a mock of Vitec, both in this process: `Request` in, `Response` out, no sockets. */
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { createLeadRelay, type LeadRelay, type RelayConfig, type VitecFetch } from '../../src/server/relay.ts';

/**
 * A `fetch` for the relay that hands each request to `handler` in this process, as the real `fetch`
 * would send it: an abort rejects at once, whatever the handler goes on doing.
 */
export function inProcessFetch(
  handler: (request: Request) => Promise<Response>,
  onCall?: (request: Request) => void,
): VitecFetch {
  return async (input, init) => {
    const request = new Request(input, init);
    onCall?.(request.clone());
    return Promise.race([
      handler(request),
      new Promise<never>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      ),
    ]);
  };
}

export interface InProcessRelay {
  relay: LeadRelay;
  mock: MockVitec;
  /** Every request the relay sent to Vitec, as sent. */
  calls: Request[];
  /** The relay's log lines. */
  logs: string[];
}

/** `createLeadRelay` over `mock` (a new mock that takes any credentials by default), logging into `logs`. */
export function relayOverMock(config: Partial<RelayConfig> = {}, mock: MockVitec = createMockVitec()): InProcessRelay {
  const calls: Request[] = [];
  const logs: string[] = [];
  const relay = createLeadRelay({
    vitecBaseUrl: 'https://vitec.test/',
    username: 'relay-user',
    password: 'relay-password',
    customerIds: ['C1'],
    allowedOrigins: ['https://m.se'],
    log: (line) => logs.push(line),
    fetch: inProcessFetch(mock, (request) => calls.push(request)),
    ...config,
  });
  return { relay, mock, calls, logs };
}
