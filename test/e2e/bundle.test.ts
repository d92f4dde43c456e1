// The built dist/vitec-lead-form.js in a plain HTML page, as a broker's site loads it: the bundle is
// compiled by another transpiler than the browser tests, so it is tested on its own.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { LANGS, relayTexts } from '../../src/lead/messages/index.ts';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createMockVitec } from '../../src/server/mock/mock-vitec.ts';
import { toNodeListener } from '../../src/server/runtimes/node/fetch-server.ts';
import { BUILDS, BUNDLE, DIST, dropIn, launch, page, serve } from './harness.ts';

const PLAIN = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Mäklare</title>
<script type="module" src="/vitec-lead-form.js"></script></head><body>
<h1>Kontakta oss</h1>
<vitec-lead-form min-fill-time="0" endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="C-7" lead-source-name="Kontaktsidan"></vitec-lead-form>
</body></html>`;

describe('the built files', () => {
  it('should make the entry import nothing statically (one request draws the form), only its behaviour, the visit recording, the other languages and the kinds lazily, from beside it', () => {
    const code = readFileSync(DIST, 'utf8');
    assert.doesNotMatch(code, /^\s*import[\s{*]/m);
    assert.doesNotMatch(code, /from\s*["']/);
    const lazy = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(
      lazy.map((name) => name!.match(/^\.\/vitec-lead-form-([a-z-]+)-[\w-]{8}\.js$/)?.[1]),
      ['attribution', 'behaviour', 'en', 'kinds'],
    );
    // The kinds' bodies and schemas load from the behaviour, for a form of such a kind only.
    const behaviour = readFileSync(new URL(lazy.find((name) => name!.includes('-behaviour-'))!, DIST), 'utf8');
    assert.match(behaviour, /import\(\s*["']\.\/vitec-lead-form-kind-behaviour-[\w-]{8}\.js["']\s*\)/);
    assert.doesNotMatch(behaviour, /VeryInterested/, 'no kind schema in the behaviour a lead form loads');
    // Swedish is in the entry itself; English is not; nor the Swedish texts of what a form shows once the visitor
    // acts (the error summary, the thank-you), nor the recording of the visit (its storage key), nor what a form set up
    // wrong says.
    assert.match(code, /Förnamn/);
    assert.doesNotMatch(code, /First name/);
    assert.doesNotMatch(code, /Det finns ett problem|Tack för din förfrågan/);
    assert.doesNotMatch(code, /vitec-lead-form:attribution/);
    assert.doesNotMatch(code, /inte rätt inställt|attributet endpoint saknas/);
  });

  it("should make every lazily loaded file import only the entry statically (the kinds' behaviour and English: nothing), so that a file that failed to load can be tried again", () => {
    // Firefox remembers a failed module URL for the page's life: a file whose fetch failed once can be loaded again
    // under another URL (load-once.ts), but a static import of it fails until the page is loaded again.
    const folder = new URL('.', DIST);
    const chunks = readdirSync(folder).filter((name) => /^vitec-lead-form-.+\.js$/.test(name));
    const imports = Object.fromEntries(
      chunks.map((name) => [
        name.match(/^vitec-lead-form-([a-z-]+)-[\w-]{8}\.js$/)?.[1],
        [...readFileSync(new URL(name, folder), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)]
          .map((m) => m[1]!.replace(/^vitec-lead-form-([a-z-]+)-[\w-]{8}\.js$/, '$1'))
          .sort(),
      ]),
    );
    assert.deepEqual(imports, {
      attribution: ['vitec-lead-form.js'],
      behaviour: ['vitec-lead-form.js'],
      en: [],
      'kind-behaviour': [],
      kinds: ['vitec-lead-form.js'],
    });
  });

  it('should have V8 compile every file on a background thread as it streams in', () => {
    // The hint must be the first line (build/chunk-plugins.ts).
    const folder = new URL('.', DIST);
    const files = readdirSync(folder).filter((name) => /^vitec-lead-form.*\.js$/.test(name));
    assert.equal(files.length, 7);
    for (const name of files)
      assert.ok(readFileSync(new URL(name, folder), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), name);
  });

  it("should carry none of the relay's words to a page, in any language", () => {
    const folder = new URL('.', DIST);
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(new URL(name, folder), 'utf8'));
    for (const lang of LANGS) {
      const { request, issues } = relayTexts(lang);
      // The answers about a request as a whole, and each issue's sentence without the part it names.
      const texts = [...Object.values(request), ...Object.values(issues).map((say) => say('', 9).trim())];
      for (const text of texts) for (const file of files) assert.ok(!file.includes(text), `${lang}: ${text}`);
    }
  });

  it('should make the one-file build a self-contained module with nothing imported', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    assert.doesNotMatch(code, /^\s*import[\s{*]/m);
    assert.doesNotMatch(
      code,
      /\bimport\s*\(\s*["']/,
      'no import of a file by name (the retry of a failed chunk never runs here)',
    );
    assert.doesNotMatch(code, /from\s*["']/);
  });
});

for (const build of BUILDS)
  describe(`dist/vitec-lead-form.js (${build} build)`, () => {
    let browser: Browser;
    const mock = createMockVitec();
    let site: Awaited<ReturnType<typeof serve>>;

    before(async () => {
      assert.ok(existsSync(DIST), 'dist/vitec-lead-form.js is missing: run `npm run build` first');
      browser = await launch();
      site = await serve({ '/': page(PLAIN), ...dropIn(build), '/PublicAdvertising/': toNodeListener(mock) });
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    it('should show the default fields in a plain page', async () => {
      const tab = await browser.newPage();
      await tab.goto(site.url + '/');
      const names = await tab
        .locator('vitec-lead-form .field input, vitec-lead-form .field textarea')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
      assert.deepEqual(names, ['firstName', 'lastName', 'email.emailAddress', 'telephone.cell', 'message']);
      assert.equal(
        await tab.evaluate(() => (customElements.get('vitec-lead-form') as unknown as { version: string }).version),
        JSON.parse(readFileSync('package.json', 'utf8')).version,
      );
      await tab.close();
    });

    it('should send one lead on Enter and show its id', async () => {
      mock.reset();
      const tab = await browser.newPage();
      const posts: string[] = [];
      tab.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.url());
      });
      await tab.goto(site.url + '/');
      await tab.getByLabel('Förnamn').fill('Anna');
      await tab.getByLabel('Efternamn').fill('Svensson');
      await tab.getByLabel('E-post').fill('anna@example.se');
      await tab.getByLabel('E-post').press('Enter');
      await tab.locator('vitec-lead-form .lead-id').waitFor();
      assert.deepEqual(posts, [`${site.url}/PublicAdvertising/C-7/Contact/Person/Lead`]);
      assert.equal(mock.leads.length, 1);
      assert.deepEqual(mock.leads[0]!.lead, {
        person: { firstName: 'Anna', lastName: 'Svensson', email: { emailAddress: 'anna@example.se' } },
        leadSource: { leadType: 'AcceptObjectFlow', name: 'Kontaktsidan' },
      });
      assert.match(await tab.locator('vitec-lead-form .lead-id').innerText(), new RegExp(mock.leads[0]!.id));
      await tab.close();
    });

    it('should show errors at their fields and keep what was typed', async () => {
      const tab = await browser.newPage();
      await tab.goto(site.url + '/');
      await tab.getByLabel('E-post').fill('anna@');
      await tab.getByRole('button', { name: 'Skicka' }).click();
      await tab.getByRole('alert').waitFor();
      assert.equal(await tab.getByLabel('E-post').getAttribute('aria-invalid'), 'true');
      assert.equal(await tab.getByLabel('E-post').inputValue(), 'anna@');
      await tab.close();
    });
  });
