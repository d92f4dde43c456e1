/**
 * What the form costs the broker's page, read from Chrome traces over the DevTools protocol (no script injected into
 * the page: Playwright's evaluate and waitForFunction would add tasks of their own). Three pages, alternated, each
 * load in a fresh context: ours (the built drop-in), the Lit floor (bench/lit-floor.ts: our five fields and
 * stylesheet in a bare LitElement) and the same form in plain HTML. Each page marks `laid-out` (user timing) once its
 * form has layout, and logs `settled` once the page is idle after it (for ours: what it loads at idle arrived).
 *
 * - At 1×: main-thread CPU per load (the renderer main thread's task thread-time, navigation to settled), split by
 *   what the time was spent in (each event's self time: script evaluation, other script, style, layout, the lazy
 *   chunk, other).
 * - At 4× (a mid-range phone): the tasks over 50 ms, with what each spent most in; the time to a laid-out form; the
 *   blocking time (Σ over tasks of their time past 50 ms), ours minus the plain page's in the same round.
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { chromiumArgs, executablePath } from '../test/support/chromium.js';
import { BUILD_TARGET } from '../build/browsers.ts';
import { bootstrapInterval, listen, median, quantile, type Row } from './stats.ts';

export type Kind = 'ours' | 'campaign' | 'lit' | 'plain';
export const KINDS: Kind[] = ['ours', 'lit', 'plain'];
/** Ours on a campaign's landing page (tags in its URL): the page view that the visit's recording is fetched for. */
const CAMPAIGN_QUERY = '?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=jul';

/** A trace event as Chrome writes it (times in µs). */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface Load {
  /** Main-thread CPU of the load, ms, and its parts by what it was spent in. */
  cpuMs: number;
  parts: Record<Part, number>;
  /** Navigation to the `laid-out` mark, ms (wall). */
  laidOutMs: number;
  /** Σ over main-thread tasks of (wall time − 50 ms), ms. */
  blockingMs: number;
  /** Tasks over 50 ms (wall), with the part each spent most in, and whether it was mostly the page's script. */
  longTasks: { ms: number; cpuMs: number; mostly: Part; script: boolean }[];
  /** The longest thread time of a task that was mostly script (the form's, not the browser's own loading), ms. */
  longestScriptCpuMs: number;
}

export type Part = 'evaluation' | 'script' | 'style' | 'layout' | 'lazy chunk' | 'parse and paint' | 'other';
export const PARTS: Part[] = ['evaluation', 'script', 'style', 'layout', 'lazy chunk', 'parse and paint', 'other'];

const FIELDS: [string, string, string][] = [
  ['firstName', 'Förnamn', 'text'],
  ['lastName', 'Efternamn', 'text'],
  ['email.emailAddress', 'E-post (valfritt)', 'email'],
  ['telephone.cell', 'Mobiltelefon (valfritt)', 'tel'],
  ['message', 'Meddelande (valfritt)', 'textarea'],
];

/**
 * Marks `laid-out` once `form` has layout, then logs `settled` once the page is idle after `ready`; or `unsettled` when
 * `came` (an expression) is then false. The layout is observed, not forced: a ResizeObserver's first report comes in
 * the rendering step after the browser's own layout, where `getBoundingClientRect()` would run style and layout inside
 * the task that drew the form (a long task of the probe's making, which no real page has).
 */
export const finish = (form: string, ready = 'Promise.resolve()', came = 'true') =>
  `await new Promise((resolve) => {
  const observer = new ResizeObserver(() => (observer.disconnect(), resolve()));
  observer.observe(${form});
});
performance.mark('laid-out');
await ${ready};
await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }));
await new Promise((resolve) => setTimeout(resolve, 200));
console.log(${came} ? 'settled' : 'unsettled');`;

/**
 * Ours: the entry as shipped, and beside it a module of the bench's own that waits for the form and then for what a
 * page loads of it with no visitor acting (not appended to the entry: a chunk imports the entry, whose evaluation would
 * then wait for itself). The behaviour (with the check of the attributes) comes at the first focus, and the visit's
 * recording only for a page view that brings the visit something new. On the campaign landing, that recording is
 * fetched at idle, and `visitRecorded` (which a form whose page view was recorded answers from memory) says when it is
 * done. On a page view with nothing new, the probe confirms at the end that no lazy file came (a load where one did
 * fails: it would not be the page the row describes); `strict` false skips that, for a build of any age (bench/ab.ts).
 */
