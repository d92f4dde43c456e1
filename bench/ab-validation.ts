/**
 * `DIST_A=<dir> DIST_B=<dir> npx tsx bench/ab-validation.ts`: the first validation (an empty submit until its errors
 * are drawn, timed in the page as bench/render.ts times it) of two builds of the drop-in, alternated load by load with
 * the order flipped each round, and the difference taken round by round. `LOADS` (default 20) rounds at `RATE`× CPU
 * (default 4). A difference inside the printed interquartile range of the per-round differences is noise.
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { twoBuilds } from './builds.ts';
import { interactions } from './render.ts';
import { listen, median, quantile } from './stats.ts';
import { medianIqr, page } from './trace.ts';

const LOADS = Number(process.env.LOADS ?? 20);
const RATE = Number(process.env.RATE ?? 4);
const builds = twoBuilds();

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
      const ms = (await interactions(tab)).validation;
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
