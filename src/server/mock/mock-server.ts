/**
 * `npm run mock`: the mock of Vitec as a server of its own, so that a relay (yours, or `npm run relay`)
 * can be tried against it with no Vitec account:
 *
 *   MOCK_PORT=8788 VITEC_USERNAME=demo VITEC_PASSWORD=demo VITEC_CUSTOMER_IDS=DEMO-1 npm run mock
 *
 * Every variable is optional (those are the defaults). It listens on 127.0.0.1 unless `HOST` says
 * otherwise: its control routes (`/__mock/leads`, `/__mock/mode`) must never face the internet.
 */
import { createMockVitec, MOCK_ACCOUNT } from './mock-vitec.js';
import { createFetchServer } from '../runtimes/node/fetch-server.js';
import { closeGracefully, exitOnSignals, isMain, listen, runMain } from '../runtimes/node/lifecycle.js';
import { consoleLog, logEvent } from '../log.js';

/** The mock's settings from the environment; throws one error that names the bad variable. */
function mockOptionsFromEnv(env: NodeJS.ProcessEnv) {
  const raw = env.MOCK_PORT ?? '';
  const port = raw === '' ? 8788 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`MOCK_PORT must be a whole number from 0 to 65535, not "${raw.slice(0, 20)}"`);
  const ids = (env.VITEC_CUSTOMER_IDS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    credentials: {
      username: env.VITEC_USERNAME || MOCK_ACCOUNT.username,
      password: env.VITEC_PASSWORD || MOCK_ACCOUNT.password,
    },
    customerIds: ids.length ? ids : [...MOCK_ACCOUNT.customerIds],
  };
}

if (isMain(import.meta.url))
  runMain(async () => {
    const options = mockOptionsFromEnv(process.env);
    const server = createFetchServer(
      createMockVitec({ credentials: options.credentials, customerIds: options.customerIds }),
    );
    const port = await listen(server, options.port, options.host, 'MOCK_PORT');
    exitOnSignals(() => closeGracefully(server));
    logEvent(consoleLog, 'mock-started', { listen: `${options.host}:${port}`, customerIds: options.customerIds });
  });
