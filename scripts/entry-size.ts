/**
 * `npx tsx scripts/entry-size.ts`: builds the drop-in into a scratch folder and prints each file's gzip size (zlib
 * level 9, a few bytes from `gzip -9`), to measure what one change costs the page before running the whole bench.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { dropInBuild } from '../build/drop-in-build.ts';

const outDir = join(tmpdir(), `vitec-entry-size-${process.pid}`);
const config = dropInBuild();
await build({ ...config, build: { ...config.build, outDir, emptyOutDir: true } });
for (const name of readdirSync(outDir))
  console.log(`${name}: ${gzipSync(readFileSync(join(outDir, name)), { level: 9 }).length} B gzip`);
rmSync(outDir, { recursive: true, force: true });
