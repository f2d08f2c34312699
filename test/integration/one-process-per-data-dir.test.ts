import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../sync/server/db/data-dir-lock';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run server` on `dataDir` as a child process, run to its exit: its exit code and what it wrote to stderr. */
async function runServerToExit(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sync/server/main.ts', '--port', String(port), '--data-dir', dataDir],
    { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

const holderPid = (dataDir: string) =>
  (JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

/** The embedded engine serves one process per data folder: a second server on it must not start. */
describe('one server process per PGlite data folder', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-lock-it-'));
  const children: ServerProcess[] = [];
  afterAll(async () => {
    for (const child of children) await child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on a folder a running server holds, naming its pid and PostgreSQL', async () => {
    const first = await spawnServer({ port: await freePort(), dataDir });
    children.push(first);
    expect(holderPid(dataDir)).toBe(first.child.pid);

    const second = await runServerToExit(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`pid ${first.child.pid}`);
    expect(second.stderr).toContain('DATABASE_URL');
    // The first server is untouched and still holds the folder.
    expect((await fetch(`${first.url}/health`)).ok).toBe(true);
    expect(holderPid(dataDir)).toBe(first.child.pid);

    // A clean stop gives the folder back.
    await first.stop();
    expect(first.child.exitCode).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a server that was killed', async () => {
    const crashed = await spawnServer({ port: await freePort(), dataDir });
    children.push(crashed);
    await crashed.kill();
    // SIGKILL leaves the lock behind with a pid that no longer runs.
    expect(holderPid(dataDir)).toBe(crashed.child.pid);

    const next = await spawnServer({ port: await freePort(), dataDir });
    children.push(next);
    expect(holderPid(dataDir)).toBe(next.child.pid);
    await next.stop();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
