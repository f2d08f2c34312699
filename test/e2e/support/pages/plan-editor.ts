import { expect, type Locator, type Page } from '@playwright/test';

/** An account plan: the collaborative editor, its save/sync state and who else is in it. */
export class PlanEditor {
  readonly editor: Locator;
  readonly syncState: Locator;

  constructor(private readonly page: Page) {
    this.editor = page.getByTestId('plan-content').locator('.ProseMirror');
    this.syncState = page.getByTestId('doc-sync-state');
  }

  /** Waits for the plan template (Chinese UI): its sections are there, once. */
  async expectTemplate(): Promise<void> {
    await expect(this.editor).toBeVisible();
    await expect(this.section('行动计划')).toHaveCount(1, { timeout: 15_000 });
  }

  section(heading: string): Locator {
    return this.editor.locator('h2', { hasText: heading });
  }

  /** Types at the very start or the very end of the plan. */
  async typeAt(where: 'start' | 'end', text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** The plan's text without other people's caret labels (decorations inside the editor). */
  text(): Promise<string> {
    return this.editor.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    });
  }

  /** Another person's caret label in the text. */
  caretOf(name: string): Locator {
    return this.page.locator('.collaboration-carets__label', { hasText: name });
  }

  /** Another person shown as present on the plan. */
  presenceOf(name: string): Locator {
    return this.page.locator(`[data-testid="doc-presence-user"][data-name="${name}"]`);
  }
}
