/**
 * `DIST_A=<dir> DIST_B=<dir> npx tsx bench/ab.ts`: two builds of the drop-in side by side, to measure what one change
 * costs the page's main thread before it goes in. Each load is a fresh context, as in `npm run bench`; the two builds
 * (copies of `dist/` before and after the change) and the plain-HTML form are alternated in every round, the order of
 * the two flipped each round, and the difference is taken round by round. `LOADS` (default 30) rounds, at `RATE`×
 * CPU (default 1): the main-thread CPU, the time to a laid-out form and the blocking time. A difference inside the printed
 * interquartile range of the per-round differences is noise.
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { twoBuilds } from './builds.ts';
import { listen, median, quantile } from './stats.ts';
import { finish, type Load, loadOnce, medianIqr, oursProbe, page, PARTS, plainForm } from './trace.ts';

const LOADS = Number(process.env.LOADS ?? 30);
const RATE = Number(process.env.RATE ?? 1);
const builds = twoBuilds();

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  const js = (body: string) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
  const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  const [, build, file] = /^\/(a|b)\/(.*)$/.exec(path) ?? [];
  if (build && file === 'probe.js') return js(oursProbe(false, false));
  if (build && builds[build]!.has(file!)) return js(builds[build]!.get(file!)!);
  if (build && file === '')
    return html(
      page(
        '<script type="module" src="vitec-lead-form.js"></script><script type="module" src="probe.js"></script>',
        '<vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form>',
      ),
    );
  if (path === '/plain.js') return js(finish("document.querySelector('form')"));
  if (path === '/plain') return html(page('<script type="module" src="/plain.js"></script>', plainForm));
  res.writeHead(404).end();
});
const base = await listen(server);
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const loads: Record<'a' | 'b' | 'plain', Load[]> = { a: [], b: [], plain: [] };
try {
  for (let round = 0; round < LOADS; round++)
    for (const kind of round % 2 ? (['a', 'b', 'plain'] as const) : (['b', 'a', 'plain'] as const))
      loads[kind].push(
        await loadOnce(
          async () => (await browser.newContext()).newPage(),
          `${base}/${kind === 'plain' ? 'plain' : `${kind}/`}`,
          RATE,
        ),
      );
} finally {
  await browser.close();
  server.close();
}
const cpu = (kind: keyof typeof loads) => loads[kind].map((load) => load.cpuMs);
const parts = (kind: keyof typeof loads) =>
  PARTS.map((part) => `${part} ${median(loads[kind].map((load) => load.parts[part])).toFixed(2)}`).join(', ');
console.log(`${LOADS} rounds at ${RATE}× CPU, main-thread CPU per load (trace thread time)`);
for (const kind of ['a', 'b', 'plain'] as const) console.log(`${kind}: ${medianIqr(cpu(kind))}; ${parts(kind)}`);
/** Build b's figure less build a's, round by round: median and interquartile range. */
const roundByRound = (figure: (load: Load) => number) => {
  const diff = loads.b.map((load, i) => figure(load) - figure(loads.a[i]!));
  return `median ${median(diff).toFixed(2)} ms (IQR ${quantile(diff, 0.25).toFixed(2)} to ${quantile(diff, 0.75).toFixed(2)})`;
};
console.log(`b − a, round by round: ${roundByRound((load) => load.cpuMs)}`);
for (const kind of ['a', 'b', 'plain'] as const)
  console.log(
    `${kind}: laid out ${medianIqr(loads[kind].map((load) => load.laidOutMs))}, blocking ${medianIqr(loads[kind].map((load) => load.blockingMs))}`,
  );
console.log(`laid out, b − a round by round: ${roundByRound((load) => load.laidOutMs)}`);
console.log(`blocking, b − a round by round: ${roundByRound((load) => load.blockingMs)}`);
