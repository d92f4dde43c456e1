/**
 * The outbox in a folder (`OUTBOX_DIR`), for one relay that must not lose a queued lead to a restart or a crash:
 * one file per lead, holding only the sealed entry. A file is written whole or not at all (a temporary file,
 * `fsync`, `rename`, then the folder `fsync`ed), so a crash mid-write leaves no half lead; a temporary file left by
 * one is removed at start. The entries are also held in memory, read from the folder at start: the folder is one
 * relay's (two relays on one folder would each deliver its leads).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxEntry, OutboxStore } from './outbox-contract.js';
import { MemoryOutboxStore } from './outbox-memory.js';

const SUFFIX = '.lead';
const TEMPORARY = '.tmp';
const NAME = /^[\w-]{1,64}$/;

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Opens the outbox in `folder` (made if missing, readable by this user only), with what a crash left in it. */
export async function openFolderOutbox(folder: string): Promise<OutboxStore & { folder: string }> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const memory = new MemoryOutboxStore();
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (name.endsWith(TEMPORARY)) await unlink(path).catch(() => undefined);
    if (!name.endsWith(SUFFIX)) continue;
    try {
      const entry = JSON.parse(await readFile(path, 'utf8')) as OutboxEntry;
      if (NAME.test(entry.id) && `${entry.id}${SUFFIX}` === name) await memory.add(entry, Infinity);
    } catch {
      // Not an entry (a file of someone else's, or damaged outside the relay): left where it is, never sent.
    }
  }

  const write = async (entry: OutboxEntry) => {
    const temporary = join(folder, `${entry.id}.${randomUUID()}${TEMPORARY}`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(entry));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, join(folder, `${entry.id}${SUFFIX}`));
    await syncFolder(folder);
  };

  return {
    folder,
    async add(entry, maxEntries) {
      if (!NAME.test(entry.id)) throw new Error('an outbox entry id is a name of word characters');
      if ((await memory.stats()).depth >= maxEntries) return 'full';
      await write(entry);
      return memory.add(entry, Infinity);
    },
    take: (now, dueBy, leaseMs, max) => memory.take(now, dueBy, leaseMs, max),
    async retry(id, nextAt, attempts) {
      await memory.retry(id, nextAt, attempts);
      const entry = memory.get(id);
      if (entry) await write(entry);
    },
    async remove(id) {
      await memory.remove(id);
      await unlink(join(folder, `${id}${SUFFIX}`)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await syncFolder(folder);
    },
    stats: () => memory.stats(),
  };
}
