/** The two builds an A/B script compares: `DIST_A` and `DIST_B`, each a copy of `dist/`, read into memory by file name. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function twoBuilds(): Record<string, Map<string, string>> {
  const { DIST_A: a, DIST_B: b } = process.env;
  if (!a || !b) throw new Error('DIST_A and DIST_B: two directories, each a build of the drop-in (dist/)');
  const files = (dir: string) =>
    new Map(
      readdirSync(dir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
    );
  return { a: files(a), b: files(b) };
}
