/**
 * Where the element's first drawing goes, step by step, beside the Lit floor's (bench/lit-floor.ts): each step's self
 * time at 1× (its time less the steps inside it), timed in the page around the element's own methods, which a classic
 * script wraps as `customElements.define` registers the class. The traces (trace.ts) say how much the page pays in
 * all; this says which of the element's steps to trim. The pages are cross-origin isolated, so that
 * `performance.now()` is precise to microseconds, not to the tenth of a millisecond it is otherwise rounded to.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { listen, median, type Row } from './stats.ts';
import { buildLitFloor, page } from './trace.ts';

/** The steps, each a method of the element (Lit's or ours), in the order they first run. */
const STEPS = [
  ['define', 'customElements.define and the upgrade (Lit finalizing the properties, the constructor)'],
  ['createRenderRoot', 'shadow root (the floor adopts its stylesheet there; ours, as the first render begins)'],
  ['replaceSync', "the stylesheet's parse (CSSStyleSheet replaceSync)"],
  ['connectedCallback', 'connectedCallback'],
  ['willUpdate', 'willUpdate'],
  ['render', 'render'],
  ['update', "Lit's commit of the templates"],
  ['performUpdate', 'the rest of the update'],
] as const;
type Step = (typeof STEPS)[number][0];

/**
 * Wraps the steps of the element `tag` as it is defined, and the parse of a stylesheet wherever it comes (ours, after
 * the upgrade); the probe logs their spans once it has drawn.
 */
const hook = (tag: string) => `(() => {
  const spans = (window.__spans = []);
  const replaceSync = CSSStyleSheet.prototype.replaceSync;
  CSSStyleSheet.prototype.replaceSync = function (text) {
    spans.push(['replaceSync', performance.now()]);
    try { return replaceSync.call(this, text); } finally { spans.push(['replaceSync', performance.now()]); }
  };
  const define = customElements.define;
  customElements.define = function (name, constructor, options) {
    if (name !== ${JSON.stringify(tag)}) return define.call(this, name, constructor, options);
    for (const step of ${JSON.stringify(STEPS.map(([step]) => step).filter((step) => step !== 'define' && step !== 'replaceSync'))}) {
      let owner = constructor.prototype;
      while (!Object.getOwnPropertyDescriptor(owner, step)) owner = Object.getPrototypeOf(owner);
      const method = owner[step];
      constructor.prototype[step] = function (...args) {
        spans.push([step, performance.now()]);
        try { return method.apply(this, args); } finally { spans.push([step, performance.now()]); }
      };
    }
    spans.push(['define', performance.now()]);
    try { return define.call(this, name, constructor, options); } finally { spans.push(['define', performance.now()]); }
  };
})();`;

const probe = (tag: string) => `await customElements.whenDefined('${tag}');
await document.querySelector('${tag}').updateComplete;
console.log('spans ' + JSON.stringify(window.__spans));`;

/** Self time of each step in one load: its span less the spans of the steps it ran inside it. */
function selfTimes(marks: [Step, number][]): Record<Step, number> {
  const self = Object.fromEntries(STEPS.map(([step]) => [step, 0])) as Record<Step, number>;
  const open: { step: Step; at: number; inner: number }[] = [];
  for (const [step, at] of marks) {
    if (open.at(-1)?.step !== step || open.length === 0) {
      open.push({ step, at, inner: 0 });
      continue;
    }
    const span = open.pop()!;
    self[step] += at - span.at - span.inner;
    if (open.length) open.at(-1)!.inner += at - span.at;
  }
  return self;
}

/** `loads` fresh loads of ours and of the Lit floor, alternated: each step's median self time, ms. */
async function measure(loads: number): Promise<Record<'ours' | 'lit', Record<Step, number>[]>> {
  const dist = new URL('../dist/', import.meta.url);
  const files = new Map(
    readdirSync(dist)
      .filter((name) => /^vitec-lead-form[\w-]*\.js$/.test(name))
      .map((name) => [name, readFileSync(new URL(name, dist), 'utf8')]),
  );
  files.set('lit.js', await buildLitFloor());
  const tags = { ours: 'vitec-lead-form', lit: 'lit-floor-form' };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.slice(1);
    const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    const js = (body: string) => res.writeHead(200, { 'content-type': 'text/javascript', ...isolated }).end(body);
    const kind = path === 'ours' || path === 'lit' ? path : undefined;
    if (kind) {
      const script = kind === 'ours' ? 'vitec-lead-form.js' : 'lit.js';
      const attributes = kind === 'ours' ? ' endpoint="/x" customer-id="C"' : '';
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolated })
        .end(
          page(
            `<script>${hook(tags[kind])}</script><script type="module" src="/${script}"></script><script type="module" src="/${kind}-probe.js"></script>`,
            `<${tags[kind]}${attributes}></${tags[kind]}>`,
          ),
        );
    }
    if (path === 'ours-probe.js') return js(probe(tags.ours));
    if (path === 'lit-probe.js') return js(probe(tags.lit));
    if (files.has(path)) return js(files.get(path)!);
    res.writeHead(404).end();
  });
  const base = await listen(server);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const result: Record<'ours' | 'lit', Record<Step, number>[]> = { ours: [], lit: [] };
  try {
    for (let i = 0; i < loads; i++)
      for (const kind of ['ours', 'lit'] as const) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const logged = new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${kind}: no spans in 30 s`)), 30_000);
          tab.on('console', (message) => {
            if (!message.text().startsWith('spans ')) return;
            clearTimeout(timer);
            resolve(message.text().slice(6));
          });
        });
        await tab.goto(`${base}/${kind}`);
        result[kind].push(selfTimes(JSON.parse(await logged) as [Step, number][]));
        await context.close();
      }
  } finally {
    await browser.close();
    server.close();
  }
  return result;
}

export async function lifecycleFigures(loads: number): Promise<Row[]> {
  const measured = await measure(loads);
  const summary = (kind: 'ours' | 'lit') => {
    const medians = STEPS.map(([step, name]) => [name, median(measured[kind].map((load) => load[step]))] as const);
    const total = median(measured[kind].map((load) => STEPS.reduce((sum, [step]) => sum + load[step], 0)));
    return {
      text: `${medians.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')}; in all ${total.toFixed(1)}`,
      total,
    };
  };
  const ours = summary('ours');
  const lit = summary('lit');
  return [
    {
      figure: `the element's first drawing at 1×, step by step: median self time in ms (${loads} loads each, alternated; timed in the page around the element's methods)`,
      value: ours.text,
      alternative: `Lit floor: ${lit.text}`,
      ratio: `${(ours.total / lit.total).toFixed(2)}× the Lit floor's`,
      budget: '',
    },
  ];
}
