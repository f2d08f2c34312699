import type { Locator, Page } from '@playwright/test';

/**
 * What waits to sync, where it shows: the mark on a record's page, the marks on list rows, the header's counts
 * and the 等待同步 / Waiting to sync page.
 */
export class PendingChanges {
  /** The mark on a record's page (its fields in data-fields). */
  readonly recordMark: Locator;
  readonly headerCount: Locator;
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(private readonly page: Page) {
    this.recordMark = page.getByTestId('pending-mark');
    this.headerCount = page.getByTestId('sync-pending');
    this.rows = page.getByTestId('pending-row');
    this.empty = page.getByTestId('pending-empty');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-pending').click();
  }

  /** The marks in a list's rows (a row's mark names its record in data-record-id). */
  rowMarks(list: Locator): Locator {
    return list.getByTestId('pending-row-mark');
  }

  /** The page's row of one record. */
  row(recordId: string): Locator {
    return this.page.locator(`[data-testid="pending-row"][data-record-id="${recordId}"]`);
  }
}
