/**
 * The bytes a page fetches: the entry and its static imports, all browser files, the one-file build, a floor
 * (Lit, the schema, the texts and CSS, no behaviour) built the same way, and two embeds a broker might use instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dropInBuild } from '../build/drop-in-build.ts';
import type { Row } from './stats.ts';

/** `gzip -9`'s size, as the budget is defined; zlib's level 9 (a few bytes apart) where gzip is missing. */
function gzipSize(file: URL, code: Buffer): number {
  const gzip = spawnSync('gzip', ['-9c', fileURLToPath(file)]);
  return gzip.status === 0 ? gzip.stdout.length : gzipSync(code, { level: 9 }).length;
}

/** Builds bench/floor.ts with the drop-in's own Vite configuration; returns its sizes. */
async function buildFloor() {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'vitec-lead-form-floor-'));
  try {
    const base = dropInBuild();
    await build({
      ...base,
      logLevel: 'silent',
      build: {
        ...base.build,
        outDir,
        emptyOutDir: true,
        lib: {
          entry: fileURLToPath(new URL('floor.ts', import.meta.url)),
          formats: ['es'],
          fileName: () => 'floor.js',
        },
      },
    });
    return sizes(pathToFileURL(join(outDir, 'floor.js')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function sizes(path: string) {
  const file = new URL(path, import.meta.url);
  const code = readFileSync(file);
  return {
    raw: code.length,
    gzip: gzipSize(file, code),
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
export async function bytesFigures(budget: { gzipBytes: number; totalGzipBytes: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const ours = sizes('../dist/vitec-lead-form.js');
  /** The entry's static imports (none, by design: one request draws the form), and every chunk beside it. */
  const entryCode = readFileSync(new URL('../dist/vitec-lead-form.js', import.meta.url), 'utf8');
  const staticImports = [...entryCode.matchAll(/(?:^|[;}])\s*import\s*(?:[\w{}*,\s]+from\s*)?["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  // What a Swedish lead form loads: the entry and every chunk but another language's (vitec-lead-form-xx-….js) and
  // the other kinds' (vitec-lead-form-kinds-….js, vitec-lead-form-kind-behaviour-….js), which only those forms load.
  const all = readdirSync(new URL('../dist/', import.meta.url)).filter((name) => /^vitec-lead-form-.+\.js$/.test(name));
  const kindChunks = all.filter((name) => /^vitec-lead-form-kind(s|-behaviour)-[\w-]{8}\.js$/.test(name));
  const chunks = all.filter(
    (name) => !/^vitec-lead-form-[a-z]{2,3}-[\w-]{8}\.js$/.test(name) && !kindChunks.includes(name),
  );
  const entryGzip =
    ours.gzip + staticImports.reduce((sum, name) => sum + sizes(`../dist/${name.replace('./', '')}`).gzip, 0);
  const totalGzip = ours.gzip + chunks.reduce((sum, name) => sum + sizes(`../dist/${name}`).gzip, 0);
  const kindsGzip = kindChunks.reduce((sum, name) => sum + sizes(`../dist/${name}`).gzip, 0);
  const bundle = sizes('../dist/vitec-lead-form.bundle.js');
  const floor = await buildFloor();
  const peers = {
    '@typeform/embed build/embed.js': sizes('../node_modules/@typeform/embed/build/embed.js'),
    '@formspree/ajax dist/global.js': sizes('../node_modules/@formspree/ajax/dist/global.js'),
  };
  rows.push({
    figure: `bytes before the form is drawn: dist/vitec-lead-form.js and its static imports (${staticImports.length}) (exact, 1 run)`,
    value: `${ours.raw} raw, ${entryGzip} gzip -9, ${ours.brotli} brotli`,
    alternative: Object.entries(peers)
      .map(([name, s]) => `${name}: ${s.raw} raw, ${s.gzip} gzip, ${s.brotli} br`)
      .join('; '),
    ratio: Object.entries(peers)
      .map(([name, s]) => `${(entryGzip / s.gzip).toFixed(2)}× ${name.split(' ')[0]}`)
      .join(', '),
    budget: `≤ ${budget.gzipBytes} gzip`,
    ok: entryGzip <= budget.gzipBytes,
  });
  rows.push({
    figure: `bytes of all browser files a Swedish form loads: the entry and its chunks (${chunks.join(', ')}) (exact)`,
    value: `${totalGzip} gzip -9`,
    alternative: `one-file build dist/vitec-lead-form.bundle.js (English too): ${bundle.raw} raw, ${bundle.gzip} gzip -9, ${bundle.brotli} brotli`,
    ratio: `${totalGzip - bundle.gzip} gzip against the one file, which also holds English`,
    budget: `≤ ${budget.totalGzipBytes} gzip`,
    ok: totalGzip <= budget.totalGzipBytes,
  });
  rows.push({
    figure: `bytes a Swedish interest, booking or valuation form loads besides: ${kindChunks.join(', ')} (exact)`,
    value: `${kindsGzip} gzip -9 (the first before the form is drawn, the second with the behaviour)`,
    alternative: '',
    ratio: `${totalGzip + kindsGzip} gzip in all for such a form`,
    budget: '',
  });
  rows.push({
    figure:
      'bytes floor: Lit + the zod/mini lead schema + the sv/en text and CSS, no behaviour (bench/floor.ts, same build)',
    value: `${floor.raw} raw, ${floor.gzip} gzip -9, ${floor.brotli} brotli`,
    alternative: '',
    ratio: `floor = ${((floor.gzip / budget.gzipBytes) * 100).toFixed(0)} % of the entry budget; the entry is ${entryGzip - floor.gzip} gzip over it`,
    budget: '',
  });
  return rows;
}
