/**
 * Where the outbox keeps the leads Vitec could not take yet (outbox.ts), as one contract kept three ways: this
 * process's memory, a folder of files (one relay), Redis (a fleet). An entry reaches a store sealed: nothing in it
 * is readable without the relay secret.
 */

/** One queued lead as a store keeps it. */
export interface OutboxEntry {
  /** Random, and the entry's name in the store. */
  id: string;
  /** The lead, its customer id, its `Idempotency-Key` and its receipt, sealed (AES-GCM) under the relay secret. */
  sealed: string;
  /** When it was queued, ms since the epoch. */
  createdAt: number;
  /** Tries made after the first. */
  attempts: number;
  /** When it is next due, ms since the epoch. */
  nextAt: number;
}

export interface OutboxStore {
  /** Keeps `entry` unless `maxEntries` are kept already: then `full`. */
  add(entry: OutboxEntry, maxEntries: number): Promise<'added' | 'full'>;
  /**
   * Takes up to `max` entries due by `dueBy` (oldest due first) and moves each one's `nextAt` to `now + leaseMs` in
   * the same atomic step: a lease, so that no other deliverer takes it meanwhile, and one that dies holding it
   * gives it back when the lease runs out.
   */
  take(now: number, dueBy: number, leaseMs: number, max: number): Promise<OutboxEntry[]>;
  /** After a try that failed: due again at `nextAt`, with `attempts` tries made. */
  retry(id: string, nextAt: number, attempts: number): Promise<void>;
  /** Delivered, refused or expired: gone. */
  remove(id: string): Promise<void>;
  /** How many are kept, and when the oldest was queued (undefined when none). */
  stats(): Promise<{ depth: number; oldestCreatedAt?: number }>;
}
