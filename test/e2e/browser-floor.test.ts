// The built drop-in runs in the oldest browsers the docs promise (build/browsers.ts): no syntax or API newer
// than Chrome 93, Firefox 92 and Safari 15.4. The engines the tests drive are all far newer, so an old
// Safari's SyntaxError (the whole file refused, no form at all) can only be caught by reading the file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse, type Node } from 'acorn';
import { BROWSER_FLOOR } from '../../build/browsers.ts';
import { DIST } from './harness.ts';

/** Every file a page may fetch: the entry, its chunks, the one-file build. */
const FILES = readdirSync(new URL('.', DIST)).filter((name) => /^vitec-lead-form.*\.js$/.test(name));

/** Syntax the floor's browsers cannot parse, each with the first Safari that can. */
function newSyntax(node: Node & Record<string, unknown>): string | undefined {
  if (node.type === 'StaticBlock') return 'a class static block (Safari 16.4)';
  const regex = node.type === 'Literal' ? (node.regex as { pattern: string; flags: string } | undefined) : undefined;
  if (regex?.flags.includes('v')) return `the RegExp v flag (Safari 17): /${regex.pattern}/${regex.flags}`;
  if (regex && /\(\?<[=!]/.test(regex.pattern)) return `a RegExp lookbehind (Safari 16.4): /${regex.pattern}/`;
  return undefined;
}

/** APIs the floor lacks, as the minifier leaves them (property names survive minification). */
const NEW_APIS: Record<string, string> = {
  toSorted: 'Safari 16',
  toReversed: 'Safari 16',
  toSpliced: 'Safari 16',
  findLast: 'Safari 15.4 but Firefox 104',
  fromAsync: 'Safari 16.4',
  withResolvers: 'Safari 17.4',
  groupBy: 'Safari 17.4',
  isWellFormed: 'Safari 16.4',
  structuredClone: 'Safari 15.4 but Chrome 98',
  requestIdleCallback: 'no Safari at all',
};

function walk(node: unknown, visit: (node: Node & Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  const record = node as Node & Record<string, unknown>;
  if (typeof record.type === 'string') visit(record);
  for (const [key, value] of Object.entries(record))
    if (key !== 'type' && typeof value === 'object') walk(value, visit);
}

/** Every use of the new APIs that is not guarded, that is, not read as `x.api ?? fallback` or `typeof`. */
function unguardedApis(code: string): string[] {
  const found: string[] = [];
  for (const [api, since] of Object.entries(NEW_APIS)) {
    for (const match of code.matchAll(new RegExp(`\\b${api}\\b`, 'g'))) {
      const after = code.slice(match.index + api.length, match.index + api.length + 4);
      const before = code.slice(Math.max(0, match.index - 7), match.index);
      if (/^\s*\?\?/.test(after) || before.endsWith('typeof ') || /in\s*$/.test(before)) continue;
      found.push(`${api} (${since}) at ${match.index}: …${code.slice(match.index - 30, match.index + 40)}…`);
    }
  }
  return found;
}

describe(`the built drop-in and the browser floor (Chrome ${BROWSER_FLOOR.chrome}, Firefox ${BROWSER_FLOOR.firefox}, Safari ${BROWSER_FLOOR.safari})`, () => {
  const files = FILES.map((name) => ({ name, code: readFileSync(new URL(name, DIST), 'utf8') }));

  it('reads the entry, its chunks (the visit recording, the behaviour, English, the kinds) and the one-file build', () => {
    assert.deepEqual(FILES.map((name) => name.replace(/^(vitec-lead-form-[a-z-]+)-[\w-]{8}\.js$/, '$1')).sort(), [
      'vitec-lead-form-attribution',
      'vitec-lead-form-behaviour',
      'vitec-lead-form-en',
      'vitec-lead-form-kind-behaviour',
      'vitec-lead-form-kinds',
      'vitec-lead-form.bundle.js',
      'vitec-lead-form.js',
    ]);
  });

  it('uses no syntax the floor cannot parse', () => {
    const found: string[] = [];
    for (const { name, code } of files) {
      walk(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), (node) => {
        const what = newSyntax(node);
        if (what) found.push(`${name}: ${what} at ${node.start}: …${code.slice(node.start, node.start + 60)}…`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('calls no API the floor lacks without a fallback', () => {
    assert.deepEqual(
      files.flatMap(({ name, code }) => unguardedApis(code).map((line) => `${name}: ${line}`)),
      [],
    );
  });

  it('would see each of them (the checks themselves)', () => {
    const planted =
      'class A { static { this.x = 1; } } /(?<=a)b/; /[a]/v; [].toSorted(); (window.requestIdleCallback ?? setTimeout)(f);';
    const found: string[] = [];
    walk(parse(planted, { ecmaVersion: 'latest', sourceType: 'module' }), (node) => {
      const what = newSyntax(node);
      if (what) found.push(what.split(' (')[0]!);
    });
    assert.deepEqual(found, ['a class static block', 'a RegExp lookbehind', 'the RegExp v flag']);
    assert.deepEqual(
      unguardedApis(planted).map((line) => line.split(' ')[0]),
      ['toSorted'],
    );
  });
});
