/**
 * `npm run screenshots`: a PNG of every state of the built form (dist/vitec-lead-form.js), as a broker's
 * page shows it: empty, with errors, sending, failed with the fallback, and thanked; in Swedish and English;
 * on a light and a dark page; 320, 480 and 800 px wide. They go to `screenshots/` (ignored by git), named
 * `<state>-<lang>-<scheme>-<width>.png`. The system Chromium draws them, through playwright-core.
 *
 * `--docs` also copies the three that docs/site-owners.md shows into `docs/screenshots/`.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createMockVitec } from '../src/server/mock/mock-vitec.ts';
import { toNodeListener } from '../src/server/runtimes/node/fetch-server.ts';
import { dropIn, launch, page, serve } from '../test/e2e/harness.ts';

const OUT = new URL('../screenshots/', import.meta.url);
const DOCS = new URL('../docs/screenshots/', import.meta.url);
const STATES = ['empty', 'errors', 'sending', 'failed', 'sent'] as const;
const LANGS = ['sv', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [320, 480, 800] as const;
/** The pictures the site owners' docs show. */
const FOR_DOCS = ['errors-sv-light-480', 'failed-sv-dark-800', 'sent-en-light-320'];

const FIELDS = 'firstName lastName address email.emailAddress telephone.cell message';

function html(lang: string, scheme: string, width: number): string {
  const colours =
    scheme === 'dark'
      ? 'color-scheme: dark; background: #111; color: #eee'
      : 'color-scheme: light; background: #fff; color: #1a1a1a';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Kontakt</title>
<script type="module" src="/vitec-lead-form.js"></script></head>
<body style="margin: 0; font: 16px/1.5 system-ui, sans-serif; ${colours}">
<main style="box-sizing: border-box; width: ${width}px; padding: 16px">
<vitec-lead-form endpoint="/PublicAdvertising/{customerId}/Contact/Person/Lead" customer-id="DEMO-1" min-fill-time="0"
  fields="${FIELDS}" privacy-policy-url="/integritetspolicy" fallback-email="info@maklarhuset.se" fallback-phone="08-123 456 78"></vitec-lead-form>
</main></body></html>`;
}

async function fill(tab: Page): Promise<void> {
  const inputs = tab.locator('vitec-lead-form input, vitec-lead-form textarea');
  const values: Record<string, string> = {
    firstName: 'Anna',
    lastName: 'Svensson',
    'address.streetAddress': 'Storgatan 1',
    'address.zipCode': '123 45',
    'address.city': 'Stockholm',
    'email.emailAddress': 'anna@example.se',
    message: 'Jag vill boka en visning.',
  };
  for (const [name, value] of Object.entries(values)) await inputs.and(tab.locator(`[name="${name}"]`)).fill(value);
}

async function main(): Promise<void> {
  const mock = createMockVitec();
  const site = await serve({
    ...dropIn(),
    '/PublicAdvertising/': toNodeListener(mock),
    '/form/': (req, res) => {
      const [, lang, scheme, width] = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean);
      page(html(lang!, scheme!, Number(width)))(req, res);
    },
  });
  const browser = await launch();
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  let count = 0;
  try {
    for (const lang of LANGS) {
      for (const scheme of SCHEMES) {
        for (const width of WIDTHS) {
          const tab = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          for (const state of STATES) {
            mock.mode = {};
            await tab.goto(`${site.url}/form/${lang}/${scheme}/${width}`);
            const form = tab.locator('vitec-lead-form');
            const button = form.locator('button[type="submit"]');
            await button.waitFor();
            if (state === 'errors') await button.click();
            if (state !== 'empty' && state !== 'errors') {
              await fill(tab);
              mock.mode = state === 'sending' ? { delayMs: 3000 } : state === 'failed' ? { status: 503, times: 2 } : {};
              await button.click();
              const done = { sending: 'form[aria-busy="true"]', failed: '.status-failed', sent: '.success' }[state];
              await form.locator(done).waitFor({ timeout: 10_000 });
            }
            // Let the focus move and the fonts settle before the picture.
            await tab.waitForTimeout(100);
            await tab.locator('main').screenshot({
              path: new URL(`${state}-${lang}-${scheme}-${width}.png`, OUT).pathname,
              animations: 'disabled',
            });
            count++;
          }
          await tab.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`${count} screenshots in ${OUT.pathname}`);
  if (process.argv.includes('--docs')) {
    await mkdir(DOCS, { recursive: true });
    for (const name of FOR_DOCS) await copyFile(new URL(`${name}.png`, OUT), new URL(`${name}.png`, DOCS));
    console.log(`${FOR_DOCS.length} copied to ${DOCS.pathname}`);
  }
}

await main();
