/**
 * `npx tsx scripts/entry-size.ts [--modules]`: builds the drop-in in memory and prints each file's gzip size (zlib
 * level 9, a few bytes under `gzip -9`) with the files it imports, to measure what one change costs the page before
 * running the whole bench; `--modules` adds each file's modules by their size before minifying.
 */
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { dropInBuild } from '../build/drop-in-build.ts';

const config = dropInBuild();
const result = (await build({ ...config, build: { ...config.build, write: false } })) as
  | Rolldown.RolldownOutput
  | Rolldown.RolldownOutput[];
const chunks = (Array.isArray(result) ? result : [result])
  .flatMap((output) => output.output)
  .filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
for (const chunk of chunks) {
  const imports = chunk.imports.length ? `, imports ${chunk.imports.join(', ')}` : '';
  console.log(`${chunk.fileName}: ${gzipSync(chunk.code, { level: 9 }).length} B gzip${imports}`);
  if (!process.argv.includes('--modules')) continue;
  const modules = Object.entries(chunk.modules)
    .map(
      ([id, module]) =>
        [module.renderedLength, id.replace(/^.*node_modules\//, '').replace(process.cwd() + '/', '')] as const,
    )
    .filter(([length]) => length > 0)
    .sort((a, b) => b[0] - a[0]);
  for (const [length, id] of modules) console.log(`  ${String(length).padStart(6)}  ${id}`);
}
