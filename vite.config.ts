import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { BUILD_TARGET } from './build/browsers.ts';
import { minifyCssTemplates, minifyHtmlTemplates, terserPass } from './build/template-plugins.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The drop-in: one self-contained ES module with Lit and Zod inlined, minified.
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
    rolldownOptions: { output: { minify: true, comments: false } },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'vitec-lead-form.js',
    },
  },
});
