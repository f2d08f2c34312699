import type { Locator, Page } from '@playwright/test';

/** Settings → 退出登录 / Sign out: the dialog that counts unsynced work and offers to sync first. */
export class SignOutDialog {
  readonly dialog: Locator;
  /** What the server has not acknowledged yet (records, plans and notes); absent when all is synced. */
  readonly unsynced: Locator;
  readonly offlineHint: Locator;
  readonly allSynced: Locator;
  readonly syncFirst: Locator;
  /** 仍然退出 while something is unsynced, 退出登录 otherwise. */
  readonly confirm: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.unsynced = this.dialog.getByTestId('sign-out-pending');
    this.offlineHint = this.dialog.getByTestId('sign-out-offline');
    this.allSynced = this.dialog.getByTestId('sign-out-all-synced');
    this.syncFirst = this.dialog.getByTestId('sign-out-sync-first');
    this.confirm = this.dialog.getByTestId('sign-out-confirm');
  }

  /** Opens the dialog from the settings page (the shell's settings link first). */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('leave-workspace').click();
  }
}
