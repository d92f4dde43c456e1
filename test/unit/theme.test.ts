// The theming tokens are one table (src/element/theme.ts): the stylesheet's private properties are made from it,
// and the class JSDoc's @cssprop lines (custom-elements.json) and the table in docs/site-owners.md must say the
// same names, in the same order, with the same defaults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { THEME_TOKENS, tokenDeclarations } from '../../src/element/theme.ts';

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

  it('should give the stylesheet a private property for each, with its defaults', () => {
    assert.equal(
      tokenDeclarations(),
      '--_accent:var(--vitec-lead-form-accent,#0b5cad);--_focus:var(--vitec-lead-form-focus,#141414);' +
        '--_text:var(--vitec-lead-form-text);--_background:var(--vitec-lead-form-background,Canvas);' +
        '--_border:var(--vitec-lead-form-border,#6b6b6b);--_error:var(--vitec-lead-form-error,#b3261e);' +
        '--_radius:var(--vitec-lead-form-radius,4px);--_spacing:var(--vitec-lead-form-spacing,1rem);' +
        '--_font:var(--vitec-lead-form-font);',
    );
    assert.equal(
      tokenDeclarations(true),
      '--_accent:var(--vitec-lead-form-accent,light-dark(#0b5cad,#8ab4f8));' +
        '--_focus:var(--vitec-lead-form-focus,light-dark(#141414,#f2f2f2));' +
        '--_border:var(--vitec-lead-form-border,light-dark(#6b6b6b,#9a9a9a));' +
        '--_error:var(--vitec-lead-form-error,light-dark(#b3261e,#ff8f84));',
    );
  });

  it('should be the only public properties the stylesheet reads, and declare every private one it uses', () => {
    const sheet = read('src/element/lead-form.styles.ts');
    assert.deepEqual([...sheet.matchAll(/--vitec-lead-form-[\w-]+/g)], [], 'public names only through the table');
    const declared = new Set([
      ...THEME_TOKENS.map(([name]) => `--_${name}`),
      ...[...sheet.matchAll(/(--_[\w-]+):/g)].map(([, name]) => name),
    ]);
    for (const [, name] of sheet.matchAll(/var\((--_[\w-]+)\)/g)) assert.ok(declared.has(name!), `${name} is declared`);
  });
});
