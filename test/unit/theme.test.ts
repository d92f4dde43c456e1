// The theming tokens are one table (src/element/theme.ts): the stylesheet's private properties, the class JSDoc's
// @cssprop lines (custom-elements.json) and the table in docs/site-owners.md must say the same names, in the same
// order, with the same defaults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { THEME_TOKENS } from '../../src/element/theme.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
/** What each token's default is, written alike for every source: `light` and `dark`, or nothing (inherited). */
const expected = THEME_TOKENS.map(([name, light, dark]) => ({ name, light, dark }));

describe('the theming tokens', () => {
  it('should be listed by the class JSDoc with their defaults', () => {
    const lines = [...read('src/element/lead-form.ts').matchAll(/@cssprop --vitec-lead-form-([\w-]+) - (.*)/g)];
    const found = lines.map(([, name, text]) => {
      const defaults = /Default `([^`]+)`(?: \(`([^`]+)` on a dark page\))?/.exec(text!);
      if (!defaults) assert.match(text!, /Default: inherited from the page\.$/, `${name}: no default said`);
      return { name, light: defaults?.[1], dark: defaults?.[2] };
    });
    assert.deepEqual(found, expected);
  });

  it("should be the docs' table, row by row", () => {
    const rows = [...read('docs/site-owners.md').matchAll(/^\| `--vitec-lead-form-([\w-]+)` \| [^|]+ \| (.+) \|$/gm)];
    const found = rows.map(([, name, text]) => {
      const defaults = /^`([^`]+)`(?:; on a dark page `([^`]+)`)?/.exec(text!);
      if (!defaults) assert.equal(text, "the page's", `${name}: no default said`);
      return { name, light: defaults?.[1], dark: defaults?.[2] };
    });
    assert.deepEqual(found, expected);
  });

  it('should be read by the stylesheet into private properties, with their defaults in both colour schemes', () => {
    const sheet = read('src/element/lead-form.styles.ts');
    const [light, dark] = sheet.split('@supports (color: light-dark(');
    const declarations = (part: string) =>
      [...part!.matchAll(/--_([\w-]+): var\(--vitec-lead-form-([\w-]+)(?:, (.+?))?\);/g)].map(
        ([, own, name, fallback]) => ({ own, name, fallback }),
      );
    assert.deepEqual(
      declarations(light!),
      expected.map(({ name, light }) => ({ own: name, name, fallback: light })),
    );
    assert.deepEqual(
      declarations(dark!),
      expected.flatMap(({ name, light, dark }) =>
        dark ? [{ own: name, name, fallback: `light-dark(${light}, ${dark})` }] : [],
      ),
    );
  });

  it('should be the only public properties the stylesheets read, and declare every private one they use', () => {
    // The states' stylesheet (templates/states.styles.ts) is adopted beside the form's and reads the same properties.
    const sheet = read('src/element/lead-form.styles.ts') + read('src/element/templates/states.styles.ts');
    const publicNames = [...sheet.matchAll(/--vitec-lead-form-([\w-]+)/g)].map(([, name]) => name);
    assert.deepEqual(new Set(publicNames), new Set(expected.map(({ name }) => name)), 'no public name but the tokens');
    const declared = new Set([
      ...THEME_TOKENS.map(([name]) => `--_${name}`),
      ...[...sheet.matchAll(/(--_[\w-]+):/g)].map(([, name]) => name),
    ]);
    for (const [, name] of sheet.matchAll(/var\((--_[\w-]+)\)/g)) assert.ok(declared.has(name!), `${name} is declared`);
  });
});
