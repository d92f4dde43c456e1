/** The Vite config of the drop-in, for the build, the demo's dev server and the bench. */
import { readFileSync } from 'node:fs';
import type { InlineConfig } from 'vite';
import { BUILD_TARGET } from './browsers.ts';
import { compileHints, kindsTakeTheirDeps, recordingOwnsItsRules } from './chunk-plugins.ts';
import { browserTextsOnly, minifyCssTemplates, minifyHtmlTemplates, terserPass } from './template-plugins.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The drop-in; `oneFile` inlines the lazily loaded behaviour. */
export function dropInBuild(oneFile = false): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [
      browserTextsOnly,
      minifyCssTemplates,
      minifyHtmlTemplates,
      terserPass,
      // After the minifier: its first line.
      compileHints,
      // The one file holds every part: no copy to make, nothing to hand over.
      ...(oneFile ? [] : [recordingOwnsItsRules, kindsTakeTheirDeps]),
    ],
    define: { __VERSION__: JSON.stringify(version) },
    build: {
      // The browser floor, not an ES year: es2022 would let class static blocks through (Safari 16.4).
      target: BUILD_TARGET,
      outDir: 'dist',
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      lib: {
        entry: 'src/index.ts',
        formats: ['es'],
        fileName: () => (oneFile ? 'vitec-lead-form.bundle.js' : 'vitec-lead-form.js'),
      },
      rolldownOptions: {
        // Swedish is listed with the other languages (languages.ts) but is part of the entry: no chunk of its own, as meant.
        checks: { ineffectiveDynamicImport: false },
        // Modules shared with the lazy chunk stay in the entry (which then exports them to it), so that the form
        // needs one request, not the entry and then a shared chunk it imports.
        preserveEntrySignatures: 'allow-extension',
        // Library mode keeps ES output readable (whitespace, names); the drop-in wants every byte.
        output: {
          minify: true,
          comments: false,
          // vitec-lead-form-behaviour-….js (what the form needs once the visitor acts), vitec-lead-form-en-….js (and
          // another language's): each named after its module.
          chunkFileNames: 'vitec-lead-form-[name]-[hash].js',
          ...(oneFile ? { codeSplitting: false } : {}),
        },
      },
    },
  };
}
