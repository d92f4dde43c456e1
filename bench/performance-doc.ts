/**
 * docs/performance.md, written by `npm run bench` after a full run: the run's table with what each
 * figure means to a visitor. No figure in it is typed by hand.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
// @ts-expect-error: a plain JS module shared with the test runner's config.
import { executablePath } from '../test/support/chromium.js';

function chromiumVersion(): string {
  try {
    return execFileSync(executablePath as string, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

export function performanceDoc(table: string, passed: number, failed: number): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${chromiumVersion()}`;
  return `# Performance

Written by \`npm run bench\` (it builds first; not part of \`npm test\`) at the end of its last full run,
${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${machine}. Budgets: ${passed} ok, ${failed} missed.

Every figure is measured beside its alternative in the same run and given as a ratio, with its run
count and spread, because the machines are shared and noisy; compare ratios, not milliseconds, across
runs.

${table}

## What the figures mean for a visitor

- **Bytes before the form is drawn.** The entry file and anything it imports statically (nothing, by
  design). 14,600 bytes is what a server sends in its first round trip (ten TCP segments, RFC 6928): a
  file within it arrives with the page's first answer, a larger one costs one more round trip, often
  0.3 s or more on a phone. The floor row is Lit, the same \`zod/mini\` schema and the form's texts and
  CSS with none of the element's behaviour, built the same way.
- **All browser files.** The entry and the lazily loaded chunks together (the behaviour, with the check of the
  attributes, fetched at the visitor's first focus in the form; the visit's recording, fetched when the page is idle on
  a page view that brings the visit tags or another site, and with the behaviour otherwise): what a visitor who sends a lead
  downloads in all. The chunks arrive while they read and type, so they do not delay the form. Beside it, the
  one-file build: what splitting costs in bytes; and what an interest, booking or valuation form loads besides.
- **Main-thread CPU.** What drawing the form costs the page's main thread, from navigation until the page
  is idle with what it loads at idle in, beside two floors in the same run: the Lit floor (a bare LitElement with
  our five fields and stylesheet, \`bench/lit-floor.ts\`) and the same form in plain HTML. What a
  framework form cannot avoid is the Lit floor's extra over plain HTML; the budget is twice that. Beside the ratio,
  its 95 % bootstrap interval (the paired rounds resampled 2,000 times): the floor's extra is a small difference of two
  noisy figures, so one run's ratio can be well off the true one, and the interval says how far. The parts
  row says where ours goes (script evaluation, other script such as Lit's first render, style, layout,
  the script of the lazy chunks once the first arrives, with the style and layout it forces, parsing and painting, and the
  browser's own loading, \`other\`), beside the floors'. The page is
  one of a visit's many with nothing new for its attribution (no query, no other site as referrer): at idle it loads
  nothing more, as the behaviour (with the check of the attributes) waits for a visitor's focus. The campaign row is the same form on a campaign's landing
  page, where the visit's recording is fetched and stored at idle: what the first page of a campaign visit costs. The
  first line of each of our files is V8's compile hint (\`//# allFunctionsCalledOnLoad\`, \`build/chunk-plugins.ts\`):
  Chromium compiles its functions on a background thread as the file streams in, where it would otherwise compile each
  on the main thread the first time it is called. The floors are written as a site's developer would write them, with
  no hint.
- **The first drawing, step by step.** Where the element's own work goes, beside the Lit floor's: defining the
  element and upgrading the one in the page (Lit finalizing the reactive properties, the constructor and its
  controllers), the shadow root, the stylesheet's parse (ours is adopted as the first render begins, so that no frame
  of the empty element comes between the two tasks), \`connectedCallback\`, \`willUpdate\`, \`render\` (our template
  functions), Lit's commit of the templates to the DOM (the first commit also prepares each template, and on the
  floor's page compiles Lit's code), and the rest of the update. Each step's self time, timed in the page around the
  element's methods (the pages cross-origin isolated, so that the timer is precise to microseconds): what to trim,
  where the traces say how much the page pays in all.
- **Long tasks.** While a task over 50 ms runs, a tap waits, and Lighthouse counts the excess as Total
  Blocking Time. At 4× (a mid-range phone) the browser's own loading tasks are over 50 ms on a plain page
  too, so the row counts the tasks that were mostly script, with the longest task's 1× thread time × 4
  beside it (the wall time at 4× swings with the shared machine; thread time does not), and the Lit floor's
  count and longest beside ours.
- **Added blocking time.** The sum over the load's tasks of their time past 50 ms, ours minus the plain
  page's in the same round: how much the form adds to a page's Total Blocking Time on a phone. Beside it, what the
  Lit floor adds in the same rounds: what a framework form costs there before any feature of ours.
- **Laid-out form.** From navigation to a form with layout at 4×, against the Lit floor: when a visitor
  first sees the form.
- **First validation and keystrokes.** How long an empty submit takes to show its errors once the page
  is idle after the visitor's first focus in the form (which fetches the behaviour, then has its schema built and one check rehearsed in idle tasks of
  their own, so that the first submit finds the check's code compiled), and how long one keystroke takes to re-render: over 16 ms, typing
  misses a frame.
- **Relay.** What the relay adds to a lead. A real Vitec answers in tens to hundreds of milliseconds, so
  at these figures the relay is not what a visitor waits for. CPU time per lead is what a relay
  instance costs to run: it is given beside a bare keep-alive \`node:http\` pass-through proxy (the least
  any relay can do) and beside a Hono app on \`@hono/node-server\` that forwards with no checks at all
  (the least a relay built on Hono can do). The forwarder row compares the shipped undici pool with a
  \`node:http\` keep-alive agent in the same relay. The Redis row is the relay of a fleet
  (\`REDIS_URL\`) beside one with its store in memory, both sent a new \`Idempotency-Key\` per lead as
  the element sends them: what sharing through Redis adds to a visitor's wait.

## How it is measured

Bytes with \`zlib\` (gzip level 9, brotli quality 11). Drawing from Chrome traces (\`bench/trace.ts\`):
headless system Chromium through playwright-core and the DevTools protocol, a fresh browser context per
load, the three pages alternated within each round, \`Emulation.setCPUThrottlingRate\` 1 and 4, the
\`Tracing\` domain's events of the renderer's main thread (top-level tasks' thread time; each nested
event's self time for the parts); nothing injected into the page (each page marks \`laid-out\` and logs
\`settled\` itself, from a module of the bench's own that ours and the Lit floor each load beside their script, and
that is the plain page's only script; it observes the form's first layout with a \`ResizeObserver\` rather than
forcing one, so that no task is longer for the probe). Interactions timed in the page once it is idle (\`bench/render.ts\`). The relay with autocannon on 127.0.0.1, the mock, the relay and each alternative
in a process of its own (\`bench/servers.ts\`), alternated within each repeat, each lead to a relay
sent from an address of its own (as many visitors send them; one client sending thousands of leads a
minute is what the rate limit refuses); CPU time from
\`process.cpuUsage()\` in the server process before and after each run, divided by the leads answered.
`;
}
