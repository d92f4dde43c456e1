/**
 * `npm run test:load`: 10,000 leads at concurrency 50 through the relay to the mock of Vitec, both on
 * 127.0.0.1, with autocannon. Run 1: Vitec healthy, every lead must reach the mock and none may be
 * answered with a 5xx. Run 2: 1 % of Vitec's answers fail; every lead must be either in the mock or
 * answered with an error, and the counts must add up to 10,000 exactly. Exits 1 when they do not.
 */
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { createMockVitec, type MockMode } from '../../src/server/mock/mock-vitec.ts';
import { createNodeForwarder } from '../../src/server/runtimes/node/forwarder.ts';
import { toNodeListener } from '../../src/server/runtimes/node/fetch-server.ts';
import { createLeadRelay } from '../../src/server/relay.ts';
import { listenOnLoopback as listen } from '../support/listen.ts';

const LEADS = Number(process.env.LOAD_LEADS ?? 10_000);
const CONNECTIONS = 50;
const credentials = { username: 'load-test', password: 'load-test-password' };
const lead = JSON.stringify({
  person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
  leadSource: { leadType: 'AcceptObjectFlow', name: 'load-test' },
});

async function run(name: string, mode: MockMode): Promise<boolean> {
  const mock = createMockVitec({ credentials, mode });
  const vitec = createServer(toNodeListener(mock));
  const vitecUrl = await listen(vitec);
  let logLines = 0;
  const relayServer = createServer(
    toNodeListener(
      createLeadRelay({
        vitecBaseUrl: vitecUrl,
        ...credentials,
        customerIds: ['C1'],
        allowedOrigins: ['https://maklarhuset.se'],
        // Raised for the load test: every request comes from 127.0.0.1.
        rateLimitPerMinute: LEADS * 2,
        fetch: createNodeForwarder({ connections: CONNECTIONS }),
        log: () => void logLines++,
      }),
    ),
  );
  const relayUrl = await listen(relayServer);

  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: `${relayUrl}/PublicAdvertising/C1/Contact/Person/Lead`,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://maklarhuset.se' },
    body: lead,
    connections: CONNECTIONS,
    amount: LEADS,
    timeout: 30,
    setupClient: (client) =>
      client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
  });
  relayServer.close();
  vitec.close();

  const count = (test: (status: number) => boolean) =>
    [...statuses].filter(([s]) => test(s)).reduce((sum, [, n]) => sum + n, 0);
  const ok = count((s) => s === 200);
  const serverErrors = count((s) => s >= 500);
  const answered = count(() => true);
  const unanswered = result.errors + result.timeouts;
  const inMock = mock.leads.length;

  console.log(`\n${name}`);
  console.log(
    `  requests sent ${LEADS}, answered ${answered} (${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}), no answer ${unanswered}`,
  );
  console.log(
    `  leads in the mock ${inMock}; answered 200 ${ok}; answered with an error ${answered - ok}; relay log lines ${logLines}`,
  );
  console.log(
    `  latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}; ${Math.round(result.requests.average)} leads/s`,
  );

  const checks: [string, boolean][] = [
    ['every request was answered', answered === LEADS && unanswered === 0],
    ['every 200 is a lead in the mock, and every lead in the mock was answered 200', ok === inMock],
    ['leads in the mock plus errors add up to the leads sent', inMock + (answered - ok) === LEADS],
  ];
  if (!mode.status) checks.push(['every lead reached the mock', inMock === LEADS], ['no 5xx', serverErrors === 0]);
  else
    checks.push([
      'the failures are exactly the ones Vitec gave',
      answered - ok === Math.floor(LEADS / (mode.every ?? 1)),
    ]);
  for (const [what, passed] of checks) console.log(`  ${passed ? 'ok  ' : 'FAIL'} ${what}`);
  return checks.every(([, passed]) => passed);
}

const healthy = await run(`Run 1: ${LEADS} leads, concurrency ${CONNECTIONS}, Vitec healthy`, {});
const faulty = await run(`Run 2: ${LEADS} leads, concurrency ${CONNECTIONS}, 1 % of Vitec answers are 503`, {
  status: 503,
  every: 100,
});
const passed = [healthy, faulty].filter(Boolean).length;
console.log(`\n${passed} passed, ${2 - passed} failed`);
process.exit(passed === 2 ? 0 : 1);
