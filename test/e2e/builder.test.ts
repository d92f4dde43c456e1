// /builder.html on `npm start`'s server, in the system Chromium: the choices change the preview and the
// snippet, an existing tag can be read back, Copy puts the snippet on the clipboard, the link keeps the
// state, and a generated snippet pasted into a blank page sends a lead through the relay to the mock.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.ts';
import { BUNDLE, launch } from './harness.ts';

const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('the snippet builder (/builder.html)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let demo: Awaited<ReturnType<typeof startDemoServer>>;

  before(async () => {
    browser = await launch();
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url.replace(/\/$/, '') });
  });
  after(async () => {
    await browser?.close();
    await demo?.server.close();
  });

  async function open(query = ''): Promise<{ tab: Page; errors: string[] }> {
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(`${demo.url}builder.html${query}`);
    await tab.locator('#snippet').waitFor();
    await tab.locator('#preview vitec-lead-form').waitFor();
    return { tab, errors };
  }
  const snippetOf = (tab: Page) => tab.locator('#snippet').inputValue();

  it('should show the real element in preview and the shortest snippet at first', async () => {
    const { tab, errors } = await open();
    assert.equal(await tab.locator('#preview vitec-lead-form').getAttribute('preview'), '');
    assert.equal(
      await snippetOf(tab),
      '<script type="module" src="/vitec-lead-form.js"></script>\n<vitec-lead-form></vitec-lead-form>',
    );
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('should show the personnummer in the preview and the snippet once it is ticked', async () => {
    const { tab } = await open();
    await tab.getByRole('checkbox', { name: 'Personnummer Visa' }).check();
    await tab.locator('#preview vitec-lead-form').getByLabel('Personnummer (valfritt)').waitFor();
    assert.match(
      await snippetOf(tab),
      /fields="firstName lastName socialSecurityNumber email\.emailAddress telephone\.cell message"/,
    );
    await tab.getByRole('checkbox', { name: 'Personnummer Obligatoriskt' }).check();
    assert.match(await snippetOf(tab), /required="firstName lastName socialSecurityNumber"/);
    await tab.close();
  });

  it('should show the element’s own configuration error when a choice is wrong', async () => {
    const { tab } = await open();
    await tab
      .getByLabel('Reläets adress (endpoint)')
      .fill('https://relay.example.se/PublicAdvertising/{customerId}/Contact/Person/Lead');
    await tab.locator('#preview vitec-lead-form .config-error').filter({ hasText: 'customer-id' }).waitFor();
    await tab.getByLabel('Kund-id i Vitec').fill('12345');
    await tab.locator('#preview vitec-lead-form form').waitFor();
    await tab.close();
  });

  it('should fill the controls from a pasted tag and list the attributes it does not know', async () => {
    const { tab } = await open();
    await tab
      .getByLabel('Klistra in en <vitec-lead-form>-tagg')
      .fill(
        '<vitec-lead-form customer-id="C-9" lead-source-name="Villa &amp; radhus" consent-required data-gtm="x" class="wide"></vitec-lead-form>',
      );
    await tab.getByRole('button', { name: 'Läs in' }).click();
    assert.equal(await tab.getByLabel('Kund-id i Vitec').inputValue(), 'C-9');
    assert.equal(await tab.getByLabel('Källans namn (leadSource.name)').inputValue(), 'Villa & radhus');
    assert.equal(await tab.getByLabel('Besökaren måste kryssa i en samtyckesruta').isChecked(), true);
    const status = tab.locator('#import-status');
    assert.match(await status.innerText(), /Okända attribut/);
    assert.deepEqual(await status.locator('code').allInnerTexts(), ['data-gtm="x"', 'class="wide"']);
    assert.match(await snippetOf(tab), /lead-source-name="Villa &amp; radhus"/);
    await tab.close();
  });

  it('should put exactly the snippet on the clipboard and say so', async () => {
    const { tab } = await open();
    await tab.getByLabel('Kund-id i Vitec').fill('C "1" <2> & 3');
    await tab.getByRole('button', { name: 'Kopiera koden' }).click();
    await tab.locator('#copy-status').filter({ hasText: 'Koden är kopierad.' }).waitFor();
    assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), await snippetOf(tab));
    assert.equal(await tab.locator('#copy-status').getAttribute('role'), 'status');
    await tab.close();
  });

  it('should keep every choice in the link', async () => {
    const { tab } = await open();
    await tab.getByRole('checkbox', { name: 'Ort Visa' }).check();
    await tab.getByRole('radio', { name: 'Ett kontor' }).check();
    await tab.getByLabel('Kontorets id').fill('OFF-1');
    await tab.getByLabel('Formulärets språk').selectOption('en');
    await tab.getByRole('button', { name: 'Switch to English' }).click();
    const snippet = await snippetOf(tab);
    const again = await open(new URL(tab.url()).search);
    assert.equal(await snippetOf(again.tab), snippet);
    assert.equal(await again.tab.getByLabel('Office id').inputValue(), 'OFF-1');
    assert.equal(await again.tab.locator('html').getAttribute('lang'), 'en');
    await tab.close();
    await again.tab.close();
  });

  it('should make a snippet that sends a lead through the relay to the mock from a blank page', async () => {
    await fetch(`${demo.url}__vitec/__mock/leads`, { method: 'DELETE' });
    const { tab } = await open();
    await tab.getByLabel('Reläets adress (endpoint)').fill('/PublicAdvertising/{customerId}/Contact/Person/Lead');
    await tab.getByLabel('Kund-id i Vitec').fill('DEMO-1');
    await tab.getByLabel('Källans namn (leadSource.name)').fill('Byggd sida');
    const snippet = await snippetOf(tab);
    const page = await context.newPage();
    // A blank page of the demo's origin (which the relay allows), and the built one-file drop-in where the snippet looks.
    await page.route(`${demo.url}blank.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="sv"><head><title>Tom</title></head><body>${snippet}</body></html>`,
      }),
    );
    await page.route(`${demo.url}vitec-lead-form.js`, async (route) =>
      route.fulfill({ contentType: 'text/javascript', body: await readFile(BUNDLE, 'utf8') }),
    );
    await page.goto(`${demo.url}blank.html`);
    const form = page.locator('vitec-lead-form');
    await form.getByLabel('Förnamn').fill('Anna');
    await form.getByLabel('Efternamn').fill('Svensson');
    await form.getByLabel('E-post').fill('anna@example.se');
    await form.getByRole('button', { name: 'Skicka' }).click();
    await form.locator('.lead-id').waitFor({ timeout: 15_000 });
    const { leads } = await (await fetch(`${demo.url}__vitec/__mock/leads`)).json();
    assert.equal(leads.length, 1);
    assert.equal(leads[0].lead.leadSource.name, 'Byggd sida');
    assert.match(await form.locator('.lead-id').innerText(), new RegExp(leads[0].id));
    await page.close();
    await tab.close();
  });

  it('should have no axe violation, in Swedish and in English', async () => {
    const { tab } = await open();
    const axe = await readFile(AXE, 'utf8');
    for (const lang of ['sv', 'en']) {
      if (lang === 'en') await tab.getByRole('button', { name: 'Switch to English' }).click();
      await tab
        .getByLabel(lang === 'sv' ? 'Klistra in en <vitec-lead-form>-tagg' : 'Paste a <vitec-lead-form> tag')
        .fill('<vitec-lead-form x-y="1">');
      await tab.getByRole('button', { name: lang === 'sv' ? 'Läs in' : 'Read it' }).click();
      const violations = await tab.evaluate(
        async ({ source, tags }) => {
          if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(source);
          const axe = (
            window as unknown as {
              axe: {
                run(
                  context: Node,
                  options: object,
                ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        },
        { source: axe, tags: WCAG_TAGS },
      );
      assert.deepEqual(violations, [], lang);
    }
    await tab.close();
  });
});
