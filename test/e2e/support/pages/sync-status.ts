import { expect, type Locator, type Page } from '@playwright/test';

/** The sync status in the shell: connection (online/offline/…) and how many local changes wait to go up. */
export class SyncStatus {
  readonly indicator: Locator;

  constructor(page: Page) {
    this.indicator = page.getByTestId('sync-status');
  }

  async expectConnection(state: 'online' | 'offline', timeout?: number): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-connection', state, { timeout });
  }

  async expectPending(count: number, timeout?: number): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-pending', String(count), { timeout });
  }
}
