import { defineConfig } from 'vite';

// The relay (and the mock of Vitec) for servers and edge runtimes: self-contained ES modules with Zod
// inlined, so a Worker or Deno script can import them with no install step.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/server',
    emptyOutDir: false,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { relay: 'src/server/relay.ts', 'mock-vitec': 'src/server/mock-vitec.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, target: 'webworker' },
});
