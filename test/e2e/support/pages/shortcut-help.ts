import { expect, type Locator, type Page } from '@playwright/test';

/** The keyboard shortcut overlay (`?`, the header's keyboard button). */
export class ShortcutHelp {
  readonly dialog: Locator;
  readonly headerButton: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(键盘快捷键|Keyboard shortcuts)$/ });
    this.headerButton = page.getByTestId('open-shortcuts');
  }

  /** Presses `?` (shift and the slash key, as on a US or Chinese keyboard) and waits for the overlay. */
  async openWithKey(): Promise<void> {
    await this.page.keyboard.press('Shift+?');
    await expect(this.dialog).toBeVisible();
  }

  /** One shortcut's row (catalog id), with its keys and text. */
  row(id: string): Locator {
    return this.dialog.getByTestId(`shortcut-${id}`);
  }

  group(group: 'general' | 'go' | 'record' | 'list' | 'board' | 'inbox'): Locator {
    return this.dialog.getByTestId(`shortcut-group-${group}`);
  }

  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }
}
