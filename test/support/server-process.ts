import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The real `npm run server` entry point as a child process: for tests that must SIGKILL it, and for the
 * browser journeys (each gets its own server on its own data directory and port).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL (a crash) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop) and wait for the exit. */
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  port: number;
  /** PGlite data directory; ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  /** Web origins the server answers cross-origin calls from (`--cors-origins`); the server's default if unset. */
  corsOrigins?: readonly string[];
  /** How long to wait for /health (tsx and PGlite's WASM start slowly on a busy 2-core machine). */
  startTimeoutMs?: number;
}

/** Spawns `node --import tsx sync/server/main.ts` and resolves once it answers /health. */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const args = [
    '--import',
    'tsx',
    'sync/server/main.ts',
    '--port',
    String(options.port),
    '--log-level',
    options.logLevel ?? 'warn',
    ...(options.corsOrigins ? ['--cors-origins', options.corsOrigins.join(',')] : []),
    ...(options.databaseUrl
      ? ['--database-url', options.databaseUrl]
      : ['--data-dir', options.dataDir ?? '']),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const running: ServerProcess = {
    url,
    port: options.port,
    child,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} on start`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return running;
    if (Date.now() > deadline) {
      await running.kill();
      throw new Error(`server on port ${options.port} did not answer /health`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