export const oursProbe = (campaign: boolean, strict = true) =>
  probe(
    'vitec-lead-form',
    campaign ? 'new Promise((resolve) => requestIdleCallback(resolve)).then(() => el.visitRecorded)' : undefined,
    strict && !campaign
      ? "!performance.getEntriesByType('resource').some((entry) => /\\/vitec-lead-form-[\\w-]+\\.js/.test(entry.name))"
      : undefined,
  );

/**
 * The bench's own module beside a form's script, the same for ours and the Lit floor (each page loads its form's
 * script and this as two modules, so that neither pays for a request the other does not make): waits for the element,
 * its first render and `ready`, then marks and logs as `finish` does.
 */
const probe = (tag: string, ready?: string, came?: string) => `await customElements.whenDefined('${tag}');
const el = document.querySelector('${tag}');
await el.updateComplete;
${finish("el.shadowRoot.querySelector('form')", ready, came)}`;

export const plainForm = `<form novalidate>${FIELDS.map(
  ([name, text, type]) =>
    `<div><label for="${name}">${text}</label>${type === 'textarea' ? `<textarea id="${name}" name="${name}" rows="5"></textarea>` : `<input id="${name}" name="${name}" type="${type}">`}</div>`,
).join('')}<button>Skicka</button></form>`;

