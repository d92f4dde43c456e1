/** Builds the drop-in entry alone into a scratch folder and prints its gzip -9 size (for measuring one change). */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { dropInBuild } from '../build/drop-in-build.ts';

const outDir = join(tmpdir(), 'vitec-entry-size');
const config = dropInBuild();
await build({ ...config, build: { ...config.build, outDir, emptyOutDir: true } });
for (const name of execFileSync('ls', [outDir], { encoding: 'utf8' }).split('\n').filter(Boolean))
  console.log(name, gzipSync(readFileSync(join(outDir, name)), { level: 9 }).length);
rmSync(outDir, { recursive: true, force: true });
