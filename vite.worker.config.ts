import { serverBuild } from './build/server-build.ts';

// The relay as a Cloudflare Worker: one self-contained module exporting the Worker and its Durable
// Object class, built apart from relay.js so that it shares no chunk with it.
export default serverBuild({ input: { worker: 'src/server/runtimes/worker.ts' }, target: 'webworker' });
