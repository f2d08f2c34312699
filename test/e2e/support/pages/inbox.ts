import { expect, type Locator, type Page } from '@playwright/test';

/** The inbox: what needs the person (reminders, escalations, mentions …) and the changes the server refused. */
export class Inbox {
  readonly entries: Locator;
  /** The items that ask the person to act. */
  readonly items: Locator;
  readonly badge: Locator;
  /** The item that has the keyboard focus. */
  readonly focusedItem: Locator;

  constructor(private readonly page: Page) {
    this.entries = page.getByTestId('inbox-entry');
    this.items = page.getByTestId('inbox-item');
    this.badge = page.getByTestId('inbox-count');
    this.focusedItem = page.locator('[data-testid="inbox-item"]:focus');
  }

  /** Presses Tab, as a person would, until an item has the focus (the list has one item in the Tab order). */
  async tabIn(): Promise<void> {
    await expect(this.page.locator('[data-testid="inbox-item"][tabindex="0"]')).toHaveCount(1);
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press('Tab');
      if ((await this.focusedItem.count()) > 0) return;
    }
    throw new Error('Tab never reached the inbox items');
  }

  /** The record title of an item (what its link says). */
  async titleOf(item: Locator): Promise<string> {
    return (await item.getByTestId('inbox-item-open').textContent()) ?? '';
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
