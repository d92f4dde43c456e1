/**
 * Where the relay keeps the first answer for each `Idempotency-Key`. The default lives in memory and is
 * bounded; a deployment of several instances plugs in a shared store (Redis, Workers KV) with the same
 * two methods.
 */
export interface StoredAnswer {
  status: number;
  body: string;
  /** SHA-256 of the lead that was sent, so a key reused for another lead is refused. */
  fingerprint: string;
  /** Whether Vitec decided for good (200, 400). Only final answers are stored. */
  final: boolean;
}

export interface IdempotencyStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  set(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
}

/** An in-memory store with a time-to-live and at most `maxEntries` keys (the oldest go first). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, { answer: StoredAnswer; expires: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<StoredAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  async set(key: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { answer, expires: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
