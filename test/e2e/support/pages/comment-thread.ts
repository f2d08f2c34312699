import { expect, type Locator, type Page } from '@playwright/test';

/** A record's comment thread (account, contact, lead, deal, contract, ticket pages; issue 18). */
export class CommentThreadPanel {
  readonly root: Locator;
  readonly items: Locator;
  /** The composer at the foot of the thread (an item being edited has a composer of its own). */
  readonly input: Locator;

  constructor(
    private readonly page: Page,
    within: Locator = page.locator('body'),
  ) {
    this.root = within.getByTestId('comment-thread');
    this.items = this.root.getByTestId('comment-item');
    this.input = this.root.locator(':scope > [data-testid="comment-composer"] textarea');
  }

  item(hasText: string | RegExp): Locator {
    return this.items.filter({ hasText });
  }

  /**
   * Types `@` and the start of a colleague's name, then picks them in the picker with the keyboard only
   * (ArrowDown to the option, Enter), as a person who never leaves the keyboard would.
   */
  async mentionByKeyboard(box: Locator, namePrefix: string, name: string): Promise<void> {
    await box.pressSequentially(`@${namePrefix}`);
    const option = this.page.getByRole('option', { name });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('data-combobox-selected', 'true');
    await this.page.keyboard.press('Enter');
    await expect(option).toHaveCount(0);
  }

  /** Sends what the box holds with Ctrl+Enter. */
  async send(box: Locator = this.input): Promise<void> {
    await box.press('Control+Enter');
  }

  /** Starts editing one's own comment and returns the edit box. */
  async startEdit(item: Locator): Promise<Locator> {
    await item.getByTestId('comment-edit').click();
    const box = item.getByTestId('comment-input');
    await expect(box).toBeFocused();
    return box;
  }
}