export const page = (head: string, body: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;

/** The Lit floor, built as the drop-in is (same target, minified), in memory. */
export async function buildLitFloor(): Promise<string> {
  const outDir = join(tmpdir(), `vitec-lit-floor-${process.pid}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      target: BUILD_TARGET,
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: new URL('lit-floor.ts', import.meta.url).pathname,
        formats: ['es'],
        fileName: () => 'lit-floor.js',
      },
    },
  });
  const code = readFileSync(join(outDir, 'lit-floor.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return code;
}

/** Serves the three pages and the built files. */
async function site(): Promise<{ base: string; close: () => void }> {
  const dist = new URL('../dist/', import.meta.url);
  const entry = readFileSync(new URL('vitec-lead-form.js', dist), 'utf8');
  const chunks = new Set(readdirSync(dist).filter((name) => /^vitec-lead-form-[\w-]+\.js$/.test(name)));
  const lit = await buildLitFloor();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.slice(1);
    const js = (body: string) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (path === 'vitec-lead-form.js') return js(entry);
    if (path === 'ours.js') return js(oursProbe(false));
    if (path === 'campaign.js') return js(oursProbe(true));
    if (chunks.has(path)) return js(readFileSync(new URL(path, dist), 'utf8'));
    if (path === 'lit.js') return js(lit);
    if (path === 'lit-probe.js') return js(probe('lit-floor-form'));
    if (path === 'plain.js') return js(finish("document.querySelector('form')"));
    if (path === 'ours' || path === 'campaign')
      return html(
        page(
          `<script type="module" src="/vitec-lead-form.js"></script><script type="module" src="/${path}.js"></script>`,
          '<vitec-lead-form endpoint="/x" customer-id="C"></vitec-lead-form>',
        ),
      );
    if (path === 'lit')
      return html(
        page(
          '<script type="module" src="/lit.js"></script><script type="module" src="/lit-probe.js"></script>',
          '<lit-floor-form></lit-floor-form>',
        ),
      );
    if (path === 'plain') return html(page('<script type="module" src="/plain.js"></script>', plainForm));
    if (process.env.BENCH_DEBUG) console.error('404', path);
    res.writeHead(404).end();
  });
  return { base: await listen(server), close: () => server.close() };
}

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];

async function trace(cdp: CDPSession, load: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

function partOf(event: TraceEvent): Part | undefined {
  switch (event.name) {
    case 'EvaluateScript':
    case 'v8.evaluateModule':
    case 'v8.compile':
    case 'v8.compileModule':
      return 'evaluation';
    case 'FunctionCall':
    case 'RunMicrotasks':
    case 'TimerFire':
    case 'FireIdleCallback':
    case 'EventDispatch':
      return 'script';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
    case 'ParseAuthorStyleSheet':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'ParseHTML':
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'Commit':
    case 'UpdateLayer':
      return 'parse and paint';
    default:
      return undefined;
  }
}

/** The figures of one load from its trace. */
function analyse(events: TraceEvent[]): Load {
  const laidOut = events.find((e) => e.name === 'laid-out' && e.cat.includes('blink.user_timing'));
  if (!laidOut) throw new Error('no laid-out mark in the trace');
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === laidOut.pid && e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? laidOut.tid;
  const thread = events
    .filter((e) => e.pid === laidOut.pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === laidOut.pid);
  const start = navigation?.ts ?? thread[0]?.ts ?? laidOut.ts;
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ts >= start);
  // The lazy chunks' work: the script and evaluation of every task from the first one's compilation on the main thread
  // (the visit's recording at idle on a campaign's landing page; the behaviour and its schema, were they fetched with
  // no visitor acting); module evaluation events carry no URL to tell them by. The browser's own work in those tasks
  // (loading, style, painting) keeps its part, as it does on the floors' pages after their form is drawn.
  const lazyFrom = Math.min(
    ...thread.filter((e) => /-(behaviour|attribution)-/.test(e.args?.data?.url ?? '')).map((e) => e.ts),
  );

  const parts = Object.fromEntries(PARTS.map((part) => [part, 0])) as Record<Part, number>;
  const longTasks: Load['longTasks'] = [];
  let cpu = 0;
  let blocking = 0;
  let longestScriptCpu = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Self thread-time of each event (its time less its children's), so that the parts add up to the task.
    const selfOf = new Map<TraceEvent, number>();
    const stack: TraceEvent[] = [task];
    selfOf.set(task, task.tdur ?? task.dur!);
    for (const event of inside) {
      while (stack.length > 1 && event.ts >= stack.at(-1)!.ts + stack.at(-1)!.dur!) stack.pop();
      const parent = stack.at(-1)!;
      const own = event.tdur ?? event.dur!;
      selfOf.set(parent, selfOf.get(parent)! - own);
      selfOf.set(event, own);
      stack.push(event);
    }
    const taskParts = Object.fromEntries(PARTS.map((part) => [part, 0])) as Record<Part, number>;
    // An event with no part of its own counts toward the part of the nearest event around it that has one.
    const partAround = new Map<TraceEvent, Part>([[task, 'other']]);
    const around: TraceEvent[] = [task];
    const lazy = task.ts >= lazyFrom;
    for (const event of inside) {
      while (around.length > 1 && event.ts >= around.at(-1)!.ts + around.at(-1)!.dur!) around.pop();
      // Within a lazy chunk's script, what it forces (style, layout) is the chunk's too.
      const parent = partAround.get(around.at(-1)!)!;
      const part = parent === 'lazy chunk' ? parent : (partOf(event) ?? parent);
      partAround.set(event, lazy && (part === 'evaluation' || part === 'script') ? 'lazy chunk' : part);
      around.push(event);
    }
    for (const [event, self] of selfOf) taskParts[partAround.get(event)!] += Math.max(0, self) / 1000;
    const taskCpu = (task.tdur ?? task.dur!) / 1000;
    cpu += taskCpu;
    // Mostly script: the page's own code (and the style and layout it forced) ran most of the task.
    const script = taskParts.evaluation + taskParts.script + taskParts['lazy chunk'] > taskCpu / 2;
    if (script) longestScriptCpu = Math.max(longestScriptCpu, taskCpu);
    for (const part of PARTS) parts[part] += taskParts[part];
    const wall = task.dur! / 1000;
    blocking += Math.max(0, wall - 50);
    if (wall > 50)
      longTasks.push({
        ms: wall,
        cpuMs: taskCpu,
        mostly: PARTS.reduce((a, b) => (taskParts[b] > taskParts[a] ? b : a)),
        script,
      });
  }
  return {
    cpuMs: cpu,
    parts,
    laidOutMs: (laidOut.ts - start) / 1000,
    blockingMs: blocking,
    longTasks,
    longestScriptCpuMs: longestScriptCpu,
  };
}

export async function loadOnce(openPage: () => Promise<Page>, url: string, rate: number): Promise<Load> {
  const tab = await openPage();
  try {
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const settled = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${url} did not settle in 60 s`)), 60_000);
      tab.on('pageerror', (error) => process.env.BENCH_DEBUG && console.error(url, error));
      tab.on('console', (message) => {
        if (process.env.BENCH_DEBUG) console.error(url, message.text());
        if (message.text() === 'unsettled')
          reject(new Error(`${url}: the page did not load at idle what its row describes`));
        if (message.text() === 'settled') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const events = await trace(cdp, async () => {
      await tab.goto(url);
      await settled;
    });
    return analyse(events);
  } finally {
    await tab.context().close();
  }
}

