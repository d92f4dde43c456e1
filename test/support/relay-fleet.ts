/**
 * A fleet as an operator runs one: relay commands (processes, from source or the built `dist/server/node.js`) in
 * front of one mock of Vitec on a real socket, sharing a real redis-server each test file starts. `useFleet` sets one
 * up before a suite and stops every part of it after.
 */
import { after, before } from 'node:test';
import { createMockVitec, type MockVitec } from '../../src/server/mock/mock-vitec.ts';
import { run, type Running } from './processes.ts';
import { type RedisServer, startRedis } from './redis-server.ts';
import { serveHandler, STACK_SECRET, VALID_LEAD } from './relay-stack.ts';

export const FLEET_ORIGIN = 'https://maklarhuset.se';
export const FLEET_PATH = '/PublicAdvertising/C1/Contact/Person/Lead';

export interface RelayCommand {
  process: Running;
  url: string;
}

/** A relay command with the fleet's credentials, customer and secret, and `env`; `built` runs dist/server/node.js. */
export async function startRelayCommand(env: Record<string, string>, built = false): Promise<RelayCommand> {
  const args = built ? ['dist/server/node.js'] : ['--import', 'tsx', 'src/server/runtimes/node/cli.ts'];
  const process = run(global.process.execPath, args, {
    VITEC_USERNAME: 'fleet',
    VITEC_PASSWORD: 'fleet-password',
    VITEC_CUSTOMER_IDS: 'C1',
    ALLOWED_ORIGINS: FLEET_ORIGIN,
    HOST: '127.0.0.1',
    PORT: '0',
    RELAY_SECRET: STACK_SECRET,
    ...env,
  });
  const address = (await process.waitFor(/"listen":"([^"]+)"/))[1];
  // The relay listens at once and shares through Redis once connected: before that it counts on its own,
  // and a test that sends at once could see two separate limits.
  if (env.REDIS_URL) await process.waitFor(/"event":"store-ready"/);
  return { process, url: `http://${address}` };
}

/** A lead from the fleet's allowed origin, with `key` as its `Idempotency-Key`. */
export function sendLead(relay: RelayCommand, key?: string, lead: unknown = VALID_LEAD): Promise<Response> {
  return fetch(`${relay.url}${FLEET_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: FLEET_ORIGIN,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(lead),
  });
}

export interface Fleet {
  redis: RedisServer;
  mock: MockVitec;
  vitecUrl: string;
  relays: RelayCommand[];
  /** Every relay's environment (without its own part): to start one again as it was. */
  env: Record<string, string>;
}

/**
 * Before the suite: a redis-server, the mock of Vitec and one relay per entry of `relays` (its own environment on
 * top of `env`; the first from source, the others built, so that both share one format in Redis). After: all stopped.
 */
export function useFleet(
  options: { env?: Record<string, string>; relays?: Record<string, string>[]; built?: boolean[] } = {},
): Fleet {
  const fleet = { relays: [] as RelayCommand[] } as Fleet;
  let vitec: Awaited<ReturnType<typeof serveHandler>>;
  before(async () => {
    fleet.redis = await startRedis();
    fleet.mock = createMockVitec({
      credentials: { username: 'fleet', password: 'fleet-password' },
      customerIds: ['C1'],
    });
    vitec = await serveHandler(fleet.mock);
    fleet.vitecUrl = vitec.url;
    fleet.env = {
      REDIS_URL: fleet.redis.url,
      VITEC_BASE_URL: vitec.url,
      RATE_LIMIT_PER_MINUTE: '1000',
      ...options.env,
    };
    const relays = options.relays ?? [{}, {}];
    fleet.relays = await Promise.all(
      relays.map((own, i) => startRelayCommand({ ...fleet.env, ...own }, options.built?.[i] ?? i > 0)),
    );
  });
  after(async () => {
    await Promise.all(fleet.relays.map((relay) => relay.process.stop()));
    await vitec?.close();
    await fleet.redis?.stop();
  });
  return fleet;
}
