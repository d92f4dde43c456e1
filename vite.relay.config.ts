import { serverBuild } from './build/server-build.ts';

// The relay (and the mock of Vitec) for servers and edge runtimes: self-contained ES modules with Hono
// and Zod inlined, so a Worker or another runtime can import them with no install step.
export default serverBuild({
  input: { relay: 'src/server/relay.ts', 'mock-vitec': 'src/server/mock/mock-vitec.ts' },
  target: 'webworker',
});
