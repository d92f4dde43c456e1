/**
 * Drawing the form in Chromium with the CPU 4× slower, beside the same fields written by hand with no framework:
 * the time to a laid-out form, the blocking time it adds, the longest task of a first interaction while the lazy
 * chunk arrives, the first validation and one keystroke's re-render. Each load in a fresh context.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { listen, median, ms, quantile, type Row, spread } from './stats.ts';

const FIELDS: [string, string, string][] = [
  ['firstName', 'Förnamn', 'text'],
  ['lastName', 'Efternamn', 'text'],
  ['email.emailAddress', 'E-post (valfritt)', 'email'],
  ['telephone.cell', 'Mobiltelefon (valfritt)', 'tel'],
  ['message', 'Meddelande (valfritt)', 'textarea'],
];
const HEAD = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title><script>
  window.__longest = 0; window.__blocking = 0; window.__interactionLongest = -1;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) {
    window.__longest = Math.max(window.__longest, e.duration);
    window.__blocking += Math.max(0, e.duration - 50);
    if (window.__interactionLongest >= 0 && e.startTime >= window.__interactionStart) window.__interactionLongest = Math.max(window.__interactionLongest, e.duration);
  } }).observe({ type: 'longtask', buffered: true });
</script>`;
// The drop-in as shipped, with a first statement that marks its start and a last one that waits for
// the form and forces layout.
const oursScript = `window.__t0 = performance.now();\n${readFileSync(new URL('../dist/vitec-lead-form.js', import.meta.url), 'utf8')}
;{ await customElements.whenDefined('vitec-lead-form'); const el = document.querySelector('vitec-lead-form'); await el.updateComplete; el.shadowRoot.querySelector('form').getBoundingClientRect(); window.__t1 = performance.now(); }`;
// The floor: the same fields written by hand, with no framework and no validation library.
const vanillaScript = `window.__t0 = performance.now();
const form = document.createElement('form'); form.noValidate = true;
for (const [name, text, type] of ${JSON.stringify(FIELDS)}) {
  const label = document.createElement('label'); label.htmlFor = name; label.textContent = text;
  const input = document.createElement(type === 'textarea' ? 'textarea' : 'input');
  input.id = name; input.name = name; if (type !== 'textarea') input.type = type;
  const div = document.createElement('div'); div.append(label, input); form.append(div);
}
const button = document.createElement('button'); button.textContent = 'Skicka'; form.append(button);
document.querySelector('#slot').append(form); form.getBoundingClientRect(); window.__t1 = performance.now();`;

async function measureRender(loads: number) {
  const site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const js = (body: string) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    const htmlPage = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    // Under its own name: the chunk imports what it shares with the entry from `./vitec-lead-form.js`.
    if (path === '/vitec-lead-form.js') return js(oursScript);
    // The lazy chunk, which the entry imports from beside itself.
    if (/^\/vitec-lead-form-[\w-]+\.js$/.test(path!))
      return js(readFileSync(new URL(`../dist${path}`, import.meta.url), 'utf8'));
    if (path === '/vanilla.js') return js(vanillaScript);
    if (path === '/ours')
      return htmlPage(
        `${HEAD}<script type="module" src="/vitec-lead-form.js"></script></head><body><vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form></body></html>`,
      );
    if (path === '/vanilla')
      return htmlPage(
        `${HEAD}<script type="module" src="/vanilla.js"></script></head><body><div id="slot"></div></body></html>`,
      );
    res.writeHead(404).end();
  });
  const base = await listen(site);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const result = {
    ours: [] as number[],
    vanilla: [] as number[],
    longest: [] as number[],
    longestVanilla: [] as number[],
    blocking: [] as number[],
    blockingVanilla: [] as number[],
    interaction: [] as number[],
    validation: [] as number[],
    keystroke: [] as number[],
  };
  try {
    for (let i = 0; i < loads; i++) {
      for (const kind of ['ours', 'vanilla'] as const) {
        // A fresh context each time: no cache, no compiled code kept from the last load.
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(`${base}/${kind}`);
        await page.waitForFunction(() => (window as unknown as { __t1?: number }).__t1 !== undefined);
        const t = await page.evaluate(() => {
          const w = window as unknown as { __t0: number; __t1: number };
          return w.__t1 - w.__t0;
        });
        result[kind].push(t);
        if (kind === 'vanilla') {
          result.longestVanilla.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
          await page.waitForTimeout(300);
          result.blockingVanilla.push(
            await page.evaluate(() => (window as unknown as { __blocking: number }).__blocking),
          );
        }
        if (kind === 'ours') {
          // The visitor's first interaction at once after the form is drawn, while the lazy file arrives:
          // focus, one keystroke; the longest task from then until the behaviour is in and the page idle.
          result.interaction.push(
            await page.evaluate(async () => {
              const w = window as unknown as { __interactionStart: number; __interactionLongest: number };
              const el = document.querySelector('vitec-lead-form') as unknown as HTMLElement & {
                updateComplete: Promise<unknown>;
                lazy: { behaviour?: unknown };
              };
              const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="firstName"]')!;
              w.__interactionStart = performance.now();
              w.__interactionLongest = 0;
              input.focus();
              input.value = 'A';
              input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
              await el.updateComplete;
              const deadline = performance.now() + 20_000;
              while (!el.lazy.behaviour) {
                if (performance.now() > deadline) throw new Error('the behaviour did not arrive in 20 s');
                await new Promise((resolve) => setTimeout(resolve, 10));
              }
              await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
              await new Promise((resolve) => setTimeout(resolve, 50));
              return w.__interactionLongest;
            }),
          );
          result.blocking.push(await page.evaluate(() => (window as unknown as { __blocking: number }).__blocking));
          const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
          const timing = await page.evaluate(async () => {
            // A visitor's first submit comes after the page has settled, as here.
            await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
            const el = document.querySelector('vitec-lead-form') as HTMLElement & { updateComplete: Promise<unknown> };
            const root = el.shadowRoot!;
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
          result.validation.push(timing.validation);
          result.keystroke.push(timing.keystroke);
          result.longest.push(longest);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    site.close();
  }
  return result;
}

export async function renderFigures(
  budget: { renderRatio: number; addedBlockingMs: number; longTaskMs: number; validationMs: number },
  loads: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const render = await measureRender(loads);
  const ratio = median(render.ours) / median(render.vanilla);
  rows.push({
    figure: `render to a laid-out form, CPU 4× slower (${loads} fresh loads each)`,
    value: `median ${ms(median(render.ours))}, p90 ${ms(quantile(render.ours, 0.9))} (range ${spread(render.ours)})`,
    alternative: `vanilla form: median ${ms(median(render.vanilla))}, p90 ${ms(quantile(render.vanilla, 0.9))} (range ${spread(render.vanilla)})`,
    ratio: `${ratio.toFixed(2)}× the floor`,
    budget: `≤ ${budget.renderRatio}×`,
    ok: ratio <= budget.renderRatio,
  });
  // Added blocking time: per load, the sum over main-thread tasks of (duration − 50 ms), ours minus the
  // plain page's (loads paired in order), median over the loads.
  const added = render.blocking.map((ours, i) => ours - (render.blockingVanilla[i] ?? 0));
  rows.push({
    figure: `added blocking time at load, CPU 4× slower (${loads} loads each, paired)`,
    value: `median ${ms(median(added))}, p90 ${ms(quantile(added, 0.9))} (ours: median ${ms(median(render.blocking))}; longest task median ${ms(median(render.longest))})`,
    alternative: `vanilla form: blocking median ${ms(median(render.blockingVanilla))}, longest task median ${ms(median(render.longestVanilla))}`,
    ratio: '',
    budget: `≤ ${budget.addedBlockingMs} ms`,
    ok: median(added) <= budget.addedBlockingMs,
  });
  rows.push({
    figure: `longest task during the first interaction (focus and a keystroke at once after the form is drawn, the lazy file arriving; ${loads} loads)`,
    value: `max ${ms(Math.max(...render.interaction))}, median ${ms(median(render.interaction))} (0: none over 50 ms)`,
    alternative: '',
    ratio: '',
    budget: `≤ ${budget.longTaskMs} ms`,
    ok: Math.max(...render.interaction) <= budget.longTaskMs,
  });
  rows.push({
    figure: `first validation (empty submit once the page is idle; ${loads} runs)`,
    value: `median ${ms(median(render.validation))}, p90 ${ms(quantile(render.validation, 0.9))} (range ${spread(render.validation)})`,
    alternative: '',
    ratio: '',
    budget: `≤ ${budget.validationMs} ms median`,
    ok: median(render.validation) <= budget.validationMs,
  });
  rows.push({
    figure: `one keystroke to re-render (${loads} runs)`,
    value: `median ${ms(median(render.keystroke))}, p90 ${ms(quantile(render.keystroke, 0.9))} (range ${spread(render.keystroke)})`,
    alternative: '',
    ratio: '',
    budget: '',
  });
  return rows;
}
