import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { BUILD_TARGET } from './build/browsers.ts';
import { minifyCssTemplates, minifyHtmlTemplates, terserPass } from './build/template-plugins.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The drop-in: the entry dist/vitec-lead-form.js (Lit, the view, the visit capture: what draws the form)
// and, beside it, the behaviour it loads when idle or at the first interaction (Zod, validation,
// sending), content-hashed. vite.bundle.config.ts builds the same source as one file.
export default defineConfig({
  plugins: [minifyCssTemplates, minifyHtmlTemplates, terserPass],
  define: { __VERSION__: JSON.stringify(version) },
  build: {
    // The browser floor, not an ES year: es2022 would let class static blocks through (Safari 16.4).
    target: BUILD_TARGET,
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    // Library mode keeps ES output readable (whitespace, names); the drop-in wants every byte.
    rolldownOptions: {
      // Modules shared with the lazy chunk stay in the entry (which then exports them to it), so that the
      // form needs one request, not the entry and then a shared chunk it imports.
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, comments: false, chunkFileNames: 'vitec-lead-form-behaviour-[hash].js' },
    },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'vitec-lead-form.js',
    },
  },
});
