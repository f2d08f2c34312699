import { test as base, type Page } from '@playwright/test';
import { CrmApp } from './crm-app';
import { withJourneyServer, type JourneyServer } from './sync-server';
import { TeamApi } from './team-api';

/** A second (third …) computer: its own browser context, so its own replica and storage. */
export interface Laptop {
  page: Page;
  app: CrmApp;
}

interface JourneyFixtures {
  /** The journey's own sync server (started only for journeys that ask for it). */
  syncServer: JourneyServer;
  /** The app in the test's own page. */
  app: CrmApp;
  /** Opens another laptop; closed after the test. */
  openLaptop: () => Promise<Laptop>;
  /** Set-up through the journey server's REST API. */
  teamApi: TeamApi;
}

/**
 * Journeys import `test` from here: every journey that talks to a server gets a server of its own, on a free
 * port and a fresh data directory, stopped and removed after it; journeys that work locally start none.
 */
export const test = base.extend<JourneyFixtures>({
  syncServer: [
    async ({ baseURL }, use) => {
      // The server answers the web build's origin only (its CORS allow-list).
      await withJourneyServer(new URL(baseURL ?? 'http://127.0.0.1').origin, use);
    },
    // tsx and PGlite's WASM start slowly on a busy 2-core machine; not counted in the test's own timeout.
    { timeout: 120_000 },
  ],
  app: async ({ page }, use) => {
    await use(new CrmApp(page));
  },
  openLaptop: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      return { page, app: new CrmApp(page) };
    });
    for (const context of contexts) await context.close();
  },
  teamApi: async ({ request, syncServer }, use) => {
    await use(new TeamApi(request, syncServer.url));
  },
});

export { expect } from '@playwright/test';
