/**
 * `npx tsx scripts/entry-size.ts [--modules | --ledger]`: builds the drop-in in memory and prints each file's gzip size
 * (zlib level 9, a few bytes under `gzip -9`) with the files it imports, to measure what one change costs the page
 * before running the whole bench.
 * - `--modules` adds each file's modules by their size before minifying.
 * - `--ledger` prints what each of our source modules costs a visitor who sends a Swedish lead: the gzip bytes of the
 *   entry, the behaviour and the visit's recording together, less the same built with that module's exported values
 *   replaced by `undefined` (so that what only it uses is shaken out with it). The bytes a feature's removal would
 *   save, module by module, for the budget on all the files a Swedish lead form loads (issue 25). A few minutes: one
 *   build per module.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';
import { dropInBuild } from '../build/drop-in-build.ts';

type Chunk = Rolldown.OutputChunk;

async function chunksOf(plugins: Plugin[] = []): Promise<Chunk[]> {
  const config = dropInBuild();
  const result = (await build({
    ...config,
    plugins: [...plugins, ...(config.plugins ?? [])],
    build: { ...config.build, write: false },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  return (Array.isArray(result) ? result : [result])
    .flatMap((output) => output.output)
    .filter((file): file is Chunk => file.type === 'chunk');
}

const gzip = (code: string) => gzipSync(code, { level: 9 }).length;

/** A module's exported values, each `undefined`: what imports it still builds, and what only it used is gone. */
function stubOf(id: string): Plugin {
  return {
    name: 'ledger-stub',
    enforce: 'pre',
    load(loaded) {
      if (loaded !== id) return null;
      const source = readFileSync(id, 'utf8');
      const names = new Set<string>();
      for (const [, name] of source.matchAll(/^export\s+(?:async\s+)?(?:const|let|function\*?|class)\s+([\w$]+)/gm))
        names.add(name!);
      for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}/gm))
        for (const item of list!.split(',').map((part) => part.trim()))
          if (item && !item.startsWith('type ')) names.add(item.split(/\s+as\s+/).pop()!);
      return [...names].map((name) => `export const ${name} = undefined;`).join('\n') || 'export {};';
    },
  };
}

/** A file a Swedish lead form loads, by its short name (`entry`, `behaviour`, `attribution`); undefined for others. */
function leadFormFile(chunk: Chunk): string | undefined {
  const name = chunk.isEntry ? 'entry' : chunk.fileName.match(/^vitec-lead-form-([a-z-]+)-/)?.[1];
  return name === 'entry' || name === 'behaviour' || name === 'attribution' ? name : undefined;
}

/** The files a Swedish lead form loads, by short name, with their gzip sizes. */
function leadFormFiles(chunks: Chunk[]): Map<string, number> {
  const files = new Map<string, number>();
  for (const chunk of chunks) {
    const name = leadFormFile(chunk);
    if (name) files.set(name, gzip(chunk.code));
  }
  return files;
}

const sum = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);
const chunks = await chunksOf();

if (process.argv.includes('--ledger')) {
  const full = leadFormFiles(chunks);
  console.log(
    `all a Swedish lead form loads: ${sum(full)} B gzip (${[...full].map(([n, b]) => `${n} ${b}`).join(', ')})`,
  );
  const root = new URL('../', import.meta.url).pathname;
  const ours = chunks
    .filter((chunk) => leadFormFile(chunk))
    .flatMap((chunk) => Object.entries(chunk.modules).filter(([, module]) => module.renderedLength > 0))
    .map(([id]) => id)
    .filter((id) => id.startsWith(`${root}src/`) && !id.includes('?') && id !== `${root}src/index.ts`);
  const rows: { saves: number; id: string; by: string }[] = [];
  for (const id of ours) {
    const files = leadFormFiles(await chunksOf([stubOf(id)]));
    const by = [...full].map(([name, bytes]) => `${name} ${bytes - (files.get(name) ?? 0)}`).join(', ');
    rows.push({ saves: sum(full) - sum(files), id: id.slice(root.length), by });
  }
  console.log('bytes saved without the module (and what only it uses), by file:');
  for (const { saves, id, by } of rows.sort((a, b) => b.saves - a.saves))
    console.log(`  ${String(saves).padStart(6)}  ${id} (${by})`);
} else
  for (const chunk of chunks) {
    const imports = chunk.imports.length ? `, imports ${chunk.imports.join(', ')}` : '';
    console.log(`${chunk.fileName}: ${gzip(chunk.code)} B gzip${imports}`);
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
