import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error js
import { chromiumArgs, executablePath } from '../test/chromium.js';
const HEAD = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>b</title><script>
  window.__lt = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
</script>`;
const file = process.env.FILE ?? 'dist/vitec-lead-form.js';
const ours = `window.__t0 = performance.now();\n${readFileSync(file, 'utf8')}
;{ window.__te = performance.now(); await customElements.whenDefined('vitec-lead-form'); const el = document.querySelector('vitec-lead-form'); await el.updateComplete; window.__tr = performance.now(); el.shadowRoot.querySelector('form').getBoundingClientRect(); window.__t1 = performance.now(); }`;
const site = createServer((req, res) => {
  if (req.url === '/ours.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(ours);
  res.writeHead(200, { 'content-type': 'text/html' }).end(`${HEAD}<script type="module" src="/ours.js"></script></head><body><vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form></body></html>`);
});
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  const cdp = await context.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + '/');
  await page.waitForFunction(() => (window as any).__t1 !== undefined);
  const a = await page.evaluate(() => ({ t0: Math.round((window as any).__t0), t1: Math.round((window as any).__t1), te: Math.round((window as any).__te), tr: Math.round((window as any).__tr), lt: [...(window as any).__lt] }));
  const v = await page.evaluate(async () => { const el = document.querySelector('vitec-lead-form') as any; const s = performance.now(); el.shadowRoot.querySelector('form').requestSubmit(); await el.updateComplete; return [Math.round(s), Math.round(performance.now() - s)]; });
  await new Promise((r) => setTimeout(r, 300));
  const lt = await page.evaluate(() => (window as any).__lt);
  console.log(JSON.stringify({ ...a, validation: v, ltAll: lt }));
  await context.close();
}
await browser.close(); site.close();
