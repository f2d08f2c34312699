import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';

/**
 * One process per PGlite data folder. PGlite has no postmaster to refuse a second process: two servers on one
 * folder both start, neither sees the other's writes, and the one that writes last overwrites the other's.
 */

/** The lock's name inside the data folder (PostgreSQL ignores files it does not know there). */
export const LOCK_FILE = 'crm-server.lock';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  since: z.string(),
});
/** Who holds a data folder, as written in its lock file. */
export type LockHolder = z.infer<typeof holderSchema>;

/** Folders this process holds: its own pid in a lock file means "held here" only if listed (else a restart reused it). */
const heldHere = new Set<string>();

/** A second server was pointed at a data folder that a running server holds. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Data folder ${dataDir} is in use by another sync server (pid ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}). An embedded (PGlite) data folder serves one process only: stop that ` +
        `server, or run several nodes on PostgreSQL (DATABASE_URL or --database-url). If no server runs ` +
        `there any more, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours (idempotent). */
  release(): void;
}

/**
 * Takes `dataDir` (which must exist) for this process: creates its lock file atomically (`wx`), or takes over
 * a stale one (its pid no longer alive on this host, or unreadable) with a warning. Throws
 * DataDirLockedError when a live process holds it, here or on another host (whose pids we cannot check).
 */
export function lockDataDir(dataDir: string, log?: Pick<Logger, 'warn'>): DataDirLock {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  } satisfies LockHolder);
  for (let attempt = 0; !tryCreate(path, mine); attempt++) {
    const text = readIfPresent(path);
    if (text === undefined) continue; // released between our attempt and our read
    const parsed = holderSchema.safeParse(safeJson(text));
    const holder = parsed.success ? parsed.data : undefined;
    if (holder && isLive(holder, dir)) throw new DataDirLockedError(dir, holder);
    // Two starters racing for the same stale lock: after a few rounds, give up rather than loop.
    if (attempt >= 3) throw new Error(`Could not take the data folder lock ${path}`);
    log?.warn(
      { dataDir: dir, stale: holder ?? text },
      'taking over the data folder lock of a server that is no longer running',
    );
    // Remove only what was judged stale: another starter may have replaced it meanwhile.
    if (readIfPresent(path) === text) removeIfPresent(path);
  }
  heldHere.add(dir);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      if (readIfPresent(path) === mine) removeIfPresent(path);
    },
  };
}

function isLive(holder: LockHolder, dir: string): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(dir);
  try {
    process.kill(holder.pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
