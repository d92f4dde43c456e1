/**
 * `npm run build`: everything `dist/` ships, from one script.
 * - the drop-in: `vitec-lead-form.js` (what draws the form) with its lazily loaded behaviour beside it, and the
 *   same source as one file, `vitec-lead-form.bundle.js`, for hosts that take a single file;
 * - the server builds, each self-contained (its own build, so that no two share a chunk): the relay and the mock
 *   of Vitec for any runtime, the Node command `vitec-lead-relay`, the Cloudflare Worker;
 * - the type declarations, `custom-elements.json` from the element's JSDoc, and `types/attributes.d.ts` from it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, type InlineConfig } from 'vite';
import { attributeTypes } from './attribute-types.ts';
import { serverBuild } from './server-build.ts';
import { dropInBuild } from './drop-in-build.ts';

const root = new URL('../', import.meta.url);

const SERVER_BUILDS: InlineConfig[] = [
  // For servers and edge runtimes: Hono and Zod inlined, so a Worker or another runtime imports them with no install.
  serverBuild({ input: { relay: 'src/server/relay.ts' }, target: 'webworker' }),
  serverBuild({ input: { 'mock-vitec': 'src/server/mock/mock-vitec.ts' }, target: 'webworker' }),
  // The Node command as one file that needs only Node: Hono, Zod, undici and the Redis client inlined.
  serverBuild({
    input: { node: 'src/server/runtimes/node/cli.ts' },
    target: 'node',
    banner: '#!/usr/bin/env node',
  }),
  // The Worker: one module exporting the Worker and its Durable Object class.
  serverBuild({ input: { worker: 'src/server/runtimes/worker.ts' }, target: 'webworker' }),
];

const run = (command: string, args: string[]) =>
  execFileSync(process.execPath, [new URL(`node_modules/${command}`, root).pathname, ...args], { stdio: 'inherit' });

rmSync(new URL('dist', root), { recursive: true, force: true });
for (const config of [dropInBuild(false), dropInBuild(true), ...SERVER_BUILDS]) await build(config);
run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
run('@custom-elements-manifest/analyzer/cem.js', [
  'analyze',
  '--config',
  'custom-elements-manifest.config.mjs',
  '--quiet',
]);
writeFileSync(
  new URL('types/attributes.d.ts', root),
  attributeTypes(JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'))),
);
