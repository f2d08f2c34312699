import type { Locator, Page } from '@playwright/test';

/** The inbox of changes the server refused, with the values that were typed. */
export class Inbox {
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.entries = page.getByTestId('inbox-entry');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-inbox').click();
  }

  reason(entry: Locator): Locator {
    return entry.getByTestId('inbox-reason');
  }

  value(entry: Locator, field: string): Locator {
    return entry.locator(`[data-testid="inbox-value"][data-field="${field}"]`);
  }
}
