import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A list drawn by VirtualTable, as a keyboard user meets it: a grid with one row in the Tab order, moved with the
 * arrow keys or j/k, opened with Enter (issue 16).
 */
export class RecordGrid {
  readonly grid: Locator;
  /** The row that has the keyboard focus. */
  readonly focusedRow: Locator;

  constructor(
    private readonly page: Page,
    testId: string,
  ) {
    this.grid = page.getByTestId(testId);
    this.focusedRow = this.grid.locator('[role="row"]:focus');
  }

  /** The body row that shows this text. */
  row(hasText: string): Locator {
    return this.grid.locator('[role="row"][data-row-index]').filter({ hasText });
  }

  /** Presses Tab (from wherever the focus is) until a row of this grid has the focus. */
  async tabIn(): Promise<void> {
    await expect(this.grid.locator('[role="row"][tabindex="0"]')).toHaveCount(1);
    for (let i = 0; i < 40; i++) {
      await this.page.keyboard.press('Tab');
      if ((await this.focusedRow.count()) > 0) return;
    }
    throw new Error('Tab never reached the grid');
  }

  /** Presses a key on the focused row. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Waits until the row showing this text has the focus. */
  async expectFocusOn(hasText: string): Promise<void> {
    await expect(this.focusedRow).toContainText(hasText);
  }
}
