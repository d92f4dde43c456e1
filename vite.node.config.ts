import { serverBuild } from './build/server-build.ts';

// The relay's Node command (`vitec-lead-relay`, what `npm run relay` runs from source) as one file that
// needs only Node: Hono, Zod, undici and the Redis client inlined, Node's built-ins left as imports.
export default serverBuild({
  input: { node: 'src/server/runtimes/node/cli.ts' },
  target: 'node',
  banner: '#!/usr/bin/env node',
  oneFile: true,
});
