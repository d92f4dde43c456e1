/**
 * A visitor's interactions with the drawn form in Chromium with the CPU 4× slower, once the page is idle after their
 * first focus in the form (the behaviour in, its schema built and one check rehearsed): the first validation (an empty submit until its errors are drawn) and one keystroke's re-render. What
 * loading the form costs the page is read from traces (trace.ts); these two are timed in the page, as a visitor's
 * action starts them. Each load in a fresh context.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { listen, median, ms, quantile, type Row, spread } from './stats.ts';

/**
 * In a page whose form is drawn: the visitor's first focus, then the first validation (an empty submit until its errors
 * are drawn) once the page's idle work after that focus is done, then one keystroke's re-render; each timed in the page.
 */
export function interactions(page: Page): Promise<{ validation: number; keystroke: number }> {
  return page.evaluate(async () => {
    await customElements.whenDefined('vitec-lead-form');
    const el = document.querySelector('vitec-lead-form') as HTMLElement & {
      updateComplete: Promise<unknown>;
      lazy: { ready(): Promise<unknown> };
    };
    await el.updateComplete;
    const root = el.shadowRoot!;
    // A visitor's first submit comes after the page has settled and after their first focus in the form, which
    // fetches the behaviour and has its schema built, then one check rehearsed, in the page's next idle periods
    // (two idle callbacks with a fifth of a second between them: a visitor takes longer to reach the button).
    root.querySelector('input')!.focus();
    await el.lazy.ready();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    let start = performance.now();
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    const validation = performance.now() - start;
    const input = root.querySelector<HTMLInputElement>('input[name="firstName"]')!;
    input.focus();
    start = performance.now();
    input.value = 'A';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await el.updateComplete;
    return { validation, keystroke: performance.now() - start };
  });
}

async function measureInteractions(loads: number) {
  const site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (/^\/vitec-lead-form(-[\w-]+)?\.js$/.test(path))
      return res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(readFileSync(new URL(`../dist${path}`, import.meta.url), 'utf8'));
    if (path === '/ours')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title><script type="module" src="/vitec-lead-form.js"></script></head><body><vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form></body></html>',
        );
    res.writeHead(404).end();
  });
  const base = await listen(site);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const result = { validation: [] as number[], keystroke: [] as number[] };
  try {
    for (let i = 0; i < loads; i++) {
      // A fresh context each time: no cache, no compiled code kept from the last load.
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${base}/ours`);
      const timing = await interactions(page);
      result.validation.push(timing.validation);
      result.keystroke.push(timing.keystroke);
      await context.close();
    }
  } finally {
    await browser.close();
    site.close();
  }
  return result;
}

export async function renderFigures(
  budget: { validationMs: number; keystrokeMs: number },
  loads: number,
): Promise<Row[]> {
  const timing = await measureInteractions(loads);
  return [
    {
      figure: `first validation at 4× (an empty submit once the page is idle; ${loads} runs)`,
      value: `median ${ms(median(timing.validation))}, p90 ${ms(quantile(timing.validation, 0.9))} (range ${spread(timing.validation)})`,
      alternative: '',
      ratio: '',
      budget: `≤ ${budget.validationMs} ms median`,
      ok: median(timing.validation) <= budget.validationMs,
    },
    {
      figure: `one keystroke to re-render at 4× (${loads} runs)`,
      value: `median ${ms(median(timing.keystroke))}, p90 ${ms(quantile(timing.keystroke, 0.9))} (range ${spread(timing.keystroke)})`,
      alternative: '',
      ratio: '',
      budget: `≤ ${budget.keystrokeMs} ms median`,
      ok: median(timing.keystroke) <= budget.keystrokeMs,
    },
  ];
}
