import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error js
import { chromiumArgs, executablePath } from '../test/chromium.js';
const file = process.env.FILE ?? 'dist/vitec-lead-form.js';
const ours = `window.__t0 = performance.now();\n${readFileSync(file, 'utf8')}
;{ await customElements.whenDefined('vitec-lead-form'); const el = document.querySelector('vitec-lead-form'); await el.updateComplete; el.shadowRoot.querySelector('form').getBoundingClientRect(); window.__t1 = performance.now(); }`;
const site = createServer((req, res) => {
  if (req.url === '/ours.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(ours);
  res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>b</title><script type="module" src="/ours.js"></script></head><body><vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form></body></html>`);
});
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
const totals: Record<string, number> = {};
const N = 4;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  const cdp = await context.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await page.goto(base + '/');
  await page.waitForFunction(() => (window as any).__t1 !== undefined);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end'); await done;
  // main thread: the renderer's CrRendererMain
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const evs = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur);
  for (const e of evs) {
    if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) continue;
    totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000 / N;
  }
  const tasks = evs.filter((e) => e.name === 'RunTask' && e.dur > 20000).map((e) => Math.round(e.dur / 1000));
  console.log('tasks>20ms', tasks);
  await context.close();
}
for (const [k, v] of Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(7), k);
await browser.close(); site.close();
