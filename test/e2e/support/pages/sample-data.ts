import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → sample data (local workspaces): load a set and read what it says it wrote and added. */
export class SampleData {
  readonly progressText: Locator;
  readonly done: Locator;

  constructor(private readonly page: Page) {
    this.progressText = page.getByTestId('sample-progress-text');
    this.done = page.getByTestId('sample-done');
  }

  /** Loads the set of this size from the settings page and waits until it says it is done. */
  async load(size: 'S' | 'M' | 'L' = 'S'): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('sample-size').getByText(size, { exact: true }).click();
    await this.page.getByTestId('load-sample').click();
    await expect(this.done).toBeVisible({ timeout: 150_000 });
  }

  /** The numbers in the last progress line: written `done` of `total`. */
  async written(): Promise<{ done: number; total: number }> {
    const text = (await this.progressText.textContent()) ?? '';
    const [done, total] = (text.match(/\d+/g) ?? []).map(Number);
    return { done: done ?? NaN, total: total ?? NaN };
  }

  /** The number of records the result says were added. */
  async added(): Promise<number> {
    const text = (await this.done.textContent()) ?? '';
    return Number(text.match(/\d+/)?.[0] ?? NaN);
  }
}
