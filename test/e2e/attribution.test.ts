// On the built file: a visitor who lands on a campaign page from another site and sends the form from
// another page of the site still sends that campaign and that site; the visit is recorded once per page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createMockVitec } from '../../src/server/mock/mock-vitec.ts';
import { toNodeListener } from '../../src/server/runtimes/node/fetch-server.ts';
import { dropIn, launch, page, serve } from './harness.ts';

const form = (attribution: string) =>
  `<vitec-lead-form attribution="${attribution}" endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="C1"></vitec-lead-form>`;
const mock = createMockVitec();
const head =
  '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>t</title><script type="module" src="/vitec-lead-form.js"></script></head><body>';

/** Fills the page's form as a visitor does, sends it, and resolves with the `marketing` of the lead the mock got. */
async function sendFrom(tab: Page): Promise<unknown> {
  await tab.getByLabel('Förnamn').fill('Anna');
  await tab.getByLabel('Efternamn').fill('Svensson');
  await tab.getByLabel('E-post').fill('anna@example.se');
  await tab.getByRole('button', { name: 'Skicka' }).click();
  await tab.locator('vitec-lead-form .lead-id').waitFor();
  return mock.leads.at(-1)!.lead.marketing;
}

describe('attribution across pages (built file)', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    browser = await launch();
    site = await serve({
      ...dropIn(),
      '/villa': page(`${head}<h1>Villa</h1><a href="/kontakt">Kontakt</a></body></html>`),
      '/kontakt': page(
        `${head}<vitec-lead-form min-fill-time="0" endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="C1" lead-source-name="Kontakt"></vitec-lead-form></body></html>`,
      ),
      '/kampanj': page(
        `${head}<vitec-lead-form min-fill-time="0" endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="C1"></vitec-lead-form></body></html>`,
      ),
      '/two-none-first': page(`${head}${form('none')}${form('local')}</body></html>`),
      '/two-local-first': page(`${head}${form('local')}${form('none')}</body></html>`),
      '/PublicAdvertising/': toNodeListener(mock),
    });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('should send the landing tags and the other site as referrer from /kontakt, and no other parameter', async () => {
    const port = new URL(site.url).port;
    const other = `http://localhost:${port}`;
    const landing = `${site.url}/villa?utm_source=google&utm_medium=cpc&utm_campaign=v%C3%A5r&gclid=abc&page=2&q=secret`;
    const tab = await browser.newPage();
    // "Another site": the same server under another host name, linking to the campaign page.
    await tab.route(`${other}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<a href="${landing}">Annons</a>` }),
    );
    await tab.goto(`${other}/`);
    await tab.click('a');
    await tab.waitForURL(/\/villa/);
    await tab.click('a');
    await tab.waitForURL(/\/kontakt$/);
    assert.deepEqual(await sendFrom(tab), {
      referrer: `${other}/`,
      utmTags: [
        { name: 'utm_source', value: 'google' },
        { name: 'utm_medium', value: 'cpc' },
        { name: 'utm_campaign', value: 'vår' },
        { name: 'gclid', value: 'abc' },
      ],
    });
    await tab.close();
  });

  it('should send the campaign of a form sent before the browser was ever idle (the visit recorded as the lead is built)', async () => {
    const tab = await browser.newPage();
    // A page so busy that it is never idle: the visit is not recorded at idle, only when the lead is built.
    await tab.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await tab.goto(`${site.url}/kampanj?utm_source=nyhetsbrev&utm_campaign=jul`);
    assert.deepEqual(await sendFrom(tab), {
      utmTags: [
        { name: 'utm_source', value: 'nyhetsbrev' },
        { name: 'utm_campaign', value: 'jul' },
      ],
    });
    await tab.close();
  });

  for (const [path, stored] of [
    ['/two-none-first', false],
    ['/two-local-first', true],
  ] as const) {
    it(`should record the visit once, as the first form says, and give both forms the same (${path})`, async () => {
      const tab = await browser.newPage();
      await tab.goto(`${site.url}${path}?utm_source=nyhetsbrev`);
      await tab.locator('vitec-lead-form >> nth=1').locator('form').waitFor();
      // The recording is a chunk of its own, fetched when the page is idle: `visitRecorded` says when it is done.
      await tab.evaluate(() =>
        Promise.all(
          [...document.querySelectorAll('vitec-lead-form')].map(
            (el) => (el as HTMLElement & { visitRecorded: Promise<unknown> }).visitRecorded,
          ),
        ),
      );
      const seen = await tab.evaluate(() => ({
        marketing: [...document.querySelectorAll('vitec-lead-form')].map((el) =>
          JSON.stringify((el as HTMLElement & { marketing?: unknown }).marketing),
        ),
        local: localStorage.getItem('vitec-lead-form:attribution'),
        session: sessionStorage.getItem('vitec-lead-form:attribution'),
        // A page that changes one form's marketing in place changes no other form's.
        isolated: (() => {
          const [first, second] = [...document.querySelectorAll('vitec-lead-form')] as (HTMLElement & {
            marketing?: { utmTags?: unknown[] };
          })[];
          first!.marketing!.utmTags!.push({ name: 'utm_content', value: 'hero' });
          return second!.marketing!.utmTags!.length === 1;
        })(),
      }));
      assert.equal(seen.isolated, true);
      assert.deepEqual(
        seen.marketing,
        Array(2).fill(JSON.stringify({ utmTags: [{ name: 'utm_source', value: 'nyhetsbrev' }] })),
      );
      assert.equal(seen.session, null, 'neither mode is session');
      assert.equal(
        seen.local !== null,
        stored,
        stored ? 'the first form keeps it for 30 days' : 'the first form keeps nothing',
      );
      await tab.close();
    });
  }

  /** Waits until the page's form is drawn and the page has been idle since. */
  async function untilIdle(tab: Page) {
    await tab.locator('vitec-lead-form form').first().waitFor();
    await tab.evaluate(
      () =>
        new Promise((resolve) =>
          requestIdleCallback(() => setTimeout(() => requestIdleCallback(resolve, { timeout: 2000 }), 300)),
        ),
    );
  }

  /** Loads `path` as a visitor coming from `referrer` would, waits until the page is idle, and says what it did. */
  async function idleVisit(path: string, referrer?: string) {
    const tab = await browser.newPage();
    const chunks: string[] = [];
    tab.on('request', (request) => {
      const name = /\/(vitec-lead-form-[a-z-]+)-[\w-]+\.js/.exec(request.url())?.[1];
      if (name) chunks.push(name);
    });
    // Counts the page's reads of either storage (the getters on Window.prototype), from before its first script.
    await tab.addInitScript(() => {
      const counted = window as unknown as { storageTouches: number };
      counted.storageTouches = 0;
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        const getter = Object.getOwnPropertyDescriptor(Window.prototype, name)!.get!;
        Object.defineProperty(Window.prototype, name, {
          configurable: true,
          get() {
            counted.storageTouches++;
            return getter.call(this);
          },
        });
      }
    });
    await tab.goto(`${site.url}${path}`, referrer ? { referer: referrer } : {});
    await untilIdle(tab);
    const touches = await tab.evaluate(() => (window as unknown as { storageTouches: number }).storageTouches);
    return { tab, chunks, touches };
  }

  it('should fetch no recording and touch no storage on a page view that brings the visit nothing new', async () => {
    const { tab, chunks, touches } = await idleVisit('/kontakt', `${site.url}/villa`);
    // Nothing: the check of the form's attributes comes with the behaviour, at the visitor's first focus in the form.
    assert.deepEqual(chunks, []);
    assert.equal(touches, 0);
    // Nor does a submit whose errors the visitor must fix first: the visit's memory is read for a lead ready to send.
    await tab.getByRole('button', { name: 'Skicka' }).click();
    await tab.locator('vitec-lead-form .summary').waitFor();
    assert.equal(await tab.evaluate(() => (window as unknown as { storageTouches: number }).storageTouches), 0);
    // What the visit remembered still reaches a lead sent from it.
    await tab.evaluate(() =>
      sessionStorage.setItem(
        'vitec-lead-form:attribution',
        JSON.stringify({ utmTags: [{ name: 'utm_source', value: 'tidigare' }], savedAt: Date.now() }),
      ),
    );
    assert.deepEqual(await sendFrom(tab), { utmTags: [{ name: 'utm_source', value: 'tidigare' }] });
    await tab.close();
  });

  it('should forget a visit kept 30 days (local) on the first page view after them, though it brings nothing new', async () => {
    const tab = await browser.newPage();
    const stored = (days: number) =>
      tab.evaluate(
        (savedAt) =>
          localStorage.setItem(
            'vitec-lead-form:attribution',
            JSON.stringify({ utmTags: [{ name: 'utm_source', value: 'host' }], savedAt }),
          ),
        Date.now() - days * 24 * 60 * 60 * 1000,
      );
    const kept = () => tab.evaluate(() => localStorage.getItem('vitec-lead-form:attribution'));
    await tab.goto(`${site.url}/villa`);
    await stored(29);
    await tab.goto(`${site.url}/two-local-first`, { referer: `${site.url}/villa` });
    await untilIdle(tab);
    assert.match((await kept()) ?? '', /"host"/, 'kept within the 30 days');
    await stored(31);
    await tab.goto(`${site.url}/two-local-first`, { referer: `${site.url}/villa` });
    await untilIdle(tab);
    assert.equal(await kept(), null, 'forgotten after them, with no lead and no campaign visit');
    await tab.close();
  });

  for (const [what, path, referrer] of [
    ['tags in its URL', '/kampanj?utm_source=nyhetsbrev', undefined],
    ['another site as referrer', '/kampanj', 'https://www.example.com/sok'],
  ] as const) {
    it(`should record a page view that brings ${what} when the page is idle, before any visitor acts`, async () => {
      const { tab, chunks } = await idleVisit(path, referrer);
      assert.deepEqual(chunks, ['vitec-lead-form-attribution']);
      const stored = await tab.evaluate(() => sessionStorage.getItem('vitec-lead-form:attribution'));
      assert.match(stored ?? '', what.startsWith('tags') ? /"utm_source","value":"nyhetsbrev"/ : /www\.example\.com/);
      await tab.close();
    });
  }
});
