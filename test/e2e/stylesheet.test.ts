// The build minifies the element's stylesheet by rules of its own (build/template-plugins.ts, minifyCss): the
// minified text must be the same stylesheet. Chromium parses both, and their rules must serialise alike.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { minifyCss } from '../../build/template-plugins.ts';
import { BUNDLE, DIST, launch } from './harness.ts';

// The form's own stylesheet, and its states' (the error summary's and the thank-you's, in the lazy chunk).
const source = ['lead-form.styles.ts', 'templates/states.styles.ts']
  .map((name) => readFileSync(new URL(`../../src/element/${name}`, import.meta.url), 'utf8'))
  .join('\n');
const sheets = [...source.matchAll(/css`([^`]*)`/g)].map(([, text]) => text!);

describe('the stylesheet as the build minifies it', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launch();
    page = await browser.newPage();
  });
  after(() => browser?.close());

  /** Every rule as Chromium serialises it, nested rules included. */
  // A string, not a function: tsx would add a helper of its own to a function that the page has not.
  const parsed = (text: string) =>
    page
      .evaluate(
        `(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(${JSON.stringify(text)});
      const rules = (list) => [...list].flatMap((rule) => [rule.cssText, ...(rule.cssRules ? rules(rule.cssRules) : [])]);
      return rules(sheet.cssRules);
    })()`,
      )
      .then((rules) => (rules as string[]).map(tokens));

  /**
   * Chromium serialises a value that holds var() as the tokens it was written with (it can only be computed once
   * substituted), so there the white space beside a comma and a slash, which separates no tokens, is taken out.
   */
  const tokens = (rule: string) => rule.replace(/\s*([,/])\s*/g, '$1');

  it('should parse to the same rules as the source, and be what the built files hold', async () => {
    assert.ok(sheets.length > 0);
    for (const text of sheets) {
      const minified = minifyCss(text);
      assert.ok(minified.length < text.length * 0.7, 'smaller by comments and white space at least');
      const rules = await parsed(text);
      assert.ok(rules.length > 10, 'the source parses');
      assert.deepEqual(await parsed(minified), rules);
      // In the one-file build, and in the entry or one of its chunks.
      assert.ok(readFileSync(BUNDLE, 'utf8').includes(minified), 'in the one-file build');
      const split = readdirSync(new URL('.', DIST)).filter((name) => /^vitec-lead-form(-[\w-]+)?\.js$/.test(name));
      assert.ok(
        split.some((name) => readFileSync(new URL(name, DIST), 'utf8').includes(minified)),
        `in one of ${split.join(', ')}`,
      );
    }
  });

  it('should keep what changes meaning: the space before a colon in a selector, and quoted strings', async () => {
    const tricky = `.a :focus { color: red }
      .b > .c , .d::after { content: 'x , y > z  0.5 :  w'; margin: 0.5rem calc(10px + 0.25em) }
      [data-x="a: b, c"] { width: calc(100% / 3) }
      @container (min-width: 480px) { form :is(.e, .f) { flex: 1 1 0 } }`;
    const minified = minifyCss(tricky);
    assert.match(minified, /\.a :focus\{/);
    assert.match(minified, /'x , y > z {2}0\.5 : {2}w'/);
    assert.match(minified, /"a: b, c"/);
    assert.deepEqual(await parsed(minified), await parsed(tricky));
  });
});
