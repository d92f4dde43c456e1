/**
 * `npm run bench`: bytes, render time and relay overhead, each beside its alternative in the same run,
 * as ratios (these machines are shared and noisy). Prints one table; exits 1 when a budget is missed.
 * Needs `npm run build` first (the drop-in is measured as shipped).
 */
import { writeFileSync } from 'node:fs';
import { bytesFigures } from './bytes.ts';
import { lifecycleFigures } from './lifecycle.ts';
import { outboxFigures } from './outbox.ts';
import { performanceDoc } from './performance-doc.ts';
import { relayFigures } from './relay.ts';
import { renderFigures } from './render.ts';
import { traceFigures } from './trace.ts';
import type { Row } from './stats.ts';

const BUDGET = {
  gzipBytes: 14_600,
  totalGzipBytes: 28_032,
  extraCpuRatio: 2,
  laidOutRatio: 1.15,
  addedBlockingMs: 20,
  longTaskMs: 50,
  validationMs: 50,
  keystrokeMs: 16,
  p99AddedMs: 2,
  throughputShare: 0.5,
  redisMedianAboveMs: 1,
};
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const RELAY_REPEATS = 3;

const only = process.env.BENCH_ONLY;
const rows: Row[] = [
  ...(await bytesFigures(BUDGET)),
  ...(only === 'relay' || only === 'outbox' ? [] : await traceFigures(BUDGET, LOADS)),
  ...(only === 'relay' || only === 'outbox' ? [] : await lifecycleFigures(LOADS)),
  ...(only === 'relay' || only === 'outbox' ? [] : await renderFigures(BUDGET, LOADS)),
  ...(only === 'render' || only === 'outbox' ? [] : await relayFigures(BUDGET, RELAY_REPEATS)),
  ...(only === 'render' || only === 'relay' ? [] : await outboxFigures(RELAY_REPEATS)),
];

const header: Row = {
  figure: 'figure',
  value: 'vitec-lead-form',
  alternative: 'alternative, same run',
  ratio: 'ratio',
  budget: 'budget',
  ok: undefined,
};
const table = [
  `| ${header.figure} | ${header.value} | ${header.alternative} | ${header.ratio} | ${header.budget} | |`,
  '|---|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| ${row.figure} | ${row.value} | ${row.alternative} | ${row.ratio} | ${row.budget} | ${row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED'} |`,
  ),
].join('\n');
console.log(`\n${table}`);
const budgets = rows.filter((row) => row.ok !== undefined);
const missed = budgets.filter((row) => !row.ok);
console.log(`\n${budgets.length - missed.length} passed, ${missed.length} failed`);
// Only a full run is the record: a partial one (BENCH_ONLY) prints and leaves the docs alone.
if (!only)
  writeFileSync(
    new URL('../docs/performance.md', import.meta.url),
    performanceDoc(table, budgets.length - missed.length, missed.length),
  );
process.exit(missed.length ? 1 : 0);
