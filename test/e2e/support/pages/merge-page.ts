import { expect, type Locator, type Page } from '@playwright/test';

/** Selecting list rows to merge, and the 合并 / Merge page (issue 19). */
export class MergePage {
  readonly page: Locator;

  constructor(private readonly browserPage: Page) {
    this.page = browserPage.getByTestId('merge-page');
  }

  /** Ticks the row of `name` in the list whose table has test id `tableId`. */
  async selectRow(tableId: string, name: string): Promise<void> {
    const row = this.browserPage
      .getByTestId(tableId)
      .getByTestId('table-row')
      .filter({ hasText: name });
    await row.getByTestId('merge-select').check();
  }

  /** Clicks 合并 (n) on the list and waits for the merge page. */
  async openFromList(): Promise<void> {
    await this.browserPage.getByTestId('merge-selected').click();
    await expect(this.page).toBeVisible();
  }

  /** The survivor chooser's radio of a record. */
  keep(id: string): Locator {
    return this.page.getByTestId(`merge-keep-${id}`);
  }

  /** How many records of a collection the merge moves, as the page shows it ("商机: 1"). */
  moves(collection: string): Locator {
    return this.page.getByTestId(`merge-moves-${collection}`);
  }

  /** Merge, then the destructive confirm. */
  async confirm(): Promise<void> {
    await this.page.getByTestId('merge-confirm').click();
    await this.browserPage.getByTestId('merge-confirm-final').click();
  }
}
