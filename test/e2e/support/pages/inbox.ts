import type { Locator, Page } from '@playwright/test';

/** The inbox: what needs the person (reminders, escalations, mentions …) and the changes the server refused. */
export class Inbox {
  readonly entries: Locator;
  /** The items that ask the person to act. */
  readonly items: Locator;
  readonly badge: Locator;

  constructor(private readonly page: Page) {
    this.entries = page.getByTestId('inbox-entry');
    this.items = page.getByTestId('inbox-item');
    this.badge = page.getByTestId('inbox-count');
  }

  /** The items of one kind ('reminder', 'escalation', 'mention' …) about the record titled `title`. */
  item(kind: string, title: string): Locator {
    return this.page.locator(`[data-testid="inbox-item"][data-kind="${kind}"]`).filter({
      has: this.page.getByTestId('inbox-item-open').filter({ hasText: title }),
    });
  }

  message(item: Locator): Locator {
    return item.getByTestId('inbox-item-message');
  }

  async dismiss(item: Locator): Promise<void> {
    await item.getByTestId('inbox-item-dismiss').click();
  }

  async openRecord(item: Locator): Promise<void> {
    await item.getByTestId('inbox-item-open').click();
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
