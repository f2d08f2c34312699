import { join } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from './static-server';
import type { BenchContext } from '../types';

/** Debian's Chromium with the flags these machines need (docs/architecture.md "Electron on these machines"). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Timers and rendering must not be throttled while the page is "in the background" of a headless run.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
/** One fixed origin: IndexedDB belongs to host + port, and seeded profiles are reused across invocations. */
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? 4319);
/** The bench page's origin: servers the page talks to must allow it (the socket-ticket fetch is a CORS request). */
export const BENCH_WEB_ORIGIN = `http://127.0.0.1:${WEB_PORT}`;
/**
 * The app build served at `/` (default out/web). Another build on the same origin and profile — e.g. the
 * previous commit's, built aside — gives paired A/B runs of B6 (README "Benchmarks").
 */
const APP_DIR = process.env.BENCH_APP_DIR;

export interface BenchBrowser {
  context: BrowserContext;
  origin: string;
  /** A page on the benchmark page with window.__bench ready. */
  benchPage(): Promise<Page>;
  /** A page on the app (out/web) at a route, e.g. '#/accounts'. */
  appPage(route: string): Promise<Page>;
  close(): Promise<void>;
}

let statics: StaticServer | null = null;
let staticsUsers = 0;

/** Where benchmarks put files the page fetches (B11's import files), served at `/bench-files/`. */
export function benchFilesDir(ctx: BenchContext): string {
  return join(ctx.workDir, 'files');
}

async function acquireStatics(ctx: BenchContext): Promise<StaticServer> {
  staticsUsers += 1;
  statics ??= await startStaticServer(
    {
      '/bench/': join(ctx.root, 'out', 'bench'),
      '/bench-files/': benchFilesDir(ctx),
      '/': APP_DIR ?? join(ctx.root, 'out', 'web'),
    },
    WEB_PORT,
  );
  return statics;
}

async function releaseStatics(): Promise<void> {
  staticsUsers -= 1;
  if (staticsUsers === 0 && statics) {
    await statics.close();
    statics = null;
  }
}

/**
 * Launches Chromium on a persistent profile (so a data set seeded into IndexedDB once is reused by later
 * runs and invocations) or a throwaway one (`profile: null`).
 */
export async function launchBrowser(
  ctx: BenchContext,
  profile: string | null,
): Promise<BenchBrowser> {
  const server = await acquireStatics(ctx);
  const dir = profile
    ? join(ctx.workDir, 'profiles', profile)
    : join(ctx.workDir, 'profiles', `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => ctx.log(`  [page error] ${error.message}`));
    page.on('console', (message) => {
      // (The static server has no favicon; Chromium asks for one.)
      if (message.type() === 'error' && !message.text().includes('404'))
        ctx.log(`  [console] ${message.text().slice(0, 300)}`);
    });
  };
  return {
    context,
    origin: server.url,
    async benchPage() {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      await page.goto(`${server.url}/bench/`);
      await page.waitForFunction(
        () => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true,
      );
      return page;
    },
    async appPage(route: string) {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      await page.goto(`${server.url}/${route}`);
      return page;
    },
    async close() {
      await context.close();
      await releaseStatics();
      if (!profile) rmSync(dir, { recursive: true, force: true });
    },
  };
}
