import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { openDatabase } from './open';

/** The lock on real files in a temp folder, and through openDatabase on real PGlite. */
describe('data folder lock', () => {
  let dir: string;
  const lockFile = () => join(dir, LOCK_FILE);
  const holder = () =>
    JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; host: string };
  /** A pid that was alive a moment ago and is not any more. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-lock-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the holder into the folder, refuses a second holder, and removes the file on release', () => {
    const lock = lockDataDir(dir);
    expect(holder()).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock whose process is gone, with a warning', () => {
    const pid = deadPid();
    writeFileSync(lockFile(), JSON.stringify({ pid, host: hostname(), since: 'earlier' }));
    const warn = vi.fn();
    const lock = lockDataDir(dir, { warn });
    expect(holder().pid).toBe(process.pid);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatchObject({ stale: { pid } });
    lock.release();
  });

  it('takes over a lock with its own pid that it does not hold (a restart that reused the pid)', () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 'boot' }),
    );
    const lock = lockDataDir(dir);
    expect(holder()).toMatchObject({ pid: process.pid });
    expect(readFileSync(lockFile(), 'utf8')).not.toContain('boot');
    lock.release();
  });

  it('takes over an unreadable lock file', () => {
    writeFileSync(lockFile(), '');
    const lock = lockDataDir(dir);
    expect(holder().pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another host, whose pids it cannot check', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: deadPid(), host: 'elsewhere', since: 'x' }));
    expect(() => lockDataDir(dir)).toThrow(/on elsewhere.*DATABASE_URL/s);
    expect(holder().host).toBe('elsewhere');
  });

  it('leaves a lock alone on release once another process has taken it over', () => {
    const lock = lockDataDir(dir);
    const other = JSON.stringify({ pid: 1, host: hostname(), since: 'later' });
    writeFileSync(lockFile(), other);
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe(other);
  });

  it('PGlite holds its data folder from open to close', { timeout: 60_000 }, async () => {
    const sql = await openDatabase({ dataDir: dir });
    try {
      expect(holder().pid).toBe(process.pid);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
      await sql.query('SELECT 1');
    } finally {
      await sql.close();
    }
    expect(existsSync(lockFile())).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
