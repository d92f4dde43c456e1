import { defineConfig } from 'vite';

// The relay's Node command (`vitec-lead-relay`, what `npm run relay` runs from source) as one file (Hono, Zod, undici and the Redis client inside)
// that needs only Node: Zod inlined, Node's built-ins left as imports.
export default defineConfig({
  build: {
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: false,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { node: 'src/server/node.ts' },
      output: { format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
