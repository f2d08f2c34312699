import type { Locator, Page } from '@playwright/test';

/** Global search (the header button or Ctrl+K). */
export class GlobalSearch {
  constructor(private readonly page: Page) {}

  async open(via: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (via === 'keyboard') await this.page.keyboard.press('Control+k');
    else await this.page.getByTestId('open-search').click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('search-input').fill(text);
  }

  result(hasText: string): Locator {
    return this.page.getByTestId('search-result').filter({ hasText });
  }
}
