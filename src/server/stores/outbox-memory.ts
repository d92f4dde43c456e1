/** The outbox in this process's memory: the default of one relay without `OUTBOX_DIR` (a restart loses it). */
import type { OutboxEntry, OutboxStore } from './outbox-contract.js';

export class MemoryOutboxStore implements OutboxStore {
  private readonly entries = new Map<string, OutboxEntry>();

  async add(entry: OutboxEntry, maxEntries: number): Promise<'added' | 'full'> {
    if (this.entries.size >= maxEntries) return 'full';
    this.entries.set(entry.id, { ...entry });
    return 'added';
  }

  async take(now: number, dueBy: number, leaseMs: number, max: number): Promise<OutboxEntry[]> {
    const due = [...this.entries.values()]
      .filter((entry) => entry.nextAt <= dueBy)
      .sort((a, b) => a.nextAt - b.nextAt)
      .slice(0, max);
    for (const entry of due) entry.nextAt = now + leaseMs;
    return due.map((entry) => ({ ...entry }));
  }

  /** The entry `id`, if kept (a copy). */
  get(id: string): OutboxEntry | undefined {
    const entry = this.entries.get(id);
    return entry && { ...entry };
  }

  async retry(id: string, nextAt: number, attempts: number): Promise<void> {
    const entry = this.entries.get(id);
    if (entry) Object.assign(entry, { nextAt, attempts });
  }

  async remove(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async stats(): Promise<{ depth: number; oldestCreatedAt?: number }> {
    let oldest: number | undefined;
    for (const entry of this.entries.values())
      if (oldest === undefined || entry.createdAt < oldest) oldest = entry.createdAt;
    return oldest === undefined ? { depth: 0 } : { depth: this.entries.size, oldestCreatedAt: oldest };
  }
}
