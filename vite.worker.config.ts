import { defineConfig } from 'vite';

// The relay as a Cloudflare Worker: one self-contained module (Hono and Zod inlined) exporting the
// Worker and its Durable Object class, built apart from relay.js so that it shares no chunk.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/server',
    emptyOutDir: false,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { worker: 'src/server/worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, target: 'webworker' },
});
