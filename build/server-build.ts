/** The Vite config of a server build: unminified ES modules in dist/server with every dependency inlined. */
import type { InlineConfig } from 'vite';

export function serverBuild(options: {
  input: Record<string, string>;
  target: 'node' | 'webworker';
  banner?: string;
}): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    build: {
      target: options.target === 'node' ? 'node20' : 'es2022',
      outDir: 'dist/server',
      emptyOutDir: false,
      minify: false,
      ssr: true,
      rolldownOptions: {
        input: options.input,
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          ...(options.banner ? { banner: options.banner } : {}),
          // One module each: the language files, loaded with import() in the browser, are inlined here.
          codeSplitting: false,
        },
      },
    },
    ssr: { noExternal: true, target: options.target },
  };
}
