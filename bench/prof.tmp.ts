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
const self: Record<string, number> = {};
const N = 5;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  const cdp = await context.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.goto(base + '/');
  await page.waitForFunction(() => (window as any).__t1 !== undefined);
  const { profile } = await cdp.send('Profiler.stop') as any;
  const dt: Record<number, number> = {};
  profile.samples.forEach((id: number, k: number) => { dt[id] = (dt[id] ?? 0) + profile.timeDeltas[k] / 1000; });
  for (const n of profile.nodes) {
    const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url ? cf.url.split('/').pop() + ':' + cf.lineNumber + ':' + cf.columnNumber : ''}`;
    self[key] = (self[key] ?? 0) + (dt[n.id] ?? 0) / N;
  }
  await context.close();
}
for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(2).padStart(7), k);
await browser.close(); site.close();
