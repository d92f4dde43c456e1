/** What the bench's figures share: a row of the table, and the statistics of a series of runs. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One row of the table in docs/performance.md; `ok` is set for a row with a budget. */
export interface Row {
  figure: string;
  value: string;
  alternative: string;
  ratio: string;
  budget: string;
  ok?: boolean;
}

export const median = (values: number[]) => quantile(values, 0.5);
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const spread = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** Listens on a free port of 127.0.0.1; resolves with the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The 95 % bootstrap interval of `statistic` over `rounds` (each resampled with replacement, `times` times, from a
 * seeded generator, so that a run's interval does not change when it is printed again): how far a figure of a few
 * dozen noisy loads can be trusted.
 */
export function bootstrapInterval<T>(
  rounds: readonly T[],
  statistic: (sample: T[]) => number,
  times = 2000,
): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const values = Array.from({ length: times }, () =>
    statistic(Array.from({ length: rounds.length }, () => rounds[Math.floor(random() * rounds.length)]!)),
  );
  return [quantile(values, 0.025), quantile(values, 0.975)];
}
