import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Minifies the CSS inside css`` templates, which no minifier touches: comments go, runs of white space
 * become one space, and the space around braces and semicolons goes (never around colons, which would
 * change a selector such as `.a :focus`).
 */
const minifyCssTemplates: Plugin = {
  name: 'minify-css-templates',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return undefined;
    return code.replace(/css`([^`]*)`/g, (_all, text: string) => {
      const css = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};])\s*/g, '$1')
        .replace(/;}/g, '}')
        .trim();
      return `css\`${css}\``;
    });
  },
};

// The drop-in: one self-contained ES module with Lit and Zod inlined, minified.
export default defineConfig({
  plugins: [minifyCssTemplates],
  define: { __VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    // Library mode keeps ES output readable (whitespace, names); the drop-in wants every byte.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'vitec-lead-form.js',
    },
  },
});