/** `loads` fresh loads of each page of `kinds` at CPU `rate`×, the pages alternated within each round. */
export async function measureTraces(
  loads: number,
  rate: number,
  kinds: readonly Kind[] = KINDS,
): Promise<Record<Kind, Load[]>> {
  const served = await site();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const result: Record<Kind, Load[]> = { ours: [], campaign: [], lit: [], plain: [] };
  try {
    for (let i = 0; i < loads; i++)
      for (const kind of kinds) {
        const url = `${served.base}/${kind}${kind === 'campaign' ? CAMPAIGN_QUERY : ''}`;
        result[kind].push(await loadOnce(async () => (await browser.newContext()).newPage(), url, rate));
      }
  } finally {
    await browser.close();
    served.close();
  }
  return result;
}

/** Median and interquartile range, as `12.3 ms (IQR 11.0–14.1)`. */
export function medianIqr(values: number[], unit = 'ms'): string {
  return `${median(values).toFixed(1)} ${unit} (IQR ${quantile(values, 0.25).toFixed(1)}–${quantile(values, 0.75).toFixed(1)})`;
}

const fixed = (value: number) => value.toFixed(1);
const ms = (value: number) => `${fixed(value)} ms`;

/** The trace rows of the table, each against its budget. */
export async function traceFigures(
  budget: { extraCpuRatio: number; longTaskMs: number; addedBlockingMs: number; laidOutRatio: number },
  loads: number,
): Promise<Row[]> {
  const at1 = await measureTraces(loads, 1, [...KINDS, 'campaign']);
  const at4 = await measureTraces(loads, 4);
  const cpu = (kind: Kind) => at1[kind].map((load) => load.cpuMs);
  // What each form adds to the plain page's main-thread time, load by load (the rounds are paired).
  const extra = (kind: Kind) => at1[kind].map((load, i) => load.cpuMs - at1.plain[i]!.cpuMs);
  const extraRatio = median(extra('ours')) / median(extra('lit'));
  // The rounds are resampled whole (ours, the floor and the plain page of one round together), as they were paired.
  const rounds = at1.ours.map((_, i) => i);
  const [ratioLow, ratioHigh] = bootstrapInterval(rounds, (sample) => {
    const extraOf = (kind: Kind) => sample.map((i) => at1[kind][i]!.cpuMs - at1.plain[i]!.cpuMs);
    return median(extraOf('ours')) / median(extraOf('lit'));
  });
  const parts = (kind: Kind) =>
    PARTS.map((part) => `${part} ${fixed(median(at1[kind].map((load) => load.parts[part])))}`).join(', ');
  // A task the form causes: mostly script (the browser's own loading tasks are long at 4× on a plain page too), over
  // 50 ms on the slow CPU, or whose thread time at 1× would be over 50 ms four times slower.
  const scriptTasks = (kind: Kind) => at4[kind].flatMap((load) => load.longTasks.filter((task) => task.script));
  const longWall = scriptTasks('ours');
  const longestCpuTimes4 = Math.max(...at1.ours.map((load) => load.longestScriptCpuMs)) * 4;
  const longestWall = Math.max(0, ...longWall.map((task) => task.ms));
  const mostly = [...new Set(longWall.map((task) => task.mostly))].join(', ') || 'none';
  const added = (kind: Kind) => at4[kind].map((load, i) => load.blockingMs - at4.plain[i]!.blockingMs);
  const longestOf = (kind: Kind) => ms(Math.max(0, ...scriptTasks(kind).map((task) => task.ms)));
  const laidOut = (kind: Kind) => at4[kind].map((load) => load.laidOutMs);
  const laidOutRatio = median(laidOut('ours')) / median(laidOut('lit'));
  return [
    {
      figure: `main-thread CPU per load at 1×, navigation to idle with what loads at idle in (${loads} loads each, alternated; trace thread time)`,
      value: medianIqr(cpu('ours')),
      alternative: `Lit floor ${medianIqr(cpu('lit'))}; plain HTML ${medianIqr(cpu('plain'))}`,
      ratio: `${extraRatio.toFixed(2)}× the Lit floor's extra over plain HTML (${ms(median(extra('ours')))} vs ${ms(median(extra('lit')))}; 95 % bootstrap interval of the ratio ${ratioLow.toFixed(2)}–${ratioHigh.toFixed(2)}×)`,
      budget: `≤ ${budget.extraCpuRatio}×`,
      ok: extraRatio <= budget.extraCpuRatio,
    },
    {
      figure: 'where it goes at 1×, median ms by part (self time of the events in each task)',
      value: parts('ours'),
      alternative: `Lit floor: ${parts('lit')}; plain: ${parts('plain')}`,
      ratio: '',
      budget: '',
    },
    {
      figure: `main-thread CPU per load at 1× on a campaign's landing page (${CAMPAIGN_QUERY}: the visit's recording fetched and stored at idle), alternated with the rows above`,
      value: medianIqr(cpu('campaign')),
      alternative: `ours on a page view with nothing new ${medianIqr(cpu('ours'))}`,
      ratio: `${(median(extra('campaign')) / median(extra('lit'))).toFixed(2)}× the Lit floor's extra over plain HTML (${ms(median(extra('campaign')))}); parts: ${parts('campaign')}`,
      budget: '',
    },
    {
      figure: `tasks over 50 ms of mostly script at 4× (${loads} loads; also the longest such task's 1× thread time × 4)`,
      value: `${longWall.length} in ${loads} loads, longest ${ms(longestWall)} (mostly ${mostly}); longest 1× task × 4: ${ms(longestCpuTimes4)}`,
      alternative: `Lit floor: ${scriptTasks('lit').length}, longest ${longestOf('lit')}; plain: ${scriptTasks('plain').length} (tasks over 50 ms of any kind: ours ${at4.ours.flatMap((load) => load.longTasks).length}, Lit floor ${at4.lit.flatMap((load) => load.longTasks).length}, plain ${at4.plain.flatMap((load) => load.longTasks).length})`,
      ratio: '',
      budget: `none over ${budget.longTaskMs} ms`,
      ok: longestWall <= budget.longTaskMs && longestCpuTimes4 <= budget.longTaskMs,
    },
    {
      figure: `added blocking time at 4×, ours minus plain HTML in the same round (${loads} loads)`,
      value: medianIqr(added('ours')),
      alternative: `ours ${medianIqr(at4.ours.map((load) => load.blockingMs))}; plain ${medianIqr(at4.plain.map((load) => load.blockingMs))}; the Lit floor adds ${medianIqr(added('lit'))}`,
      ratio: '',
      budget: `≤ ${budget.addedBlockingMs} ms median`,
      ok: median(added('ours')) <= budget.addedBlockingMs,
    },
    {
      figure: `navigation to a laid-out form at 4× (${loads} loads each)`,
      value: medianIqr(laidOut('ours')),
      alternative: `Lit floor ${medianIqr(laidOut('lit'))}; plain HTML ${medianIqr(laidOut('plain'))}`,
      ratio: `${laidOutRatio.toFixed(2)}× the Lit floor`,
      budget: `≤ ${budget.laidOutRatio}×`,
      ok: laidOutRatio <= budget.laidOutRatio,
    },
  ];
}
