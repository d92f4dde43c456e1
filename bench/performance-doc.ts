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
- **All browser files.** The entry and the lazily loaded chunk together: what a visitor who sends a
  lead downloads in all. The chunk arrives while they read, so it does not delay the form. Beside it,
  the one-file build: what splitting costs in bytes.
- **Render.** On a mid-range phone (what 4× CPU throttling stands for), the time from the script's
  first statement to a laid-out form, against the same form written by hand with no framework.
- **Added blocking time.** While a task over 50 ms runs, a tap waits: the sum over the load's tasks of
  their time past 50 ms, ours minus the hand-written form's on the same machine (whose own load is over
  50 ms here): how much longer the page feels stuck because of the form.
- **First interaction.** A visitor who taps into the form and types at once, while the rest of the form
  is still arriving: the longest task until all of it is in. Over 50 ms, the typing stutters.
- **First validation and keystrokes.** How long an empty submit takes to show its errors once the page
  is idle (the behaviour has arrived), and how long one keystroke takes to re-render.
- **Relay.** What the relay adds to a lead. A real Vitec answers in tens to hundreds of milliseconds, so
  at these figures the relay is not what a visitor waits for. CPU time per lead is what a relay
  instance costs to run: it is given beside a bare keep-alive \`node:http\` pass-through proxy (the least
  any relay can do) and beside a Hono app on \`@hono/node-server\` that forwards with no checks at all
  (the least a relay built on Hono can do). The forwarder row compares the shipped undici pool with a
  \`node:http\` keep-alive agent in the same relay. The Redis row is the relay of a fleet
  (\`REDIS_URL\`) beside one with its store in memory, both sent a new \`Idempotency-Key\` per lead as
  the element sends them: what sharing through Redis adds to a visitor's wait.

## How it is measured

Bytes with \`zlib\` (gzip level 9, brotli quality 11). Render in headless system Chromium through
playwright-core, a fresh browser context per load, \`Emulation.setCPUThrottlingRate\` 4, from the
bundle's first statement to a forced layout of the form; long tasks from a \`longtask\`
PerformanceObserver. The relay with autocannon on 127.0.0.1, the mock, the relay and each alternative
in a process of its own (\`bench/servers.ts\`), alternated within each repeat, each lead to a relay
sent from an address of its own (as many visitors send them; one client sending thousands of leads a
minute is what the rate limit refuses); CPU time from
\`process.cpuUsage()\` in the server process before and after each run, divided by the leads answered.
`;
}
