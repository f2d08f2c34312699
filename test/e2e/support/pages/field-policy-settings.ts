import type { Locator, Page } from '@playwright/test';

/** Settings → field permissions (字段权限): which fields are hidden from whom. */
export class FieldPolicySettings {
  readonly card: Locator;
  readonly saved: Locator;

  constructor(private readonly page: Page) {
    this.card = page.getByTestId('field-policy-card');
    this.saved = page.getByTestId('field-policy-saved');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
  }

  restricted(collection: string, field: string): Locator {
    return this.card.getByTestId(`field-policy-${collection}-${field}-restricted`);
  }

  /** Turns a field's restriction on or off and saves. */
  async restrict(collection: string, field: string, on: boolean): Promise<void> {
    const toggle = this.restricted(collection, field);
    if ((await toggle.isChecked()) !== on) await toggle.click({ force: true });
    await this.card.getByTestId('field-policy-save').click();
  }
}
