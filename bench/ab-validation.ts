/**
 * `DIST_A=<dir> DIST_B=<dir> npx tsx bench/ab-validation.ts`: the first validation (an empty submit until its errors
 * are drawn, timed in the page as bench/render.ts times it) of two builds of the drop-in, alternated load by load with
 * the order flipped each round, and the difference taken round by round. `LOADS` (default 20) rounds at `RATE`× CPU
 * (default 4). A difference inside the printed interquartile range of the per-round differences is noise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { listen, median, quantile } from './stats.ts';
import { medianIqr, page } from './trace.ts';

const dirs = { a: process.env.DIST_A, b: process.env.DIST_B };
if (!dirs.a || !dirs.b) throw new Error('DIST_A and DIST_B: two directories, each a build of the drop-in (dist/)');
const LOADS = Number(process.env.LOADS ?? 20);
const RATE = Number(process.env.RATE ?? 4);

const files = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
const builds: Record<string, Map<string, string>> = { a: files(dirs.a), b: files(dirs.b) };

const server = createServer((req, res) => {
  const [, build, file] = /^\/(a|b)\/(.*)$/.exec((req.url ?? '/').split('?')[0]!) ?? [];
  if (build && builds[build]!.has(file!))
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(builds[build]!.get(file!)!);
  if (build && file === '')
    return res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        page(
          '<script type="module" src="vitec-lead-form.js"></script>',
          '<vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form>',
        ),
      );
  res.writeHead(404).end();
});
const base = await listen(server);
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const timings: Record<'a' | 'b', number[]> = { a: [], b: [] };
try {
  for (let round = 0; round < LOADS; round++)
    for (const build of round % 2 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate: RATE });
      await tab.goto(`${base}/${build}/`);
      // As bench/render.ts: the visitor's first focus, the behaviour in and the page's idle work after it done.
      const ms = await tab.evaluate(async () => {
        await customElements.whenDefined('vitec-lead-form');
        const el = document.querySelector('vitec-lead-form') as HTMLElement & {
          updateComplete: Promise<unknown>;
          lazy: { ready(): Promise<unknown> };
        };
        await el.updateComplete;
        el.shadowRoot!.querySelector('input')!.focus();
        await el.lazy.ready();
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
        await new Promise((resolve) => setTimeout(resolve, 200));
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
        const start = performance.now();
        el.shadowRoot!.querySelector('form')!.requestSubmit();
        await el.updateComplete;
        return performance.now() - start;
      });
      timings[build].push(ms);
      await context.close();
    }
} finally {
  await browser.close();
  server.close();
}
console.log(`${LOADS} rounds at ${RATE}× CPU, the first validation (an empty submit until its errors are drawn)`);
for (const build of ['a', 'b'] as const) console.log(`${build}: ${medianIqr(timings[build])}`);
const diff = timings.b.map((ms, i) => ms - timings.a[i]!);
console.log(
  `b − a, round by round: median ${median(diff).toFixed(2)} ms (IQR ${quantile(diff, 0.25).toFixed(2)} to ${quantile(diff, 0.75).toFixed(2)})`,
);
