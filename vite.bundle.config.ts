// The one-file build, dist/vitec-lead-form.bundle.js: the same source as vite.config.ts with the
// behaviour inlined, for hosts that take a single file (or add a query string to its URL).
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    build: {
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'vitec-lead-form.bundle.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
